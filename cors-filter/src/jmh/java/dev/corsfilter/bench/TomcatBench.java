package dev.corsfilter.bench;

import dev.corsfilter.bench.impl.Impl;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Tomcat's {@code CorsFilter}; it has no subdomain patterns, so those scenarios are left out. */
@State(Scope.Thread)
public class TomcatBench extends FilterBenchmark {

    @Param({"NON_CORS", "ACTUAL", "PREFLIGHT", "DISALLOWED", "ORIGINS_1K", "ORIGINS_10K", "HOSTILE_COMMAS", "HOSTILE_NAMES"})
    public String scenario;

    @Param({"JETTY", "TOMCAT"})
    public String container;

    @Override
    protected Impl impl() {
        return Impl.TOMCAT;
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
