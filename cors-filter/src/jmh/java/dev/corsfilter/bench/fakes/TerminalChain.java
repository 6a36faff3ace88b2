package dev.corsfilter.bench.fakes;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * The end of the filter chain: the application, doing nothing. It only counts its calls, so the sanity
 * check can tell whether a filter let the request through.
 */
public final class TerminalChain implements FilterChain {

    private int calls;
    private ServletResponse lastResponse;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response) {
        calls++;
        lastResponse = response;
    }

    /** Forgets the calls of the last operation. */
    public void reset() {
        calls = 0;
        lastResponse = null;
    }

    /**
     * How often the chain ran since the last reset.
     *
     * @return the count
     */
    public int calls() {
        return calls;
    }

    /**
     * The response the application was given last (the filter's wrapper, if it wraps), or null.
     *
     * @return the response
     */
    public ServletResponse lastResponse() {
        return lastResponse;
    }
}
