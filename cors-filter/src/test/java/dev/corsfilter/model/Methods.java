package dev.corsfilter.model;

import java.util.Locale;
import java.util.Set;

/** The method facts of Fetch: what a method is, which are safelisted, forbidden, and how they are normalized. */
final class Methods {

    private static final Set<String> SAFELISTED = Set.of("GET", "HEAD", "POST");
    private static final Set<String> NORMALIZED = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");
    private static final Set<String> FORBIDDEN = Set.of("CONNECT", "TRACE", "TRACK");

    private Methods() {
    }

    /**
     * Whether a string is a method (#concept-method): a token.
     *
     * @param method the text
     * @return true for a token
     */
    static boolean isMethod(String method) {
        return HttpSyntax.isToken(method);
    }

    /**
     * Fetch #cors-safelisted-method: {@code GET}, {@code HEAD} or {@code POST}, byte for byte.
     *
     * @param method a normalized method
     * @return true when no pre-flight is needed for the method
     */
    static boolean isSafelisted(String method) {
        return SAFELISTED.contains(method);
    }

    /**
     * Fetch #forbidden-method: {@code CONNECT}, {@code TRACE} or {@code TRACK}, ignoring case.
     *
     * @param method a method
     * @return true when script may not use it
     */
    static boolean isForbidden(String method) {
        return FORBIDDEN.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Fetch #concept-method-normalize: only a case-insensitive match for {@code DELETE GET HEAD OPTIONS
     * POST PUT} is upper-cased; {@code patch} stays {@code patch}, because methods are case-sensitive.
     *
     * @param method a method
     * @return the normalized method
     */
    static String normalize(String method) {
        String upper = method.toUpperCase(Locale.ROOT);
        return NORMALIZED.contains(upper) ? upper : method;
    }
}
