package dev.corsfilter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** The pure decision logic, through the servlet-free {@link CorsPolicy#evaluate(CorsRequest)}. */
class CorsPolicyEvaluateTest {

    static final String APP = "https://app.example.com";

    static final CorsPolicy CREDENTIALED = CorsPolicy.builder()
            .allowedOrigins(APP, "https://*.preview.example.com")
            .allowedMethods("PUT", "DELETE", "patch")
            .allowedHeaders("Content-Type", "Authorization", "X-Request-Id")
            .exposedHeaders("X-Request-Id", "ETag")
            .allowCredentials(true)
            .maxAge(Duration.ofMinutes(10))
            .build();

    @Test
    void requestWithoutOriginIsNotCorsAndOnlyVaries() {
        CorsEvaluation evaluation = CREDENTIALED.evaluate(CorsRequest.actual("GET", null));

        assertThat(evaluation.decision()).isEqualTo(CorsDecision.NOT_CORS);
        assertThat(evaluation.allowed()).isTrue();
        assertThat(evaluation.status()).isEmpty();
        assertThat(evaluation.headers()).containsExactly(entry("Vary", "Origin"));
    }

    @Test
    void allowedActualRequestGetsTheConstantHeadersAndTheEchoedOrigin() {
        CorsEvaluation evaluation = CREDENTIALED.evaluate(CorsRequest.actual("DELETE", APP));

        assertThat(evaluation.decision()).isEqualTo(CorsDecision.ACTUAL_ALLOWED);
        assertThat(evaluation.headers()).containsExactly(
                entry("Vary", "Origin"),
                entry("Access-Control-Allow-Origin", APP),
                entry("Access-Control-Allow-Credentials", "true"),
                entry("Access-Control-Expose-Headers", "X-Request-Id, ETag"));
    }

    @Test
    void actualRequestIsNotCheckedForItsMethodOnlyForItsOrigin() {
        assertThat(CREDENTIALED.evaluate(CorsRequest.actual("PROPFIND", APP)).decision())
                .isEqualTo(CorsDecision.ACTUAL_ALLOWED);
    }

    @Test
    void optionsWithoutRequestMethodIsAnActualRequest() {
        CorsEvaluation evaluation = CREDENTIALED.evaluate(CorsRequest.actual("OPTIONS", APP));

        assertThat(evaluation.request().isPreflight()).isFalse();
        assertThat(evaluation.decision()).isEqualTo(CorsDecision.ACTUAL_ALLOWED);
        assertThat(evaluation.status()).isEmpty();
    }

    @Test
    void disallowedOriginGetsOnlyVary() {
        CorsEvaluation evaluation = CREDENTIALED.evaluate(CorsRequest.actual("GET", "https://evil.example.net"));

        assertThat(evaluation.decision()).isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
        assertThat(evaluation.headers()).containsExactly(entry("Vary", "Origin"));
        assertThat(evaluation.reason()).isEqualTo("origin \"https://evil.example.net\" is not in allowed origins"
                + " [https://app.example.com, https://*.preview.example.com]; origins are compared exactly, as browsers send them");
    }

    @Test
    void allowedPreflightEchoesTheRequestedMethodAndHeaders() {
        CorsEvaluation evaluation = CREDENTIALED.evaluate(CorsRequest.preflight(
                "https://pr-1.preview.example.com", "PUT", "content-type,x-request-id"));

        assertThat(evaluation.decision()).isEqualTo(CorsDecision.PREFLIGHT_ALLOWED);
        assertThat(evaluation.status()).hasValue(204);
        assertThat(evaluation.headers()).containsExactly(
                entry("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers"),
                entry("Access-Control-Allow-Origin", "https://pr-1.preview.example.com"),
                entry("Access-Control-Allow-Credentials", "true"),
                entry("Access-Control-Allow-Methods", "PUT"),
                entry("Access-Control-Allow-Headers", "content-type,x-request-id"),
                entry("Access-Control-Max-Age", "600"));
    }

    @Test
    void preflightWithSpacedHeaderListGetsTheCompactForm() {
        CorsEvaluation evaluation = CREDENTIALED.evaluate(CorsRequest.preflight(APP, "PUT", " Content-Type ,, X-Request-Id "));

        assertThat(evaluation.headers()).containsEntry("Access-Control-Allow-Headers", "Content-Type,X-Request-Id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "HEAD", "POST"})
    void safelistedMethodsAreAlwaysAllowed(String method) {
        CorsPolicy noMethods = CorsPolicy.builder().allowedOrigins(APP).allowedHeaders("X-Request-Id").build();

        assertThat(noMethods.evaluate(CorsRequest.preflight(APP, method, "x-request-id")).decision())
                .isEqualTo(CorsDecision.PREFLIGHT_ALLOWED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "PUT, PREFLIGHT_ALLOWED",
            "put, METHOD_NOT_ALLOWED",
            "patch, PREFLIGHT_ALLOWED",
            "PATCH, METHOD_NOT_ALLOWED",
            "get, METHOD_NOT_ALLOWED",
            "PROPFIND, METHOD_NOT_ALLOWED",
            "'', METHOD_INVALID",
            "'P T', METHOD_INVALID",
            "'PUT\r', METHOD_INVALID",
    })
    void methodNamesAreCaseSensitive(String method, CorsDecision expected) {
        CorsEvaluation evaluation = CREDENTIALED.evaluate(CorsRequest.preflight(APP, method, null));

        assertThat(evaluation.decision()).isEqualTo(expected);
        if (!expected.allowed()) {
            assertThat(evaluation.status()).hasValue(403);
            assertThat(evaluation.headers()).containsOnlyKeys("Vary");
        }
    }

    @Test
    void methodWildcardAllowsAnyMethodButTheForbiddenOnes() {
        CorsPolicy any = CorsPolicy.builder().allowedOrigins(APP).allowedMethods("*").allowCredentials(true).build();

        assertThat(any.evaluate(CorsRequest.preflight(APP, "PROPFIND", null)).headers())
                .containsEntry("Access-Control-Allow-Methods", "PROPFIND");
        assertThat(any.evaluate(CorsRequest.preflight(APP, "connect", null)).decision())
                .isEqualTo(CorsDecision.METHOD_NOT_ALLOWED);
    }

    @Test
    void oneDisallowedHeaderFailsThePreflightAndIsNamedInTheReason() {
        CorsEvaluation evaluation = CREDENTIALED.evaluate(
                CorsRequest.preflight(APP, "PUT", "content-type,x-request-id,x-trace-id"));

        assertThat(evaluation.decision()).isEqualTo(CorsDecision.HEADER_NOT_ALLOWED);
        assertThat(evaluation.headers()).containsOnlyKeys("Vary");
        assertThat(evaluation.reason())
                .isEqualTo("header \"x-trace-id\" is not in allowed headers [content-type, authorization, x-request-id]");
    }

    @Test
    void headerWildcardWithCredentialsEchoesTheNamesButNeverCoversAuthorization() {
        CorsPolicy any = CorsPolicy.builder().allowedOrigins(APP).allowedHeaders("*").allowCredentials(true).build();

        assertThat(any.evaluate(CorsRequest.preflight(APP, "GET", "x-anything,x-other")).headers())
                .containsEntry("Access-Control-Allow-Headers", "x-anything,x-other")
                .doesNotContainValue("*");
        CorsEvaluation authorization = any.evaluate(CorsRequest.preflight(APP, "GET", "authorization"));
        assertThat(authorization.decision()).isEqualTo(CorsDecision.HEADER_NOT_ALLOWED);
        assertThat(authorization.reason()).contains("Authorization, which must be listed");

        CorsPolicy withAuthorization = CorsPolicy.builder().allowedOrigins(APP).allowedHeaders("*", "Authorization")
                .allowCredentials(true).build();
        assertThat(withAuthorization.evaluate(CorsRequest.preflight(APP, "GET", "authorization,x-anything")).headers())
                .containsEntry("Access-Control-Allow-Headers", "authorization,x-anything");
    }

    @Test
    void anyOriginPolicySendsTheWildcardOnEveryResponseAndNeverVariesOnOrigin() {
        CorsPolicy publicApi = CorsPolicy.builder().allowAnyOrigin().exposedHeaders("X-Total").build();

        for (CorsRequest request : new CorsRequest[] {CorsRequest.actual("GET", null),
                CorsRequest.actual("GET", "https://anyone.example"), CorsRequest.actual("GET", "null")}) {
            assertThat(publicApi.evaluate(request).headers()).containsExactly(
                    entry("Access-Control-Allow-Origin", "*"), entry("Access-Control-Expose-Headers", "X-Total"));
        }
        assertThat(publicApi.evaluate(CorsRequest.preflight("https://anyone.example", "GET", "")).headers())
                .containsExactly(
                        entry("Vary", "Access-Control-Request-Method, Access-Control-Request-Headers"),
                        entry("Access-Control-Allow-Origin", "*"),
                        entry("Access-Control-Allow-Methods", "GET"));
    }

    @Test
    void preflightStatusIsConfigurable() {
        CorsPolicy ok = CorsPolicy.builder().allowedOrigins(APP).preflightStatus(200).build();

        assertThat(ok.evaluate(CorsRequest.preflight(APP, "GET", null)).status()).hasValue(200);
        assertThat(ok.evaluate(CorsRequest.preflight("https://x.example", "GET", null)).status()).hasValue(403);
    }

    @Test
    void neverEchoesAnUnvalidatedValue() {
        for (String hostile : new String[] {"https://app.example.com\r\nSet-Cookie: a=b", "https://a.preview.example.com\n",
                "https://a.preview.example.com\u0000"}) {
            CorsEvaluation evaluation = CREDENTIALED.evaluate(CorsRequest.actual("GET", hostile));
            assertThat(evaluation.decision()).isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
            assertThat(evaluation.headers().values()).noneMatch(value -> value.contains("\n") || value.contains("\r"));
            assertThat(evaluation.reason()).doesNotContain("\n", "\r");
        }
    }

    @Test
    void explanationNamesRequestDecisionAndHeaders() {
        String text = CREDENTIALED.evaluate(CorsRequest.preflight(APP, "PATCH", "x-request-id")).explain();

        assertThat(text).isEqualTo("""
                pre-flight OPTIONS from https://app.example.com asking for PATCH with headers x-request-id
                METHOD_NOT_ALLOWED: method "PATCH" is not in allowed methods [GET, HEAD, POST, PUT, DELETE, patch]; \
                method names are case-sensitive
                status 403
                Vary: Origin, Access-Control-Request-Method, Access-Control-Request-Headers""");
    }

    @Test
    void evaluationHeadersAreImmutable() {
        Map<String, String> headers = CREDENTIALED.evaluate(CorsRequest.actual("GET", APP)).headers();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> headers.put("X", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
