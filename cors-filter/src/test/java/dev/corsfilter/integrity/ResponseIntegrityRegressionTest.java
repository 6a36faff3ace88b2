package dev.corsfilter.integrity;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.PathPolicies;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.FrontVaryFilter;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The five defects of the response path that a review found, each reproduced over real HTTP on Jetty and
 * Tomcat exactly as reported. The generated suite ({@link ResponsePathConformanceTest}) covers their
 * neighbourhood; these keep the reported cases by name.
 */
class ResponseIntegrityRegressionTest {

    private static final String APP = "https://app.example.com";
    private static final String EVIL = "https://evil.example.net";
    private static final EnumSet<DispatcherType> CORS_DISPATCHES =
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    private static final CorsPolicy POLICY = CorsPolicy.builder().allowedOrigins(APP).exposedHeaders("ETag").build();

    /** Case 1: a filter in front adds {@code Vary: Accept-Encoding} and {@code Vary: Cookie} as two lines. */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void varyLinesFromAFilterInFrontAllSurvive(ServletEngine engine) {
        try (RunningServer server = engine.start(app(POLICY, context -> context
                .filter("compression", new FrontVaryFilter("Accept-Encoding", "Cookie"), EnumSet.of(DispatcherType.REQUEST)),
                AppServlet.of((request, response) -> response.getWriter().print("page"))))) {
            for (String[] origin : new String[][] {{}, {"Origin", APP}, {"Origin", EVIL}}) {
                RawHttp.Response response = RawHttp.send(server.port(), "GET", "/page", origin);
                assertThat(response.varyNames()).as("%s %s", engine, String.join(" ", origin))
                        .containsExactlyInAnyOrder("accept-encoding", "cookie", "origin");
            }
        }
    }

    /** Case 1, second form: the application sets one {@code Vary} value and adds another. */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void varyValuesTheApplicationSetsThenAddsAllSurvive(ServletEngine engine) {
        try (RunningServer server = engine.start(app(POLICY, context -> { }, AppServlet.of((request, response) -> {
            response.setHeader("Vary", "Accept-Encoding");
            response.addHeader("Vary", "Cookie");
            response.getWriter().print("page");
        })))) {
            for (String[] origin : new String[][] {{}, {"Origin", APP}, {"Origin", EVIL}}) {
                RawHttp.Response response = RawHttp.send(server.port(), "GET", "/page", origin);
                assertThat(response.varyNames()).as("%s %s", engine, String.join(" ", origin))
                        .containsExactlyInAnyOrder("accept-encoding", "cookie", "origin");
            }
        }
    }

    /** Case 2: {@code startAsync()} without arguments, then {@code setHeader("Vary", …)} from the async context. */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void varySetThroughTheAsyncContextKeepsOrigin(ServletEngine engine) {
        try (RunningServer server = engine.start(app(POLICY, context -> { }, AppServlet.of((request, response) -> {
            AsyncContext async = request.startAsync();
            async.start(() -> {
                HttpServletResponse asyncResponse = (HttpServletResponse) async.getResponse();
                asyncResponse.setHeader("Vary", "Cookie");
                write(asyncResponse, "async");
                async.complete();
            });
        })))) {
            for (String[] origin : new String[][] {{}, {"Origin", APP}, {"Origin", EVIL}}) {
                RawHttp.Response response = RawHttp.send(server.port(), "GET", "/page", origin);
                assertThat(response.body()).isEqualTo("async");
                assertThat(response.varyNames()).as("%s %s", engine, String.join(" ", origin))
                        .containsExactlyInAnyOrder("cookie", "origin");
            }
        }
    }

    /** Case 2, second form: {@code reset()} from the async context of an allowed request. */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void resetThroughTheAsyncContextKeepsTheCorsHeaders(ServletEngine engine) {
        try (RunningServer server = engine.start(app(POLICY, context -> { }, AppServlet.of((request, response) -> {
            AsyncContext async = request.startAsync();
            async.start(() -> {
                HttpServletResponse asyncResponse = (HttpServletResponse) async.getResponse();
                asyncResponse.reset();
                write(asyncResponse, "async");
                async.complete();
            });
        })))) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/page", "Origin", APP);
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(response.values("Access-Control-Expose-Headers")).containsExactly("ETag");
            assertThat(response.varyNames()).containsExactly("origin");
        }
    }

    /**
     * Case 3: an ordinary request that merely carries {@code Upgrade: websocket} (no {@code Sec-WebSocket-Key}
     * nor {@code -Version}) is an ordinary CORS request; a real handshake from a refused origin is refused
     * with {@code Vary: Origin}.
     */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void upgradeHeaderWithoutAHandshakeDoesNotSwitchCorsOff(ServletEngine engine) {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).webSocketOriginCheck(true).build();
        try (RunningServer server = engine.start(app(policy, context -> { },
                AppServlet.of((request, response) -> response.getWriter().print("plain"))))) {
            // With Connection: Upgrade, since Jetty itself refuses a lone Upgrade as an invalid h2c upgrade.
            RawHttp.Response allowed = RawHttp.send(server.port(), "GET", "/plain", "Origin", APP,
                    "Upgrade", "websocket", "Connection", "Upgrade");
            assertThat(allowed.status()).isEqualTo(200);
            assertThat(allowed.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(allowed.varyNames()).containsExactly("origin");

            RawHttp.Response refused = RawHttp.send(server.port(), "GET", "/plain", "Origin", EVIL,
                    "Upgrade", "websocket", "Connection", "Upgrade");
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.corsHeaderNames()).isEmpty();
            assertThat(refused.varyNames()).containsExactly("origin");

            RawHttp.Response handshake = RawHttp.send(server.port(), "GET", "/plain", "Origin", EVIL,
                    "Upgrade", "websocket", "Connection", "keep-alive, Upgrade",
                    "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13");
            assertThat(handshake.status()).isEqualTo(403);
            assertThat(handshake.corsHeaderNames()).isEmpty();
            assertThat(handshake.varyNames()).containsExactly("origin");
        }
    }

    /** Case 4: the error page of an uncovered path lies under a covered one; it must not borrow that policy. */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void errorPageOfAnUncoveredPathDoesNotBorrowAnotherPathsPolicy(ServletEngine engine) {
        PathPolicies paths = PathPolicies.builder()
                .add("/api/*", CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true).build())
                .build();
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", new CorsFilter(paths), CORS_DISPATCHES)
                .servlet("/", AppServlet.of((request, response) -> response.sendError(404)))
                .servlet("/api/*", AppServlet.of((request, response) -> response.getWriter().print("error page")))
                .errorPage("/api/error"));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/other", "Origin", APP);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo("error page");
            assertThat(response.corsHeaderNames()).isEmpty();

            RawHttp.Response covered = RawHttp.send(server.port(), "GET", "/api/items", "Origin", APP);
            assertThat(covered.values("Access-Control-Allow-Origin")).containsExactly(APP);
        }
    }

    /** Case 4, by a forward: the forward's target lies under a covered path; the request keeps "no policy". */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void forwardFromAnUncoveredPathDoesNotBorrowItsTargetsPolicy(ServletEngine engine) {
        PathPolicies paths = PathPolicies.builder()
                .add("/api/*", CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true).build())
                .build();
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", new CorsFilter(paths), EnumSet.allOf(DispatcherType.class))
                .servlet("/other/*", AppServlet.of((request, response) ->
                        request.getRequestDispatcher("/api/target").forward(request, response)))
                .servlet("/api/*", AppServlet.of((request, response) -> response.getWriter().print("target"))));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/other/x", "Origin", APP);
            assertThat(response.body()).isEqualTo("target");
            assertThat(response.corsHeaderNames()).isEmpty();
        }
    }

    /** Case 5: {@code addHeader("Vary", null)} is ignored, as the containers ignore it, not a 500. */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void nullVaryValueIsIgnoredLikeTheContainerDoes(ServletEngine engine) {
        try (RunningServer server = engine.start(app(POLICY, context -> { }, AppServlet.of((request, response) -> {
            response.addHeader("Vary", null);
            response.getWriter().print("page");
        })))) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/page", "Origin", APP);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("page");
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(response.varyNames()).containsExactly("origin");
        }
    }

    private static WebApp app(CorsPolicy policy, Consumer<WebApp.Context> front, AppServlet servlet) {
        return new WebApp().context("", context -> {
            front.accept(context);
            context.filter("cors", new CorsFilter(policy), CORS_DISPATCHES).servlet("/", servlet);
        });
    }

    private static void write(HttpServletResponse response, String body) {
        try {
            response.getWriter().print(body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
