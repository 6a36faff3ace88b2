package dev.corsfilter.bench;

import dev.corsfilter.bench.impl.Impl;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** cors-filter's {@code CorsFilter}. */
@State(Scope.Thread)
public class CorsFilterBench extends FilterBenchmark {

    @Param({"NON_CORS", "ACTUAL", "PREFLIGHT", "DISALLOWED", "SUBDOMAIN", "ORIGINS_1K", "ORIGINS_10K", "PATTERNS_1K", "HOSTILE_COMMAS", "HOSTILE_NAMES"})
    public String scenario;

    @Param({"JETTY", "TOMCAT"})
    public String container;

    @Override
    protected Impl impl() {
        return Impl.CORS_FILTER;
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
