package dev.corsfilter.bench;

import dev.corsfilter.bench.impl.Impl;
import dev.corsfilter.testing.ContainerCosts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * One request through one implementation on reused fakes; the subclasses pick the implementation and list
 * the scenarios it supports and, for servlet filters, the containers whose costs the fakes reproduce
 * ({@code JETTY}, {@code TOMCAT}). Each (implementation, scenario, container) runs in its own fork, so every
 * call site sees one implementation only. bench/run.sh overrides the iteration settings below.
 *
 * <p>Forks use the Parallel collector: its write barrier is an unconditional card mark, while G1's costs
 * more or less depending on whether the stored reference crosses a heap region — which changes from fork
 * to fork with where the fakes and the policy happen to land, and showed up as ±40% swings between
 * scenarios that do the same work.
 *
 * <p>{@link #setUp()} configures the implementation and runs the sanity check on it before anything is
 * measured; a wrong answer fails the trial.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class FilterBenchmark {

    private Target target;

    /** The implementation measured. */
    protected abstract Impl impl();

    /** The scenario's name, from the subclass's {@code @Param}. */
    protected abstract String scenario();

    /**
     * The container whose costs the servlet fakes reproduce, from the subclass's {@code @Param}.
     *
     * @return {@code JETTY} unless a subclass says otherwise; the core handler runs on Jetty's own classes
     */
    protected String container() {
        return ContainerCosts.JETTY.name();
    }

    /**
     * Configures the implementation and checks its answer before anything is measured.
     *
     * @throws Exception when it cannot be configured or answers wrongly
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Scenario scenario = Scenario.valueOf(scenario());
        ContainerCosts costs = ContainerCosts.valueOf(container());
        target = create(scenario, costs);
        Sanity.checkOrFail(impl(), scenario, costs, target);
    }

    /**
     * Configures the implementation for a scenario.
     *
     * @param scenario the scenario
     * @param costs whose request and response costs the servlet fakes reproduce
     * @return the target, ready to invoke
     * @throws Exception when the implementation refuses its configuration
     */
    protected Target create(Scenario scenario, ContainerCosts costs) throws Exception {
        return impl().create(scenario, costs);
    }

    /**
     * Resets the fakes and runs the request through the implementation.
     *
     * @return the response status (returned so the work cannot be optimised away)
     * @throws Exception what the implementation throws
     */
    @Benchmark
    public int request() throws Exception {
        return target.invoke();
    }
}
