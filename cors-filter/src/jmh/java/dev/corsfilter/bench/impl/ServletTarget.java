package dev.corsfilter.bench.impl;

import dev.corsfilter.bench.Observed;
import dev.corsfilter.bench.Scenario;
import dev.corsfilter.bench.Target;
import dev.corsfilter.testing.ContainerCosts;
import dev.corsfilter.testing.FakeRequest;
import dev.corsfilter.testing.FakeResponse;
import dev.corsfilter.testing.RecordingChain;
import jakarta.servlet.Filter;

/**
 * A servlet {@link Filter} driven with the fakes of {@code dev.corsfilter.testing}, costing what one container's
 * request and response cost, and a chain whose application does nothing. The request goes to an async-capable
 * servlet, as in Spring's {@code DispatcherServlet}, so a filter that wraps requests for async work does so.
 */
public final class ServletTarget implements Target {

    /** Whether every operation gets new header value strings (see {@link FakeRequest#freshHeaderValues}). */
    public static final boolean FRESH_VALUES = Boolean.getBoolean("bench.freshHeaderValues");

    private final Filter filter;
    private final FakeRequest request;
    private final FakeResponse response;
    private final RecordingChain chain = new RecordingChain();

    /**
     * Prepares the filter for a scenario's request.
     *
     * @param filter the initialised filter
     * @param scenario the scenario
     * @param costs whose request and response costs the fakes reproduce
     */
    public ServletTarget(Filter filter, Scenario scenario, ContainerCosts costs) {
        this(filter, scenario, costs, false);
    }

    private ServletTarget(Filter filter, Scenario scenario, ContainerCosts costs, boolean recordWrites) {
        this.filter = filter;
        this.request = new FakeRequest(scenario.method()).costs(costs).headers(scenario.headerPairs())
                .asyncSupported(true).freshHeaderValues(FRESH_VALUES);
        this.response = new FakeResponse().costs(costs);
        if (recordWrites) {
            response.recordWrites();
        }
    }

    /**
     * A target that records the filter's header writes, for the floor to replay; never measured.
     *
     * @param filter the filter
     * @param scenario the scenario
     * @param costs the container
     * @return the target
     */
    public static ServletTarget recording(Filter filter, Scenario scenario, ContainerCosts costs) {
        return new ServletTarget(filter, scenario, costs, true);
    }

    @Override
    public int invoke() throws Exception {
        request.recycle();
        response.recycle();
        chain.recycle();
        filter.doFilter(request, response, chain);
        return response.getStatus();
    }

    @Override
    public Observed observe() {
        return new Observed(response.getStatus(), response.statusSet(), chain.calls(), response.contentLength(),
                response.lines(), response.writesIfRecorded());
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
