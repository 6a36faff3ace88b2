package dev.corsfilter;

import dev.corsfilter.testing.RecordingListener;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shadow policy by name ({@code shadow-…} settings beside the enforced ones, in init-params, the properties
 * file, {@code CORS_SHADOW_…} and {@code cors.shadow-…}), its live reconfiguration through the watched file,
 * and the report {@code Explain shadow-report} makes of the logged disagreements.
 */
class ShadowConfigurationTest {

    @TempDir
    Path directory;

    CorsFilter filter;

    @AfterEach
    void stop() {
        if (filter != null) {
            filter.destroy();
        }
    }

    @Test
    void shadowSettingsBuildASecondConfigurationBesideTheEnforcedOne() {
        InitParameters.Configuration configuration = InitParameters.toConfiguration(Map.of(
                "allowed-origins", "https://app.example.com, https://legacy.example.com",
                "allowed-methods", "PUT",
                "shadow-policies", "api",
                "shadow-api.paths", "/api/*",
                "shadow-api.allowed-origins", "https://app.example.com"));
        assertThat(configuration.policy().allowedOrigins()).hasSize(2);
        assertThat(configuration.shadow()).isNotNull();
        assertThat(configuration.shadow().paths().policies()).containsOnlyKeys("/api/*");
    }

    @Test
    void problemsOfTheShadowNameTheirShadowSetting() {
        assertThatThrownBy(() -> InitParameters.toConfiguration(Map.of(
                "allowed-origins", "https://app.example.com",
                "shadow-allowed-origins", "https://app.example.com/",
                "shadow-allowed-origin", "https://app.example.com")))
                .isInstanceOf(InvalidCorsPolicyException.class)
                .satisfies(e -> assertThat(((InvalidCorsPolicyException) e).problems())
                        .extracting(PolicyProblem::setting)
                        .containsExactlyInAnyOrder("shadow-allowed-origins", "shadow-allowed-origin"));
    }

    @Test
    void environmentVariablesAndSystemPropertiesSetTheShadowToo() {
        ConfigurationSources sources = new ConfigurationSources(Map.of("allowed-origins", "https://app.example.com"),
                Map.of("CORS_SHADOW_ALLOWED_ORIGINS", "https://new.example.com"),
                Map.of("cors.shadow-max-age", "60"));
        InitParameters.Configuration configuration = sources.configuration(sources.readFile());
        assertThat(configuration.shadow().policy().allowedOrigins()).containsExactly("https://new.example.com");
        assertThat(configuration.shadow().policy().maxAge()).contains(java.time.Duration.ofSeconds(60));
        assertThat(sources.ignoredNames()).isEmpty();
    }

    @Test
    void theWatchedFileStartsChangesAndStopsTheShadow() throws IOException {
        Path file = directory.resolve("cors.properties");
        Files.writeString(file, "allowed-origins=https://app.example.com, https://legacy.example.com\n");
        filter = new CorsFilter();
        filter.init(new ConfigurationSources(Map.of("config-file", file.toString(),
                "config-file-watch-seconds", "3600"), Map.of(), Map.of()));
        RecordingListener listener = new RecordingListener();
        filter.addDecisionListener(listener);
        List<ShadowDisagreement> seen = listener.disagreements;
        // The container initialises what it registers: it gets a filter that passes on to the one under test.
        Filter registered = (request, response, chain) -> filter.doFilter(request, response, chain);
        try (RunningServer server = ServletEngine.JETTY.start(new WebApp().context("", context -> context
                .filter("cors", registered, EnumSet.of(DispatcherType.REQUEST))
                .servlet("/", AppServlet.of((request, response) -> response.getWriter().print("ok")))))) {
            RawHttp.send(server.port(), "GET", "/items", "Origin", "https://legacy.example.com");
            assertThat(seen).isEmpty();

            Files.writeString(file, "allowed-origins=https://app.example.com, https://legacy.example.com\n"
                    + "shadow-allowed-origins=https://app.example.com\n");
            PolicyFileWatcherTest.checkTwice(filter);
            RawHttp.send(server.port(), "GET", "/items", "Origin", "https://legacy.example.com");
            assertThat(seen).extracting(ShadowDisagreement::change).containsExactly(ShadowDisagreement.Change.WOULD_REFUSE);

            Files.writeString(file, "allowed-origins=https://app.example.com, https://legacy.example.com\n");
            PolicyFileWatcherTest.checkTwice(filter);
            RawHttp.send(server.port(), "GET", "/items", "Origin", "https://legacy.example.com");
            assertThat(seen).hasSize(1);
        }
    }

    @Test
    void theShadowReportCountsTheDisagreementsOfALogPerOrigin() throws IOException {
        CorsPolicy enforced = CorsPolicy.builder().allowedOrigins("https://app.example.com", "https://legacy.example.com")
                .build();
        CorsPolicy candidate = CorsPolicy.builder().allowedOrigins("https://app.example.com", "https://new.example.com")
                .build();
        StringBuilder log = new StringBuilder("2026-12-04 10:00:00 INFO something else entirely\n");
        for (String origin : List.of("https://legacy.example.com", "https://legacy.example.com",
                "https://legacy.example.com", "https://new.example.com")) {
            CorsRequest request = CorsRequest.actual("GET", origin);
            ShadowDisagreement disagreement = ShadowDisagreement.of(CorsDecisionEvent.Kind.ACTUAL, request, "/api/items",
                    false, enforced.evaluate(request), candidate.evaluate(request));
            log.append("2026-12-04 10:00:01.123:DEBUG:dc.shadow:qtp-17: ").append(ShadowReport.line(disagreement))
                    .append('\n');
        }
        log.append("a line with \u00ff\u00fe bytes and CORS shadow disagreement: not really one\n");
        Path file = directory.resolve("server.log");
        Files.writeString(file, log.toString(), StandardCharsets.ISO_8859_1);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Explain.run(List.of("shadow-report", file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualToNormalizingNewlines("""
                4 requests would change with the shadow policy:
                       3  WOULD_REFUSE         "https://legacy.example.com"  (now ACTUAL_ALLOWED, shadow ORIGIN_NOT_ALLOWED)
                                 3  "GET" "/api/items"
                       1  WOULD_ALLOW          "https://new.example.com"  (now ORIGIN_NOT_ALLOWED, shadow ACTUAL_ALLOWED)
                                 1  "GET" "/api/items"
                """);
    }

    @Test
    void aLogWithoutDisagreementsSaysWhereToLook() throws IOException {
        Path file = directory.resolve("empty.log");
        Files.writeString(file, "nothing\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Explain.run(List.of("shadow-report", file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("is DEBUG on for the logger dev.corsfilter.shadow?");
        assertThat(Explain.run(List.of("shadow-report", directory.resolve("missing.log").toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(2);
    }
}
