package dev.corsfilter.bench;

/**
 * One implementation configured for one scenario, with its own reusable fakes: {@link #invoke()} is the
 * measured operation.
 */
public interface Target {

    /**
     * Resets the fakes (without allocating) and passes the scenario's request through the implementation
     * once.
     *
     * @return the response status, for the benchmark to return
     * @throws Exception what the implementation throws
     */
    int invoke() throws Exception;

    /**
     * What the last {@link #invoke()} did; allocates, so never called in measured code.
     *
     * @return the observation
     */
    Observed observe();
}
