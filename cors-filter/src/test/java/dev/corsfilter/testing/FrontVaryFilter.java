package dev.corsfilter.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * A filter in front of the CORS filter that adds {@code Vary} lines before the chain runs, as a compression
 * filter adds {@code Vary: Accept-Encoding}: each value is added as a line of its own. The lines are fixed,
 * or copied from the lines of a request header, so that a generated test can choose them per request.
 */
public final class FrontVaryFilter implements Filter {

    private final List<String> lines;
    private final String requestHeader;

    private FrontVaryFilter(List<String> lines, String requestHeader) {
        this.lines = lines;
        this.requestHeader = requestHeader;
    }

    /**
     * Makes a filter that adds the same lines to every response.
     *
     * @param lines the {@code Vary} lines to add, in order
     */
    public FrontVaryFilter(String... lines) {
        this(List.of(lines), null);
    }

    /**
     * Makes a filter that adds, for each line of a request header, that line as a {@code Vary} line.
     *
     * @param requestHeader the request header, e.g. {@code X-Front-Vary}
     * @return the filter
     */
    public static FrontVaryFilter fromRequestHeader(String requestHeader) {
        return new FrontVaryFilter(List.of(), requestHeader);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse httpResponse = (HttpServletResponse) response;
        lines.forEach(line -> httpResponse.addHeader("Vary", line));
        if (requestHeader != null) {
            Collections.list(((HttpServletRequest) request).getHeaders(requestHeader))
                    .forEach(line -> httpResponse.addHeader("Vary", line));
        }
        chain.doFilter(request, response);
    }
}
