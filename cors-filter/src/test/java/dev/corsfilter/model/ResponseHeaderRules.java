package dev.corsfilter.model;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which response headers script can read: the basic filtered response hides only {@code Set-Cookie}; the
 * CORS filtered response (#concept-filtered-response-cors) shows the CORS-safelisted response-header names
 * plus the CORS-exposed header-name list that main fetch (#main-fetch step 14) builds from
 * {@code Access-Control-Expose-Headers}.
 */
final class ResponseHeaderRules {

    /** Fetch #cors-safelisted-response-header-name without the list part: always readable. */
    static final Set<String> SAFELISTED = Set.of("cache-control", "content-language", "content-length",
            "content-type", "expires", "last-modified", "pragma");

    private static final Set<String> FORBIDDEN = Set.of("set-cookie", "set-cookie2");

    private ResponseHeaderRules() {
    }

    /**
     * The names script reads on a basic (same-origin) response: all but the forbidden response-header names.
     *
     * @param headers the response's header list
     * @return the lower-case names
     */
    static Set<String> readableOnBasic(HeaderList headers) {
        Set<String> names = new TreeSet<>(headers.names());
        names.removeAll(FORBIDDEN);
        return names;
    }

    /**
     * The names script reads on a CORS response.
     *
     * <ul>
     *   <li>#main-fetch 14.1.1: parse {@code Access-Control-Expose-Headers} as {@code #field-name}; a parse
     *       failure exposes nothing extra;</li>
     *   <li>#main-fetch 14.1.2: {@code *} exposes every name only when the credentials mode is not
     *       {@code include}; otherwise it is a header literally named {@code *};</li>
     *   <li>#cors-safelisted-response-header-name: the safelisted names are always readable, the exposed
     *       names when they are not a forbidden response-header name, so {@code Set-Cookie} never is.</li>
     * </ul>
     *
     * @param headers the response's header list
     * @param credentialsInclude whether the request's credentials mode is {@code include}
     * @return the lower-case names present on the response that script can read
     */
    static Set<String> readableOnCors(HeaderList headers, boolean credentialsInclude) {
        HttpSyntax.Extracted exposed = HttpSyntax.tokenList(headers, "Access-Control-Expose-Headers");
        Set<String> exposedNames = new TreeSet<>();
        if (!exposed.absent() && !exposed.failed()) {
            exposed.values().forEach(name -> exposedNames.add(name.toLowerCase(Locale.ROOT)));
        }
        boolean everything = !credentialsInclude && exposedNames.contains("*");
        Set<String> readable = new TreeSet<>();
        for (String name : headers.names()) {
            if (FORBIDDEN.contains(name)) {
                continue;
            }
            if (everything || SAFELISTED.contains(name) || exposedNames.contains(name)) {
                readable.add(name);
            }
        }
        return readable;
    }
}
