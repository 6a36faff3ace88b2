package dev.corsfilter;

import dev.corsfilter.testing.EmbeddedJetty;
import dev.corsfilter.testing.Http;
import dev.corsfilter.testing.RawHttp;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.ee10.servlet.ErrorPageErrorHandler;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.corsfilter.CorsFilterJettyTest.header;
import static org.assertj.core.api.Assertions.assertThat;

/** The features beyond the peers, on a real embedded Jetty. */
class CorsFilterFeaturesTest {

    static final String APP = "https://app.example.com";
    static final String OTHER = "https://other.example.com";

    /** Answers with the request attributes the filter set, one per line. */
    static final class AttributesServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            if (request.getParameter("fail") != null) {
                response.sendError(404);
                return;
            }
            response.getWriter().print(request.getMethod() + " isCors=" + request.getAttribute(CorsFilter.IS_CORS_ATTRIBUTE)
                    + " origin=" + request.getAttribute(CorsFilter.ORIGIN_ATTRIBUTE)
                    + " type=" + request.getAttribute(CorsFilter.REQUEST_TYPE_ATTRIBUTE)
                    + " decision=" + request.getAttribute(CorsFilter.DECISION_ATTRIBUTE));
        }
    }

    static EmbeddedJetty serve(CorsFilter filter) {
        EmbeddedJetty jetty = new EmbeddedJetty().filter(filter).servlet("/*", new AttributesServlet());
        ErrorPageErrorHandler errors = new ErrorPageErrorHandler();
        errors.addErrorPage(404, "/error-page");
        jetty.context().setErrorHandler(errors);
        return jetty.start();
    }

    @Test
    void perPathPoliciesPickTheMostSpecificPatternAndLeaveOtherPathsAlone() {
        PathPolicies policies = PathPolicies.builder()
                .add("/public/*", CorsPolicy.builder().allowAnyOrigin().build())
                .add("/api/*", CorsPolicy.builder().allowedOrigins(APP).allowedMethods("PUT").allowCredentials(true).build())
                .build();
        try (EmbeddedJetty jetty = serve(new CorsFilter(policies))) {
            assertThat(header(Http.send("GET", jetty.uri().resolve("/public/x"), "Origin", OTHER),
                    "Access-Control-Allow-Origin")).containsExactly("*");
            HttpResponse<String> api = Http.send("OPTIONS", jetty.uri().resolve("/api/items"), "Origin", APP,
                    "Access-Control-Request-Method", "PUT");
            assertThat(api.statusCode()).isEqualTo(204);
            assertThat(header(api, "Access-Control-Allow-Credentials")).containsExactly("true");
            assertThat(Http.send("OPTIONS", jetty.uri().resolve("/api/items"), "Origin", OTHER,
                    "Access-Control-Request-Method", "PUT").statusCode()).isEqualTo(403);

            HttpResponse<String> unmapped = Http.send("OPTIONS", jetty.uri().resolve("/private"), "Origin", APP,
                    "Access-Control-Request-Method", "PUT");
            assertThat(unmapped.body()).startsWith("OPTIONS");
            assertThat(unmapped.headers().map().keySet()).noneMatch(name -> name.startsWith("access-control"));
            assertThat(header(unmapped, "Vary")).isEmpty();

            HttpResponse<String> error = Http.send("GET", jetty.uri().resolve("/api/items?fail=1"), "Origin", APP);
            assertThat(error.statusCode()).isEqualTo(404);
            assertThat(header(error, "Access-Control-Allow-Origin")).containsExactly(APP);
        }
    }

    @Test
    void perPathPoliciesFromInitParams() {
        FilterHolder holder = new FilterHolder(new CorsFilter());
        holder.setInitParameter("policies", "public, api");
        holder.setInitParameter("public.paths", "/public/*");
        holder.setInitParameter("public.allowed-origins", "*");
        holder.setInitParameter("api.paths", "/api/*");
        holder.setInitParameter("api.allowed-origins", APP);
        EmbeddedJetty jetty = new EmbeddedJetty().servlet("/*", new AttributesServlet());
        jetty.context().addFilter(holder, "/*", EmbeddedJetty.DISPATCHES);
        try (EmbeddedJetty started = jetty.start()) {
            assertThat(header(Http.send("GET", started.uri().resolve("/api/x"), "Origin", APP),
                    "Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(header(Http.send("GET", started.uri().resolve("/public/x"), "Origin", OTHER),
                    "Access-Control-Allow-Origin")).containsExactly("*");
        }
    }

    @Test
    void requestAttributesDescribeTheRequestForTheApplication() {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).requestAttributes(true).build();
        try (EmbeddedJetty jetty = serve(new CorsFilter(policy))) {
            assertThat(Http.send("GET", jetty.uri().resolve("/x"), "Origin", APP).body())
                    .isEqualTo("GET isCors=true origin=https://app.example.com type=actual decision=ACTUAL_ALLOWED");
            assertThat(Http.send("GET", jetty.uri().resolve("/x"), "Origin", OTHER).body())
                    .isEqualTo("GET isCors=true origin=https://other.example.com type=actual decision=ORIGIN_NOT_ALLOWED");
            assertThat(Http.send("GET", jetty.uri().resolve("/x")).body())
                    .isEqualTo("GET isCors=false origin=null type=not-cors decision=NOT_CORS");
        }
        try (EmbeddedJetty jetty = serve(new CorsFilter(CorsPolicy.builder().allowedOrigins(APP).build()))) {
            assertThat(Http.send("GET", jetty.uri().resolve("/x"), "Origin", APP).body())
                    .isEqualTo("GET isCors=null origin=null type=null decision=null");
        }
    }

    @Test
    void debugModeAnswersRefusedPreflightsWithWhatPassedAndWhy() {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).allowedHeaders("Content-Type")
                .allowedMethods("PUT").debugMode(true).build();
        try (EmbeddedJetty jetty = serve(new CorsFilter(policy))) {
            HttpResponse<String> header = Http.send("OPTIONS", jetty.uri().resolve("/x"), "Origin", APP,
                    "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,x-trace-id");
            assertThat(header.statusCode()).isEqualTo(204);
            assertThat(header(header, "Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(header(header, "Access-Control-Allow-Methods")).containsExactly("PUT");
            assertThat(header(header, "Access-Control-Allow-Headers")).isEmpty();
            assertThat(header(header, "X-CORS-Debug")).containsExactly(
                    "header \"x-trace-id\" is not in allowed headers [content-type]");

            HttpResponse<String> method = Http.send("OPTIONS", jetty.uri().resolve("/x"), "Origin", APP,
                    "Access-Control-Request-Method", "PATCH");
            assertThat(header(method, "Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(header(method, "Access-Control-Allow-Methods")).isEmpty();

            HttpResponse<String> origin = Http.send("OPTIONS", jetty.uri().resolve("/x"), "Origin", "https://evil.example\u00e9",
                    "Access-Control-Request-Method", "PUT");
            assertThat(header(origin, "Access-Control-Allow-Origin")).isEmpty();
            assertThat(header(origin, "X-CORS-Debug")).singleElement().asString()
                    .startsWith("origin \"https://evil.example").doesNotContain("\u00e9");
        }
    }

    @Test
    void privateNetworkAccessIsAnsweredOnlyWhenEnabledAndAsked() {
        CorsPolicy enabled = CorsPolicy.builder().allowedOrigins(APP).allowPrivateNetwork(true).build();
        CorsPolicy disabled = CorsPolicy.builder().allowedOrigins(APP).build();
        try (EmbeddedJetty on = serve(new CorsFilter(enabled)); EmbeddedJetty off = serve(new CorsFilter(disabled))) {
            assertThat(header(Http.send("OPTIONS", on.uri().resolve("/x"), "Origin", APP, "Access-Control-Request-Method",
                    "GET", "Access-Control-Request-Private-Network", "true"), "Access-Control-Allow-Private-Network"))
                    .containsExactly("true");
            assertThat(header(Http.send("OPTIONS", on.uri().resolve("/x"), "Origin", APP, "Access-Control-Request-Method",
                    "GET"), "Access-Control-Allow-Private-Network")).isEmpty();
            assertThat(header(Http.send("OPTIONS", on.uri().resolve("/x"), "Origin", OTHER, "Access-Control-Request-Method",
                    "GET", "Access-Control-Request-Private-Network", "true"), "Access-Control-Allow-Private-Network")).isEmpty();
            assertThat(header(Http.send("OPTIONS", off.uri().resolve("/x"), "Origin", APP, "Access-Control-Request-Method",
                    "GET", "Access-Control-Request-Private-Network", "true"), "Access-Control-Allow-Private-Network")).isEmpty();
        }
    }

    @Test
    void timingAllowOriginNamesOnlyAllowedOrigins() {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).timingAllowOrigin(true).build();
        try (EmbeddedJetty jetty = serve(new CorsFilter(policy))) {
            assertThat(header(Http.send("GET", jetty.uri().resolve("/x"), "Origin", APP), "Timing-Allow-Origin"))
                    .containsExactly(APP);
            assertThat(header(Http.send("GET", jetty.uri().resolve("/x"), "Origin", OTHER), "Timing-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void webSocketHandshakesFromOtherOriginsAreRefusedWhenChecked() {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).webSocketOriginCheck(true).build();
        // java.net.http refuses to send Upgrade, so the handshake check is shown through a raw socket.
        try (EmbeddedJetty jetty = serve(new CorsFilter(policy))) {
            String[] handshake = {"Upgrade", "websocket", "Connection", "Upgrade",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13"};
            assertThat(RawHttp.send(jetty.port(), "GET", "/socket", with(handshake, "Origin", OTHER)).status())
                    .isEqualTo(403);
            assertThat(RawHttp.send(jetty.port(), "GET", "/socket", with(handshake, "Origin", APP)).status())
                    .isEqualTo(200);
            assertThat(RawHttp.send(jetty.port(), "GET", "/socket", handshake).status()).isEqualTo(200);
        }
    }

    private static String[] with(String[] headers, String name, String value) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = name;
        all[headers.length + 1] = value;
        return all;
    }

    @Test
    void reconfigurationUnderLoadNeverMixesTwoPolicies() throws Exception {
        CorsPolicy first = CorsPolicy.builder().allowedOrigins(APP).exposedHeaders("X-First").maxAge(Duration.ofSeconds(1)).build();
        CorsPolicy second = CorsPolicy.builder().allowedOrigins(OTHER).exposedHeaders("X-Second").allowCredentials(true)
                .maxAge(Duration.ofSeconds(2)).build();
        CorsFilter filter = new CorsFilter(first);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try (EmbeddedJetty jetty = serve(filter)) {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                results.add(clients.submit(() -> {
                    List<String> seen = new ArrayList<>();
                    for (int i = 0; i < 250; i++) {
                        String origin = i % 2 == 0 ? APP : OTHER;
                        HttpResponse<String> response = Http.send("GET", jetty.uri().resolve("/x"), "Origin", origin);
                        seen.add(origin + " -> " + header(response, "Access-Control-Allow-Origin") + " "
                                + header(response, "Access-Control-Expose-Headers") + " "
                                + header(response, "Access-Control-Allow-Credentials"));
                    }
                    return seen;
                }));
            }
            Thread.sleep(200);
            filter.reconfigure(second);
            List<String> all = new ArrayList<>();
            for (Future<List<String>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(2_000).allSatisfy(line -> assertThat(line).isIn(
                    APP + " -> [" + APP + "] [X-First] []",
                    APP + " -> [] [] []",
                    OTHER + " -> [] [] []",
                    OTHER + " -> [" + OTHER + "] [X-Second] [true]"));
            assertThat(all).contains(OTHER + " -> [" + OTHER + "] [X-Second] [true]");
            assertThat(filter.policy()).isSameAs(second);
        } finally {
            clients.shutdownNow();
        }
    }
}
