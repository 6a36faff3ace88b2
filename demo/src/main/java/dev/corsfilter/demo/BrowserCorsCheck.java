package dev.corsfilter.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The checks a browser applies to the CORS headers of an answer (Fetch standard, "CORS check" and
 * "CORS-preflight fetch"), applied here to the headers the library says it would send. The playground
 * uses it to predict the browser's verdict from the library's explanation alone, so that the two columns
 * it shows can be compared.
 */
final class BrowserCorsCheck {

    private BrowserCorsCheck() {
    }

    /**
     * Checks the answer to an actual request: may the script read it?
     *
     * @param headers the response headers
     * @param origin the page's origin
     * @param includeCredentials whether the request's credentials mode is {@code include}
     * @return why the browser refuses the answer, or empty when it accepts it
     */
    static Optional<String> actual(Map<String, String> headers, String origin, boolean includeCredentials) {
        String allowOrigin = header(headers, "Access-Control-Allow-Origin");
        if (allowOrigin == null) {
            return Optional.of("the answer has no Access-Control-Allow-Origin header");
        }
        if (!includeCredentials && allowOrigin.equals("*")) {
            return Optional.empty();
        }
        if (!allowOrigin.equals(origin)) {
            return Optional.of("Access-Control-Allow-Origin is " + allowOrigin + ", not " + origin
                    + (allowOrigin.equals("*") ? " (* does not cover requests with credentials)" : ""));
        }
        if (includeCredentials && !"true".equals(header(headers, "Access-Control-Allow-Credentials"))) {
            return Optional.of("credentials are included, but Access-Control-Allow-Credentials is not true");
        }
        return Optional.empty();
    }

    /**
     * Checks the answer to a pre-flight: may the actual request be sent?
     *
     * @param status the pre-flight's status
     * @param headers its response headers
     * @param origin the page's origin
     * @param includeCredentials whether the request's credentials mode is {@code include}
     * @param method the actual request's method, as sent
     * @param unsafeHeaderNames the lower-case names listed in {@code Access-Control-Request-Headers}
     * @return why the browser refuses the pre-flight, or empty when it passes
     */
    static Optional<String> preflight(int status, Map<String, String> headers, String origin,
                                      boolean includeCredentials, String method, List<String> unsafeHeaderNames) {
        Optional<String> originProblem = actual(headers, origin, includeCredentials);
        if (originProblem.isPresent()) {
            return originProblem;
        }
        if (status < 200 || status > 299) {
            return Optional.of("the pre-flight answered " + status + ", and only a 2xx status passes");
        }
        List<String> methods = list(header(headers, "Access-Control-Allow-Methods"));
        boolean anyMethod = !includeCredentials && methods.contains("*");
        // Method names are compared exactly: "patch" is not covered by "PATCH".
        if (!FetchRules.isSafelistedMethod(method) && !methods.contains(method) && !anyMethod) {
            return Optional.of("method " + method + " is not in Access-Control-Allow-Methods " + methods);
        }
        List<String> allowedHeaders = list(header(headers, "Access-Control-Allow-Headers")).stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).toList();
        boolean anyHeader = !includeCredentials && allowedHeaders.contains("*");
        for (String name : unsafeHeaderNames) {
            // A wildcard never covers Authorization: it must be named.
            boolean covered = allowedHeaders.contains(name) || (anyHeader && !name.equals("authorization"));
            if (!covered) {
                return Optional.of("header " + name + " is not in Access-Control-Allow-Headers " + allowedHeaders);
            }
        }
        return Optional.empty();
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }
}
