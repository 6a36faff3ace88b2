package dev.corsfilter.internal;

/**
 * Where {@link PolicyRules} writes response headers: a servlet response in the filter, a map in tests
 * and in explanations. The response is passed to each call, so one stateless sink serves every request
 * and nothing is allocated to adapt a response.
 *
 * @param <R> the response type
 */
public interface HeaderSink<R> {

    /**
     * Reads a response header.
     *
     * @param response the response
     * @param name the header name
     * @return its value, or null when it is not set
     */
    String get(R response, String name);

    /**
     * Sets a response header, replacing any value it had.
     *
     * @param response the response
     * @param name the header name
     * @param value the value
     */
    void set(R response, String name, String value);
}
