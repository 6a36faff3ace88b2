package dev.corsfilter.internal;

/**
 * Where {@link PolicyRules} reads and writes response headers: a servlet response in the filter, a map in
 * tests and in explanations. The response is passed to each call, so one stateless sink serves every request
 * and nothing is allocated to adapt a response.
 *
 * <p>A header may have several lines, and for list-valued headers such as {@code Vary} all lines together
 * form one list (RFC 9110 section 5.3), so reading gives every line and adding keeps the lines already there.
 * Reading starts with {@link #first}: containers answer it by a scan, while every line costs them a new
 * collection, which is then needed only for a header that is there.
 *
 * @param <R> the response type
 */
public interface HeaderSink<R> {

    /**
     * Reads the first line of a response header.
     *
     * @param response the response
     * @param name the header name, matched ignoring case
     * @return the first line, or null when the header is not set
     */
    String first(R response, String name);

    /**
     * Reads every line of a response header.
     *
     * @param response the response
     * @param name the header name, matched ignoring case
     * @return the lines in order; empty when the header is not set
     */
    Iterable<String> values(R response, String name);

    /**
     * Sets a response header, replacing every line it had.
     *
     * @param response the response
     * @param name the header name
     * @param value the value
     */
    void set(R response, String name, String value);

    /**
     * Adds a line to a response header, keeping the lines it has.
     *
     * @param response the response
     * @param name the header name
     * @param value the value of the new line
     */
    void add(R response, String name, String value);
}
