package dev.corsfilter.integrity;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.PathPolicies;
import dev.corsfilter.integrity.AppStep.Action;
import dev.corsfilter.testing.FrontVaryFilter;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.testing.RunningServer;
import dev.corsfilter.testing.ServletEngine;
import dev.corsfilter.testing.WebApp;
import jakarta.servlet.DispatcherType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The response path, proven by generated behaviour on real containers. jqwik draws an application (a script
 * of header writes, resets, errors, redirects, exceptions, commits, async work through
 * {@code AsyncContext.getResponse()} and dispatches), the {@code Vary} lines a filter in front adds, a request
 * (no {@code Origin}, an allowed or refused origin, a pre-flight, a stray {@code Upgrade: websocket}, HEAD, a
 * conditional request) and a policy (exact origins, any origin, policies by path, including an uncovered path
 * whose error page lies under a covered one). Each exchange is sent over HTTP twice: to a context with the
 * CORS filter, and to its twin without it. The filtered response must be the unfiltered one plus exactly the
 * CORS headers and {@code Origin} in {@code Vary}:
 * <ul>
 *   <li>status and body are what the application produced, so the filter never turns a response into a 500;</li>
 *   <li>{@code Access-Control-Allow-Origin} appears exactly once when the origin is allowed, and no
 *       {@code Access-Control-*} header appears otherwise;</li>
 *   <li>every {@code Vary} member the application or the filter in front left is there, {@code Origin} is
 *       there when the answer depends on the origin (unless {@code Vary: *}), nothing else is added, and the
 *       filter never repeats a member.</li>
 * </ul>
 * Errors go to the application's error page by an ERROR dispatch, except in one context without an error
 * page, where the container renders its own: see {@link #isJettysOwnErrorPage} for the one exception.
 */
class ResponsePathConformanceTest {

    static final String APP = "https://app.example.com";
    static final String SUBDOMAIN = "https://shop.example.org";
    static final String EVIL = "https://evil.example.net";
    static final String FRONT_VARY_HEADER = "X-Front-Vary";

    static final CorsPolicy EXACT = CorsPolicy.builder().allowedOrigins(APP, "https://*.example.org")
            .allowedMethods("PUT").exposedHeaders("ETag", "X-Total").allowCredentials(true)
            .maxAge(Duration.ofMinutes(10)).webSocketOriginCheck(true).build();
    static final CorsPolicy ANY = CorsPolicy.builder().allowAnyOrigin().allowedMethods("PUT").exposedHeaders("ETag")
            .build();

    private static final EnumSet<DispatcherType> CORS_DISPATCHES =
            EnumSet.of(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    private static final Map<ServletEngine, RunningServer> SERVERS = new EnumMap<>(ServletEngine.class);

    /** Which policy a request falls under. */
    enum Applies { EXACT, ANY, NONE }

    /** Where a request goes: a context (and its twin without the filter) and a path in it. */
    enum Target {
        EXACT("/exact", "/items", Applies.EXACT),
        ANY("/any", "/items", Applies.ANY),
        PATHS_API("/paths", "/api/items", Applies.EXACT),
        PATHS_PUBLIC("/paths", "/public/items", Applies.ANY),
        PATHS_UNCOVERED("/paths", "/other/items", Applies.NONE),
        /** No error page: the container renders errors itself, after the filter chain has returned. */
        BARE("/bare", "/items", Applies.EXACT);

        final String context;
        final String path;
        final Applies applies;

        Target(String context, String path, Applies applies) {
            this.context = context;
            this.path = path;
            this.applies = applies;
        }
    }

    /** What kind of request. */
    enum Kind { NO_ORIGIN, CORS, PREFLIGHT, UPGRADE_WITHOUT_HANDSHAKE }

    /** One generated exchange. */
    record Exchange(Target target, Kind kind, String method, String origin, String requestedMethod,
                    List<String> frontVary, List<AppStep> script, boolean conditional) {

        String[] headers() {
            List<String> headers = new ArrayList<>();
            if (origin != null) {
                headers.addAll(List.of("Origin", origin));
            }
            if (requestedMethod != null) {
                headers.addAll(List.of("Access-Control-Request-Method", requestedMethod));
            }
            if (kind == Kind.UPGRADE_WITHOUT_HANDSHAKE) {
                headers.addAll(List.of("Upgrade", "websocket", "Connection", "Upgrade"));
            }
            if (conditional) {
                headers.addAll(List.of("If-None-Match", ScriptServlet.ETAG));
            }
            frontVary.forEach(line -> headers.addAll(List.of(FRONT_VARY_HEADER, line)));
            headers.addAll(List.of(AppStep.SCRIPT_HEADER, AppStep.encode(script)));
            return headers.toArray(String[]::new);
        }

        @Override
        public String toString() {
            return method + " " + target.context + target.path + " " + kind + (origin == null ? "" : " from " + origin)
                    + (requestedMethod == null ? "" : " ACRM " + requestedMethod)
                    + (conditional ? " If-None-Match" : "") + " front Vary " + frontVary + " script " + script;
        }
    }

    @BeforeContainer
    static void startServers() {
        for (ServletEngine engine : ServletEngine.values()) {
            SERVERS.put(engine, engine.start(application()));
        }
    }

    @AfterContainer
    static void stopServers() {
        SERVERS.values().forEach(RunningServer::close);
        SERVERS.clear();
    }

    static WebApp application() {
        PathPolicies paths = PathPolicies.builder().add("/api/*", EXACT).add("/public/*", ANY).build();
        WebApp app = new WebApp();
        addContexts(app, "/exact", new CorsFilter(EXACT), "/error");
        addContexts(app, "/any", new CorsFilter(ANY), "/error");
        addContexts(app, "/paths", new CorsFilter(paths), "/api/error");
        addContexts(app, "/bare", new CorsFilter(EXACT), null);
        return app;
    }

    /** Adds a context with the CORS filter and its twin without it; both otherwise the same. */
    private static void addContexts(WebApp app, String path, CorsFilter filter, String errorPage) {
        for (boolean filtered : new boolean[] {true, false}) {
            app.context(filtered ? path : path + "-control", context -> {
                context.filter("front", FrontVaryFilter.fromRequestHeader(FRONT_VARY_HEADER),
                        EnumSet.of(DispatcherType.REQUEST));
                if (filtered) {
                    context.filter("cors", filter, CORS_DISPATCHES);
                }
                context.servlet("/", new ScriptServlet());
                if (errorPage != null) {
                    context.servlet(errorPage, new ErrorPageServlet()).errorPage(errorPage);
                }
            });
        }
    }

    @Property(tries = 1_000, shrinking = ShrinkingMode.FULL)
    void onJettyTheFilteredResponseIsTheApplicationsPlusCors(@ForAll("exchanges") Exchange exchange) {
        check(ServletEngine.JETTY, exchange);
    }

    @Property(tries = 1_000, shrinking = ShrinkingMode.FULL)
    void onTomcatTheFilteredResponseIsTheApplicationsPlusCors(@ForAll("exchanges") Exchange exchange) {
        check(ServletEngine.TOMCAT, exchange);
    }

    static void check(ServletEngine engine, Exchange exchange) {
        int port = SERVERS.get(engine).port();
        Target target = exchange.target();
        RawHttp.Response filtered = RawHttp.send(port, exchange.method(), target.context + target.path, exchange.headers());
        String description = engine + ": " + exchange + "\n  filtered: " + show(filtered);
        if (exchange.kind() == Kind.PREFLIGHT && target.applies != Applies.NONE) {
            checkPreflight(exchange, filtered, description);
            return;
        }
        RawHttp.Response control = RawHttp.send(port, exchange.method(), target.context + "-control" + target.path,
                exchange.headers());
        description += "\n  control:  " + show(control);
        assertThat(filtered.status()).as(description).isEqualTo(control.status());
        if (!(target == Target.BARE && filtered.status() >= 400)) {
            // A container's own error page names the path and shows the stack, which differ between the twins.
            assertThat(filtered.body()).as(description).isEqualTo(control.body());
        }
        checkCorsHeaders(exchange, filtered, control, description);
        if (!isJettysOwnErrorPage(engine, exchange, filtered, control)) {
            checkVary(exchange, filtered.varyNames(), control.varyNames(), description);
        }
    }

    /**
     * The one documented exception: Jetty renders its own error page after the filter chain has returned,
     * and drops every {@code Vary} line on it, the application's and the filter in front's as well; the page
     * is {@code no-store}, so no cache keeps it. The CORS headers are still checked.
     */
    static boolean isJettysOwnErrorPage(ServletEngine engine, Exchange exchange, RawHttp.Response filtered,
                                        RawHttp.Response control) {
        return engine == ServletEngine.JETTY && exchange.target() == Target.BARE && filtered.status() >= 400
                && filtered.varyNames().isEmpty() && control.varyNames().isEmpty()
                && filtered.values("Cache-Control").stream().anyMatch(value -> value.contains("no-store"));
    }

    private static void checkPreflight(Exchange exchange, RawHttp.Response response, String description) {
        boolean allowed = allowsOrigin(exchange) && "PUT".equals(exchange.requestedMethod());
        assertThat(response.status()).as(description).isEqualTo(allowed ? 204 : 403);
        assertThat(response.body()).as(description).isEmpty();
        if (allowed) {
            assertThat(response.values("Access-Control-Allow-Origin")).as(description).containsExactly(allowOrigin(exchange));
            assertThat(response.values("Access-Control-Allow-Methods")).as(description).containsExactly("PUT");
        } else {
            assertThat(response.corsHeaderNames()).as(description).isEmpty();
        }
        List<String> expected = new ArrayList<>(RawHttp.Response.members(exchange.frontVary()));
        if (!expected.contains("*")) {
            expected.addAll(List.of("access-control-request-method", "access-control-request-headers"));
            if (exchange.target().applies == Applies.EXACT) {
                expected.add("origin");
            }
        }
        assertThat(new HashSet<>(response.varyNames())).as(description).isEqualTo(new HashSet<>(expected));
        checkNoRepeats(response.varyNames(), RawHttp.Response.members(exchange.frontVary()), description);
    }

    /**
     * On a decorated response, the headers the policy decides appear once, with the policy's values; every
     * other {@code Access-Control-*} line is the application's, exactly as without the filter.
     */
    private static void checkCorsHeaders(Exchange exchange, RawHttp.Response filtered, RawHttp.Response control,
                                         String description) {
        Applies applies = exchange.target().applies;
        Map<String, String> owned = new HashMap<>();
        if (applies == Applies.ANY || (applies == Applies.EXACT && allowsOrigin(exchange))) {
            owned.put("access-control-allow-origin", allowOrigin(exchange));
            owned.put("access-control-expose-headers", applies == Applies.EXACT ? "ETag, X-Total" : "ETag");
            if (applies == Applies.EXACT) {
                owned.put("access-control-allow-credentials", "true");
            }
        }
        Set<String> names = new HashSet<>(filtered.corsHeaderNames());
        names.addAll(control.corsHeaderNames());
        names.addAll(owned.keySet());
        for (String name : names) {
            List<String> expected = owned.containsKey(name) ? List.of(owned.get(name)) : control.values(name);
            assertThat(filtered.values(name)).as(description + "\n  header " + name).isEqualTo(expected);
        }
    }

    private static void checkVary(Exchange exchange, List<String> filtered, List<String> control, String description) {
        Set<String> expected = new HashSet<>(control);
        Set<String> actual = new HashSet<>(filtered);
        if (exchange.target().applies == Applies.EXACT && !actual.contains("*")) {
            expected.add("origin");
        }
        if (exchange.target().applies == Applies.EXACT && actual.contains("*")) {
            actual.remove("origin");
            expected.remove("origin");
        }
        assertThat(actual).as(description).isEqualTo(expected);
        checkNoRepeats(filtered, control, description);
    }

    /** The filter never repeats a member: none appears more often than without the filter, or than once. */
    private static void checkNoRepeats(List<String> filtered, List<String> control, String description) {
        Map<String, Integer> allowed = new HashMap<>();
        control.forEach(member -> allowed.merge(member, 1, Integer::sum));
        Map<String, Integer> counts = new HashMap<>();
        filtered.forEach(member -> counts.merge(member, 1, Integer::sum));
        counts.forEach((member, count) -> assertThat(count).as(description + "\n  repeats " + member)
                .isLessThanOrEqualTo(Math.max(1, allowed.getOrDefault(member, 0))));
    }

    private static boolean allowsOrigin(Exchange exchange) {
        return exchange.origin() != null
                && (exchange.target().applies == Applies.ANY || !exchange.origin().equals(EVIL));
    }

    private static String allowOrigin(Exchange exchange) {
        return exchange.target().applies == Applies.ANY ? "*" : exchange.origin();
    }

    private static String show(RawHttp.Response response) {
        StringBuilder text = new StringBuilder().append(response.status());
        response.headers().forEach(header -> text.append(" | ").append(header[0]).append(": ").append(header[1]));
        return text.append(" | body ").append(response.body().length() > 60 ? response.body().substring(0, 60) + "…"
                : response.body()).toString();
    }

    @Provide
    Arbitrary<Exchange> exchanges() {
        Arbitrary<Target> targets = Arbitraries.of(Target.class);
        Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(2, Kind.NO_ORIGIN), Tuple.of(5, Kind.CORS),
                Tuple.of(2, Kind.PREFLIGHT), Tuple.of(1, Kind.UPGRADE_WITHOUT_HANDSHAKE));
        Arbitrary<String> origins = Arbitraries.of(APP, SUBDOMAIN, EVIL);
        Arbitrary<String> methods = Arbitraries.of("GET", "GET", "POST", "HEAD");
        Arbitrary<List<String>> frontVary = varyValues().list().ofMaxSize(2);
        return Combinators.combine(targets, kinds, origins, methods, Arbitraries.of("PUT", "DELETE"), frontVary,
                scripts(), Arbitraries.of(false, false, true))
                .as((target, kind, origin, method, requested, front, script, conditional) -> {
                    Kind actualKind = kind == Kind.UPGRADE_WITHOUT_HANDSHAKE && target != Target.EXACT ? Kind.CORS : kind;
                    return new Exchange(target, actualKind, actualKind == Kind.PREFLIGHT ? "OPTIONS" : method,
                            actualKind == Kind.NO_ORIGIN ? null : origin,
                            actualKind == Kind.PREFLIGHT ? requested : null, front, script, conditional);
                });
    }

    /** Values an application or a filter gives {@code Vary}: one member or several, any case, {@code *}. */
    static Arbitrary<String> varyValues() {
        return Arbitraries.of("Accept-Encoding", "Cookie", "Accept-Language, Cookie", "Origin", "origin",
                "Cookie, Origin", "ACCEPT-ENCODING", "*");
    }

    /** A script: steps on the request thread, maybe an async part, maybe steps after an async dispatch. */
    static Arbitrary<List<AppStep>> scripts() {
        Arbitrary<List<AppStep>> before = simpleSteps().list().ofMaxSize(4);
        Arbitrary<AppStep> ending = Arbitraries.oneOf(
                Arbitraries.just(AppStep.of(Action.SEND_ERROR, 404)), Arbitraries.just(AppStep.of(Action.SEND_ERROR, 500)),
                Arbitraries.just(AppStep.of(Action.REDIRECT)), Arbitraries.just(AppStep.of(Action.THROW)),
                Arbitraries.just(AppStep.of(Action.CONDITIONAL)));
        Arbitrary<List<AppStep>> async = Combinators.combine(
                Arbitraries.of(Action.START_ASYNC, Action.START_ASYNC_WITH_OBJECTS), simpleSteps().list().ofMaxSize(3),
                Arbitraries.of(Action.COMPLETE, Action.DISPATCH, Action.DISPATCH_TO, Action.SEND_ERROR),
                simpleSteps().list().ofMaxSize(2))
                .as((start, inside, end, after) -> {
                    List<AppStep> steps = new ArrayList<>();
                    steps.add(AppStep.of(start));
                    steps.addAll(inside);
                    steps.add(switch (end) {
                        case SEND_ERROR -> AppStep.of(end, 503);
                        case DISPATCH_TO -> AppStep.of(end, "/elsewhere/path?from=async");
                        default -> AppStep.of(end);
                    });
                    if (end == Action.DISPATCH || end == Action.DISPATCH_TO) {
                        steps.add(AppStep.of(Action.WRITE_PATH));
                        steps.addAll(after);
                    }
                    return steps;
                });
        return Combinators.combine(before, Arbitraries.frequency(
                        Tuple.of(3, "none"), Tuple.of(1, "end"), Tuple.of(2, "async")),
                ending, async)
                .as((steps, tail, end, asyncPart) -> {
                    List<AppStep> script = new ArrayList<>(steps);
                    if (tail.equals("end")) {
                        script.add(end);
                    } else if (tail.equals("async")) {
                        script.addAll(asyncPart);
                    }
                    return script;
                });
    }

    static Arbitrary<AppStep> simpleSteps() {
        return Arbitraries.oneOf(
                varyValues().map(value -> AppStep.of(Action.SET_VARY, value)),
                varyValues().map(value -> AppStep.of(Action.ADD_VARY, value)),
                Arbitraries.of(AppStep.of(Action.SET_VARY_NULL), AppStep.of(Action.ADD_VARY_NULL),
                        AppStep.of(Action.SET_VARY_INT, 7), AppStep.of(Action.ODD_ARGUMENTS),
                        AppStep.of(Action.ADD_CORS_HEADER, "Access-Control-Expose-Headers"),
                        AppStep.of(Action.ADD_CORS_HEADER, "Access-Control-Allow-Headers"),
                        AppStep.of(Action.WRITE_PATH),
                        AppStep.of(Action.RESET), AppStep.of(Action.RESET_BUFFER), AppStep.of(Action.FLUSH),
                        AppStep.of(Action.STATUS, 201), AppStep.of(Action.STATUS, 404)),
                Arbitraries.of("a", "body", "more text").map(text -> AppStep.of(Action.WRITE, text)));
    }
}
