package dev.corsfilter.integrity;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.PathPolicies;
import dev.corsfilter.testing.AppServlet;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response-path defects an adversarial review found after the first fix of issue 10, each over real HTTP
 * on Jetty 12 and Tomcat 11; each failed at commit 4bf10f9 (on both engines, unless its Javadoc names one).
 * The differential ones compare a context with the CORS filter ({@code /f}) with a twin without it ({@code /c}).
 */
class ReviewFindingsRegressionTest {

    static final String APP = "https://app.example.com";
    static final String EVIL = "https://evil.example.net";
    static final EnumSet<DispatcherType> CORS_DISPATCHES =
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    static final CorsPolicy POLICY = CorsPolicy.builder().allowedOrigins(APP).build();

    /** The same servlets in a context with the filter and in its twin without it. */
    static WebApp twins(CorsFilter filter, Consumer<WebApp.Context> servlets) {
        WebApp app = new WebApp();
        app.context("/f", context -> servlets.accept(context.filter("cors", filter, CORS_DISPATCHES)));
        app.context("/c", servlets);
        return app;
    }

    static String where(HttpServletRequest request) {
        return request.getServletPath() + request.getPathInfo() + "?" + request.getQueryString();
    }

    /**
     * D1. {@code startAsync()} without arguments, then {@code AsyncContext.dispatch()}: both containers dispatch
     * to the original request URI; through {@code CorsServletRequest} (which turns it into
     * {@code startAsync(this, corsResponse)}) the dispatch goes to the wrapper's current URI instead, so a
     * different servlet answers. Here: REQUEST {@code /s/x} → async {@code dispatch("/t/x?step=1")} → the
     * ASYNC dispatch at {@code /t} calls {@code startAsync()} and {@code dispatch()} again.
     */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void noArgumentStartAsyncThenDispatchGoesWhereTheContainerSendsIt(ServletEngine engine) {
        WebApp app = twins(new CorsFilter(POLICY), context -> context
                .servlet("/s/*", AppServlet.of((request, response) -> {
                    if (request.getDispatcherType() == DispatcherType.REQUEST) {
                        AsyncContext async = request.startAsync();
                        async.start(() -> async.dispatch("/t/x?step=1"));
                    } else {
                        response.getWriter().print("answered by /s: " + where(request));
                    }
                }))
                .servlet("/t/*", AppServlet.of((request, response) -> {
                    if (request.getAttribute("again") == null) {
                        request.setAttribute("again", true);
                        AsyncContext async = request.startAsync();
                        async.start(async::dispatch);
                    } else {
                        response.getWriter().print("answered by /t: " + where(request));
                    }
                })));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response control = RawHttp.send(server.port(), "GET", "/c/s/x?step=0", "Origin", APP);
            RawHttp.Response filtered = RawHttp.send(server.port(), "GET", "/f/s/x?step=0", "Origin", APP);
            assertThat(filtered.body()).as(engine + ": the filter must not change which servlet answers")
                    .isEqualTo(control.body());
        }
    }

    /**
     * D1, second form (Tomcat only; Jetty passes): a servlet forwards {@code /a} to {@code /b}, which calls
     * {@code startAsync()} and {@code dispatch()}. Without the filter Tomcat dispatches to {@code /a}; with it,
     * to {@code /b}. Also shows {@code hasOriginalRequestAndResponse()} turning false on both engines.
     */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void noArgumentStartAsyncAfterAForwardDispatchesWhereTheContainerSendsIt(ServletEngine engine) {
        WebApp app = twins(new CorsFilter(POLICY), context -> context
                .servlet("/a/*", AppServlet.of((request, response) -> {
                    if (request.getDispatcherType() == DispatcherType.REQUEST) {
                        request.getRequestDispatcher("/b/x?p=forwarded").forward(request, response);
                    } else {
                        response.getWriter().print("answered by /a: " + where(request));
                    }
                }))
                .servlet("/b/*", AppServlet.of((request, response) -> {
                    if (request.getDispatcherType() != DispatcherType.ASYNC) {
                        AsyncContext async = request.startAsync();
                        async.start(async::dispatch);
                    } else {
                        response.getWriter().print("answered by /b: " + where(request));
                    }
                })));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response control = RawHttp.send(server.port(), "GET", "/c/a/x?p=original", "Origin", APP);
            RawHttp.Response filtered = RawHttp.send(server.port(), "GET", "/f/a/x?p=original", "Origin", APP);
            assertThat(filtered.body()).as(engine + ": the filter must not change which servlet answers")
                    .isEqualTo(control.body());
        }
    }

    /** D1, third form: what the application is told about its own async context changes. */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void noArgumentStartAsyncStillHasTheOriginalRequestAndResponse(ServletEngine engine) {
        WebApp app = twins(new CorsFilter(POLICY), context -> context
                .servlet("/", AppServlet.of((request, response) -> {
                    AsyncContext async = request.startAsync();
                    response.getWriter().print("hasOriginalRequestAndResponse=" + async.hasOriginalRequestAndResponse());
                    async.complete();
                })));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response control = RawHttp.send(server.port(), "GET", "/c/x", "Origin", APP);
            RawHttp.Response filtered = RawHttp.send(server.port(), "GET", "/f/x", "Origin", APP);
            assertThat(filtered.body()).as(engine.name()).isEqualTo(control.body());
        }
    }

    /**
     * D2. {@code reconfigure()} while a request is in flight: docs/configuration.md promises "each request sees
     * the old or the new policy, never a mix, and requests already running finish with the one they started
     * with". A single-policy filter reads the current policy again on the ASYNC (and ERROR) dispatch, so the
     * response carries {@code Access-Control-Allow-Credentials} of the old policy and
     * {@code Access-Control-Expose-Headers} of the new one.
     */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void reconfigureDuringAnAsyncRequestNeverMixesTwoPolicies(ServletEngine engine) throws Exception {
        CorsPolicy before = CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true).build();
        CorsPolicy after = CorsPolicy.builder().allowAnyOrigin().exposedHeaders("X-Secret").build();
        CorsFilter filter = new CorsFilter(before);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch reconfigured = new CountDownLatch(1);
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", filter, CORS_DISPATCHES)
                .servlet("/", AppServlet.of((request, response) -> {
                    if (request.getDispatcherType() == DispatcherType.REQUEST) {
                        AsyncContext async = request.startAsync();
                        async.start(() -> {
                            started.countDown();
                            try {
                                reconfigured.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            async.dispatch();
                        });
                    } else {
                        response.getWriter().print("done");
                    }
                })));
        try (RunningServer server = engine.start(app)) {
            Thread admin = new Thread(() -> {
                try {
                    started.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                filter.reconfigure(after);
                reconfigured.countDown();
            });
            admin.start();
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/x", "Origin", APP);
            admin.join();
            List<String> cors = response.corsHeaderNames();
            boolean oldPolicyOnly = response.values("Access-Control-Allow-Origin").equals(List.of(APP))
                    && response.values("Access-Control-Allow-Credentials").equals(List.of("true"))
                    && response.values("Access-Control-Expose-Headers").isEmpty();
            boolean newPolicyOnly = response.values("Access-Control-Allow-Origin").equals(List.of("*"))
                    && response.values("Access-Control-Allow-Credentials").isEmpty()
                    && response.values("Access-Control-Expose-Headers").equals(List.of("X-Secret"));
            assertThat(oldPolicyOnly || newPolicyOnly)
                    .as(engine + ": CORS headers " + cors + " ACAO " + response.values("Access-Control-Allow-Origin")
                            + " ACAC " + response.values("Access-Control-Allow-Credentials")
                            + " ACEH " + response.values("Access-Control-Expose-Headers"))
                    .isTrue();
        }
    }

    /**
     * D2, second form, without async: the request runs under the old policy, the policy is swapped, then the
     * application calls {@code sendError} and the error page's ERROR dispatch runs under the new policy.
     */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void reconfigureBeforeTheErrorDispatchNeverMixesTwoPolicies(ServletEngine engine) {
        CorsPolicy before = CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true).build();
        CorsPolicy after = CorsPolicy.builder().allowAnyOrigin().exposedHeaders("X-Secret").build();
        CorsFilter filter = new CorsFilter(before);
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", filter, CORS_DISPATCHES)
                .servlet("/", AppServlet.of((request, response) -> {
                    filter.reconfigure(after); // stands for an administrator's swap while this request runs
                    response.sendError(404);
                }))
                .servlet("/error", AppServlet.of((request, response) -> response.getWriter().print("error page")))
                .errorPage("/error"));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/x", "Origin", APP);
            boolean oldPolicyOnly = response.values("Access-Control-Allow-Origin").equals(List.of(APP))
                    && response.values("Access-Control-Allow-Credentials").equals(List.of("true"))
                    && response.values("Access-Control-Expose-Headers").isEmpty();
            boolean newPolicyOnly = response.values("Access-Control-Allow-Origin").equals(List.of("*"))
                    && response.values("Access-Control-Allow-Credentials").isEmpty()
                    && response.values("Access-Control-Expose-Headers").equals(List.of("X-Secret"));
            assertThat(oldPolicyOnly || newPolicyOnly)
                    .as(engine + ": ACAO " + response.values("Access-Control-Allow-Origin")
                            + " ACAC " + response.values("Access-Control-Allow-Credentials")
                            + " ACEH " + response.values("Access-Control-Expose-Headers"))
                    .isTrue();
        }
    }

    /**
     * D6. Issue 10's case 4 again, for the most common way to limit CORS to some paths: a single-policy filter
     * mapped to {@code /api/*} (not per-path policies), with the error page under {@code /api/}. The filter never
     * saw the request to {@code /other}, but the container runs it on the ERROR dispatch to {@code /api/error},
     * and it decorates the uncovered path's 404 with the API's credentialed CORS headers.
     */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void anUncoveredPathsErrorPageGetsNoCorsHeadersFromAFilterMappedToApi(ServletEngine engine) {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true).build();
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", new CorsFilter(policy), "/api/*", CORS_DISPATCHES)
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

    /**
     * D3. On an allowed response the wrapper turns the application's {@code addHeader} of any
     * {@code Access-Control-*} header into {@code setHeader}: an application (policy without exposed headers)
     * that adds {@code Access-Control-Expose-Headers: X-A} and then {@code X-B} keeps only {@code X-B}, so the
     * browser hides {@code X-A}. The twin without the filter keeps both.
     */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void everyExposeHeadersMemberTheApplicationAddsSurvives(ServletEngine engine) {
        WebApp app = twins(new CorsFilter(POLICY), context -> context
                .servlet("/", AppServlet.of((request, response) -> {
                    response.addHeader("Access-Control-Expose-Headers", "X-A");
                    response.addHeader("Access-Control-Expose-Headers", "X-B");
                    response.getWriter().print("ok");
                })));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response control = RawHttp.send(server.port(), "GET", "/c/x", "Origin", APP);
            RawHttp.Response filtered = RawHttp.send(server.port(), "GET", "/f/x", "Origin", APP);
            assertThat(RawHttp.Response.members(control.values("Access-Control-Expose-Headers")))
                    .containsExactly("x-a", "x-b");
            assertThat(RawHttp.Response.members(filtered.values("Access-Control-Expose-Headers")))
                    .as(engine.name()).containsExactlyInAnyOrder("x-a", "x-b");
        }
    }

    /**
     * D4. Two per-path filters (say one for the API, one for public paths, registered separately) share the
     * request attribute that remembers "the policy of this request". The second overwrites the first's, so on
     * the ERROR dispatch the API filter finds "no policy" and does not wrap: the API's 404 error page carries
     * the API's {@code Access-Control-Allow-Origin} and {@code -Credentials} but loses {@code Origin} from
     * {@code Vary} (Jetty drops {@code Vary} on {@code sendError}; on Tomcat the error page's
     * {@code setHeader("Vary", …)} replaces it).
     */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void twoPerPathFiltersEachKeepTheirOwnPolicyOnTheErrorPage(ServletEngine engine) {
        PathPolicies api = PathPolicies.builder()
                .add("/api/*", CorsPolicy.builder().allowedOrigins(APP).allowCredentials(true).build()).build();
        PathPolicies open = PathPolicies.builder().add("/public/*", CorsPolicy.builder().allowAnyOrigin().build()).build();
        WebApp app = new WebApp().context("", context -> context
                .filter("cors-api", new CorsFilter(api), CORS_DISPATCHES)
                .filter("cors-public", new CorsFilter(open), CORS_DISPATCHES)
                .servlet("/api/*", AppServlet.of((request, response) -> response.sendError(404)))
                .servlet("/public/*", AppServlet.of((request, response) -> {
                    response.setHeader("Vary", "Accept-Language");
                    response.getWriter().print("error page");
                }))
                .errorPage("/public/error"));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/api/items", "Origin", APP);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(response.varyNames()).as(engine + ": " + response.headers().stream()
                    .map(h -> h[0] + ": " + h[1]).toList()).contains("origin");
        }
    }

    /**
     * D5. A WebSocket handshake from an allowed origin is let through unwrapped; when it reaches an ordinary
     * servlet (not an endpoint, or an endpoint that answers with HTTP), the application's
     * {@code setHeader("Vary", …)} removes {@code Origin}. README and docs/configuration.md promise that allowed
     * handshakes carry {@code Vary: Origin}.
     */
    @ParameterizedTest
    @EnumSource(ServletEngine.class)
    void anAllowedHandshakeAnsweredByTheApplicationKeepsVaryOrigin(ServletEngine engine) {
        CorsPolicy policy = CorsPolicy.builder().allowedOrigins(APP).webSocketOriginCheck(true).build();
        WebApp app = new WebApp().context("", context -> context
                .filter("cors", new CorsFilter(policy), CORS_DISPATCHES)
                .servlet("/", AppServlet.of((request, response) -> {
                    response.setHeader("Vary", "Accept-Encoding");
                    response.getWriter().print("plain page");
                })));
        try (RunningServer server = engine.start(app)) {
            RawHttp.Response response = RawHttp.send(server.port(), "GET", "/page", "Origin", APP,
                    "Upgrade", "websocket", "Connection", "Upgrade",
                    "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "13");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.varyNames()).as(engine.name()).contains("accept-encoding", "origin");
        }
    }
}
