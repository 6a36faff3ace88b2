package dev.corsfilter.model;

import dev.corsfilter.testing.FakeRequest;
import dev.corsfilter.testing.FakeResponse;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;

import java.io.IOException;

/**
 * Sends the model browser's requests straight into a servlet {@link Filter} (the {@code CorsFilter} under
 * test), in-process, with the fakes of {@code dev.corsfilter.testing}, and the given chain playing the
 * application: no sockets, no container, so thousands of cases run in seconds. What the filter and the
 * application wrote is returned as the response.
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
        FakeRequest servletRequest = new FakeRequest(request.method()).url(request.url());
        request.headers().all().forEach(header -> servletRequest.header(header.name(), header.value()));
        FakeResponse response = new FakeResponse();
        response.setCharacterEncoding("UTF-8");
        try {
            filter.doFilter(servletRequest, response, application);
        } catch (ServletException e) {
            throw new IOException("the filter chain failed", e);
        }
        return new WireResponse(response.getStatus(), headers(response), response.body());
    }

    /** The header lines, and the content type and length a container would send as headers. */
    private static HeaderList headers(FakeResponse response) {
        HeaderList headers = HeaderList.empty();
        for (String[] line : response.lines()) {
            headers = headers.with(line[0], line[1]);
        }
        if (response.getContentType() != null) {
            headers = headers.set("Content-Type", response.getContentType());
        }
        if (response.contentLength() >= 0) {
            headers = headers.set("Content-Length", Long.toString(response.contentLength()));
        }
        return headers;
    }
}
