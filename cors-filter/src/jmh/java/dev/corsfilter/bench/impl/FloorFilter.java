package dev.corsfilter.bench.impl;

import dev.corsfilter.bench.Observed;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The floor: a filter that knows the answer in advance. It writes, from constants and without looking at
 * the request, exactly the headers, status and content length that cors-filter wrote for the scenario
 * (recorded once at setup), and calls the application when cors-filter did. No filter that sets those
 * headers through the servlet API can be cheaper, so "cost / floor cost" is the price of deciding.
 */
public final class FloorFilter implements Filter {

    private final String[] names;
    private final String[] values;
    private final int status;
    private final boolean setStatus;
    private final long contentLength;
    private final boolean callApplication;

    /**
     * Records what cors-filter did.
     *
     * @param observed cors-filter's output for the scenario
     */
    public FloorFilter(Observed observed) {
        int n = observed.headers().size();
        names = new String[n];
        values = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = observed.headers().get(i)[0];
            values[i] = observed.headers().get(i)[1];
        }
        status = observed.status();
        setStatus = observed.statusSet();
        contentLength = observed.contentLength();
        callApplication = observed.chainCalls() > 0;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        for (int i = 0; i < names.length; i++) {
            http.setHeader(names[i], values[i]);
        }
        if (setStatus) {
            http.setStatus(status);
        }
        if (contentLength >= 0) {
            http.setContentLengthLong(contentLength);
        }
        if (callApplication) {
            chain.doFilter(request, response);
        }
    }
}
