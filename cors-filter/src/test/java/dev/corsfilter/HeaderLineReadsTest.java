package dev.corsfilter;

import dev.corsfilter.testing.FakeRequest;
import dev.corsfilter.testing.FilterCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Containers build a new enumeration for every {@code getHeaders} call, so the filter reads each header's first
 * line with {@code getHeader} and enumerates lines only where a second line changes the answer: {@code Origin}
 * on a response that would name the origin, {@code Access-Control-Request-Method} on a pre-flight that would
 * pass, and {@code Access-Control-Request-Headers}, a list whose lines are one value. This test holds both
 * sides: a second line is still refused wherever it matters, and requests it cannot change enumerate nothing.
 */
class HeaderLineReadsTest {

    static final String APP = "https://app.example.com";
    static final String ACRM = "Access-Control-Request-Method";
    static final String ACRH = "Access-Control-Request-Headers";
    static final CorsPolicy POLICY = CorsPolicy.builder().allowedOrigins(APP).allowedMethods("PUT")
            .allowedHeaders("content-type", "x-request-id").allowCredentials(true).build();
    static final CorsPolicy DEBUG = CorsPolicy.builder().allowedOrigins(APP).allowedMethods("PUT")
            .allowedHeaders("content-type").debugMode(true).build();
    static final CorsPolicy ANY_ORIGIN = CorsPolicy.builder().allowAnyOrigin().allowedMethods("PUT").build();

    static FakeRequest preflight() {
        return new FakeRequest("OPTIONS").header("Origin", APP).header(ACRM, "PUT").header(ACRH, "content-type");
    }

    @Test
    void aSecondOriginOrMethodLineRefusesAPreflightThatWouldPass() {
        for (FakeRequest request : List.of(preflight().header("Origin", APP), preflight().header(ACRM, "PUT"),
                preflight().header(ACRM, "CONNECT"), preflight().header("Origin", "https://evil.example.net"))) {
            FilterCall call = FilterCall.run(new CorsFilter(POLICY), request);

            assertThat(call.response().getStatus()).as(request.lines().toString()).isEqualTo(403);
            assertThat(call.response().corsHeaderNames()).isEmpty();
        }
    }

    @Test
    void aSecondListLineIsPartOfTheListOnAPreflight() {
        FilterCall allowed = FilterCall.run(new CorsFilter(POLICY), preflight().header(ACRH, "x-request-id"));
        FilterCall refused = FilterCall.run(new CorsFilter(POLICY), preflight().header(ACRH, "x-evil"));

        assertThat(allowed.response().values("Access-Control-Allow-Headers")).containsExactly("content-type,x-request-id");
        assertThat(refused.response().getStatus()).isEqualTo(403);
    }

    @Test
    void aSecondOriginLineKeepsCorsHeadersOffAnActualRequest() {
        FilterCall call = FilterCall.run(new CorsFilter(POLICY),
                new FakeRequest("GET").header("Origin", APP).header("Origin", APP));

        assertThat(call.reachedApplication()).isTrue();
        assertThat(call.response().corsHeaderNames()).isEmpty();
        assertThat(call.response().varyNames()).containsExactly("origin");
    }

    @Test
    void anAnyOriginPolicyDoesNotMindTwoOriginLinesItsAnswerDoesNotDependOn() {
        FilterCall call = FilterCall.run(new CorsFilter(ANY_ORIGIN),
                new FakeRequest("OPTIONS").header("Origin", APP).header("Origin", APP).header(ACRM, "PUT"));

        assertThat(call.response().getStatus()).isEqualTo(204);
        assertThat(call.response().values("Access-Control-Allow-Origin")).containsExactly("*");
    }

    /** Debug mode names the check that failed, so it looks at every line at once, and quotes them all. */
    @Test
    void debugModeRefusesARepeatedMethodQuotingEveryLine() {
        FilterCall call = FilterCall.run(new CorsFilter(DEBUG), preflight().header(ACRM, "CONNECT"));

        assertThat(call.response().values("X-CORS-Debug")).singleElement().asString().contains("\"PUT,CONNECT\"");
        assertThat(call.response().values("Access-Control-Allow-Methods")).isEmpty();
        assertThat(call.response().values("Access-Control-Allow-Origin")).containsExactly(APP);
    }

    @Test
    void debugModeRefusesRepeatedOriginLinesBeforeNamingAnything() {
        FilterCall call = FilterCall.run(new CorsFilter(DEBUG), preflight().header("Origin", APP));

        assertThat(call.response().corsHeaderNames()).isEmpty();
        assertThat(call.response().values("X-CORS-Debug")).singleElement().asString().startsWith("origin");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.net", "null"})
    void requestsASecondLineCannotChangeEnumerateNothing(String refusedOrigin) {
        for (FakeRequest request : List.of(new FakeRequest("GET"), new FakeRequest("GET").header("Origin", refusedOrigin),
                new FakeRequest("OPTIONS").header("Origin", refusedOrigin).header(ACRM, "PUT"),
                new FakeRequest("OPTIONS").header("Origin", APP).header(ACRM, "DELETE"))) {
            FilterCall.run(new CorsFilter(POLICY), request);

            assertThat(request.headerEnumerations()).as(request.lines().toString()).isZero();
        }
    }

    @Test
    void anAllowedRequestEnumeratesOnlyTheHeadersWhoseSecondLineMatters() {
        FakeRequest actual = new FakeRequest("GET").header("Origin", APP);
        FakeRequest preflight = preflight();
        FakeRequest refusedHeaders = new FakeRequest("OPTIONS").header("Origin", APP).header(ACRM, "PUT")
                .header(ACRH, "x-evil");
        FakeRequest hostile = new FakeRequest("OPTIONS").header("Origin", APP).header(ACRM, "PUT")
                .header(ACRH, ",".repeat(8192));

        FilterCall.run(new CorsFilter(POLICY), actual);
        FilterCall.run(new CorsFilter(POLICY), preflight);
        FilterCall.run(new CorsFilter(POLICY), refusedHeaders);
        FilterCall.run(new CorsFilter(POLICY), hostile);

        assertThat(actual.headerEnumerations()).as("Origin").isEqualTo(1);
        assertThat(preflight.headerEnumerations()).as("Origin, the method and the header list").isEqualTo(3);
        assertThat(refusedHeaders.headerEnumerations()).as("the header list").isEqualTo(1);
        assertThat(hostile.headerEnumerations()).as("a first line too long already").isZero();
    }
}
