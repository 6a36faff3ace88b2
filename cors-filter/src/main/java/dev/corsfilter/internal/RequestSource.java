package dev.corsfilter.internal;

/**
 * What {@link PolicyRules} may ask about a request beyond the header values it is given: whether a header
 * came in more than one line, and then all of them. It asks only when the answer matters (an origin that
 * would be allowed, a pre-flight that would pass), so the servlet adapter enumerates header lines, which
 * containers build a new enumeration for, for those requests only.
 *
 * @param <Q> the request type
 */
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
     * Every line of a request header joined by commas, for a message about a repeated header; asked only
     * after {@link #isRepeated} answered true.
     *
     * @param request the request
     * @param name the header name
     * @return the lines joined
     */
    String joined(Q request, String name);

    /**
     * A source for requests described by single values, such as {@link dev.corsfilter.CorsRequest}.
     *
     * @param <Q> the request type
     * @return a source whose headers are never repeated
     */
    static <Q> RequestSource<Q> singleLines() {
        return new RequestSource<>() {
            @Override
            public boolean isRepeated(Q request, String name) {
                return false;
            }

            @Override
            public String joined(Q request, String name) {
                throw new IllegalStateException("a request of single values has no repeated header");
            }
        };
    }
}
