package dev.corsfilter;

import dev.corsfilter.internal.HeaderSink;
import jakarta.servlet.http.HttpServletResponse;

/** Writes the decisions of the pure core to a servlet response. */
final class ServletHeaderSink implements HeaderSink<HttpServletResponse> {

    /** The only instance: the sink is stateless. */
    static final ServletHeaderSink INSTANCE = new ServletHeaderSink();

    private ServletHeaderSink() {
    }

    @Override
    public String get(HttpServletResponse response, String name) {
        return response.getHeader(name);
    }

    @Override
    public void set(HttpServletResponse response, String name, String value) {
        response.setHeader(name, value);
    }
}
