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
 *       {@link #reset()} writes the CORS headers again, the headers the policy decides cannot be overwritten,
 *       and no other {@code Access-Control-*} header gets a second line.</li>
 * </ul>
 * Odd arguments (a null name or value) go to the container unchanged, which decides what they mean.
 */
final class CorsResponse extends HttpServletResponseWrapper {

    private static final String CORS_PREFIX = "Access-Control-";

    private final PolicyRules rules;
    private final String allowedOrigin;

    /**
     * Wraps a response.
     *
     * @param response the response the filter was given
     * @param rules the policy's rules
     * @param allowedOrigin the allowed origin, or null when the request had none or it was refused
     */
    CorsResponse(HttpServletResponse response, PolicyRules rules, String allowedOrigin) {
        super(response);
        this.rules = rules;
        this.allowedOrigin = allowedOrigin;
    }

    @Override
    public void reset() {
        super.reset();
        rules.restore(allowedOrigin, decorated(), wrapped(), ServletHeaderSink.INSTANCE);
    }

    @Override
    public void setHeader(String name, String value) {
        if (isOwned(name)) {
            return;
        }
        super.setHeader(name, value);
        if (isVary(name)) {
            rules.varyOnOrigin(wrapped(), ServletHeaderSink.INSTANCE);
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
        } else if (value != null && decorated() && isCorsHeader(name)) {
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
            rules.varyOnOrigin(wrapped(), ServletHeaderSink.INSTANCE);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!isOwned(name)) {
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
            rules.varyOnOrigin(wrapped(), ServletHeaderSink.INSTANCE);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (!isOwned(name)) {
            super.addDateHeader(name, date);
        }
    }

    /** Whether the filter wrote CORS headers on this response. */
    private boolean decorated() {
        return allowedOrigin != null || !rules.variesOnOrigin();
    }

    private boolean isOwned(String name) {
        return decorated() && rules.writesActualHeader(name);
    }

    private HttpServletResponse wrapped() {
        return (HttpServletResponse) getResponse();
    }

    private static boolean isVary(String name) {
        return PolicyRules.VARY.equalsIgnoreCase(name);
    }

    private static boolean isCorsHeader(String name) {
        return name != null && name.regionMatches(true, 0, CORS_PREFIX, 0, CORS_PREFIX.length());
    }
}
