package dev.corsfilter.internal;

import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Validates configured method names and holds the method facts of the Fetch standard.
 *
 * <p>Method names are case-sensitive: a page may send {@code patch}, and then the pre-flight asks for
 * {@code patch}, not {@code PATCH}. Browsers upper-case only {@code DELETE GET HEAD OPTIONS POST PUT}
 * (Fetch, "normalize a method"), so a policy listing {@code put} could never match anything.
 */
public final class MethodNames {

    private static final Set<String> NORMALIZED = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");
    private static final Set<String> FORBIDDEN = Set.of("CONNECT", "TRACE", "TRACK");

    private MethodNames() {
    }

    /**
     * Validates configured methods.
     *
     * @param methods the methods as configured; {@code *} stands for every method
     * @param setting the setting named in problems
     * @param problems where problems are added
     * @return the valid methods, in order, without duplicates
     */
    public static Set<String> validate(Collection<String> methods, String setting, List<PolicyProblem> problems) {
        Set<String> valid = new LinkedHashSet<>();
        for (String method : methods) {
            if (method == null || method.isEmpty()) {
                problems.add(new PolicyProblem(setting, method == null ? "" : method, PolicyRule.VALUE_MISSING,
                        "a method name is " + (method == null ? "null" : "empty")));
            } else if (method.equals("*")) {
                valid.add(method);
            } else if (!HttpToken.isToken(method)) {
                problems.add(new PolicyProblem(setting, method, PolicyRule.METHOD_INVALID,
                        "\"" + method + "\" is not a valid method name (letters, digits and !#$%&'*+-.^_`|~ only)"));
            } else if (isForbidden(method)) {
                problems.add(new PolicyProblem(setting, method, PolicyRule.METHOD_FORBIDDEN,
                        "\"" + method + "\" is a forbidden method: browsers never send it"));
            } else if (!NORMALIZED.contains(method) && NORMALIZED.contains(method.toUpperCase(Locale.ROOT))) {
                problems.add(new PolicyProblem(setting, method, PolicyRule.METHOD_NOT_NORMALIZED,
                        "\"" + method + "\" never reaches a server: browsers upper-case it — did you mean \""
                                + method.toUpperCase(Locale.ROOT) + "\"?"));
            } else {
                valid.add(method);
            }
        }
        return valid;
    }

    /**
     * Tells whether {@code method} never needs a pre-flight (Fetch, "CORS-safelisted method"): {@code GET},
     * {@code HEAD} or {@code POST}, byte for byte.
     *
     * @param method a method name
     * @return true for the safelisted methods
     */
    public static boolean isSafelisted(String method) {
        return method.equals("GET") || method.equals("HEAD") || method.equals("POST");
    }

    /**
     * Tells whether {@code method} is one browsers refuse to send (Fetch, "forbidden method"; the match
     * ignores case).
     *
     * @param method a method name
     * @return true for {@code CONNECT}, {@code TRACE} and {@code TRACK} in any case
     */
    public static boolean isForbidden(String method) {
        return method.length() <= 7 && FORBIDDEN.contains(method.toUpperCase(Locale.ROOT));
    }
}
