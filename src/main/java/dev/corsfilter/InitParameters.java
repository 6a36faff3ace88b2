package dev.corsfilter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds a {@link CorsPolicy} from filter init-params ({@code web.xml}, {@code @WebFilter}), one param per
 * builder setting. Unknown names are errors, not silently ignored: a misspelt {@code allowed-origin} would
 * otherwise leave a filter that allows nothing, with no clue why.
 */
final class InitParameters {

    static final String ALLOWED_ORIGINS = "allowed-origins";
    static final String ALLOWED_METHODS = "allowed-methods";
    static final String ALLOWED_HEADERS = "allowed-headers";
    static final String EXPOSED_HEADERS = "exposed-headers";
    static final String ALLOW_CREDENTIALS = "allow-credentials";
    static final String MAX_AGE = "max-age";
    static final String PREFLIGHT_STATUS = "preflight-status";
    static final String ALLOW_NULL_ORIGIN = "allow-null-origin";
    static final String INSECURE_ORIGINS = "dangerously-allow-insecure-origins-with-credentials";
    static final String PUBLIC_SUFFIX_WILDCARDS = "dangerously-allow-public-suffix-wildcards-with-credentials";

    /** Every name this filter reads. */
    static final Set<String> NAMES = Set.of(ALLOWED_ORIGINS, ALLOWED_METHODS, ALLOWED_HEADERS, EXPOSED_HEADERS,
            ALLOW_CREDENTIALS, MAX_AGE, PREFLIGHT_STATUS, ALLOW_NULL_ORIGIN, INSECURE_ORIGINS, PUBLIC_SUFFIX_WILDCARDS);

    private InitParameters() {
    }

    /**
     * Builds the policy the params describe.
     *
     * @param params param names to values
     * @return the policy
     * @throws InvalidCorsPolicyException listing every problem, those of the params and of the policy
     */
    static CorsPolicy toPolicy(Map<String, String> params) {
        List<PolicyProblem> problems = new ArrayList<>();
        for (String name : new TreeSet<>(params.keySet())) {
            if (!NAMES.contains(name)) {
                problems.add(new PolicyProblem(name, params.get(name), PolicyRule.INIT_PARAM_UNKNOWN,
                        "unknown init-param \"" + name + "\"; the known ones are " + new TreeSet<>(NAMES)));
            }
        }
        CorsPolicy.Builder builder = CorsPolicy.builder()
                .allowedOrigins(list(params.get(ALLOWED_ORIGINS)))
                .allowedMethods(list(params.get(ALLOWED_METHODS)))
                .allowedHeaders(list(params.get(ALLOWED_HEADERS)))
                .exposedHeaders(list(params.get(EXPOSED_HEADERS)));
        builder.allowCredentials(bool(params, ALLOW_CREDENTIALS, problems));
        if (bool(params, ALLOW_NULL_ORIGIN, problems)) {
            builder.allowNullOrigin();
        }
        if (bool(params, INSECURE_ORIGINS, problems)) {
            builder.dangerouslyAllowInsecureOriginsWithCredentials();
        }
        if (bool(params, PUBLIC_SUFFIX_WILDCARDS, problems)) {
            builder.dangerouslyAllowPublicSuffixWildcardsWithCredentials();
        }
        Long maxAge = integer(params, MAX_AGE, problems);
        if (maxAge != null) {
            builder.maxAge(Duration.ofSeconds(maxAge));
        }
        Long status = integer(params, PREFLIGHT_STATUS, problems);
        if (status != null) {
            builder.preflightStatus((int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, status)));
        }
        try {
            CorsPolicy policy = builder.build();
            if (problems.isEmpty()) {
                return policy;
            }
        } catch (InvalidCorsPolicyException e) {
            problems.addAll(e.problems());
        }
        throw new InvalidCorsPolicyException(problems);
    }

    /** Splits a comma-separated param; white space around elements and empty elements are ignored. */
    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(element -> !element.isEmpty()).toList();
    }

    /** Reads {@code true} or {@code false}; absent is false. */
    private static boolean bool(Map<String, String> params, String name, List<PolicyProblem> problems) {
        String value = params.get(name);
        if (value == null || value.strip().equals("false")) {
            return false;
        }
        if (value.strip().equals("true")) {
            return true;
        }
        problems.add(new PolicyProblem(name, value, PolicyRule.INIT_PARAM_INVALID,
                name + " is \"" + value + "\"; write true or false"));
        return false;
    }

    private static Long integer(Map<String, String> params, String name, List<PolicyProblem> problems) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            problems.add(new PolicyProblem(name, value, PolicyRule.INIT_PARAM_INVALID,
                    name + " is \"" + value + "\"; write a whole number"));
            return null;
        }
    }
}
