package dev.corsfilter.micrometer;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsDecisionEvent;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.micrometer.CorsMetrics;
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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Found by the review of issue 15: the Micrometer binding. */
class MetricsReviewTest {

    static final String APP = "https://app.example.com";
    static final CorsPolicy POLICY = CorsPolicy.builder().allowedOrigins(APP).build();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    static CorsDecisionEvent refused(String origin) {
        return new CorsDecisionEvent(CorsDecisionEvent.Kind.ACTUAL, CorsRequest.actual("GET", origin), "/items",
                CorsDecision.ORIGIN_NOT_ALLOWED, POLICY);
    }

    Counter refusals(String origin) {
        return registry.find("cors.refusals").tags("origin", origin).counter();
    }

    /**
     * operations.md: "a front end nobody added to the policy is refused on every page view and earns one within
     * a minute, while an origin sent once never does". But 10,000 origins sent once each within the window
     * (170 requests a second) fill the candidate table, and then no new origin can earn a series at all, while
     * not one slot is used: the front end's refusals all go to "other".
     */
    @Test
    void originsSentOnceDoNotStopANewFrontEndFromEarningItsSeries() {
        CorsMetrics metrics = CorsMetrics.builder(registry).build();
        for (int i = 0; i < 10_000; i++) {
            metrics.onDecision(refused("https://r" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE) + ".example.net"));
        }
        for (int i = 0; i < 100; i++) {
            metrics.onDecision(refused("https://new-frontend.example.com"));
        }
        assertThat(metrics.trackedOrigins()).as("slots used").isEqualTo(1);
        assertThat(refusals("https://new-frontend.example.com")).as("the new front end's series").isNotNull();
    }

    /**
     * An origin the policy can allow and browsers send (Chrome and Firefox accept '_' in host names, Safari's
     * extension scheme is 20 letters long) is tagged "invalid", even when listed in trackedOrigins: its
     * refusals never get the series the builder promised ("always their own series").
     */
    @Test
    void trackedOriginsThatBrowsersSendHaveTheirOwnSeries() {
        String underscore = "https://my_app.example.com";
        String safariExtension = "safari-web-extension://3a5b6c7d-1e2f-4a5b-8c9d-0e1f2a3b4c5d";
        CorsPolicy.builder().allowedOrigins(underscore, safariExtension).build(); // the policy accepts both
        CorsMetrics metrics = CorsMetrics.builder(registry).trackedOrigins(underscore, safariExtension).build();
        metrics.onDecision(refused(underscore));
        metrics.onDecision(refused(safariExtension));
        List<String> tags = new ArrayList<>();
        registry.find("cors.refusals").counters().forEach(counter -> tags.add(counter.getId().getTag("origin")));
        assertThat(tags).containsExactlyInAnyOrder(underscore, safariExtension);
    }

    /** A WebSocket handshake's disagreement is tagged kind=actual, while its decision is counted as websocket. */
    @Test
    void aWebSocketDisagreementIsTaggedWebsocket() {
        CorsPolicy enforced = CorsPolicy.builder().allowedOrigins(APP, "https://partner.example.org")
                .webSocketOriginCheck(true).build();
        CorsFilter filter = new CorsFilter(enforced);
        filter.shadow(CorsPolicy.builder().allowedOrigins(APP).webSocketOriginCheck(true).build());
        filter.addDecisionListener(CorsMetrics.builder(registry).build());
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", filter, EnumSet.of(DispatcherType.REQUEST))
                .servlet("/", AppServlet.of((request, response) -> response.getWriter().print("ok"))));
        try (RunningServer server = ServletEngine.JETTY.start(app)) {
            RawHttp.send(server.port(), "GET", "/ws", "Origin", "https://partner.example.org", "Upgrade", "websocket",
                    "Connection", "Upgrade", "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==",
                    "Sec-WebSocket-Version", "13");
        }
        assertThat(registry.get("cors.requests").tags("kind", "websocket", "decision", "actual-allowed").counter()
                .count()).isEqualTo(1);
        assertThat(registry.get("cors.shadow.disagreements").counter().getId().getTag("kind")).isEqualTo("websocket");
    }

    /** Held up: many threads, random origins, some repeated: the bound and the totals. */
    @Test
    void theBoundAndTheCountsHoldUnderConcurrency() throws InterruptedException {
        CorsMetrics metrics = CorsMetrics.builder(registry).maxOrigins(5).earnedBy(2, Duration.ofMinutes(1)).build();
        int threads = 8;
        int perThread = 20_000;
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    metrics.onDecision(refused("https://o" + ThreadLocalRandom.current().nextInt(200) + ".example.net"));
                }
            });
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            thread.join();
        }
        assertThat(metrics.trackedOrigins()).isEqualTo(5);
        assertThat(registry.find("cors.refusals").counters()).hasSize(6);
        assertThat(registry.find("cors.refusals").counters().stream().mapToDouble(Counter::count).sum())
                .isEqualTo(threads * perThread);
    }

    /**
     * operations.md lists the decision tag values of cors.requests; CorsMetrics also registers "not-cors" (and
     * kind/decision pairs that cannot happen, e.g. preflight/actual-allowed): 27 series exported as zero from
     * the start, 9 of them for a decision no event ever carries.
     */
    @Test
    void requestsCounterHasOnlyTheDocumentedDecisions() {
        CorsMetrics.builder(registry).build();
        List<String> documented = List.of("actual-allowed", "preflight-allowed", "origin-not-allowed", "method-invalid",
                "method-not-allowed", "headers-invalid", "headers-too-large", "header-not-allowed");
        assertThat(registry.find("cors.requests").counters()).extracting(counter -> counter.getId().getTag("decision"))
                .allMatch(documented::contains);
    }
}
