package dev.corsfilter;

import dev.corsfilter.internal.RequestSource;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.Enumeration;

/**
 * Enumerates a servlet request's header lines for the pure core, which asks only when a second line would
 * change its answer: containers build a new enumeration for every {@code getHeaders} call.
 */
final class ServletRequestSource implements RequestSource<HttpServletRequest> {

    /** The only instance: the source is stateless. */
    static final ServletRequestSource INSTANCE = new ServletRequestSource();

    private ServletRequestSource() {
    }

    @Override
    public boolean isRepeated(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        values.nextElement();
        return values.hasMoreElements();
    }

    @Override
    public String joined(HttpServletRequest request, String name) {
        return joinedLines(request, name);
    }

    /**
     * Returns all lines of a list-valued header joined by commas, as RFC 9110 section 5.3 allows.
     *
     * @param request the request
     * @param name the header name
     * @return the lines joined, the first line itself when it is the only one, or null when there is none
     */
    static String joinedLines(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        return first + "," + String.join(",", Collections.list(values));
    }
}
