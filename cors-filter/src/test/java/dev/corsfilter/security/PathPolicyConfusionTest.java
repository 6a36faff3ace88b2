package dev.corsfilter.security;

import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.PathPolicies;
import dev.corsfilter.testing.EmbeddedJetty;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;

import static dev.corsfilter.security.AttackOrigins.APP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that per-path policies cannot be played against each other: with an open policy on
 * {@code /public/*} and a credentialed one on {@code /api/*}, request targets written to make the filter
 * pick the open policy while the container serves {@code /api} (dot segments, encoded dots and slashes,
 * path parameters, doubled slashes, case changes) always get the policy of the servlet that actually
 * answers — because the filter chooses by the container's decoded, normalised servlet path, never by the
 * raw request target.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathPolicyConfusionTest {

    static final String EVIL = "https://evil.example.net";

    EmbeddedJetty jetty;

    @BeforeAll
    void start() {
        PathPolicies policies = PathPolicies.builder()
                .add("/public/*", CorsPolicy.builder().allowAnyOrigin().build())
                .add("/api/*", CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true).build())
                .build();
        jetty = new EmbeddedJetty().filter(new CorsFilter(policies))
                .servlet("/public/*", named("public"))
                .servlet("/api/*", named("api"))
                .start();
    }

    @AfterAll
    void stop() {
        jetty.close();
    }

    static HttpServlet named(String name) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.getWriter().print("served by " + name);
            }
        };
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/public/data", "/api/data", "/public/../api/data", "/public/%2e%2e/api/data",
            "/public/.%2e/api/data", "/public/%2E%2E/api/data", "/public/..%2fapi/data", "/public%2f..%2fapi/data",
            "/public/..;/api/data", "/public;x=1/../api/data", "/api;x=1/data", "/api/data;jsessionid=1",
            "//api/data", "/./api/data", "/api/./data", "/public/x/../../api/data", "/api/../public/../api/data",
            "/PUBLIC/../api/data", "/public/%252e%252e/api/data", "/public/%c0%ae%c0%ae/api/data",
            "/public\\..\\api/data", "/public/..%5capi/data", "/api%2fdata", "/public/data?/../api/data",
            "/public/data#/../api/data"})
    void theFilterAppliesThePolicyOfTheServletThatAnswers(String target) {
        RawHttp.Response fromEvil = RawHttp.send(jetty.port(), "GET", target, "Origin", EVIL);
        RawHttp.Response fromApp = RawHttp.send(jetty.port(), "GET", target, "Origin", APP);
        RawHttp.Response preflight = RawHttp.send(jetty.port(), "OPTIONS", target, "Origin", EVIL,
                "Access-Control-Request-Method", "PUT");

        System.out.printf("path confusion: %s -> %d %s%n", target, fromEvil.status(),
                fromEvil.body().contains("served by") ? fromEvil.body().strip() : "(not served)");
        assertThat(fromEvil.status()).as("status").isLessThan(500);
        if (fromEvil.body().contains("served by api")) {
            assertThat(fromEvil.corsHeaderNames()).as("the api policy refuses other origins").isEmpty();
            assertThat(fromApp.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(fromApp.values("Access-Control-Allow-Credentials")).containsExactly("true");
        } else if (fromEvil.body().contains("served by public")) {
            assertThat(fromEvil.values("Access-Control-Allow-Origin")).containsExactly("*");
            assertThat(fromEvil.values("Access-Control-Allow-Credentials")).isEmpty();
        } else {
            assertThat(fromEvil.corsHeaderNames()).as("nothing served, nothing shared").isEmpty();
        }
        assertThat(preflight.status()).isLessThan(500);
        if (preflight.status() < 300) {
            assertThat(preflight.values("Access-Control-Allow-Credentials")).as("only the open policy passes an"
                    + " unknown origin's pre-flight").isEmpty();
        }
    }
}
