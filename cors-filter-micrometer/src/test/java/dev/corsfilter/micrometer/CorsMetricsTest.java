package dev.corsfilter.micrometer;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsDecisionEvent;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorsMetricsTest {

    static final String APP = "https://app.example.com";
    static final CorsPolicy POLICY = CorsPolicy.builder().allowedOrigins(APP).allowedMethods("PUT").build();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    static CorsDecisionEvent actual(String origin, CorsDecision decision) {
        return new CorsDecisionEvent(CorsDecisionEvent.Kind.ACTUAL, CorsRequest.actual("GET", origin), "/items",
                decision, POLICY);
    }

    double requests(String kind, String decision) {
        return registry.get("cors.requests").tags("kind", kind, "decision", decision).counter().count();
    }

    @Test
    void countsEveryDecisionByKindAndDecision() {
        CorsMetrics metrics = CorsMetrics.builder(registry).build();
        metrics.onDecision(actual(APP, CorsDecision.ACTUAL_ALLOWED));
        metrics.onDecision(actual(APP, CorsDecision.ACTUAL_ALLOWED));
        metrics.onDecision(actual("https://evil.example.net", CorsDecision.ORIGIN_NOT_ALLOWED));
        metrics.onDecision(new CorsDecisionEvent(CorsDecisionEvent.Kind.PREFLIGHT,
                CorsRequest.preflight(APP, "DELETE", null), "/items", CorsDecision.METHOD_NOT_ALLOWED, POLICY));

        assertThat(requests("actual", "actual-allowed")).isEqualTo(2);
        assertThat(requests("actual", "origin-not-allowed")).isEqualTo(1);
        assertThat(requests("preflight", "method-not-allowed")).isEqualTo(1);
        assertThat(sum(registry.get("cors.requests").tags("outcome", "refused").counters())).isEqualTo(2);
    }

    @Test
    void anOriginRefusedOftenEarnsItsOwnSeriesAndAOneOffDoesNot() {
        CorsMetrics metrics = CorsMetrics.builder(registry).trackedOrigins("https://expected.example.com")
                .earnedBy(10, Duration.ofMinutes(1)).build();
        for (int i = 0; i < 25; i++) {
            metrics.onDecision(actual("https://new-frontend.example.com", CorsDecision.ORIGIN_NOT_ALLOWED));
        }
        metrics.onDecision(actual("https://once.example.net", CorsDecision.ORIGIN_NOT_ALLOWED));
        metrics.onDecision(actual("https://expected.example.com", CorsDecision.ORIGIN_NOT_ALLOWED));
        metrics.onDecision(actual("https://evil.example/\r\nX: forged", CorsDecision.ORIGIN_NOT_ALLOWED));

        assertThat(refusals("https://new-frontend.example.com")).isEqualTo(16);
        assertThat(refusals(OriginTags.OTHER)).isEqualTo(10);
        assertThat(refusals("https://expected.example.com")).isEqualTo(1);
        assertThat(refusals(OriginTags.INVALID)).isEqualTo(1);
    }

    static double sum(java.util.Collection<Counter> counters) {
        return counters.stream().mapToDouble(Counter::count).sum();
    }

    double refusals(String origin) {
        return registry.get("cors.refusals").tags("origin", origin).counter().count();
    }

    @Test
    void aHundredThousandRandomOriginsCreateABoundedNumberOfSeries() {
        CorsMetrics metrics = CorsMetrics.builder(registry).maxOrigins(20).earnedBy(2, Duration.ofMinutes(1)).build();
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            String origin = "https://" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + ".example.net";
            metrics.onDecision(actual(origin, CorsDecision.ORIGIN_NOT_ALLOWED));
            // An attacker who repeats some origins earns them series, but no more than the bound.
            if (i % 10 == 0) {
                metrics.onDecision(actual(origin, CorsDecision.ORIGIN_NOT_ALLOWED));
            }
        }
        assertThat(metrics.trackedOrigins()).isEqualTo(20);
        assertThat(registry.find("cors.refusals").counters()).hasSizeLessThanOrEqualTo(20 + 2);
        assertThat(sum(registry.find("cors.refusals").counters())).isEqualTo(110_000);
        assertThat(registry.getMeters()).hasSizeLessThanOrEqualTo(3 * CorsDecision.values().length + 20 + 2);
    }

    @Test
    void boundsAreChecked() {
        assertThatThrownBy(() -> CorsMetrics.builder(registry).maxOrigins(1_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorsMetrics.builder(registry).earnedBy(0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorsMetrics.builder(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aFilterOnJettyCountsItsDecisionsAndShadowDisagreements() {
        CorsFilter filter = new CorsFilter(POLICY);
        filter.shadow(CorsPolicy.builder().allowedOrigins("https://new.example.com").allowedMethods("PUT").build());
        filter.addDecisionListener(CorsMetrics.builder(registry).trackedOrigins(APP).build());
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", filter, EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR))
                .servlet("/", AppServlet.of((request, response) -> response.getWriter().print("ok"))));
        try (RunningServer server = ServletEngine.JETTY.start(app)) {
            RawHttp.send(server.port(), "GET", "/items", "Origin", APP);
            RawHttp.send(server.port(), "OPTIONS", "/items", "Origin", APP, "Access-Control-Request-Method", "PUT");
            RawHttp.send(server.port(), "GET", "/items");
        }
        assertThat(requests("actual", "actual-allowed")).isEqualTo(1);
        assertThat(requests("preflight", "preflight-allowed")).isEqualTo(1);
        assertThat(sum(registry.get("cors.shadow.disagreements").tags("change", "would-refuse", "origin", APP)
                .counters())).isEqualTo(2);
    }
}
