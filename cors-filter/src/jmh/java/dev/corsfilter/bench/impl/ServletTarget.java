package dev.corsfilter.bench.impl;

import dev.corsfilter.bench.Observed;
import dev.corsfilter.bench.Scenario;
import dev.corsfilter.bench.Target;
import dev.corsfilter.bench.fakes.FakeHttpServletRequest;
import dev.corsfilter.bench.fakes.FakeHttpServletResponse;
import dev.corsfilter.bench.fakes.TerminalChain;
import jakarta.servlet.Filter;

/** A servlet {@link Filter} driven with the reusable fakes and the do-nothing {@link TerminalChain}. */
public final class ServletTarget implements Target {

    private final Filter filter;
    private final FakeHttpServletRequest request = new FakeHttpServletRequest();
    private final FakeHttpServletResponse response = new FakeHttpServletResponse();
    private final TerminalChain chain = new TerminalChain();

    /**
     * Prepares the filter for a scenario's request.
     *
     * @param filter the initialised filter
     * @param scenario the scenario
     */
    public ServletTarget(Filter filter, Scenario scenario) {
        this.filter = filter;
        request.setHeaders(scenario.method(), scenario.headerPairs());
    }

    @Override
    public int invoke() throws Exception {
        request.reset();
        response.reset();
        chain.reset();
        filter.doFilter(request, response, chain);
        return response.getStatus();
    }

    @Override
    public Observed observe() {
        return new Observed(response.getStatus(), response.statusSet(), chain.calls(), response.contentLength(),
                response.headerLines());
    }

    /**
     * The response the application received in the last operation.
     *
     * @return the response, or null
     */
    public Object responseSeenByApplication() {
        return chain.lastResponse();
    }
}
