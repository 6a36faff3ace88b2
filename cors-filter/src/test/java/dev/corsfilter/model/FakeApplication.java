package dev.corsfilter.model;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The application behind the filter when it runs in-process: the end of the filter chain. It records every
 * request that reaches it, and answers
 * <ul>
 *   <li>{@code .../redirect-302} and {@code .../redirect-307} with that status and {@code Location: /ok};</li>
 *   <li>anything else with its configured status, headers (added with {@code addHeader}, as applications
 *       do) and a short body.</li>
 * </ul>
 */
public final class FakeApplication implements FilterChain {

    /**
     * One request that reached the application.
     *
     * @param method the method
     * @param path the path
     * @param cookie the {@code Cookie} header, or null
     */
    public record Call(String method, String path, String cookie) {
    }

    /** The body of every non-redirect answer. */
    public static final String BODY = "application body";

    private final int status;
    private final HeaderList headers;
    private final List<Call> calls = new ArrayList<>();

    /**
     * An application answering with a status and headers.
     *
     * @param status the status of non-redirect answers
     * @param headers the headers of non-redirect answers
     */
    public FakeApplication(int status, HeaderList headers) {
        this.status = status;
        this.headers = headers;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse) throws IOException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        String path = request.getRequestURI();
        calls.add(new Call(request.getMethod(), path, request.getHeader("Cookie")));
        if (path.endsWith("/redirect-302") || path.endsWith("/redirect-307")) {
            response.setStatus(path.endsWith("302") ? 302 : 307);
            response.setHeader("Location", "/ok");
            return;
        }
        response.setStatus(status);
        for (HeaderList.Header header : headers.all()) {
            response.addHeader(header.name(), header.value());
        }
        response.getWriter().print(BODY);
    }

    /**
     * The requests that reached the application, in order.
     *
     * @return a copy of the list
     */
    public List<Call> calls() {
        return List.copyOf(calls);
    }
}
