package dev.corsfilter.internal;

import dev.corsfilter.OriginResolver;
import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;

import java.util.ArrayList;
import java.util.List;

/**
 * The builder's rules for who may call: each configured origin must be one a browser can send, and the
 * combinations that would let any site act as its visitors are refused (any origin, {@code null}, an
 * {@code http://} origin, a subdomain pattern over a public suffix, or a resolver that allows anything,
 * each with credentials), unless the policy opted into the two that have a {@code dangerously…} switch.
 */
public final class OriginValidation {

    /** An origin nobody can own ({@code .invalid} is reserved by RFC 2606), to catch resolvers that allow anything. */
    private static final String MADE_UP_ORIGIN = "https://cors-filter-probe.invalid";

    /**
     * What a policy says about origins, as its builder holds it.
     *
     * @param origins the configured origins and patterns, {@code *} included if given
     * @param anyOrigin whether {@code allowAnyOrigin()} was called
     * @param nullOrigin whether {@code allowNullOrigin()} was called
     * @param credentials whether credentials are allowed
     * @param insecureOptIn whether {@code dangerouslyAllowInsecureOriginsWithCredentials()} was called
     * @param publicSuffixOptIn whether {@code dangerouslyAllowPublicSuffixWildcardsWithCredentials()} was called
     * @param resolver the origin resolver, or null
     */
    public record Settings(List<String> origins, boolean anyOrigin, boolean nullOrigin, boolean credentials,
                           boolean insecureOptIn, boolean publicSuffixOptIn, OriginResolver resolver) {

        /**
         * Whether every origin is allowed: {@code allowAnyOrigin()}, or {@code *} among the origins.
         *
         * @return true for an any-origin policy
         */
        public boolean wildcard() {
            return anyOrigin || origins.contains("*");
        }
    }

    private OriginValidation() {
    }

    /**
     * Checks the origins and their combination with credentials.
     *
     * @param settings what the policy says about origins
     * @param problems where problems are added
     * @return the parsed origins and patterns; empty for an any-origin policy
     */
    public static List<OriginPattern> validate(Settings settings, List<PolicyProblem> problems) {
        boolean wildcard = settings.wildcard();
        List<OriginPattern> patterns = new ArrayList<>();
        for (String origin : settings.origins()) {
            if (!"*".equals(origin)) {
                OriginPattern pattern = OriginPattern.parse(origin, "allowedOrigins", problems);
                if (pattern != null) {
                    patterns.add(pattern);
                }
            }
        }
        if (wildcard && !settings.origins().stream().allMatch("*"::equals)) {
            problems.add(new PolicyProblem("allowedOrigins", String.join(", ", settings.origins()),
                    PolicyRule.ORIGIN_WILDCARD_MIXED, "\"*\" allows every origin, so listing specific origins"
                    + " beside it is meaningless; keep either \"*\" or the list"));
        }
        if (!wildcard && settings.origins().isEmpty() && !settings.nullOrigin()) {
            problems.add(new PolicyProblem("allowedOrigins", "", PolicyRule.NO_ORIGIN,
                    "no origin is allowed; call allowedOrigins(...) with the origins of your web front ends,"
                            + " or allowAnyOrigin() (allowed-origins=*) for a public API"));
        }
        if (settings.credentials()) {
            checkWithCredentials(settings, patterns, problems);
        }
        return wildcard ? List.of() : patterns;
    }

    private static void checkWithCredentials(Settings settings, List<OriginPattern> patterns,
                                             List<PolicyProblem> problems) {
        if (settings.wildcard()) {
            problems.add(new PolicyProblem("allowCredentials", "true", PolicyRule.ANY_ORIGIN_WITH_CREDENTIALS,
                    "allowing every origin together with credentials would let any web site act as its visitors;"
                            + " list the trusted origins instead"));
        }
        if (settings.nullOrigin()) {
            problems.add(new PolicyProblem("allowNullOrigin", "null", PolicyRule.NULL_ORIGIN_WITH_CREDENTIALS,
                    "the null origin cannot be combined with credentials: any page can send Origin: null from a"
                            + " sandboxed iframe and would then act as its visitors"));
        }
        for (OriginPattern pattern : patterns) {
            if (pattern.isInsecure() && !settings.insecureOptIn()) {
                problems.add(new PolicyProblem("allowedOrigins", pattern.raw(),
                        PolicyRule.INSECURE_ORIGIN_WITH_CREDENTIALS, "\"" + pattern + "\" is not served over TLS, so"
                        + " anyone on the network can answer for it and act as its users; with credentials use https,"
                        + " or call dangerouslyAllowInsecureOriginsWithCredentials()"
                        + " (dangerously-allow-insecure-origins-with-credentials=true) if you accept the risk"));
            }
            if (pattern.subdomains() && !pattern.isLoopback() && PublicSuffixes.isPublicSuffix(pattern.host())
                    && !settings.publicSuffixOptIn()) {
                problems.add(new PolicyProblem("allowedOrigins", pattern.raw(),
                        PolicyRule.PUBLIC_SUFFIX_WITH_CREDENTIALS, "\"" + pattern + "\" trusts every site registered under"
                        + " the public suffix \"" + pattern.host() + "\"; with credentials list your own domains, or call"
                        + " dangerouslyAllowPublicSuffixWildcardsWithCredentials()"
                        + " (dangerously-allow-public-suffix-wildcards-with-credentials=true) if you accept the risk"));
            }
        }
        if (settings.resolver() != null && allowsMadeUpOrigin(settings.resolver())) {
            problems.add(new PolicyProblem("originResolver", String.valueOf(settings.resolver()),
                    PolicyRule.ANY_ORIGIN_WITH_CREDENTIALS, "the origin resolver allowed a made-up origin ("
                    + MADE_UP_ORIGIN + "), so it seems to allow every origin, which cannot be combined with credentials"));
        }
    }

    /**
     * Asks the resolver about an origin nobody can own. A resolver that fails here is not judged, with the
     * same exceptions as on requests: errors of the JVM itself ({@code OutOfMemoryError} and the other
     * {@link VirtualMachineError}s but {@code StackOverflowError}) are not the resolver's answer.
     */
    private static boolean allowsMadeUpOrigin(OriginResolver resolver) {
        try {
            return resolver.allows(MADE_UP_ORIGIN);
        } catch (StackOverflowError e) {
            return false;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }
}
