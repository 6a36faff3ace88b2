package dev.corsfilter.security;

import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsEvaluation;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.security.AttackOrigins.Attack;
import dev.corsfilter.testing.EmbeddedJetty;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.corsfilter.security.AttackOrigins.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the origin check cannot be fooled: every value of {@link AttackOrigins} — a few hundred
 * origins built from the published ways of bypassing CORS origin checks — gets exactly its expected
 * outcome from a policy with exact origins, subdomain patterns and a loopback pattern, both in the pure
 * core ({@code CorsPolicy.evaluate}) and through the real filter on embedded Jetty, for actual requests and
 * pre-flights alike. An allowed origin is echoed byte for byte; a denied one gets no CORS header at all.
 */
class AdversarialOriginTest {

    static final List<Attack> ATTACKS = AttackOrigins.all();
    static final Set<String> ALLOWED = AttackOrigins.allowedValues();

    static Stream<Attack> attacks() {
        return ATTACKS.stream();
    }

    static Stream<Attack> attacksSendableOverHttp() {
        return ATTACKS.stream().filter(Attack::sendableOverHttp);
    }

    @Test
    void theSuiteHasAtLeast150AttacksFromEveryResearchCategory() {
        long allowed = ATTACKS.stream().filter(Attack::allowed).count();
        Map<String, Long> perCategory = ATTACKS.stream()
                .collect(Collectors.groupingBy(Attack::category, TreeMap::new, Collectors.counting()));
        System.out.printf("adversarial origins: %d values, %d allowed, %d denied, %d sendable over HTTP; %s%n",
                ATTACKS.size(), allowed, ATTACKS.size() - allowed, attacksSendableOverHttp().count(), perCategory);

        assertThat(ATTACKS.size() - allowed).isGreaterThanOrEqualTo(150);
        assertThat(perCategory.keySet()).contains("prefix match", "suffix match", "unescaped dot", "special character",
                "scheme", "port", "user information", "percent-encoding", "control character", "letter case", "dots",
                "look-alike", "several origins", "null and opaque", "white space");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void actualRequestGetsCorsHeadersOnlyForAnAllowedOriginEchoedExactly(Attack attack) {
        CorsEvaluation evaluation = POLICY.evaluate(CorsRequest.actual("GET", attack.origin()));

        if (attack.allowed()) {
            assertThat(evaluation.decision()).isEqualTo(CorsDecision.ACTUAL_ALLOWED);
            assertThat(evaluation.headers()).containsEntry("Access-Control-Allow-Origin", attack.origin())
                    .containsEntry("Access-Control-Allow-Credentials", "true");
        } else {
            assertThat(evaluation.decision()).isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
            assertThat(evaluation.headers().keySet()).noneMatch(name -> name.startsWith("Access-Control-"));
        }
        assertThat(evaluation.headers()).containsEntry("Vary", "Origin");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void preflightPassesOnlyForAnAllowedOrigin(Attack attack) {
        CorsEvaluation evaluation = POLICY.evaluate(CorsRequest.preflight(attack.origin(), "PUT", "content-type"));

        if (attack.allowed()) {
            assertThat(evaluation.decision()).isEqualTo(CorsDecision.PREFLIGHT_ALLOWED);
            assertThat(evaluation.status()).hasValue(204);
            assertThat(evaluation.headers()).containsEntry("Access-Control-Allow-Origin", attack.origin());
        } else {
            assertThat(evaluation.decision()).isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
            assertThat(evaluation.status()).hasValue(403);
            assertThat(evaluation.headers().keySet()).noneMatch(name -> name.startsWith("Access-Control-"));
        }
    }

    /** The same attacks over real HTTP, written byte for byte by {@link RawHttp}, one connection each. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ThroughTheFilterOnJetty {

        EmbeddedJetty jetty;

        @BeforeAll
        void start() {
            jetty = new EmbeddedJetty().filter(new CorsFilter(POLICY)).servlet("/*", new HttpServlet() {
                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    response.getWriter().print("app saw " + request.getMethod());
                }
            }).start();
        }

        @AfterAll
        void stop() {
            jetty.close();
        }

        /** After HTTP parsing strips the white space around a value, the stripped value's outcome applies. */
        boolean allowedOverHttp(Attack attack) {
            return attack.overHttp().equals(attack.origin()) ? attack.allowed() : ALLOWED.contains(attack.overHttp());
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.corsfilter.security.AdversarialOriginTest#attacksSendableOverHttp")
        void actualRequestReachesTheAppWithCorsHeadersOnlyForAnAllowedOrigin(Attack attack) {
            RawHttp.Response response = RawHttp.send(jetty.port(), "GET", "/items", "Origin", attack.origin());

            assertThat(response.status()).as("status").isLessThan(500);
            if (allowedOverHttp(attack)) {
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(attack.overHttp());
                assertThat(response.values("Access-Control-Allow-Credentials")).containsExactly("true");
            } else {
                assertThat(response.corsHeaderNames()).isEmpty();
            }
            if (response.status() == 200) {
                assertThat(response.body()).contains("app saw GET");
                assertThat(response.varyNames()).containsOnlyOnce("origin");
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.corsfilter.security.AdversarialOriginTest#attacksSendableOverHttp")
        void preflightIsRefusedWith403UnlessTheOriginIsAllowed(Attack attack) {
            RawHttp.Response response = RawHttp.send(jetty.port(), "OPTIONS", "/items", "Origin", attack.origin(),
                    "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type");

            if (allowedOverHttp(attack)) {
                assertThat(response.status()).isEqualTo(204);
                assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(attack.overHttp());
            } else {
                assertThat(response.status()).as("status").isIn(400, 403, 431);
                assertThat(response.corsHeaderNames()).isEmpty();
                assertThat(response.body()).doesNotContain("app saw");
            }
        }
    }
}
