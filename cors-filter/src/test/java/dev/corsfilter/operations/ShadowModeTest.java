package dev.corsfilter.operations;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.PathPolicies;
import dev.corsfilter.ShadowDisagreement;
import dev.corsfilter.testing.RecordingListener;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.LogRecorder;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.DispatcherType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shadow mode on real Jetty: a filter that enforces a permissive policy and shadows a strict one answers
 * exactly as the same filter without a shadow, byte for byte, while every request on which the strict policy
 * would make the browser see something else is reported, and only those.
 */
class ShadowModeTest {

    static final String APP = "https://app.example.com";
    static final String LEGACY = "https://legacy.example.com";
    static final String PREVIEW = "https://pr-7.preview.example.com";
    static final String EVIL = "https://evil.example.net";
    static final EnumSet<DispatcherType> DISPATCHES =
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);

    static final CorsPolicy PERMISSIVE = CorsPolicy.builder()
            .allowedOrigins(APP, LEGACY, "https://*.preview.example.com").allowedMethods("PUT", "DELETE")
            .allowedHeaders("Content-Type", "X-Request-Id").exposedHeaders("X-Request-Id").allowCredentials(true)
            .maxAge(Duration.ofMinutes(10)).build();
    static final CorsPolicy STRICT = CorsPolicy.builder()
            .allowedOrigins(APP, "https://*.preview.example.com").allowedMethods("PUT")
            .allowedHeaders("Content-Type", "X-Request-Id").exposedHeaders("X-Request-Id").allowCredentials(true)
            .maxAge(Duration.ofMinutes(5)).build();

    /** The requests of a day, as {method, path, header name/value pairs...}. */
    static final List<String[]> TRAFFIC = List.of(
            new String[] {"GET", "/items", "Origin", APP},
            new String[] {"GET", "/items", "Origin", LEGACY},
            new String[] {"GET", "/items", "Origin", LEGACY},
            new String[] {"GET", "/items", "Origin", PREVIEW},
            new String[] {"GET", "/items", "Origin", EVIL},
            new String[] {"GET", "/items"},
            new String[] {"OPTIONS", "/items", "Origin", APP, "Access-Control-Request-Method", "PUT"},
            new String[] {"OPTIONS", "/items", "Origin", APP, "Access-Control-Request-Method", "DELETE"},
            new String[] {"OPTIONS", "/items", "Origin", EVIL, "Access-Control-Request-Method", "DELETE"},
            new String[] {"POST", "/items", "Origin", APP, "Content-Type", "text/plain"});

    static WebApp app(CorsFilter filter) {
        return new WebApp().context("", context -> context.filter("cors", filter, DISPATCHES)
                .servlet("/", AppServlet.of((request, response) -> {
                    response.setHeader("X-Request-Id", "42");
                    response.getWriter().print("items");
                })));
    }

    /** A response without the line that differs from one second to the next. */
    static List<String> withoutDate(RawHttp.Response response) {
        List<String> lines = new ArrayList<>();
        lines.add(Integer.toString(response.status()));
        response.headers().stream().filter(header -> !header[0].equalsIgnoreCase("Date"))
                .forEach(header -> lines.add(header[0] + ": " + header[1]));
        lines.add(response.body());
        return lines;
    }

    @Test
    void responsesAreByteIdenticalWhileTheDisagreementsAreReported() {
        CorsFilter shadowed = new CorsFilter(PERMISSIVE);
        shadowed.shadow(STRICT);
        RecordingListener disagreements = new RecordingListener();
        shadowed.addDecisionListener(disagreements);
        CorsFilter plain = new CorsFilter(PERMISSIVE);
        try (LogRecorder log = LogRecorder.start("dev.corsfilter.shadow");
             RunningServer withShadow = ServletEngine.JETTY.start(app(shadowed));
             RunningServer without = ServletEngine.JETTY.start(app(plain))) {
            for (String[] request : TRAFFIC) {
                String[] headers = java.util.Arrays.copyOfRange(request, 2, request.length);
                RawHttp.Response shadowedResponse = RawHttp.send(withShadow.port(), request[0], request[1], headers);
                RawHttp.Response plainResponse = RawHttp.send(without.port(), request[0], request[1], headers);
                assertThat(withoutDate(shadowedResponse)).as(String.join(" ", request)).isEqualTo(withoutDate(plainResponse));
            }
            assertThat(log.entries("DEBUG")).extracting(LogRecorder.Entry::message).allMatch(
                    line -> line.startsWith("CORS shadow disagreement: change="));
            assertThat(log.entries("DEBUG")).hasSize(disagreements.disagreements.size());
        }
        assertThat(disagreements.disagreements).extracting(ShadowDisagreement::change, ShadowDisagreement::origin,
                        disagreement -> disagreement.candidate().decision())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ShadowDisagreement.Change.WOULD_REFUSE, LEGACY,
                                CorsDecision.ORIGIN_NOT_ALLOWED),
                        org.assertj.core.groups.Tuple.tuple(ShadowDisagreement.Change.WOULD_REFUSE, LEGACY,
                                CorsDecision.ORIGIN_NOT_ALLOWED),
                        org.assertj.core.groups.Tuple.tuple(ShadowDisagreement.Change.WOULD_CHANGE_HEADERS, APP,
                                CorsDecision.PREFLIGHT_ALLOWED),
                        org.assertj.core.groups.Tuple.tuple(ShadowDisagreement.Change.WOULD_REFUSE, APP,
                                CorsDecision.METHOD_NOT_ALLOWED));
    }

    @Test
    void aShadowCanBeReplacedAndStoppedWhileTheFilterRuns() {
        CorsFilter filter = new CorsFilter(PERMISSIVE);
        RecordingListener disagreements = new RecordingListener();
        filter.addDecisionListener(disagreements);
        try (RunningServer server = ServletEngine.TOMCAT.start(app(filter))) {
            RawHttp.send(server.port(), "GET", "/items", "Origin", LEGACY);
            filter.shadow(STRICT);
            RawHttp.send(server.port(), "GET", "/items", "Origin", LEGACY);
            filter.shadow(PathPolicies.builder().add("/public/*", STRICT).build());
            RawHttp.send(server.port(), "GET", "/items", "Origin", APP);
            filter.stopShadow();
            RawHttp.send(server.port(), "GET", "/items", "Origin", LEGACY);
        }
        assertThat(disagreements.disagreements).extracting(ShadowDisagreement::origin, ShadowDisagreement::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LEGACY, ShadowDisagreement.Change.WOULD_REFUSE),
                        org.assertj.core.groups.Tuple.tuple(APP, ShadowDisagreement.Change.WOULD_REFUSE));
        assertThat(disagreements.disagreements.get(1).candidate().reason()).contains("no policy covers path \"/items\"");
    }

    @Test
    void aShadowCoveringPathsTheEnforcedPolicyDoesNotReportsWhatItWouldAllow() {
        CorsFilter filter = new CorsFilter(PathPolicies.builder().add("/api/*", PERMISSIVE).build());
        filter.shadow(PathPolicies.builder().add("/api/*", PERMISSIVE).add("/public/*", STRICT).build());
        RecordingListener disagreements = new RecordingListener();
        filter.addDecisionListener(disagreements);
        try (RunningServer server = ServletEngine.JETTY.start(app(filter))) {
            RawHttp.send(server.port(), "GET", "/public/logo", "Origin", APP);
            RawHttp.send(server.port(), "GET", "/api/items", "Origin", APP);
        }
        assertThat(disagreements.disagreements).extracting(ShadowDisagreement::path, ShadowDisagreement::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/public/logo", ShadowDisagreement.Change.WOULD_ALLOW));
    }
}
