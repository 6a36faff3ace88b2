package dev.corsfilter.model;

import java.util.Optional;

/**
 * Fetch's CORS check (#concept-cors-check): whether a response may be shared with the request's origin.
 * It runs on every response of a CORS request that reaches HTTP fetch, redirects included, and on the
 * pre-flight response with the actual request's credentials mode (#cors-preflight-fetch-0, note in step 7).
 */
final class CorsCheck {

    private CorsCheck() {
    }

    /**
     * Runs the check.
     *
     * @param serializedOrigin the byte-serialized request origin ({@code null} after a tainting redirect)
     * @param credentialsInclude whether the request's credentials mode is {@code include}
     * @param headers the response's header list
     * @return empty on success, else the step that failed
     */
    static Optional<CorsRule> check(String serializedOrigin, boolean credentialsInclude, HeaderList headers) {
        // Step 1: "get" combines several lines into "a, b", so two ACAO lines fail step 4 below.
        String allowOrigin = combinedTrimmed(headers, "Access-Control-Allow-Origin");
        // Step 2: absent (Fetch's null, not the string "null") is a failure.
        if (allowOrigin == null) {
            return Optional.of(CorsRule.ALLOW_ORIGIN_MISSING);
        }
        // Step 3: * shares with everyone, but only without credentials.
        if (!credentialsInclude && allowOrigin.equals("*")) {
            return Optional.empty();
        }
        // Step 4: otherwise byte-equality with the serialized request origin; no case folding, no parsing.
        if (!allowOrigin.equals(serializedOrigin)) {
            return Optional.of(allowOrigin.equals("*") ? CorsRule.ALLOW_ORIGIN_WILDCARD_WITH_CREDENTIALS
                    : CorsRule.ALLOW_ORIGIN_MISMATCH);
        }
        // Step 5: without credentials the origin match suffices.
        if (!credentialsInclude) {
            return Optional.empty();
        }
        // Steps 6-8: with credentials, Access-Control-Allow-Credentials must be exactly `true` (not True).
        return "true".equals(combinedTrimmed(headers, "Access-Control-Allow-Credentials"))
                ? Optional.empty() : Optional.of(CorsRule.ALLOW_CREDENTIALS_NOT_TRUE);
    }

    /**
     * A header's combined value, each line trimmed of OWS first as HTTP parsing does (which is why
     * {@code ACAO:  * } passes, as WPT expects).
     */
    private static String combinedTrimmed(HeaderList headers, String name) {
        return headers.values(name).isEmpty() ? null
                : String.join(", ", headers.values(name).stream().map(HttpSyntax::trimOws).toList());
    }
}
