package dev.corsfilter;

import dev.corsfilter.internal.PolicyRules;
import dev.corsfilter.internal.VaryHeader;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The response an allowed actual CORS request's application sees. It keeps the CORS headers the filter
 * wrote in place whatever the application does: {@link #reset()} (as Spring's {@code DispatcherServlet}
 * does on errors) writes them again, a {@code Vary} set by the application keeps {@code Origin}, the
 * headers the policy decides ({@code Access-Control-Allow-Origin}, and {@code -Allow-Credentials} and
 * {@code -Expose-Headers} when configured) cannot be overwritten, and no CORS header gets a second value.
 *
 * <p>This is the only object the filter allocates per request, and only for allowed actual requests.
 */
final class CorsResponse extends HttpServletResponseWrapper {

    private final PolicyRules rules;
    private final String origin;

    CorsResponse(HttpServletResponse response, PolicyRules rules, String origin) {
        super(response);
        this.rules = rules;
        this.origin = origin;
    }

    @Override
    public void reset() {
        super.reset();
        rules.rewriteActual(origin, (HttpServletResponse) getResponse(), ServletHeaderSink.INSTANCE);
    }

    @Override
    public void setHeader(String name, String value) {
        if (isVary(name)) {
            super.setHeader(name, rules.variesOnOrigin() ? VaryHeader.merge(value, PolicyRules.ORIGIN) : value);
        } else if (!rules.writesActualHeader(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (isVary(name)) {
            super.setHeader(name, VaryHeader.merge(String.join(", ", getHeaders(name)), value));
        } else if (rules.writesActualHeader(name)) {
            return;
        } else if (isCorsHeader(name)) {
            super.setHeader(name, value);
        } else {
            super.addHeader(name, value);
        }
    }

    private static boolean isVary(String name) {
        return PolicyRules.VARY.equalsIgnoreCase(name);
    }

    private static boolean isCorsHeader(String name) {
        return name != null && name.regionMatches(true, 0, "Access-Control-", 0, "Access-Control-".length());
    }
}
