package dev.corsfilter;

/** What a {@link CorsPolicy} decides about a request, and why when it refuses it. */
public enum CorsDecision {
    /** No {@code Origin} header: not a CORS request. */
    NOT_CORS(true),
    /** An actual CORS request from an allowed origin: CORS headers added. */
    ACTUAL_ALLOWED(true),
    /** A CORS request (actual or pre-flight) whose origin is not allowed, or which has several origins. */
    ORIGIN_NOT_ALLOWED(false),
    /** A pre-flight that passed every check. */
    PREFLIGHT_ALLOWED(true),
    /** A pre-flight whose {@code Access-Control-Request-Method} is empty or not a token. */
    METHOD_INVALID(false),
    /** A pre-flight asking for a method the policy does not allow. */
    METHOD_NOT_ALLOWED(false),
    /** A pre-flight whose {@code Access-Control-Request-Headers} is not a list of tokens. */
    HEADERS_INVALID(false),
    /** A pre-flight whose {@code Access-Control-Request-Headers} exceeds the documented limits. */
    HEADERS_TOO_LARGE(false),
    /** A pre-flight asking for a header the policy does not allow. */
    HEADER_NOT_ALLOWED(false);

    private final boolean allowed;

    CorsDecision(boolean allowed) {
        this.allowed = allowed;
    }

    /**
     * Whether the request may proceed as the browser asked: true for non-CORS requests and allowed ones.
     *
     * @return true unless the request was refused
     */
    public boolean allowed() {
        return allowed;
    }
}
