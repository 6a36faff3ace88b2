package dev.corsfilter.testing;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;

import java.io.IOException;

/**
 * One call of {@link Filter#doFilter} on a {@link FakeRequest}, without a container and so without a
 * container's limits on header size or count: what the filter and the application wrote, whether the
 * application ran, and what was thrown.
 *
 * @param response the response, recording every header write ({@link FakeResponse#everyValueWritten()})
 * @param reachedApplication whether the chain ran
 * @param thrown what the filter or the application threw, or null
 */
public record FilterCall(FakeResponse response, boolean reachedApplication, Throwable thrown) {

    /**
     * Runs a filter with an application that does nothing.
     *
     * @param filter the filter
     * @param request the request
     * @return what happened
     */
    public static FilterCall run(Filter filter, FakeRequest request) {
        return run(filter, request, (req, res) -> { });
    }

    /**
     * Runs a filter with an application behind it.
     *
     * @param filter the filter
     * @param request the request
     * @param application what the application does with the request
     * @return what happened
     */
    public static FilterCall run(Filter filter, FakeRequest request, AppServlet.Body application) {
        FakeResponse response = new FakeResponse().recordWrites();
        RecordingChain chain = new RecordingChain(application);
        Throwable thrown = null;
        try {
            filter.doFilter(request, response, chain);
        } catch (IOException | ServletException | RuntimeException | Error e) {
            thrown = e;
        }
        return new FilterCall(response, chain.calls() > 0, thrown);
    }
}
