package dev.corsfilter;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request on which a shadow policy, evaluated beside the enforced one without touching the response, would
 * make the browser see something else: the request would be refused instead of allowed or the other way round,
 * or both allow it with different CORS headers (credentials, exposed headers, allowed methods or headers,
 * max age). Two refusals for different reasons are no disagreement: the browser sees the same failure.
 *
 * @param request the request
 * @param path its path within the application
 * @param enforced what the enforced policy does
 * @param candidate what the shadow policy would do; its decision is {@link CorsDecision#NOT_CORS} when no
 *     shadow policy covers the path
 */
public record ShadowDisagreement(CorsRequest request, String path, CorsEvaluation enforced, CorsEvaluation candidate) {

    /** How the browser's view would change with the shadow policy. */
    public enum Change {
        /** Allowed now, refused by the shadow policy: the users of this origin would break. */
        WOULD_REFUSE,
        /** Refused now, allowed by the shadow policy. */
        WOULD_ALLOW,
        /** Allowed by both, with different CORS headers. */
        WOULD_CHANGE_HEADERS
    }

    /**
     * Checks that nothing is missing.
     *
     * @param request the request
     * @param path its path
     * @param enforced the enforced policy's evaluation
     * @param candidate the shadow policy's evaluation
     */
    public ShadowDisagreement {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(enforced, "enforced");
        Objects.requireNonNull(candidate, "candidate");
    }

    /**
     * Compares what two policies do with a request.
     *
     * @param request the request
     * @param path its path
     * @param enforced the enforced policy's evaluation
     * @param candidate the shadow policy's evaluation
     * @return the disagreement, or null when the browser would see the same
     */
    public static ShadowDisagreement of(CorsRequest request, String path, CorsEvaluation enforced,
                                        CorsEvaluation candidate) {
        boolean same = enforced.allowed() == candidate.allowed()
                && (!enforced.allowed() || corsHeaders(enforced).equals(corsHeaders(candidate)));
        return same ? null : new ShadowDisagreement(request, path, enforced, candidate);
    }

    /**
     * How the browser's view would change.
     *
     * @return the change
     */
    public Change change() {
        if (enforced.allowed() != candidate.allowed()) {
            return enforced.allowed() ? Change.WOULD_REFUSE : Change.WOULD_ALLOW;
        }
        return Change.WOULD_CHANGE_HEADERS;
    }

    /**
     * The request's {@code Origin}.
     *
     * @return the origin
     */
    public String origin() {
        return request.origin();
    }

    /** The headers a browser reads for CORS, by lower-case name; {@code Vary} and the debug header are not among them. */
    private static Map<String, String> corsHeaders(CorsEvaluation evaluation) {
        Map<String, String> headers = new TreeMap<>();
        evaluation.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("access-control-") || lower.equals("timing-allow-origin")) {
                headers.put(lower, value);
            }
        });
        return headers;
    }
}
