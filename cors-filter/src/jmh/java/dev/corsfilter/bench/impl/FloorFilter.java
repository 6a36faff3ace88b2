package dev.corsfilter.bench.impl;

import dev.corsfilter.bench.Observed;
import dev.corsfilter.bench.Scenario;
import dev.corsfilter.testing.FakeResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * The floor: a filter that knows the answer in advance. It reads only what any CORS filter must read,
 * {@code Origin} and, on a pre-flight, {@code Access-Control-Request-Method} and {@code -Headers}, each with
 * {@code getHeader}; then it makes exactly the header writes cors-filter made for the scenario (recorded once
 * at setup, {@code setHeader} or {@code addHeader} alike), sets the same status and content length, and calls
 * the application when cors-filter did. No filter that writes those headers through the servlet API can be
 * cheaper, so "cost / floor cost" is the price of deciding and of the guarantees.
 */
public final class FloorFilter implements Filter {

    private static final String ORIGIN = "Origin";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";
    private static final String REQUEST_HEADERS = "Access-Control-Request-Headers";

    private final boolean[] replace;
    private final String[] names;
    private final String[] values;
    private final int status;
    private final boolean setStatus;
    private final long contentLength;
    private final boolean callApplication;
    private final int expectedReads;

    /**
     * Records what cors-filter did.
     *
     * @param scenario the scenario
     * @param observed cors-filter's output for the scenario, with its header writes
     */
    public FloorFilter(Scenario scenario, Observed observed) {
        List<FakeResponse.Write> writes = observed.writes();
        int n = writes.size();
        replace = new boolean[n];
        names = new String[n];
        values = new String[n];
        for (int i = 0; i < n; i++) {
            replace[i] = writes.get(i).replace();
            names[i] = writes.get(i).name();
            values[i] = writes.get(i).value();
        }
        status = observed.status();
        setStatus = observed.statusSet();
        contentLength = observed.contentLength();
        callApplication = observed.chainCalls() > 0;
        boolean preflight = scenario.origin() != null && scenario.method().equals("OPTIONS");
        expectedReads = scenario.origin() == null ? 0 : 1 + (preflight && scenario.requestHeaders() != null ? 1 : 0);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest http = (HttpServletRequest) request;
        int reads = http.getHeader(ORIGIN) == null ? 0 : 1;
        if (reads == 1 && "OPTIONS".equals(http.getMethod()) && http.getHeader(REQUEST_METHOD) != null) {
            reads += http.getHeader(REQUEST_HEADERS) == null ? 0 : 1;
        }
        // Checking what was read keeps the JIT from dropping the reads.
        if (reads != expectedReads) {
            throw new IllegalStateException("not the scenario's request");
        }
        HttpServletResponse out = (HttpServletResponse) response;
        for (int i = 0; i < names.length; i++) {
            if (replace[i]) {
                out.setHeader(names[i], values[i]);
            } else {
                out.addHeader(names[i], values[i]);
            }
        }
        if (setStatus) {
            out.setStatus(status);
        }
        if (contentLength >= 0) {
            out.setContentLengthLong(contentLength);
        }
        if (callApplication) {
            chain.doFilter(request, response);
        }
    }
}
