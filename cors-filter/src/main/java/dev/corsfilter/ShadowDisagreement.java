package dev.corsfilter;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A request on which a shadow policy, evaluated beside the enforced one without touching the response, would
 * make the browser see something else: the request would be refused instead of allowed or the other way round,
 * or both allow it with different CORS headers (credentials, exposed headers, allowed methods or headers,
 * max age, Private Network Access). For a WebSocket handshake, what counts is whether the socket opens. Two
 * refusals for different reasons are no disagreement: the browser sees the same failure; nor is
 * {@code Access-Control-Allow-Origin: *} against the origin itself, when no credentials are involved.
 *
 * @param kind the kind of request
 * @param request the request
 * @param path its path within the application
 * @param credentialed whether the request carried credentials ({@code Cookie} or {@code Authorization}), which
 *     a browser lets a script read only with {@code Access-Control-Allow-Credentials: true} and the origin itself
 * @param enforced what the enforced policy does
 * @param candidate what the shadow policy would do; a refusal when no shadow policy covers the path
 */
public record ShadowDisagreement(CorsDecisionEvent.Kind kind, CorsRequest request, String path, boolean credentialed,
                                 CorsEvaluation enforced, CorsEvaluation candidate) {

    private static final String ALLOW_ORIGIN = "access-control-allow-origin";
    private static final String ALLOW_CREDENTIALS = "access-control-allow-credentials";
    private static final String TIMING_ALLOW_ORIGIN = "timing-allow-origin";

    /** How the browser's view would change with the shadow policy. */
    public enum Change {
        /** Allowed now, refused by the shadow policy (or readable now, not with it): users would break. */
        WOULD_REFUSE,
        /** Refused now, allowed by the shadow policy. */
        WOULD_ALLOW,
        /** Allowed by both, with different CORS headers. */
        WOULD_CHANGE_HEADERS
    }

    /**
     * Checks that nothing is missing.
     *
     * @param kind the kind of request
     * @param request the request
     * @param path its path
     * @param credentialed whether the request carried credentials
     * @param enforced the enforced policy's evaluation
     * @param candidate the shadow policy's evaluation
     */
    public ShadowDisagreement {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(enforced, "enforced");
        Objects.requireNonNull(candidate, "candidate");
    }

    /**
     * Compares what two policies do with a request.
     *
     * @param kind the kind of request
     * @param request the request
     * @param path its path
     * @param credentialed whether the request carried credentials
     * @param enforced the enforced policy's evaluation
     * @param candidate the shadow policy's evaluation
     * @return the disagreement, or null when the browser would see the same
     */
    public static ShadowDisagreement of(CorsDecisionEvent.Kind kind, CorsRequest request, String path,
                                        boolean credentialed, CorsEvaluation enforced, CorsEvaluation candidate) {
        ShadowDisagreement disagreement = new ShadowDisagreement(kind, request, path, credentialed, enforced, candidate);
        boolean same = enforced.allowed() == candidate.allowed()
                && (!enforced.allowed() || disagreement.corsHeaders(enforced).equals(disagreement.corsHeaders(candidate)));
        return same ? null : disagreement;
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
        if (credentialed && readableWithCredentials(enforced) != readableWithCredentials(candidate)) {
            return readableWithCredentials(enforced) ? Change.WOULD_REFUSE : Change.WOULD_ALLOW;
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

    /** Whether a browser lets a script read a credentialed response with these headers. */
    private boolean readableWithCredentials(CorsEvaluation evaluation) {
        Map<String, String> headers = corsHeaders(evaluation);
        return Objects.equals(headers.get(ALLOW_ORIGIN), request.origin())
                && "true".equals(headers.get(ALLOW_CREDENTIALS));
    }

    /**
     * The headers a browser reads for CORS, by lower-case name; {@code Vary} and the debug header are not
     * among them, and without credentials {@code *} stands for the request's origin, which it allows the same.
     */
    private Map<String, String> corsHeaders(CorsEvaluation evaluation) {
        Map<String, String> headers = new TreeMap<>();
        evaluation.headers().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("access-control-") || lower.equals(TIMING_ALLOW_ORIGIN)) {
                headers.put(lower, value);
            }
        });
        if (!headers.containsKey(ALLOW_CREDENTIALS)) {
            headers.replaceAll((name, value) -> (name.equals(ALLOW_ORIGIN) || name.equals(TIMING_ALLOW_ORIGIN))
                    && "*".equals(value) ? String.valueOf(request.origin()) : value);
        }
        return headers;
    }
}
