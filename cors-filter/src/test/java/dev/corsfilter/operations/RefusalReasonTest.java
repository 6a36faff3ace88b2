package dev.corsfilter.operations;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsDecisionEvent;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.testing.FakeRequest;
import dev.corsfilter.testing.FilterCall;
import dev.corsfilter.testing.RecordingListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused pre-flight is reported for the check that every header line fails first, with or without debug
 * mode, and as {@code CorsPolicy.evaluate} judges the event's request: the filter skips enumerating lines
 * where it need not, but listeners, metrics and logs must not name a later check (found by the review of
 * the hot-path change).
 */
class RefusalReasonTest {

    private static final String APP = "https://app.example.com";

    private static CorsPolicy policy(boolean debug) {
        return CorsPolicy.builder().allowedOrigins(APP).allowedMethods("PUT").allowedHeaders("content-type")
                .debugMode(debug).build();
    }

    @ParameterizedTest
    @CsvSource({"DELETE,PUT,", "PUT,DELETE,x-evil"})
    void twoMethodLinesAreAnInvalidMethodWhateverFailsLater(String first, String second, String headers) {
        for (boolean debug : new boolean[] {false, true}) {
            FakeRequest request = new FakeRequest("OPTIONS").header("Origin", APP)
                    .header("Access-Control-Request-Method", first).header("Access-Control-Request-Method", second);
            if (headers != null) {
                request.header("Access-Control-Request-Headers", headers);
            }
            CorsDecisionEvent event = refusal(policy(debug), request);

            assertThat(event.request().requestMethod()).isEqualTo(first + "," + second);
            assertThat(event.decision()).as("debug " + debug + ": " + event.reason())
                    .isEqualTo(CorsDecision.METHOD_INVALID)
                    .isEqualTo(policy(debug).evaluate(event.request()).decision());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void twoOriginLinesAreAnOriginRefusalWhateverFailsLater(boolean debug) {
        CorsDecisionEvent event = refusal(policy(debug), new FakeRequest("OPTIONS").header("Origin", APP)
                .header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "DELETE"));

        assertThat(event.decision()).as(event.reason()).isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
        // The reason names both lines, not the allowed one alone, and the event's request is refused again.
        assertThat(event.request().origin()).isEqualTo(APP + ",https://evil.example.net");
        assertThat(event.reason()).contains(APP + ",https://evil.example.net");
        assertThat(policy(debug).evaluate(event.request()).decision()).isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "OPTIONS"})
    void debugModeNamesBothOriginLines(String method) {
        FakeRequest request = new FakeRequest(method).header("Origin", APP).header("Origin", "https://evil.example.net");
        if (method.equals("OPTIONS")) {
            request.header("Access-Control-Request-Method", "PUT");
        }
        FilterCall call = FilterCall.run(new CorsFilter(policy(true)), request);

        assertThat(call.response().values("Access-Control-Allow-Origin")).isEmpty();
        assertThat(call.response().values("X-CORS-Debug")).singleElement().asString()
                .contains(APP + ",https://evil.example.net");
    }

    private static CorsDecisionEvent refusal(CorsPolicy policy, FakeRequest request) {
        CorsFilter filter = new CorsFilter(policy);
        RecordingListener listener = new RecordingListener();
        filter.addDecisionListener(listener);
        FilterCall call = FilterCall.run(filter, request);

        assertThat(call.response().getStatus()).isEqualTo(policy.debugMode() ? 204 : 403);
        assertThat(listener.events).hasSize(1);
        return listener.events.get(0);
    }
}
