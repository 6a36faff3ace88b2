package dev.corsfilter.internal;

import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates configured header names, for the request headers a policy allows and the response headers it
 * exposes, and holds the header facts of the Fetch standard.
 */
public final class HeaderNames {

    /**
     * Request headers scripts cannot set (Fetch, "forbidden request-header"), so never appear in an
     * {@code Access-Control-Request-Headers}; {@code proxy-} and {@code sec-} names are forbidden too.
     */
    private static final Set<String> FORBIDDEN_REQUEST = Set.of(
            "accept-charset", "accept-encoding", "access-control-request-headers", "access-control-request-method",
            "connection", "content-length", "cookie", "cookie2", "date", "dnt", "expect", "host", "keep-alive",
            "origin", "referer", "set-cookie", "te", "trailer", "transfer-encoding", "upgrade", "via");

    /** Response headers scripts can never read (Fetch, "forbidden response-header name"). */
    private static final Set<String> FORBIDDEN_RESPONSE = Set.of("set-cookie", "set-cookie2");

    private HeaderNames() {
    }

    /**
     * Validates the request header names a policy allows.
     *
     * @param names the names as configured; {@code *} stands for every name but {@code Authorization}
     * @param setting the setting named in problems
     * @param problems where problems are added
     * @return the valid names, lower-cased, in order, without duplicates
     */
    public static Set<String> validateRequestNames(Collection<String> names, String setting, List<PolicyProblem> problems) {
        Set<String> valid = new LinkedHashSet<>();
        for (String name : names) {
            if (isValidToken(name, setting, problems)) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith("access-control-")) {
                    problems.add(new PolicyProblem(setting, name, PolicyRule.HEADER_FORBIDDEN,
                            "\"" + name + "\" belongs to the CORS protocol itself; a page never needs to send it, and"
                                    + " allowing it would only confuse servers and proxies that read it"));
                } else if (FORBIDDEN_REQUEST.contains(lower) || lower.startsWith("proxy-") || lower.startsWith("sec-")) {
                    problems.add(new PolicyProblem(setting, name, PolicyRule.HEADER_FORBIDDEN,
                            "\"" + name + "\" is a header browsers set themselves; scripts cannot send it, so it"
                                    + " never needs allowing"));
                } else {
                    valid.add(lower);
                }
            }
        }
        return valid;
    }

    /**
     * Validates the response header names a policy exposes.
     *
     * @param names the names as configured; {@code *} stands for every name
     * @param setting the setting named in problems
     * @param problems where problems are added
     * @return the valid names as spelled in the configuration, in order, without case-insensitive duplicates
     */
    public static Set<String> validateResponseNames(Collection<String> names, String setting, List<PolicyProblem> problems) {
        Set<String> valid = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (isValidToken(name, setting, problems)) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (FORBIDDEN_RESPONSE.contains(lower) || lower.startsWith("access-control-")) {
                    problems.add(new PolicyProblem(setting, name, PolicyRule.HEADER_FORBIDDEN, "\"" + name + "\" "
                            + (lower.startsWith("access-control-")
                            ? "belongs to the CORS protocol itself, not to the application's data; exposing it is never needed"
                            : "can never be exposed: browsers never let scripts read cookies being set")));
                } else if (seen.add(lower)) {
                    valid.add(name);
                }
            }
        }
        return valid;
    }

    /**
     * Refuses exposing every header ({@code *}) with credentials: browsers then read {@code *} as a header
     * named "*".
     *
     * @param exposed the valid exposed names
     * @param credentials whether credentials are allowed
     * @param problems where problems are added
     */
    public static void checkExposedWithCredentials(Set<String> exposed, boolean credentials, List<PolicyProblem> problems) {
        if (credentials && exposed.contains("*")) {
            problems.add(new PolicyProblem("exposedHeaders", "*", PolicyRule.EXPOSE_ALL_WITH_CREDENTIALS,
                    "exposedHeaders(\"*\") cannot be combined with credentials: browsers then read * as a header"
                            + " named \"*\"; list the header names instead"));
        }
    }

    private static boolean isValidToken(String name, String setting, List<PolicyProblem> problems) {
        if (name == null || name.isEmpty()) {
            problems.add(new PolicyProblem(setting, name == null ? "" : name, PolicyRule.VALUE_MISSING,
                    "a header name is " + (name == null ? "null" : "empty")));
            return false;
        }
        if (!HttpToken.isToken(name)) {
            problems.add(new PolicyProblem(setting, name, PolicyRule.HEADER_INVALID,
                    "\"" + name + "\" is not a valid header name (letters, digits and !#$%&'*+-.^_`|~ only)"));
            return false;
        }
        return true;
    }
}
