package dev.corsfilter.bench;

import dev.corsfilter.bench.impl.Impl;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A filter that only calls the chain: the cost of the harness, the same in every scenario, so two suffice. */
@State(Scope.Thread)
public class EmptyBench extends FilterBenchmark {

    @Param({"NON_CORS", "ACTUAL"})
    public String scenario;

    @Param({"JETTY", "TOMCAT"})
    public String container;

    @Override
    protected Impl impl() {
        return Impl.EMPTY;
    }

    @Override
    protected String scenario() {
        return scenario;
    }

    @Override
    protected String container() {
        return container;
    }
}
