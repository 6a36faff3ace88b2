package dev.corsfilter.bench;

import dev.corsfilter.bench.impl.Impl;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Spring's {@code CorsFilter} with a {@code UrlBasedCorsConfigurationSource} for {@code /**}. */
@State(Scope.Thread)
public class SpringBench extends FilterBenchmark {

    @Param({"NON_CORS", "ACTUAL", "PREFLIGHT", "DISALLOWED", "SUBDOMAIN", "ORIGINS_1K", "ORIGINS_10K", "PATTERNS_1K", "HOSTILE_COMMAS", "HOSTILE_NAMES"})
    public String scenario;

    @Param({"JETTY", "TOMCAT"})
    public String container;

    @Override
    protected Impl impl() {
        return Impl.SPRING;
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
