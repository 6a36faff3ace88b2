package dev.corsfilter;

import java.util.Objects;

/**
 * One decision of a {@link CorsFilter} about a CORS request: what was asked, of which path, under which
 * policy, and what the filter decided. Plain values only, no servlet types, so that a listener can keep or
 * send them anywhere.
 */
public final class CorsDecisionEvent {

    /** What kind of CORS request the filter decided about. */
    public enum Kind {
        /** An actual request: the application answers, with or without CORS headers. */
        ACTUAL,
        /** A pre-flight, answered by the filter. */
        PREFLIGHT,
        /** A WebSocket handshake under a policy that checks WebSocket origins. */
        WEBSOCKET
    }

    private final Kind kind;
    private final CorsRequest request;
    private final String path;
    private final CorsDecision decision;
    private final CorsPolicy policy;

    /**
     * Describes a decision.
     *
     * @param kind the kind of request
     * @param request the request, as the filter read it: the first {@code Origin} line (a request with several is
     *     refused), and every line of the pre-flight's headers joined by commas
     * @param path the request's path within the application, e.g. {@code /api/items}
     * @param decision what the filter decided
     * @param policy the policy that decided
     */
    public CorsDecisionEvent(Kind kind, CorsRequest request, String path, CorsDecision decision, CorsPolicy policy) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.request = Objects.requireNonNull(request, "request");
        this.path = Objects.requireNonNull(path, "path");
        this.decision = Objects.requireNonNull(decision, "decision");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /**
     * The kind of request.
     *
     * @return actual, pre-flight or WebSocket handshake
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The request: method, {@code Origin}, and for a pre-flight the requested method and headers.
     *
     * @return the request
     */
    public CorsRequest request() {
        return request;
    }

    /**
     * The request's {@code Origin}, as sent.
     *
     * @return the origin, never null for an event
     */
    public String origin() {
        return request.origin();
    }

    /**
     * The request's path within the application (servlet path and path info).
     *
     * @return the path, e.g. {@code /api/items}
     */
    public String path() {
        return path;
    }

    /**
     * What the filter decided.
     *
     * @return the decision; {@link CorsDecision#allowed()} tells allowed from refused
     */
    public CorsDecision decision() {
        return decision;
    }

    /**
     * The policy that decided: the filter's, or with policies by path the one for {@link #path()}.
     *
     * @return the policy
     */
    public CorsPolicy policy() {
        return policy;
    }

    /**
     * Why, in one sentence, naming the failed check of a refusal. Worked out from the decision when asked, so
     * listeners that only count pay nothing for it, and the policy is not asked again: the reason always
     * explains the decision the filter made.
     *
     * @return the reason
     */
    public String reason() {
        return policy.rules().reason(decision, request.origin(), request.requestMethod(), request.requestHeaders());
    }

    @Override
    public String toString() {
        return kind + " " + request.method() + " " + path + " from " + origin() + ": " + decision;
    }
}
