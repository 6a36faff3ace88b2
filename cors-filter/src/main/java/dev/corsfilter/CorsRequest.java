package dev.corsfilter;

import java.util.Objects;

/**
 * The parts of an HTTP request that CORS looks at, as plain strings, for {@link CorsPolicy#evaluate}.
 *
 * @param method the request method, e.g. {@code GET} or {@code OPTIONS}
 * @param origin the {@code Origin} header, or null when the request has none
 * @param requestMethod the {@code Access-Control-Request-Method} header, or null
 * @param requestHeaders the {@code Access-Control-Request-Headers} header, or null
 */
public record CorsRequest(String method, String origin, String requestMethod, String requestHeaders) {

    /**
     * Checks that the method is given.
     *
     * @param method the request method
     * @param origin the {@code Origin} header, or null
     * @param requestMethod the {@code Access-Control-Request-Method} header, or null
     * @param requestHeaders the {@code Access-Control-Request-Headers} header, or null
     */
    public CorsRequest {
        Objects.requireNonNull(method, "method");
    }

    /**
     * An actual request, e.g. {@code actual("GET", "https://app.example.com")}.
     *
     * @param method the request method
     * @param origin the {@code Origin} header, or null for a request without one
     * @return the request
     */
    public static CorsRequest actual(String method, String origin) {
        return new CorsRequest(method, origin, null, null);
    }

    /**
     * A pre-flight, e.g. {@code preflight("https://app.example.com", "PUT", "content-type,x-request-id")}.
     *
     * @param origin the {@code Origin} header
     * @param requestMethod the {@code Access-Control-Request-Method} header
     * @param requestHeaders the {@code Access-Control-Request-Headers} header, or null
     * @return the request
     */
    public static CorsRequest preflight(String origin, String requestMethod, String requestHeaders) {
        return new CorsRequest("OPTIONS", origin, requestMethod, requestHeaders);
    }

    /**
     * Whether this is a pre-flight: {@code OPTIONS} with {@code Origin} and
     * {@code Access-Control-Request-Method}, even an empty one.
     *
     * @return true for a pre-flight
     */
    public boolean isPreflight() {
        return origin != null && requestMethod != null && "OPTIONS".equals(method);
    }
}
