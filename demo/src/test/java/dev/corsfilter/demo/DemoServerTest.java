package dev.corsfilter.demo;

import dev.corsfilter.browser.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.Dimension;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoServerTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * Where to save a screenshot of the playground for the docs: set {@code -Dplayground.screenshot=docs/images/playground.png}.
     * Off by default, so a test run does not rewrite a committed image with new random ports.
     */
    private static final String SCREENSHOT_PROPERTY = "playground.screenshot";

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void apiAnswersThePageOriginWithCorsHeadersAndTheOtherOriginWithout() throws Exception {
        try (DemoServer demo = started(DemoPorts.anyFree())) {
            DemoOrigins origins = demo.origins();

            HttpResponse<String> allowed = send(origins.api() + "/api/items", "GET", origins.page());
            assertThat(allowed.statusCode()).isEqualTo(200);
            assertThat(allowed.body()).contains("\"id\":1");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains(origins.page());
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Credentials")).contains("true");
            assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers")).contains("X-Request-Id");
            assertThat(allowed.headers().firstValue("Vary")).hasValueSatisfying(vary -> assertThat(vary).contains("Origin"));

            HttpResponse<String> refused = send(origins.api() + "/api/items", "GET", origins.other());
            assertThat(refused.statusCode()).isEqualTo(200);
            assertThat(corsHeaderNames(refused)).isEmpty();

            // Error answers, including the one produced by an error dispatch, keep the CORS headers.
            HttpResponse<String> unauthorized = send(origins.api() + "/api/private", "GET", origins.page());
            assertThat(unauthorized.statusCode()).isEqualTo(401);
            assertThat(unauthorized.headers().firstValue("Access-Control-Allow-Origin")).contains(origins.page());
            HttpResponse<String> failed = send(origins.api() + "/api/boom", "GET", origins.page());
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.body()).contains("fails on purpose");
            assertThat(failed.headers().firstValue("Access-Control-Allow-Origin")).contains(origins.page());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void apiAnswersPreflightsAsThePolicySays() throws Exception {
        try (DemoServer demo = started(DemoPorts.anyFree())) {
            DemoOrigins origins = demo.origins();

            HttpResponse<String> allowed = preflight(origins.api() + "/api/items/1", origins.page(), "PUT",
                    "content-type,x-request-id");
            assertThat(allowed.statusCode()).isEqualTo(204);
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Methods")).contains("PUT");
            assertThat(allowed.headers().firstValue("Access-Control-Allow-Headers")).contains("content-type,x-request-id");
            assertThat(allowed.headers().firstValue("Access-Control-Max-Age")).contains("600");

            HttpResponse<String> traceHeader = preflight(origins.api() + "/api/items", origins.page(), "GET", "x-trace-id");
            assertThat(traceHeader.statusCode()).isEqualTo(403);
            assertThat(corsHeaderNames(traceHeader)).isEmpty();

            HttpResponse<String> otherOrigin = preflight(origins.api() + "/api/items/1", origins.other(), "PUT", null);
            assertThat(otherOrigin.statusCode()).isEqualTo(403);
            assertThat(corsHeaderNames(otherOrigin)).isEmpty();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pageOriginServesThePlaygroundAndExplainsRequests() throws Exception {
        try (DemoServer demo = started(DemoPorts.anyFree())) {
            DemoOrigins origins = demo.origins();

            HttpResponse<String> page = send(origins.page() + "/", "GET", null);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
            assertThat(page.body()).contains("id=\"send\"", "id=\"explanation\"");

            String query = "origin=" + origins.page() + "&method=GET&path=/api/items&credentials=omit"
                    + "&header=X-Trace-Id:%20trace-1";
            HttpResponse<String> explanation = send(origins.page() + "/explain?" + query, "GET", null);
            assertThat(explanation.statusCode()).isEqualTo(200);
            assertThat(explanation.body()).contains("\"preflight\":true", "\"expected\":\"blocked\"", "HEADER_NOT_ALLOWED");

            HttpResponse<String> badRequest = send(origins.page() + "/explain?method=GET", "GET", null);
            assertThat(badRequest.statusCode()).isEqualTo(400);

            // The not-allowed origin serves only its frame page, never the playground.
            assertThat(send(origins.other() + "/frame.html", "GET", null).body()).contains("frame.js");
            assertThat(send(origins.other() + "/playground.js", "GET", null).statusCode()).isEqualTo(404);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void stopFreesEveryPort() throws Exception {
        DemoServer demo = started(DemoPorts.anyFree());
        DemoOrigins origins = demo.origins();
        List<Integer> ports = List.of(port(origins.api()), port(origins.page()), port(origins.other()));
        assertThat(ports).doesNotHaveDuplicates().allSatisfy(port -> assertThat(port).isPositive());

        demo.stop();
        demo.stop();

        for (int port : ports) {
            assertThatThrownBy(() -> send("http://127.0.0.1:" + port + "/", "GET", null))
                    .isInstanceOf(ConnectException.class);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void replacesABusyDefaultPortButNotOneAskedFor() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int taken = busy.getLocalPort();
            DemoPorts.Port anyFree = new DemoPorts.Port(0, false);

            try (DemoServer demo = started(new DemoPorts(new DemoPorts.Port(taken, true), anyFree, anyFree))) {
                assertThat(port(demo.origins().api())).isNotEqualTo(taken);
                assertThat(demo.banner()).contains("port " + taken + " was busy");
            }

            DemoServer strict = new DemoServer(new DemoPorts(new DemoPorts.Port(taken, false), anyFree, anyFree));
            assertThatThrownBy(strict::start).isInstanceOf(IOException.class).hasMessageContaining("port " + taken);
            strict.stop();
        }
    }

    @Test
    void readsPortsFromArgumentsBeforeSystemProperties() {
        Properties properties = new Properties();
        properties.setProperty("port", "9000");
        properties.setProperty("other.port", "9100");

        DemoPorts fromProperties = DemoPorts.parse(new String[0], properties);
        assertThat(fromProperties).isEqualTo(new DemoPorts(new DemoPorts.Port(9000, false),
                new DemoPorts.Port(9001, false), new DemoPorts.Port(9100, false)));

        DemoPorts fromArguments = DemoPorts.parse(new String[] {"--api-port", "7000", "--page-port=7001"}, properties);
        assertThat(fromArguments.api().number()).isEqualTo(7000);
        assertThat(fromArguments.page().number()).isEqualTo(7001);
        assertThat(fromArguments.other().number()).isEqualTo(9100);

        DemoPorts defaults = DemoPorts.parse(new String[0], new Properties());
        assertThat(defaults).isEqualTo(new DemoPorts(new DemoPorts.Port(8080, true),
                new DemoPorts.Port(8081, true), new DemoPorts.Port(8082, true)));

        assertThatThrownBy(() -> DemoPorts.parse(new String[] {"--api-port", "http"}, new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("api.port");
        assertThatThrownBy(() -> DemoPorts.parse(new String[] {"--verbose"}, new Properties()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--verbose");
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void playgroundShowsTheBrowsersVerdictBesideTheLibrarysExplanation() throws Exception {
        try (HeadlessChromium chromium = HeadlessChromium.start();
             DemoServer demo = started(DemoPorts.anyFree())) {
            chromium.driver().manage().window().setSize(new Dimension(1280, 1180));
            PlaygroundPage playground = PlaygroundPage.open(chromium.driver(), demo.playgroundUrl());
            String other = demo.origins().other();

            PlaygroundPage.Shown get = playground.request("page", "GET", "/api/items", "same-origin").headers().send();
            assertThat(get.browserSummary()).isEqualTo("readable answer: 200 OK");
            assertThat(get.browserDetails()).contains("Read the Fetch standard", "x-request-id: api-");
            assertThat(get.explainSummary()).startsWith("Allowed:");
            assertThat(get.explanation()).contains("Pre-flight needed? no", "ACTUAL_ALLOWED").doesNotContain("OPTIONS");
            assertThat(get.agreement()).contains("agree").doesNotContain("disagree");

            PlaygroundPage.Shown trace = playground.request("page", "GET", "/api/items", "same-origin")
                    .headers("trace-id").send();
            assertThat(trace.browserSummary()).isEqualTo("network error: blocked by CORS");
            assertThat(trace.explainSummary()).startsWith("Blocked at the pre-flight (HEADER_NOT_ALLOWED)")
                    .contains("x-trace-id");
            assertThat(trace.explanation()).contains("Access-Control-Request-Headers: x-trace-id", "status 403",
                    "never sent");
            assertThat(trace.agreement()).contains("agree").doesNotContain("disagree");

            PlaygroundPage.Shown patch = playground.request("page", "patch", "/api/items/1", "same-origin")
                    .headers("content-type").send();
            assertThat(patch.browserSummary()).isEqualTo("network error: blocked by CORS");
            assertThat(patch.explainSummary()).startsWith("Blocked at the pre-flight (METHOD_NOT_ALLOWED)");
            assertThat(patch.agreement()).contains("agree").doesNotContain("disagree");

            PlaygroundPage.Shown stranger = playground.request("other", "GET", "/api/items", "same-origin")
                    .headers().send();
            assertThat(stranger.browserSummary()).isEqualTo("network error: blocked by CORS");
            assertThat(stranger.explainSummary()).startsWith("Blocked (ORIGIN_NOT_ALLOWED)");
            assertThat(stranger.explanation()).contains("from page origin " + other, "Pre-flight needed? no");
            assertThat(stranger.agreement()).contains("agree").doesNotContain("disagree");

            PlaygroundPage.Shown strangerPut = playground.request("other", "PUT", "/api/items/1", "include")
                    .headers("content-type", "request-id").send();
            assertThat(strangerPut.browserSummary()).isEqualTo("network error: blocked by CORS");
            assertThat(strangerPut.explainSummary()).startsWith("Blocked at the pre-flight (ORIGIN_NOT_ALLOWED)");

            PlaygroundPage.Shown failure = playground.tryExample("preset-boom");
            assertThat(failure.browserSummary()).isEqualTo("readable answer: 500 Server Error");
            assertThat(failure.browserDetails()).contains("fails on purpose");
            assertThat(failure.agreement()).contains("agree").doesNotContain("disagree");

            PlaygroundPage.Shown login = playground.request("page", "POST", "/api/login", "include").headers().send();
            assertThat(login.browserSummary()).isEqualTo("readable answer: 200 OK");
            PlaygroundPage.Shown cookieBack = playground.request("page", "GET", "/api/me", "include").send();
            assertThat(cookieBack.browserDetails()).contains("\"cookieReceived\":true");
            PlaygroundPage.Shown cookieOmitted = playground.request("page", "GET", "/api/me", "omit").send();
            assertThat(cookieOmitted.browserDetails()).contains("\"cookieReceived\":false");

            // Last, the case the documentation shows: a pre-flighted PUT whose answer the page may read.
            PlaygroundPage.Shown put = playground.request("page", "PUT", "/api/items/1", "include")
                    .headers("content-type", "request-id").send();
            assertThat(put.browserSummary()).isEqualTo("readable answer: 200 OK");
            assertThat(put.browserDetails()).contains("x-request-id: playground-1", "Written from the playground")
                    .doesNotContain("x-served-by");
            assertThat(put.explainSummary()).startsWith("Allowed after a pre-flight");
            assertThat(put.explanation()).contains("Pre-flight needed? yes", "PREFLIGHT_ALLOWED",
                    "Access-Control-Request-Headers: content-type,x-request-id", "ACTUAL_ALLOWED");
            assertThat(put.agreement()).contains("agree").doesNotContain("disagree");

            Path screenshot = Files.createTempFile("playground", ".png");
            String wanted = System.getProperty(SCREENSHOT_PROPERTY);
            playground.screenshot(wanted == null ? screenshot : Path.of(wanted));
            assertThat(Files.size(wanted == null ? screenshot : Path.of(wanted))).isPositive();
            Files.deleteIfExists(screenshot);
        }
    }

    private static DemoServer started(DemoPorts ports) throws Exception {
        DemoServer demo = new DemoServer(ports);
        demo.start();
        return demo;
    }

    private static HttpResponse<String> send(String url, String method, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> preflight(String url, String origin, String method, String headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (headers != null) {
            request.header("Access-Control-Request-Headers", headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> corsHeaderNames(HttpResponse<String> response) {
        return response.headers().map().keySet().stream()
                .filter(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-"))
                .toList();
    }

    private static int port(String origin) {
        return URI.create(origin).getPort();
    }
}
