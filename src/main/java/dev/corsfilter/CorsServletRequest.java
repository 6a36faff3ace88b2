package dev.corsfilter;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request the application sees beside a {@link CorsResponse}. Its only job: {@link #startAsync()}
 * without arguments would give the application the container's own response (the Servlet specification
 * makes the async context hold the original, unwrapped objects), so writes from the async context would
 * escape the filter. Here it starts the async cycle with this request and the filter's response instead,
 * so {@code AsyncContext.getResponse()}, {@code dispatch()} and writes from other threads all go through
 * the filter's response.
 */
final class CorsServletRequest extends HttpServletRequestWrapper {

    private final CorsResponse response;

    /**
     * Wraps a request.
     *
     * @param request the request the filter was given
     * @param response the filter's response for it
     */
    CorsServletRequest(HttpServletRequest request, CorsResponse response) {
        super(request);
        this.response = response;
    }

    @Override
    public AsyncContext startAsync() {
        return super.startAsync(this, response);
    }
}
