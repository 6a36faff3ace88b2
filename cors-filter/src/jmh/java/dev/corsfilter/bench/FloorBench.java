package dev.corsfilter.bench;

import dev.corsfilter.bench.impl.Impl;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The floor: cors-filter's output for the scenario written from constants. */
@State(Scope.Thread)
public class FloorBench extends FilterBenchmark {

    @Param({"NON_CORS", "ACTUAL", "PREFLIGHT", "DISALLOWED", "SUBDOMAIN", "ORIGINS_1K", "ORIGINS_10K", "PATTERNS_1K", "HOSTILE_COMMAS", "HOSTILE_NAMES"})
    public String scenario;

    @Param({"JETTY", "TOMCAT"})
    public String container;

    @Override
    protected Impl impl() {
        return Impl.FLOOR;
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
