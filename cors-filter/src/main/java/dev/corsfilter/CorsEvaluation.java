package dev.corsfilter;

import java.util.Map;
import java.util.OptionalInt;

/**
 * What the filter would do with a request under a policy, and why: the result of
 * {@link CorsPolicy#evaluate(CorsRequest)}.
 *
 * @param request the request evaluated
 * @param decision the decision
 * @param status the status the filter answers with, for a pre-flight; empty when the application answers
 * @param headers the response headers the filter sets, in the order it sets them
 * @param reason one sentence saying why, naming the failed check when the request is refused
 */
public record CorsEvaluation(CorsRequest request, CorsDecision decision, OptionalInt status,
                             Map<String, String> headers, String reason) {

    /**
     * Makes the headers immutable.
     *
     * @param request the request evaluated
     * @param decision the decision
     * @param status the pre-flight status, if the filter answers
     * @param headers the response headers
     * @param reason why
     */
    public CorsEvaluation {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    /**
     * Whether the browser gets what it asked for.
     *
     * @return true for allowed requests and for requests that are not CORS requests
     */
    public boolean allowed() {
        return decision.allowed();
    }

    /**
     * A few lines for people: the request, the decision and reason, and the headers.
     *
     * @return the explanation
     */
    public String explain() {
        StringBuilder text = new StringBuilder();
        text.append(request.isPreflight() ? "pre-flight " : "request ").append(request.method());
        if (request.origin() != null) {
            text.append(" from ").append(request.origin());
        }
        if (request.isPreflight()) {
            text.append(" asking for ").append(request.requestMethod());
            if (request.requestHeaders() != null && !request.requestHeaders().isBlank()) {
                text.append(" with headers ").append(request.requestHeaders());
            }
        }
        text.append("\n").append(decision).append(": ").append(reason);
        status.ifPresent(code -> text.append("\nstatus ").append(code));
        headers.forEach((name, value) -> text.append("\n").append(name).append(": ").append(value));
        return text.toString();
    }
}
