package dev.corsfilter;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * The request the application sees beside a {@link CorsResponse}, for two jobs:
 * <ul>
 *   <li>{@link #startAsync()} without arguments makes the container's async context hold its own response
 *       (as the Servlet specification says), so writes from the async context would escape the filter. Here
 *       the async context, and {@link #getAsyncContext()}, hand out the filter's response instead; the
 *       container still decides everything else, such as where {@code dispatch()} goes.</li>
 *   <li>Starting async means the request will come back to the filter (an ASYNC dispatch, or an ERROR one on
 *       a time-out), so it first remembers the request's policy, as the filter does for a request that ends
 *       in an error.</li>
 * </ul>
 */
final class CorsServletRequest extends HttpServletRequestWrapper {

    private final CorsResponse response;
    private final String policyAttribute;

    /**
     * Wraps a request.
     *
     * @param request the request the filter was given
     * @param response the filter's response for it
     * @param policyAttribute the request attribute under which the filter remembers the request's policy
     */
    CorsServletRequest(HttpServletRequest request, CorsResponse response, String policyAttribute) {
        super(request);
        this.response = response;
        this.policyAttribute = policyAttribute;
    }

    @Override
    public AsyncContext startAsync() {
        setAttribute(policyAttribute, response.policy());
        return new CorsAsyncContext(super.startAsync(), response);
    }

    @Override
    public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
        setAttribute(policyAttribute, this.response.policy());
        return super.startAsync(request, response);
    }

    /**
     * The async context; when it holds the container's own request and response, the filter's response
     * stands in for the latter, as after {@link #startAsync()}.
     */
    @Override
    public AsyncContext getAsyncContext() {
        AsyncContext container = super.getAsyncContext();
        return container != null && container.hasOriginalRequestAndResponse()
                ? new CorsAsyncContext(container, response) : container;
    }
}
