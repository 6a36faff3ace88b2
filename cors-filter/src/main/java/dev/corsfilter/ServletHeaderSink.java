package dev.corsfilter;

import dev.corsfilter.internal.HeaderSink;
import jakarta.servlet.http.HttpServletResponse;

import java.util.List;

/** Reads and writes the headers of a servlet response for the pure core. */
final class ServletHeaderSink implements HeaderSink<HttpServletResponse> {

    /** The only instance: the sink is stateless. */
    static final ServletHeaderSink INSTANCE = new ServletHeaderSink();

    private ServletHeaderSink() {
    }

    /**
     * Every line of the header. A header that is not set at all, the usual case for {@code Vary} when the
     * filter runs, is answered by {@code getHeader} alone, so containers need not build a collection.
     */
    @Override
    public Iterable<String> values(HttpServletResponse response, String name) {
        return response.getHeader(name) == null ? List.of() : response.getHeaders(name);
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
