package dev.corsfilter.security;

import dev.corsfilter.testing.FilterCall;
import dev.corsfilter.testing.FakeRequest;
import dev.corsfilter.testing.FakeResponse;
import dev.corsfilter.CorsEvaluation;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.internal.HttpToken;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves invariants of every response the filter writes, for generated valid policies and generated
 * requests (allowed, near-miss and hostile origins; real, wrong and junk methods; header lists of allowed,
 * refused, wildcard-looking and junk names): nothing throws; {@code *} never goes out with credentials
 * and never for an origin the policy does not open to all; no CORS header appears twice; no header value
 * holds a line break or anything but visible ASCII; every echoed value was validated; a refused pre-flight
 * carries no CORS header; {@code Vary} names {@code Origin} exactly once whenever the answer depends on the
 * origin; and the filter writes exactly what {@code CorsPolicy.evaluate} says it writes.
 */
class ResponseInvariantsTest {

    static final AtomicLong CHECKS = new AtomicLong();

    static final List<String> ORIGIN_POOL = List.of("https://app.example.com", "https://*.preview.example.com",
            "https://*.example.org:*", "http://localhost:*", "https://admin.example.com:8443");

    /** A generated valid policy. */
    @Provide
    Arbitrary<CorsPolicy> policies() {
        Arbitrary<List<String>> origins = Arbitraries.of(ORIGIN_POOL).list().ofMinSize(1).ofMaxSize(5).uniqueElements();
        Arbitrary<List<String>> methods = Arbitraries.of("PUT", "DELETE", "PATCH", "*", "propfind", "X-CUSTOM")
                .list().ofMaxSize(4).uniqueElements();
        Arbitrary<List<String>> headers = Arbitraries.of("Content-Type", "X-Request-Id", "Authorization", "*", "x-custom")
                .list().ofMaxSize(4).uniqueElements();
        Arbitrary<List<String>> exposed = Arbitraries.of("X-Request-Id", "ETag", "*").list().ofMaxSize(3).uniqueElements();
        return Combinators.combine(Arbitraries.of("listed", "any", "listed+null"), origins, methods, headers, exposed,
                Arbitraries.of(false, true), Arbitraries.of(-1, 0, 5, 600, 86_400), Arbitraries.of(204, 200))
                .as((kind, o, m, h, e, credentials, maxAge, status) -> {
                    boolean any = kind.equals("any");
                    boolean withCredentials = credentials && kind.equals("listed");
                    CorsPolicy.Builder builder = CorsPolicy.builder().allowedMethods(m).allowedHeaders(h)
                            .exposedHeaders(withCredentials ? e.stream().filter(name -> !name.equals("*")).toList() : e)
                            .allowCredentials(withCredentials).preflightStatus(status);
                    if (any) {
                        builder.allowAnyOrigin();
                    } else {
                        builder.allowedOrigins(o);
                    }
                    if (kind.equals("listed+null")) {
                        builder.allowNullOrigin();
                    }
                    if (maxAge >= 0) {
                        builder.maxAge(Duration.ofSeconds(maxAge));
                    }
                    return builder.build();
                });
    }

    /** A generated request: method, one or two Origin lines, and pre-flight headers. */
    record Request(String method, List<String> origins, String requestMethod, String requestHeaders,
                   String privateNetwork) {

        Request(String method, List<String> origins, String requestMethod, String requestHeaders) {
            this(method, origins, requestMethod, requestHeaders, null);
        }

        Request withPrivateNetwork(String value) {
            return new Request(method, origins, requestMethod, requestHeaders, value);
        }

        FakeRequest fake() {
            FakeRequest fake = new FakeRequest(method);
            origins.forEach(origin -> fake.header("Origin", origin));
            if (requestMethod != null) {
                fake.header("Access-Control-Request-Method", requestMethod);
            }
            if (requestHeaders != null) {
                fake.header("Access-Control-Request-Headers", requestHeaders);
            }
            if (privateNetwork != null) {
                fake.header("Access-Control-Request-Private-Network", privateNetwork);
            }
            return fake;
        }

        CorsRequest corsRequest() {
            return new CorsRequest(method, origins.isEmpty() ? null : origins.get(0), requestMethod, requestHeaders);
        }

        @Override
        public String toString() {
            return method + " origins=" + origins.stream().map(AttackOrigins.LogSafe::show).toList() + " acrm="
                    + (requestMethod == null ? null : AttackOrigins.LogSafe.show(requestMethod)) + " acrh="
                    + (requestHeaders == null ? null : AttackOrigins.LogSafe.show(requestHeaders));
        }
    }

    @Provide
    Arbitrary<Request> requests() {
        List<String> attackValues = AttackOrigins.all().stream().map(AttackOrigins.Attack::origin)
                .filter(origin -> origin.length() < 2_000).toList();
        Arbitrary<String> origin = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of("https://app.example.com", "https://pr-1.preview.example.com",
                        "https://x.example.org:8443", "http://localhost:5173", "https://admin.example.com:8443", "null")),
                Tuple.of(3, Arbitraries.of(attackValues)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(40)));
        Arbitrary<List<String>> origins = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(List.<String>of())),
                Tuple.of(12, origin.map(List::of)),
                Tuple.of(1, origin.list().ofSize(2)));
        Arbitrary<String> requestMethod = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just((String) null)),
                Tuple.of(6, Arbitraries.of("PUT", "DELETE", "PATCH", "GET", "POST", "propfind", "X-CUSTOM", "patch", "*",
                        "CONNECT", "trace", "", " ", "PUT ", "P\u00dcT", "PUT\r\nX: y", "M".repeat(65))),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.of("content-type", "x-request-id", "authorization", "x-custom", "X-Request-ID",
                        "x-evil", "*", "cookie")),
                Tuple.of(1, Arbitraries.strings().withChars("abcXYZ-_*!#$%&'+.^`|~ \t;:\"(),\r\n\u00e9\u0000")
                        .ofMaxLength(8)));
        Arbitrary<String> requestHeaders = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just((String) null)),
                Tuple.of(6, Combinators.combine(name.list().ofMaxSize(4), Arbitraries.of(",", ", ", " ,", ",,", ",\t"))
                        .as((names, separator) -> String.join(separator, names))),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(30)));
        Arbitrary<Request> any = Combinators.combine(
                Arbitraries.of("OPTIONS", "OPTIONS", "OPTIONS", "GET", "POST", "PUT", "options"),
                origins, requestMethod, requestHeaders).as(Request::new);
        // Pre-flights a browser would send for the policy's own origins, so that allowed answers are common too.
        Arbitrary<Request> friendly = Combinators.combine(
                Arbitraries.of("https://app.example.com", "https://pr-1.preview.example.com", "http://localhost:5173"),
                Arbitraries.of("GET", "POST", "PUT", "DELETE"),
                Arbitraries.of("", "content-type", "x-request-id", "content-type,x-request-id", "authorization"))
                .as((allowedOrigin, method, headers) -> new Request("OPTIONS", List.of(allowedOrigin), method,
                        headers.isEmpty() ? null : headers));
        return Arbitraries.frequencyOf(Tuple.of(3, any), Tuple.of(1, friendly));
    }

    @Property(tries = 5_000)
    void everyResponseKeepsTheInvariants(@ForAll("policies") CorsPolicy policy, @ForAll("requests") Request request) {
        FilterCall exchange = FilterCall.run(new CorsFilter(policy), request.fake(),
                (req, res) -> res.setStatus(200));
        FakeResponse response = exchange.response();
        CHECKS.incrementAndGet();

        assertThat(exchange.thrown()).isNull();
        assertThat(response.corsHeaderNames()).as("no CORS header twice").doesNotHaveDuplicates();
        assertThat(response.values("Vary")).as("one Vary line").hasSizeLessThanOrEqualTo(1);
        for (String value : response.everyValueWritten()) {
            assertThat(value).as("header value").doesNotContainPattern("[^\\x20-\\x7e]");
        }
        String allowOrigin = single(response, "Access-Control-Allow-Origin");
        if (allowOrigin != null) {
            if (policy.allowsAnyOrigin()) {
                assertThat(allowOrigin).isEqualTo("*");
            } else {
                assertThat(allowOrigin).isEqualTo(request.origins().get(0)).isNotEqualTo("*");
                assertThat(request.origins()).hasSize(1);
            }
        }
        if (policy.allowsCredentials()) {
            assertThat(allowOrigin).isNotEqualTo("*");
            assertThat(single(response, "Access-Control-Expose-Headers")).isNotEqualTo("*");
            assertThat(single(response, "Access-Control-Allow-Credentials")).isEqualTo(allowOrigin == null ? null : "true");
        } else {
            assertThat(response.values("Access-Control-Allow-Credentials")).isEmpty();
        }
        long originsInVary = response.varyNames().stream().filter("origin"::equals).count();
        assertThat(originsInVary).as("Origin in Vary").isEqualTo(policy.allowsAnyOrigin() ? 0 : 1);

        boolean preflight = request.method().equals("OPTIONS") && !request.origins().isEmpty()
                && request.requestMethod() != null;
        if (preflight) {
            assertThat(exchange.reachedApplication()).as("a pre-flight never reaches the application").isFalse();
            if (allowOrigin == null) {
                assertThat(response.getStatus()).isEqualTo(403);
                assertThat(response.corsHeaderNames()).isEmpty();
            } else {
                assertThat(response.getStatus()).isEqualTo(policy.preflightStatus());
                assertThat(single(response, "Access-Control-Allow-Methods")).isEqualTo(request.requestMethod());
                assertThat(HttpToken.isToken(request.requestMethod())).isTrue();
                String allowHeaders = single(response, "Access-Control-Allow-Headers");
                if (allowHeaders != null) {
                    for (String header : allowHeaders.split(",", -1)) {
                        assertThat(HttpToken.isToken(header)).as("echoed header name %s", header).isTrue();
                        assertThat(allowed(policy, header)).as("echoed header name %s", header).isTrue();
                    }
                }
            }
        } else {
            assertThat(exchange.reachedApplication()).isTrue();
            assertThat(response.values("Access-Control-Allow-Methods")).isEmpty();
            assertThat(response.values("Access-Control-Allow-Headers")).isEmpty();
        }
        Statistics.label("outcome").collect(preflight ? (allowOrigin == null ? "pre-flight refused" : "pre-flight allowed")
                : (allowOrigin == null ? "actual, no CORS headers" : "actual, CORS headers"));
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("pre-flight allowed").percentage((Double share) -> share > 3.0);
            coverage.check("actual, CORS headers").percentage((Double share) -> share > 3.0);
        });
    }

    @Property(tries = 3_000)
    void theFilterWritesExactlyWhatEvaluateExplains(@ForAll("policies") CorsPolicy policy,
                                                    @ForAll("requests") Request request) {
        net.jqwik.api.Assume.that(request.origins().size() <= 1);
        FakeResponse response = FilterCall.run(new CorsFilter(policy), request.fake()).response();
        CorsEvaluation evaluation = policy.evaluate(request.corsRequest());
        CHECKS.incrementAndGet();

        Map<String, String> written = new TreeMap<>();
        response.lines().forEach(header -> written.put(header[0].toLowerCase(Locale.ROOT), header[1]));
        Map<String, String> explained = new TreeMap<>();
        evaluation.headers().forEach((name, value) -> explained.put(name.toLowerCase(Locale.ROOT), value));
        assertThat(written).isEqualTo(explained);
        if (evaluation.status().isPresent()) {
            assertThat(response.getStatus()).isEqualTo(evaluation.status().getAsInt());
        }
    }

    /** Applications that touch the CORS headers or {@code Vary} of an allowed response cannot break them. */
    @Property(tries = 2_000)
    void anAllowedResponseKeepsItsCorsHeadersWhateverTheApplicationDoes(
            @ForAll("policies") CorsPolicy policy, @ForAll("applicationSteps") List<String> steps) {
        String origin = "https://app.example.com";
        net.jqwik.api.Assume.that(policy.allowsAnyOrigin() || policy.allowedOrigins().contains(origin));
        FakeResponse response = FilterCall.run(new CorsFilter(policy),
                new FakeRequest("GET").header("Origin", origin), (req, res) -> {
                    for (String step : steps) {
                        switch (step) {
                            case "set Vary" -> res.setHeader("Vary", "Accept-Encoding");
                            case "add Vary" -> res.addHeader("Vary", "origin");
                            case "null Vary" -> res.setHeader("Vary", null);
                            case "set ACAO" -> res.setHeader("Access-Control-Allow-Origin", "https://evil.example");
                            case "add ACAO" -> res.addHeader("Access-Control-Allow-Origin", "*");
                            case "add ACAC" -> res.addHeader("Access-Control-Allow-Credentials", "true");
                            case "add max age" -> res.addHeader("Access-Control-Max-Age", "5");
                            case "reset" -> res.reset();
                            default -> res.addHeader("X-Other", step);
                        }
                    }
                }).response();
        CHECKS.incrementAndGet();

        assertThat(response.values("Access-Control-Allow-Origin"))
                .containsExactly(policy.allowsAnyOrigin() ? "*" : origin);
        assertThat(response.corsHeaderNames()).doesNotHaveDuplicates();
        if (policy.allowsCredentials()) {
            assertThat(response.values("Access-Control-Allow-Credentials")).containsExactly("true");
        }
        if (!policy.allowsAnyOrigin()) {
            assertThat(response.varyNames().stream().filter("origin"::equals).count()).isEqualTo(1);
        }
    }

    @Provide
    Arbitrary<List<String>> applicationSteps() {
        return Arbitraries.of("set Vary", "add Vary", "null Vary", "set ACAO", "add ACAO", "add ACAC", "add max age",
                "reset", "other").list().ofMaxSize(5);
    }

    /** The same policy with debug mode, Timing-Allow-Origin and Private Network Access switched as given. */
    static CorsPolicy withOptions(CorsPolicy policy, boolean debug, boolean timing, boolean privateNetwork) {
        CorsPolicy.Builder builder = CorsPolicy.builder().allowedMethods(policy.allowedMethods())
                .allowedHeaders(policy.allowedHeaders()).exposedHeaders(policy.exposedHeaders())
                .allowCredentials(policy.allowsCredentials()).preflightStatus(policy.preflightStatus())
                .debugMode(debug).timingAllowOrigin(timing).allowPrivateNetwork(privateNetwork);
        if (policy.allowsAnyOrigin()) {
            builder.allowAnyOrigin();
        } else {
            builder.allowedOrigins(policy.allowedOrigins());
        }
        if (policy.allowsNullOrigin()) {
            builder.allowNullOrigin();
        }
        policy.maxAge().ifPresent(builder::maxAge);
        return builder.build();
    }

    @Property(tries = 3_000)
    void optionalHeadersOnlyFollowAnAllowedDecision(@ForAll("policies") CorsPolicy base, @ForAll boolean debug,
                                                    @ForAll boolean timing, @ForAll boolean privateNetwork,
                                                    @ForAll("requests") Request generated,
                                                    @ForAll("privateNetworkValues") String privateNetworkValue) {
        CorsPolicy policy = withOptions(base, debug, timing, privateNetwork);
        Request request = generated.withPrivateNetwork(privateNetworkValue);
        FilterCall exchange = FilterCall.run(new CorsFilter(policy), request.fake());
        FakeResponse response = exchange.response();
        CHECKS.incrementAndGet();

        assertThat(exchange.thrown()).isNull();
        assertThat(response.corsHeaderNames()).doesNotHaveDuplicates();
        for (String[] header : response.lines()) {
            assertThat(header[1]).as(header[0]).doesNotContainPattern(header[0].equals("X-CORS-Debug")
                    ? "[\\x00-\\x1f\\x7f]" : "[^\\x20-\\x7e]");
        }
        String allowOrigin = single(response, "Access-Control-Allow-Origin");
        String reason = single(response, "X-CORS-Debug");
        if (reason != null) {
            assertThat(policy.debugMode()).as("X-CORS-Debug only in debug mode").isTrue();
        }
        String timingOrigin = single(response, "Timing-Allow-Origin");
        if (timingOrigin != null) {
            assertThat(policy.sendsTimingAllowOrigin()).isTrue();
            assertThat(timingOrigin).isEqualTo(allowOrigin);
        }
        if (policy.allowsCredentials()) {
            assertThat(allowOrigin).isNotEqualTo("*");
        }
        boolean preflight = request.method().equals("OPTIONS") && !request.origins().isEmpty()
                && request.requestMethod() != null;
        if (single(response, "Access-Control-Allow-Private-Network") != null) {
            assertThat(policy.allowsPrivateNetwork()).isTrue();
            assertThat(request.privateNetwork()).isEqualTo("true");
            assertThat(preflight).isTrue();
            assertThat(reason).as("only on an allowed pre-flight").isNull();
            assertThat(response.getStatus()).isEqualTo(policy.preflightStatus());
        }
        if (preflight && reason != null) {
            assertThat(response.getStatus()).as("debug mode answers a refusal like a success").isEqualTo(policy.preflightStatus());
            assertThat(response.values("Access-Control-Max-Age")).isEmpty();
        }
        if (preflight && !policy.debugMode() && allowOrigin == null) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.corsHeaderNames()).isEmpty();
        }
        Statistics.label("optional header").collect(reason != null ? "X-CORS-Debug"
                : response.values("Access-Control-Allow-Private-Network").isEmpty()
                ? (timingOrigin != null ? "Timing-Allow-Origin" : "none") : "Access-Control-Allow-Private-Network");
        Statistics.label("optional header").coverage(coverage -> {
            coverage.check("X-CORS-Debug").count((Integer count) -> count > 0);
            coverage.check("Timing-Allow-Origin").count((Integer count) -> count > 0);
            coverage.check("Access-Control-Allow-Private-Network").count((Integer count) -> count > 0);
        });
    }

    @Provide
    Arbitrary<String> privateNetworkValues() {
        return Arbitraries.of("true", "TRUE", "false", "true ", "", "1").injectNull(0.3);
    }

    /** Whether a header name echoed in a pre-flight answer is one the policy allows. */
    static boolean allowed(CorsPolicy policy, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return policy.allowedHeaders().contains(lower)
                || (policy.allowedHeaders().contains("*") && !lower.equals("authorization"));
    }

    static String single(FakeResponse response, String name) {
        List<String> values = new ArrayList<>(response.values(name));
        assertThat(values).as(name).hasSizeLessThanOrEqualTo(1);
        return values.isEmpty() ? null : values.get(0);
    }

    @AfterContainer
    static void report() {
        System.out.printf("response invariants: %d checks%n", CHECKS.get());
    }
}
