package dev.corsfilter;

import dev.corsfilter.internal.PolicyRules;
import dev.corsfilter.internal.VaryHeader;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response the application sees for an allowed actual CORS request. It keeps the headers the filter
 * wrote in place whatever the application does, committed or streamed, synchronous or async:
 * <ul>
 *   <li>{@link #reset()} (as Spring's {@code DispatcherServlet} does on errors) writes them again;</li>
 *   <li>a {@code Vary} the application sets keeps {@code Origin}, so a shared cache never serves this
 *       response to another origin;</li>
 *   <li>the headers the policy decides ({@code Access-Control-Allow-Origin}, and {@code -Allow-Credentials},
 *       {@code -Expose-Headers} and {@code Timing-Allow-Origin} when configured) cannot be overwritten, and
 *       no CORS header gets a second value.</li>
 * </ul>
 *
 * <p>This 24-byte wrapper is the only object the filter allocates, and only for allowed actual requests.
 */
final class CorsResponse extends HttpServletResponseWrapper {

    private final PolicyRules rules;
    private final String allowedOrigin;

    /**
     * Wraps a response.
     *
     * @param response the container's response
     * @param rules the policy's rules
     * @param allowedOrigin the allowed origin
     */
    CorsResponse(HttpServletResponse response, PolicyRules rules, String allowedOrigin) {
        super(response);
        this.rules = rules;
        this.allowedOrigin = allowedOrigin;
    }

    @Override
    public void reset() {
        super.reset();
        rules.restore(allowedOrigin, true, (HttpServletResponse) getResponse(), ServletHeaderSink.INSTANCE);
    }

    @Override
    public void setHeader(String name, String value) {
        if (isVary(name)) {
            super.setHeader(name, rules.variesOnOrigin() ? VaryHeader.merge(value, PolicyRules.ORIGIN) : value);
        } else if (!isOwned(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (isVary(name)) {
            super.setHeader(name, VaryHeader.merge(String.join(", ", getHeaders(name)), value));
        } else if (isOwned(name)) {
            return;
        } else if (isCorsHeader(name)) {
            super.setHeader(name, value);
        } else {
            super.addHeader(name, value);
        }
    }

    private boolean isOwned(String name) {
        return rules.writesActualHeader(name);
    }

    private static boolean isVary(String name) {
        return PolicyRules.VARY.equalsIgnoreCase(name);
    }

    private static boolean isCorsHeader(String name) {
        return name != null && name.regionMatches(true, 0, "Access-Control-", 0, "Access-Control-".length());
    }
}
