package dev.corsfilter.integrity;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.testing.FakeRequest;
import dev.corsfilter.testing.FilterCall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A header CORS defines as one value keeps one line whichever {@code add…Header} the application writes it
 * with, once the filter has decorated the response (found by the review of the hot-path change).
 */
class SingleValuedHeaderTest {

    private static final String APP = "https://app.example.com";

    @Test
    void addIntHeaderTwiceLeavesOneMaxAgeLine() {
        FilterCall call = FilterCall.run(new CorsFilter(CorsPolicy.builder().allowedOrigins(APP).build()),
                new FakeRequest("GET").header("Origin", APP), (request, response) -> {
                    response.addIntHeader("Access-Control-Max-Age", 600);
                    response.addIntHeader("Access-Control-Max-Age", 60);
                });

        assertThat(call.response().values("Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(call.response().values("Access-Control-Max-Age")).containsExactly("60");
    }

    @Test
    void addDateHeaderTwiceLeavesOneLine() {
        FilterCall call = FilterCall.run(new CorsFilter(CorsPolicy.builder().allowedOrigins(APP).build()),
                new FakeRequest("GET").header("Origin", APP), (request, response) -> {
                    response.addDateHeader("Access-Control-Allow-Private-Network", 0);
                    response.addDateHeader("Access-Control-Allow-Private-Network", 1000);
                });

        assertThat(call.response().values("Access-Control-Allow-Private-Network")).hasSize(1);
    }

    @Test
    void withoutCorsHeadersTheApplicationAddsWhatItLikes() {
        FilterCall call = FilterCall.run(new CorsFilter(CorsPolicy.builder().allowedOrigins(APP).build()),
                new FakeRequest("GET").header("Origin", "https://evil.example.net"), (request, response) -> {
                    response.addIntHeader("Access-Control-Max-Age", 600);
                    response.addIntHeader("Access-Control-Max-Age", 60);
                });

        assertThat(call.response().values("Access-Control-Max-Age")).containsExactly("600", "60");
    }
}
