package dev.corsfilter.bench;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.bench.impl.Impl;
import dev.corsfilter.bench.impl.ServletTarget;
import dev.corsfilter.testing.ContainerCosts;
import dev.corsfilter.testing.FakeFilterConfig;
import jakarta.servlet.Filter;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.Map;

/**
 * What decision listeners cost: cors-filter as built from this tree, without a listener and with one that does
 * nothing, beside earlier revisions of the library compiled into their own packages by bench/revisions.sh
 * (revision {@code abc1234} is the class {@code rabc1234.dev.corsfilter.CorsFilter}). Every variant is
 * configured by the same init-parameters and must pass cors-filter's sanity check before it is measured.
 * Its name does not end in {@code Bench}, so the suite of bench/run.sh leaves it out.
 */
@State(Scope.Thread)
public class ListenerCostBenchmark extends FilterBenchmark {

    /** This tree's filter with no listener. */
    public static final String HEAD = "HEAD";
    /** This tree's filter with one listener that does nothing. */
    public static final String HEAD_LISTENER = "HEAD+listener";

    /** {@link #HEAD}, {@link #HEAD_LISTENER}, or an abbreviated commit compiled by bench/revisions.sh. */
    @Param({HEAD, HEAD_LISTENER})
    public String revision;

    @Param({"NON_CORS", "ACTUAL", "PREFLIGHT", "DISALLOWED"})
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

    @Override
    protected Target create(Scenario measured, ContainerCosts costs) throws Exception {
        return new ServletTarget(filter(measured.policy()), measured, costs);
    }

    private Filter filter(Policy policy) throws Exception {
        Filter filter = switch (revision) {
            case HEAD, HEAD_LISTENER -> new CorsFilter();
            default -> (Filter) Class.forName("r" + revision + ".dev.corsfilter.CorsFilter")
                    .getDeclaredConstructor().newInstance();
        };
        filter.init(new FakeFilterConfig("cors", Map.of(
                "allowed-origins", String.join(",", policy.allOrigins()),
                "allowed-methods", String.join(",", Policy.EXTRA_METHODS),
                "allowed-headers", String.join(",", Policy.ALLOWED_HEADERS),
                "exposed-headers", String.join(",", Policy.EXPOSED_HEADERS),
                "allow-credentials", "true",
                "max-age", Long.toString(Policy.MAX_AGE_SECONDS))));
        if (revision.equals(HEAD_LISTENER)) {
            ((CorsFilter) filter).addDecisionListener(event -> { });
        }
        return filter;
    }
}
