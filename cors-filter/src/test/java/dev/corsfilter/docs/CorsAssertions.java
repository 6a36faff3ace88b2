package dev.corsfilter.docs;

import dev.corsfilter.testing.Http;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What every getting-started example must do: the policy they all configure, checked over HTTP. */
final class CorsAssertions {

    static final String APP = "https://app.example.com";
    static final String STRANGER = "https://evil.example";

    private CorsAssertions() {
    }

    /**
     * Checks the examples' policy ({@code https://app.example.com}, PUT and DELETE, Content-Type and
     * Authorization, credentials, 10 minutes) on a running server whose {@link ApiServlet} is under {@code /api/*}.
     *
     * @param base e.g. {@code http://127.0.0.1:41234}, or with a context path
     */
    static void assertExamplePolicy(URI base) {
        URI items = URI.create(base + "/api/items");

        HttpResponse<String> preflight = Http.send("OPTIONS", items, "Origin", APP,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization,content-type");
        assertThat(preflight.statusCode()).as("pre-flight status").isEqualTo(204);
        assertThat(header(preflight, "Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(header(preflight, "Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(header(preflight, "Access-Control-Allow-Methods")).containsExactly("PUT");
        assertThat(header(preflight, "Access-Control-Allow-Headers")).containsExactly("authorization,content-type");
        assertThat(header(preflight, "Access-Control-Max-Age")).containsExactly("600");
        assertThat(preflight.body()).as("pre-flights never reach the application").isEmpty();

        HttpResponse<String> patch = Http.send("OPTIONS", items, "Origin", APP, "Access-Control-Request-Method", "PATCH");
        assertThat(patch.statusCode()).isEqualTo(403);
        assertThat(header(patch, "Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> get = Http.send("GET", items, "Origin", APP);
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.body()).isEqualTo("{\"method\":\"GET\"}");
        assertThat(header(get, "Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(header(get, "Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(String.join(",", header(get, "Vary"))).contains("Origin");

        HttpResponse<String> stranger = Http.send("GET", items, "Origin", STRANGER);
        assertThat(stranger.statusCode()).as("refused origins still reach the application").isEqualTo(200);
        assertThat(header(stranger, "Access-Control-Allow-Origin")).isEmpty();
    }

    static List<String> header(HttpResponse<?> response, String name) {
        return response.headers().allValues(name);
    }
}
