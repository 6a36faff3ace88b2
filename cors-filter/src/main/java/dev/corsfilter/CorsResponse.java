package dev.corsfilter;

import dev.corsfilter.internal.PolicyRules;
import dev.corsfilter.internal.VaryHeader;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response the application sees for every request the filter lets through under a policy. Whatever the
 * application writes through it, on the request thread or from an async context, the headers the filter is
 * responsible for stay right:
 * <ul>
 *   <li>{@code Vary} keeps {@code Origin} when the answer depends on the origin: after {@link #reset()}, and
 *       after the application sets or replaces {@code Vary} in any way. A member already listed is not added
 *       again, and every member the application or another filter listed stays;</li>
 *   <li>on a decorated response (an allowed origin, or any request under an any-origin policy),
 *       {@link #reset()} writes the CORS headers again, the headers the policy decides cannot be overwritten
 *       or get a second line, and a CORS header browsers read as one value ({@code -Allow-Origin},
 *       {@code -Allow-Credentials}, {@code -Max-Age}, {@code -Allow-Private-Network}) never gets a second
 *       line; the application's lines of list-valued ones such as {@code Access-Control-Expose-Headers} are
 *       kept as written.</li>
 * </ul>
 * Odd arguments (a null name or value) go to the container unchanged, which decides what they mean.
 */
final class CorsResponse extends HttpServletResponseWrapper {

    private final CorsPolicy policy;
    private final String allowedOrigin;

    /**
     * Wraps a response.
     *
     * @param response the response the filter was given
     * @param policy the request's policy
     * @param allowedOrigin the allowed origin, or null when the request had none or it was refused
     */
    CorsResponse(HttpServletResponse response, CorsPolicy policy, String allowedOrigin) {
        super(response);
        this.policy = policy;
        this.allowedOrigin = allowedOrigin;
    }

    /**
     * The policy the response is kept right for.
     *
     * @return the request's policy
     */
    CorsPolicy policy() {
        return policy;
    }

    @Override
    public void reset() {
        super.reset();
        policy.rules().restore(allowedOrigin, decorated(), wrapped(), ServletHeaderSink.INSTANCE);
    }

    @Override
    public void setHeader(String name, String value) {
        if (isOwned(name)) {
            return;
        }
        super.setHeader(name, value);
        if (isVary(name)) {
            policy.rules().varyOnOrigin(wrapped(), ServletHeaderSink.INSTANCE);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (isOwned(name)) {
            return;
        }
        if (value != null && isVary(name)) {
            String missing = VaryHeader.missing(getHeaders(name), value);
            if (missing != null) {
                super.addHeader(name, missing);
            }
        } else if (value != null && decorated() && isSingleValued(name)) {
            super.setHeader(name, value);
        } else {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (isOwned(name)) {
            return;
        }
        super.setIntHeader(name, value);
        if (isVary(name)) {
            policy.rules().varyOnOrigin(wrapped(), ServletHeaderSink.INSTANCE);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (isOwned(name)) {
            return;
        }
        if (decorated() && isSingleValued(name)) {
            super.setIntHeader(name, value);
        } else {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (isOwned(name)) {
            return;
        }
        super.setDateHeader(name, date);
        if (isVary(name)) {
            policy.rules().varyOnOrigin(wrapped(), ServletHeaderSink.INSTANCE);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (isOwned(name)) {
            return;
        }
        if (decorated() && isSingleValued(name)) {
            super.setDateHeader(name, date);
        } else {
            super.addDateHeader(name, date);
        }
    }

    /** Whether the filter wrote CORS headers on this response. */
    private boolean decorated() {
        return allowedOrigin != null || !policy.rules().variesOnOrigin();
    }

    private boolean isOwned(String name) {
        return decorated() && policy.rules().writesActualHeader(name);
    }

    private HttpServletResponse wrapped() {
        return (HttpServletResponse) getResponse();
    }

    /**
     * The CORS headers a browser reads as one value, which a second line would make invalid; list-valued
     * ones such as {@code Access-Control-Expose-Headers} may have several lines.
     */
    private static boolean isSingleValued(String name) {
        return PolicyRules.ALLOW_ORIGIN.equalsIgnoreCase(name) || PolicyRules.ALLOW_CREDENTIALS.equalsIgnoreCase(name)
                || PolicyRules.MAX_AGE.equalsIgnoreCase(name) || PolicyRules.ALLOW_PRIVATE_NETWORK.equalsIgnoreCase(name);
    }

    private static boolean isVary(String name) {
        return PolicyRules.VARY.equalsIgnoreCase(name);
    }

}
