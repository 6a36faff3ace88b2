package dev.corsfilter;

import dev.corsfilter.testing.EmbeddedJetty;
import dev.corsfilter.testing.Http;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter on a real embedded Jetty, over real HTTP: what a browser receives on every path users lose
 * CORS headers on today.
 */
class CorsFilterJettyTest {

    static final String APP = "https://app.example.com";
    static final String PREVIEW = "https://pr-123.preview.example.com";
    static final String EVIL = "https://evil.example.net";

    static final CorsPolicy POLICY = CorsPolicy.builder()
            .allowedOrigins(APP, "https://*.preview.example.com", "http://localhost:*")
            .allowedMethods("GET", "POST", "PUT", "DELETE")
            .allowedHeaders("Content-Type", "Authorization", "X-Request-Id")
            .exposedHeaders("X-Request-Id", "ETag")
            .allowCredentials(true)
            .maxAge(Duration.ofMinutes(10))
            .build();

    /** Counts requests that reached the application, to prove pre-flights never do. */
    static final AtomicInteger APP_CALLS = new AtomicInteger();

    static EmbeddedJetty server(Filter filter) {
        return new EmbeddedJetty()
                .filter(filter)
                .filter(new RequireTokenFilter())
                .servlet("/ok", new TextServlet())
                .servlet("/not-found", servlet((request, response) -> response.sendError(404, "nothing here")))
                .servlet("/boom", servlet((request, response) -> {
                    throw new IllegalStateException("application failure");
                }))
                .servlet("/redirect", servlet((request, response) -> response.sendRedirect("/ok")))
                .servlet("/stream", servlet((request, response) -> {
                    PrintWriter out = response.getWriter();
                    out.print("first chunk");
                    response.flushBuffer();
                    out.print(", second chunk");
                }))
                .servlet("/async", servlet((request, response) -> {
                    AsyncContext async = request.startAsync();
                    async.start(() -> {
                        try {
                            async.getResponse().getWriter().print("async body");
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                        async.complete();
                    });
                }))
                .servlet("/reset", servlet((request, response) -> {
                    response.setHeader("X-Partial", "yes");
                    response.reset();
                    response.setStatus(500);
                    response.getWriter().print("error after reset");
                }))
                .servlet("/app-cors", servlet((request, response) -> {
                    response.setHeader("Access-Control-Allow-Origin", "*");
                    response.addHeader("Access-Control-Allow-Origin", "https://other.example.com");
                    response.addHeader("Access-Control-Allow-Credentials", "true");
                    response.addHeader("Access-Control-Max-Age", "5");
                    response.addHeader("Access-Control-Max-Age", "6");
                    response.getWriter().print("app tried to set CORS headers");
                }))
                .servlet("/vary-set", servlet((request, response) -> {
                    response.setHeader("Vary", "Accept-Encoding");
                    response.getWriter().print("vary set by app");
                }))
                .servlet("/vary-add", servlet((request, response) -> {
                    response.addHeader("Vary", "Accept-Encoding");
                    response.addHeader("Vary", "origin");
                    response.getWriter().print("vary added by app");
                }))
                .start();
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithPolicyInCode {

        EmbeddedJetty jetty;

        @BeforeAll
        void start() {
            jetty = server(new CorsFilter(POLICY));
        }

        @AfterAll
        void stop() {
            jetty.close();
        }

        HttpResponse<String> send(String method, String path, String... headers) {
            return Http.send(method, jetty.uri().resolve(path), headers);
        }

        @Test
        void allowedPreflightIsAnsweredByTheFilterAlone() {
            int before = APP_CALLS.get();
            HttpResponse<String> response = send("OPTIONS", "/ok", "Origin", APP,
                    "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "content-type,x-request-id");

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
            assertThat(header(response, "Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(header(response, "Access-Control-Allow-Credentials")).containsExactly("true");
            assertThat(header(response, "Access-Control-Allow-Methods")).containsExactly("PUT");
            assertThat(header(response, "Access-Control-Allow-Headers")).containsExactly("content-type,x-request-id");
            assertThat(header(response, "Access-Control-Max-Age")).containsExactly("600");
            assertThat(header(response, "Access-Control-Expose-Headers")).isEmpty();
            assertThat(varyNames(response)).containsExactly("origin", "access-control-request-method",
                    "access-control-request-headers");
            assertThat(APP_CALLS.get()).isEqualTo(before);
        }

        @Test
        void preflightFromSubdomainPatternAndLocalhostPortPasses() {
            assertThat(header(send("OPTIONS", "/ok", "Origin", PREVIEW, "Access-Control-Request-Method", "DELETE"),
                    "Access-Control-Allow-Origin")).containsExactly(PREVIEW);
            assertThat(header(send("OPTIONS", "/ok", "Origin", "http://localhost:5173",
                    "Access-Control-Request-Method", "DELETE"), "Access-Control-Allow-Origin"))
                    .containsExactly("http://localhost:5173");
        }

        @ParameterizedTest
        @ValueSource(strings = {"origin", "method", "lower-case method", "one header of three", "empty method",
                "malformed headers", "two origins"})
        void refusedPreflightIs403WithoutAnyCorsHeaderAndNeverReachesTheApp(String failure) {
            String origin = failure.equals("origin") ? EVIL : APP;
            String method = switch (failure) {
                case "method" -> "PATCH";
                case "lower-case method" -> "put";
                case "empty method" -> "";
                default -> "PUT";
            };
            String headers = switch (failure) {
                case "one header of three" -> "content-type,x-request-id,x-trace-id";
                case "malformed headers" -> "content-type;x-request-id";
                default -> "content-type";
            };
            int before = APP_CALLS.get();
            HttpResponse<String> response = failure.equals("two origins")
                    ? send("OPTIONS", "/ok", "Origin", APP, "Origin", EVIL, "Access-Control-Request-Method", method)
                    : send("OPTIONS", "/ok", "Origin", origin, "Access-Control-Request-Method", method,
                    "Access-Control-Request-Headers", headers);

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).isEmpty();
            assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
            assertThat(varyNames(response)).contains("origin");
            assertThat(APP_CALLS.get()).isEqualTo(before);
        }

        @Test
        void optionsWithoutRequestMethodReachesTheApplication() {
            HttpResponse<String> response = send("OPTIONS", "/ok", "Origin", APP);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("app saw OPTIONS");
            assertThat(header(response, "Access-Control-Allow-Origin")).containsExactly(APP);
        }

        @Test
        void allowedActualRequestGetsExactlyOneOfEachCorsHeader() {
            HttpResponse<String> response = send("GET", "/ok", "Origin", APP);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("app saw GET");
            assertThat(header(response, "Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(header(response, "Access-Control-Allow-Credentials")).containsExactly("true");
            assertThat(header(response, "Access-Control-Expose-Headers")).containsExactly("X-Request-Id, ETag");
            assertThat(header(response, "Access-Control-Allow-Methods")).isEmpty();
            assertThat(varyNames(response)).containsExactly("origin");
        }

        @Test
        void disallowedOriginReachesTheAppWithoutCorsHeadersButWithVary() {
            HttpResponse<String> response = send("GET", "/ok", "Origin", EVIL);

            assertThat(response.body()).isEqualTo("app saw GET");
            assertThat(response.headers().map().keySet()).noneMatch(name -> name.toLowerCase().startsWith("access-control-"));
            assertThat(varyNames(response)).containsExactly("origin");
        }

        @Test
        void requestWithoutOriginIsNotCorsButVariesOnOrigin() {
            HttpResponse<String> response = send("GET", "/ok");

            assertThat(response.body()).isEqualTo("app saw GET");
            assertThat(header(response, "Access-Control-Allow-Origin")).isEmpty();
            assertThat(varyNames(response)).containsExactly("origin");
        }

        @Test
        void twoOriginLinesAreNotAnAllowedOrigin() {
            HttpResponse<String> response = send("GET", "/ok", "Origin", APP, "Origin", APP);

            assertThat(header(response, "Access-Control-Allow-Origin")).isEmpty();
        }

        @Test
        void originIsComparedExactly() {
            for (String lookalike : List.of("https://APP.example.com", "https://app.example.com:443",
                    "https://app.example.com/", "http://app.example.com", "https://app.example.com.evil.net",
                    "https://evilapp.example.com", "https://preview.example.com", "null", "")) {
                assertThat(header(send("GET", "/ok", "Origin", lookalike), "Access-Control-Allow-Origin"))
                        .as(lookalike).isEmpty();
            }
        }

        @Test
        void unauthorizedFromASecurityFilterBehindOursStillCarriesCorsHeaders() {
            HttpResponse<String> response = send("GET", "/ok?token=missing", "Origin", APP);

            assertThat(response.statusCode()).isEqualTo(401);
            assertCorsHeadersOnJettyErrorPage(response);
        }

        @Test
        void sendErrorKeepsCorsHeaders() {
            HttpResponse<String> response = send("GET", "/not-found", "Origin", APP);

            assertThat(response.statusCode()).isEqualTo(404);
            assertCorsHeadersOnJettyErrorPage(response);
        }

        @Test
        void exceptionTurnedIntoAnErrorPageKeepsCorsHeaders() {
            HttpResponse<String> response = send("GET", "/boom", "Origin", APP);

            assertThat(response.statusCode()).isEqualTo(500);
            assertCorsHeadersOnJettyErrorPage(response);
        }

        @Test
        void redirectKeepsCorsHeaders() {
            HttpResponse<String> response = send("GET", "/redirect", "Origin", APP);

            assertThat(response.statusCode()).isEqualTo(302);
            assertCorsHeaders(response);
        }

        @Test
        void earlyCommittedStreamKeepsCorsHeaders() {
            HttpResponse<String> response = send("GET", "/stream", "Origin", APP);

            assertThat(response.body()).isEqualTo("first chunk, second chunk");
            assertCorsHeaders(response);
        }

        @Test
        void asyncResponseKeepsCorsHeaders() {
            HttpResponse<String> response = send("GET", "/async", "Origin", APP);

            assertThat(response.body()).isEqualTo("async body");
            assertCorsHeaders(response);
        }

        @Test
        void resetResponseGetsCorsHeadersBack() {
            HttpResponse<String> response = send("GET", "/reset", "Origin", APP);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(header(response, "X-Partial")).isEmpty();
            assertCorsHeaders(response);
        }

        @Test
        void applicationCannotDuplicateOrOverrideCorsHeaders() {
            HttpResponse<String> response = send("GET", "/app-cors", "Origin", APP);

            assertCorsHeaders(response);
            assertThat(header(response, "Access-Control-Max-Age")).containsExactly("6");
        }

        @Test
        void varySetByTheApplicationKeepsOrigin() {
            HttpResponse<String> response = send("GET", "/vary-set", "Origin", APP);

            assertThat(varyNames(response)).containsExactlyInAnyOrder("accept-encoding", "origin");
        }

        @Test
        void varyAddedByTheApplicationIsMergedOnce() {
            HttpResponse<String> response = send("GET", "/vary-add", "Origin", APP);

            assertThat(varyNames(response)).containsExactlyInAnyOrder("accept-encoding", "origin");
        }

        @Test
        void hostileHeadersNeverBecomeA500OrReachTheResponse() {
            String huge = "a".repeat(200_000);
            for (String[] request : List.of(
                    new String[] {"GET", "Origin", huge},
                    new String[] {"OPTIONS", "Origin", APP, "Access-Control-Request-Method", huge},
                    new String[] {"OPTIONS", "Origin", APP, "Access-Control-Request-Method", "PUT",
                            "Access-Control-Request-Headers", ",".repeat(5000)},
                    new String[] {"OPTIONS", "Origin", APP, "Access-Control-Request-Method", "PUT",
                            "Access-Control-Request-Headers", "x-request-id,".repeat(1000)},
                    new String[] {"OPTIONS", "Origin", APP, "Access-Control-Request-Method", "P\u00dcT"})) {
                HttpResponse<String> response = send(request[0], "/ok",
                        java.util.Arrays.copyOfRange(request, 1, request.length));
                assertThat(response.statusCode()).as(request[0] + " " + request[1]).isIn(200, 403, 431);
                assertThat(header(response, "Access-Control-Allow-Origin")).isEmpty();
            }
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithAnyOrigin {

        EmbeddedJetty jetty;

        @BeforeAll
        void start() {
            jetty = server(new CorsFilter(CorsPolicy.builder().allowAnyOrigin().allowedHeaders("*")
                    .exposedHeaders("*").build()));
        }

        @AfterAll
        void stop() {
            jetty.close();
        }

        @Test
        void everyResponseCarriesTheWildcardAndNoVaryOnOrigin() {
            for (HttpResponse<String> response : List.of(
                    Http.send("GET", jetty.uri().resolve("/ok"), "Origin", EVIL),
                    Http.send("GET", jetty.uri().resolve("/ok")))) {
                assertThat(header(response, "Access-Control-Allow-Origin")).containsExactly("*");
                assertThat(header(response, "Access-Control-Expose-Headers")).containsExactly("*");
                assertThat(header(response, "Access-Control-Allow-Credentials")).isEmpty();
                assertThat(varyNames(response)).doesNotContain("origin");
            }
        }

        @Test
        void preflightEchoesRequestedHeadersButNeverCoversAuthorizationWithTheWildcard() {
            HttpResponse<String> allowed = Http.send("OPTIONS", jetty.uri().resolve("/ok"), "Origin", EVIL,
                    "Access-Control-Request-Method", "PATCH", "Access-Control-Request-Headers", "x-anything");
            HttpResponse<String> authorization = Http.send("OPTIONS", jetty.uri().resolve("/ok"), "Origin", EVIL,
                    "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization");

            assertThat(allowed.statusCode()).isEqualTo(403);
            assertThat(authorization.statusCode()).isEqualTo(403);
            assertThat(header(Http.send("OPTIONS", jetty.uri().resolve("/ok"), "Origin", EVIL,
                    "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "x-anything"),
                    "Access-Control-Allow-Headers")).containsExactly("x-anything");
        }
    }

    static void assertCorsHeaders(HttpResponse<String> response) {
        assertThat(header(response, "Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(header(response, "Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(header(response, "Access-Control-Expose-Headers")).containsExactly("X-Request-Id, ETag");
        assertThat(varyNames(response)).containsOnlyOnce("origin");
    }

    /**
     * Jetty's own error page removes {@code Vary} (its content no longer varies as the application's did)
     * but forbids storing the response, which keeps shared caches from reusing it for another origin.
     */
    static void assertCorsHeadersOnJettyErrorPage(HttpResponse<String> response) {
        assertThat(header(response, "Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(header(response, "Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(header(response, "Access-Control-Expose-Headers")).containsExactly("X-Request-Id, ETag");
        assertThat(varyNames(response)).doesNotHaveDuplicates();
        if (!varyNames(response).contains("origin")) {
            assertThat(String.join(",", header(response, "Cache-Control"))).contains("no-store");
        }
    }

    static List<String> header(HttpResponse<?> response, String name) {
        return response.headers().allValues(name);
    }

    /** The names listed in every Vary line, lower-cased, in order, duplicates kept. */
    static List<String> varyNames(HttpResponse<?> response) {
        return response.headers().allValues("Vary").stream()
                .flatMap(value -> java.util.Arrays.stream(value.split(",")))
                .map(name -> name.strip().toLowerCase())
                .filter(name -> !name.isEmpty())
                .toList();
    }

    /** A servlet from a lambda. */
    interface Handler {
        void handle(HttpServletRequest request, HttpServletResponse response) throws IOException;
    }

    static HttpServlet servlet(Handler handler) {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                APP_CALLS.incrementAndGet();
                handler.handle(request, response);
            }
        };
    }

    /** Answers every method with a short text naming it. */
    static final class TextServlet extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            APP_CALLS.incrementAndGet();
            response.setContentType("text/plain");
            response.getWriter().print("app saw " + request.getMethod());
        }
    }

    /** A security filter behind the CORS filter: refuses requests whose query says the token is missing. */
    static final class RequireTokenFilter implements Filter {
        @Override
        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response,
                             jakarta.servlet.FilterChain chain) throws IOException, jakarta.servlet.ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            if ("token=missing".equals(http.getQueryString())) {
                ((HttpServletResponse) response).sendError(401);
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
