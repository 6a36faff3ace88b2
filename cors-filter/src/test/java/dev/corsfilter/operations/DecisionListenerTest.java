package dev.corsfilter.operations;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsDecisionEvent;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.PathPolicies;
import dev.corsfilter.testing.RecordingListener;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.LogRecorder;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision listeners hear each CORS request once, with plain values, whatever the request does afterwards
 * (errors, async); never hear requests without {@code Origin}; and cannot change a response by throwing.
 */
class DecisionListenerTest {

    static final String APP = "https://app.example.com";
    static final String EVIL = "https://evil.example.net";
    static final EnumSet<DispatcherType> DISPATCHES =
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    static final CorsPolicy POLICY = CorsPolicy.builder().allowedOrigins(APP).allowedMethods("PUT")
            .webSocketOriginCheck(true).build();

    static WebApp app(CorsFilter filter) {
        return new WebApp().context("", context -> context
                .filter("cors", filter, DISPATCHES)
                .servlet("/", AppServlet.of((request, response) -> {
                    switch (request.getServletPath()) {
                        case "/fail" -> response.sendError(500);
                        case "/async" -> {
                            if (request.getDispatcherType() == DispatcherType.REQUEST) {
                                AsyncContext async = request.startAsync();
                                async.start(async::dispatch);
                            } else {
                                response.getWriter().print("async");
                            }
                        }
                        default -> response.getWriter().print("ok");
                    }
                }))
                .servlet("/error", AppServlet.of((request, response) -> response.getWriter().print("error page")))
                .errorPage("/error"));
    }

    @Test
    void everyCorsRequestIsHeardOnceWithWhatWasDecided() {
        CorsFilter filter = new CorsFilter(POLICY);
        RecordingListener recorder = new RecordingListener();
        filter.addDecisionListener(recorder);
        try (RunningServer server = ServletEngine.JETTY.start(app(filter))) {
            RawHttp.send(server.port(), "GET", "/items", "Origin", APP);
            RawHttp.send(server.port(), "GET", "/items", "Origin", EVIL);
            RawHttp.send(server.port(), "OPTIONS", "/items", "Origin", APP, "Access-Control-Request-Method", "PUT",
                    "Access-Control-Request-Headers", "x-secret");
            RawHttp.send(server.port(), "GET", "/fail", "Origin", APP);
            RawHttp.send(server.port(), "GET", "/async", "Origin", APP);
            RawHttp.send(server.port(), "GET", "/ws", "Origin", EVIL, "Upgrade", "websocket", "Connection", "Upgrade",
                    "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13");
            RawHttp.send(server.port(), "GET", "/items");
        }
        assertThat(recorder.events).extracting(CorsDecisionEvent::kind, CorsDecisionEvent::path,
                        CorsDecisionEvent::origin, CorsDecisionEvent::decision)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(CorsDecisionEvent.Kind.ACTUAL, "/items", APP,
                                CorsDecision.ACTUAL_ALLOWED),
                        org.assertj.core.groups.Tuple.tuple(CorsDecisionEvent.Kind.ACTUAL, "/items", EVIL,
                                CorsDecision.ORIGIN_NOT_ALLOWED),
                        org.assertj.core.groups.Tuple.tuple(CorsDecisionEvent.Kind.PREFLIGHT, "/items", APP,
                                CorsDecision.HEADER_NOT_ALLOWED),
                        org.assertj.core.groups.Tuple.tuple(CorsDecisionEvent.Kind.ACTUAL, "/fail", APP,
                                CorsDecision.ACTUAL_ALLOWED),
                        org.assertj.core.groups.Tuple.tuple(CorsDecisionEvent.Kind.ACTUAL, "/async", APP,
                                CorsDecision.ACTUAL_ALLOWED),
                        org.assertj.core.groups.Tuple.tuple(CorsDecisionEvent.Kind.WEBSOCKET, "/ws", EVIL,
                                CorsDecision.ORIGIN_NOT_ALLOWED));
        CorsDecisionEvent preflight = recorder.events.get(2);
        assertThat(preflight.request().requestMethod()).isEqualTo("PUT");
        assertThat(preflight.request().requestHeaders()).isEqualTo("x-secret");
        assertThat(preflight.reason()).contains("header \"x-secret\" is not in allowed headers");
        assertThat(preflight.policy()).isSameAs(POLICY);
    }

    @Test
    void withPoliciesByPathTheEventNamesThePolicyOfThePath() {
        CorsPolicy open = CorsPolicy.builder().allowAnyOrigin().build();
        CorsFilter filter = new CorsFilter(PathPolicies.builder().add("/api/*", POLICY).add("/public/*", open).build());
        RecordingListener recorder = new RecordingListener();
        filter.addDecisionListener(recorder);
        try (RunningServer server = ServletEngine.TOMCAT.start(app(filter))) {
            RawHttp.send(server.port(), "GET", "/public/logo", "Origin", EVIL);
            RawHttp.send(server.port(), "GET", "/api/items", "Origin", EVIL);
            RawHttp.send(server.port(), "GET", "/other", "Origin", EVIL);
        }
        assertThat(recorder.events).extracting(CorsDecisionEvent::policy, CorsDecisionEvent::decision).containsExactly(
                org.assertj.core.groups.Tuple.tuple(open, CorsDecision.ACTUAL_ALLOWED),
                org.assertj.core.groups.Tuple.tuple(POLICY, CorsDecision.ORIGIN_NOT_ALLOWED));
    }

    @Test
    void aListenerThatThrowsChangesNoResponseAndIsLoggedAtABoundedRate() {
        CorsFilter filter = new CorsFilter(POLICY);
        RecordingListener after = new RecordingListener();
        filter.addDecisionListener(event -> {
            throw new IllegalStateException("metrics backend down");
        });
        filter.addDecisionListener(event -> {
            throw new StackOverflowError();
        });
        filter.addDecisionListener(after);
        try (LogRecorder log = LogRecorder.start();
             RunningServer server = ServletEngine.JETTY.start(app(filter))) {
            for (int i = 0; i < 20; i++) {
                RawHttp.Response response = RawHttp.send(server.port(), "GET", "/items", "Origin", APP);
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("ok");
                assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            }
            assertThat(log.entries("WARN")).hasSize(1);
            assertThat(log.entries("WARN").get(0).message()).startsWith("CORS decision listener failed for \""
                    + APP + "\", the response is unchanged");
            assertThat(log.entries("WARN").get(0).hasStackTrace()).isTrue();
        }
        assertThat(after.events).hasSize(20);
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        CorsFilter filter = new CorsFilter(POLICY);
        RecordingListener recorder = new RecordingListener();
        filter.addDecisionListener(recorder);
        try (RunningServer server = ServletEngine.JETTY.start(app(filter))) {
            RawHttp.send(server.port(), "GET", "/items", "Origin", APP);
            filter.removeDecisionListener(recorder);
            RawHttp.send(server.port(), "GET", "/items", "Origin", APP);
        }
        assertThat(recorder.events).hasSize(1);
    }
}
