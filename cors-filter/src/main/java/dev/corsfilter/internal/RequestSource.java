package dev.corsfilter.internal;

/**
 * What {@link PolicyRules} may ask about a request beyond the header values it is given: whether a header
 * came in more than one line. It asks only when the answer matters (an origin that would be allowed), so the
 * servlet adapter enumerates header lines for allowed requests only.
 *
 * @param <Q> the request type
 */
@FunctionalInterface
public interface RequestSource<Q> {

    /**
     * Tells whether a request header came in more than one line.
     *
     * @param request the request
     * @param name the header name
     * @return true when it has two or more lines
     */
    boolean isRepeated(Q request, String name);

    /**
     * A source for requests described by single values, such as {@link dev.corsfilter.CorsRequest}.
     *
     * @param <Q> the request type
     * @return a source that answers false
     */
    static <Q> RequestSource<Q> singleLines() {
        return (request, name) -> false;
    }
}
