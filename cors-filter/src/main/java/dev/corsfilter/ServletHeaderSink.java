package dev.corsfilter;

import dev.corsfilter.internal.HeaderSink;
import jakarta.servlet.http.HttpServletResponse;

/** Reads and writes the headers of a servlet response for the pure core. */
final class ServletHeaderSink implements HeaderSink<HttpServletResponse> {

    /** The only instance: the sink is stateless. */
    static final ServletHeaderSink INSTANCE = new ServletHeaderSink();

    private ServletHeaderSink() {
    }

    @Override
    public String first(HttpServletResponse response, String name) {
        return response.getHeader(name);
    }

    @Override
    public Iterable<String> values(HttpServletResponse response, String name) {
        return response.getHeaders(name);
    }

    @Override
    public void set(HttpServletResponse response, String name, String value) {
        response.setHeader(name, value);
    }

    @Override
    public void add(HttpServletResponse response, String name, String value) {
        response.addHeader(name, value);
    }
}
