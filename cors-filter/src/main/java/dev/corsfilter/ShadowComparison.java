package dev.corsfilter;

import dev.corsfilter.internal.LogText;
import dev.corsfilter.internal.MapHeaderSink;
import dev.corsfilter.internal.PolicyRules;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Compares what the filter did with a CORS request with what a shadow configuration would do. The enforced
 * side is what the filter really decided and wrote, read back from the response, never worked out again (an
 * origin resolver is not asked twice, and cannot answer differently the second time). The candidate is asked
 * through the same entry points as the filter, with the real request: every {@code Origin} line, the Private
 * Network Access header, and for a WebSocket handshake whether the socket would open.
 */
final class ShadowComparison {

    /** The response headers a browser reads for CORS, which the enforced side is read back from. */
    private static final List<String> CORS_HEADERS = List.of(PolicyRules.ALLOW_ORIGIN, PolicyRules.ALLOW_CREDENTIALS,
            PolicyRules.ALLOW_METHODS, PolicyRules.ALLOW_HEADERS, PolicyRules.MAX_AGE, PolicyRules.ALLOW_PRIVATE_NETWORK,
            PolicyRules.EXPOSE_HEADERS, PolicyRules.TIMING_ALLOW_ORIGIN);

    private ShadowComparison() {
    }

    /**
     * Compares.
     *
     * @param kind the kind of request, as the enforced policy saw it
     * @param policy the enforced policy, or null when none covers the path
     * @param decision what the filter decided
     * @param candidate the shadow policy for the path, or null when none covers it
     * @param request the request
     * @param response its response, with the filter's headers written
     * @param corsRequest the request's CORS values
     * @param path its path
     * @return the disagreement, or null when the browser would see the same
     */
    static ShadowDisagreement compare(CorsDecisionEvent.Kind kind, CorsPolicy policy, CorsDecision decision,
                                      CorsPolicy candidate, HttpServletRequest request, HttpServletResponse response,
                                      CorsRequest corsRequest, String path) {
        boolean handshake = kind == CorsDecisionEvent.Kind.WEBSOCKET || (kind == CorsDecisionEvent.Kind.ACTUAL
                && candidate != null && candidate.checksWebSocketOrigin() && CorsFilter.isWebSocketHandshake(request));
        CorsDecisionEvent.Kind compared = handshake ? CorsDecisionEvent.Kind.WEBSOCKET : kind;
        CorsEvaluation enforced;
        CorsEvaluation shadow;
        if (handshake) {
            boolean admitted = policy == null || kind != CorsDecisionEvent.Kind.WEBSOCKET || decision.allowed();
            enforced = admission(corsRequest, policy, admitted);
            shadow = admission(corsRequest, candidate, candidate == null || !candidate.checksWebSocketOrigin()
                    || candidate.rules().allowsOrigin(corsRequest.origin(), request, ServletRequestSource.INSTANCE));
        } else {
            enforced = policy == null ? uncovered(corsRequest, path) : written(policy, decision, corsRequest, response);
            shadow = candidate == null ? uncovered(corsRequest, path) : evaluate(candidate, kind, request, corsRequest);
        }
        boolean credentialed = request.getHeader("Cookie") != null || request.getHeader("Authorization") != null;
        return ShadowDisagreement.of(compared, corsRequest, path, credentialed, enforced, shadow);
    }

    /** What the filter decided and wrote. */
    private static CorsEvaluation written(CorsPolicy policy, CorsDecision decision, CorsRequest request,
                                          HttpServletResponse response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : CORS_HEADERS) {
            String value = response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new CorsEvaluation(request, decision, OptionalInt.empty(), headers,
                policy.rules().reason(decision, request.origin(), request.requestMethod(), request.requestHeaders()));
    }

    /** What the candidate would decide and write, asked as the filter asks its policy. */
    private static CorsEvaluation evaluate(CorsPolicy candidate, CorsDecisionEvent.Kind kind, HttpServletRequest request,
                                           CorsRequest corsRequest) {
        PolicyRules rules = candidate.rules();
        Map<String, String> headers = new LinkedHashMap<>();
        String origin = corsRequest.origin();
        CorsDecision decision = kind == CorsDecisionEvent.Kind.PREFLIGHT
                ? rules.preflight(origin, request, ServletRequestSource.INSTANCE, corsRequest.requestMethod(),
                        corsRequest.requestHeaders(), candidate.allowsPrivateNetwork()
                                && "true".equals(request.getHeader(PolicyRules.REQUEST_PRIVATE_NETWORK)),
                        headers, MapHeaderSink.INSTANCE)
                : rules.actual(origin, request, ServletRequestSource.INSTANCE, headers, MapHeaderSink.INSTANCE);
        if (kind == CorsDecisionEvent.Kind.PREFLIGHT) {
            decision = rules.preflightRefusal(decision, request, ServletRequestSource.INSTANCE);
        }
        return new CorsEvaluation(corsRequest, decision, OptionalInt.empty(), headers,
                rules.reason(decision, origin, corsRequest.requestMethod(), corsRequest.requestHeaders()));
    }

    /** Whether a WebSocket handshake opens: all a WebSocket client cares about. */
    private static CorsEvaluation admission(CorsRequest request, CorsPolicy policy, boolean admitted) {
        String reason = admitted ? "the WebSocket handshake goes through"
                : policy.rules().reason(CorsDecision.ORIGIN_NOT_ALLOWED, request.origin(), null, null)
                        + "; the WebSocket handshake is refused";
        return new CorsEvaluation(request, admitted ? CorsDecision.ACTUAL_ALLOWED : CorsDecision.ORIGIN_NOT_ALLOWED,
                OptionalInt.empty(), Map.of(), reason);
    }

    /** What a configuration does with a request on a path it does not cover: nothing, so CORS fails. */
    private static CorsEvaluation uncovered(CorsRequest request, String path) {
        return new CorsEvaluation(request, CorsDecision.ORIGIN_NOT_ALLOWED, OptionalInt.empty(), Map.of(),
                "no policy covers path " + LogText.quote(path) + ", so the filter adds no CORS headers there");
    }
}
