package dev.corsfilter.model;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import java.io.IOException;

/**
 * Sends the model browser's requests straight into a servlet {@link Filter} (the {@code CorsFilter} under
 * test), in-process, with {@link FakeServletRequest} and {@link FakeServletResponse}, and the given chain
 * playing the application: no sockets, no container, so thousands of cases run in seconds. What the
 * filter and the application wrote is returned as the response.
 */
public final class ServletTransport implements Transport {

    private final Filter filter;
    private final FilterChain application;

    /**
     * A transport into a filter.
     *
     * @param filter the filter, ready to use (a {@code CorsFilter} built with a policy needs no init)
     * @param application the rest of the chain, e.g. a {@link FakeApplication}
     */
    public ServletTransport(Filter filter, FilterChain application) {
        this.filter = filter;
        this.application = application;
    }

    @Override
    public WireResponse send(WireRequest request) throws IOException {
        FakeServletResponse response = new FakeServletResponse();
        try {
            filter.doFilter(FakeServletRequest.of(request), response.servletResponse(), application);
        } catch (ServletException e) {
            throw new IOException("the filter chain failed", e);
        }
        return response.toWire();
    }
}
