package dev.corsfilter.testing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The end of a filter chain without a container: it counts its calls and keeps the request and response it
 * was given last (a filter's wrappers, if it wraps), then runs the application, if there is one. Keeping them
 * makes them escape, as they do into a container's servlet, so a benchmark counts the wrappers a container
 * would allocate. {@link #recycle()} forgets one operation without allocating.
 */
public final class RecordingChain implements FilterChain {

    private final AppServlet.Body application;
    private int calls;
    private ServletRequest lastRequest;
    private ServletResponse lastResponse;

    /** A chain whose application does nothing. */
    public RecordingChain() {
        this(null);
    }

    /**
     * A chain ending in an application.
     *
     * @param application what the application does with each request, or null for nothing
     */
    public RecordingChain(AppServlet.Body application) {
        this.application = application;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) throws IOException, ServletException {
        calls++;
        lastRequest = request;
        lastResponse = response;
        if (application != null) {
            application.handle((HttpServletRequest) request, (HttpServletResponse) response);
        }
    }

    /** Forgets the calls of the last operation. */
    public void recycle() {
        calls = 0;
        lastRequest = null;
        lastResponse = null;
    }

    /**
     * How often the chain ran since the last recycle.
     *
     * @return the count
     */
    public int calls() {
        return calls;
    }

    /**
     * The request the application was given last.
     *
     * @return the request, or null
     */
    public ServletRequest lastRequest() {
        return lastRequest;
    }

    /**
     * The response the application was given last.
     *
     * @return the response, or null
     */
    public ServletResponse lastResponse() {
        return lastResponse;
    }
}
