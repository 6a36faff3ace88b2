package dev.corsfilter.micrometer;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the Micrometer example of docs/operations.md on Tomcat. */
class MetricsExampleTest {

    @Test
    void refusalsOfATrackedOriginHaveTheirOwnSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CorsFilter filter = MetricsExample.filterWithMetrics(
                CorsPolicy.builder().allowedOrigins("https://app.example.com").build(), registry);
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", filter, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR))
                .servlet("/", AppServlet.of((request, response) -> response.getWriter().print("ok"))));
        try (RunningServer server = ServletEngine.TOMCAT.start(app)) {
            RawHttp.send(server.port(), "GET", "/items", "Origin", "https://admin.example.com");
            RawHttp.send(server.port(), "GET", "/items", "Origin", "https://app.example.com");
        }
        assertThat(registry.get("cors.refusals").tags("origin", "https://admin.example.com").counter().count())
                .isEqualTo(1);
        assertThat(registry.get("cors.requests").tags("kind", "actual", "decision", "actual-allowed").counter().count())
                .isEqualTo(1);
    }
}
