package dev.corsfilter.security;

import dev.corsfilter.testing.FilterCall;
import dev.corsfilter.testing.FakeRequest;
import dev.corsfilter.testing.FakeResponse;
import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsEvaluation;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.testing.EmbeddedJetty;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.logging.JettyLevel;
import org.eclipse.jetty.logging.JettyLogger;
import org.eclipse.jetty.logging.StdErrAppender;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static dev.corsfilter.security.AttackOrigins.APP;
import static dev.corsfilter.security.AttackOrigins.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that every request header the filter reads — {@code Origin}, {@code Access-Control-Request-Method}
 * and {@code Access-Control-Request-Headers}, in one line or many — is handled safely whatever it holds:
 * empty, repeated, a mebibyte long, control bytes, non-ASCII, invalid tokens, thousands of list elements,
 * attempted header injection. The outcome is always the documented safe one: a refused pre-flight is a 403
 * without any {@code Access-Control-*} header and never reaches the application; an actual request reaches
 * the application without CORS headers; nothing throws, nothing becomes a 500, and no response header
 * carries a value that was not validated.
 *
 * <p>Each case runs through the pure core ({@code CorsPolicy.evaluate}), through {@code CorsFilter.doFilter}
 * with hand-written fakes (no container limit, so the mebibyte values really reach the filter), and, when
 * the value fits in an HTTP/1.1 header line, through the filter on embedded Jetty.
 */
class HostileRequestHeadersTest {

    static final String ORIGIN = "Origin";
    static final String ACRM = "Access-Control-Request-Method";
    static final String ACRH = "Access-Control-Request-Headers";
    static final int MIB = 1 << 20;

    /** What the filter must do with a case. */
    enum Expect {
        /** 403, no {@code Access-Control-*} header, the application is not reached. */
        PREFLIGHT_REFUSED,
        /** The pre-flight status with validated CORS headers (the hostile part was harmless). */
        PREFLIGHT_ALLOWED,
        /** The application is reached; no {@code Access-Control-*} header. */
        ACTUAL_WITHOUT_CORS
    }

    /** One hostile request and its expected outcome. */
    record Case(String label, FakeRequest request, Expect expect) {
        @Override
        public String toString() {
            return label + " -> " + expect;
        }

        /** Whether every line fits Jetty's default 8 KiB header limit and holds no line break. */
        boolean sendableOverHttp() {
            int size = 0;
            for (String[] header : request.lines()) {
                String value = header[1];
                if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || !value.strip().equals(value)) {
                    return false;
                }
                size += header[0].length() + value.length() + 4;
            }
            return size < 6_000;
        }

        /** The case as a {@code CorsRequest}, when it has at most one line of each header. */
        CorsRequest asCorsRequest() {
            List<String> origins = request.values(ORIGIN);
            List<String> methods = request.values(ACRM);
            List<String> headers = request.values(ACRH);
            if (origins.size() > 1 || methods.size() > 1 || headers.size() > 1) {
                return null;
            }
            return new CorsRequest(request.getMethod(), first(origins), first(methods), first(headers));
        }

        private static String first(List<String> values) {
            return values.isEmpty() ? null : values.get(0);
        }
    }

    static final AtomicInteger HOSTILE_REQUESTS = new AtomicInteger();

    /** Hostile forms of a legitimate value: each is not what a browser would send in its place. */
    static List<String[]> hostileForms(String legit) {
        List<String[]> forms = new ArrayList<>();
        forms.add(new String[] {"empty", ""});
        forms.add(new String[] {"one space", " "});
        forms.add(new String[] {"one tab", "\t"});
        forms.add(new String[] {"1 MiB of letters", "a".repeat(MIB)});
        forms.add(new String[] {"1 MiB of commas", ",".repeat(MIB)});
        forms.add(new String[] {"1 MiB of spaces", " ".repeat(MIB)});
        forms.add(new String[] {"1 MiB of the legitimate value", repeatTo(legit + ",", MIB)});
        forms.add(new String[] {"5,000 list elements", (legit + ",").repeat(5_000)});
        forms.add(new String[] {"10,000 empty elements", ",".repeat(10_000)});
        forms.add(new String[] {"3,000 padded empty elements", " , ".repeat(3_000)});
        forms.add(new String[] {"65 elements", String.join(",", Collections.nCopies(65, legit))});
        forms.add(new String[] {"20 empty elements around it", ",".repeat(10) + legit + ",".repeat(10)});
        for (char c = 0; c < 0x20; c++) {
            forms.add(new String[] {String.format("control U+%04X after", (int) c), legit + c});
            forms.add(new String[] {String.format("control U+%04X inside", (int) c),
                    legit.substring(0, 2) + c + legit.substring(2)});
        }
        forms.add(new String[] {"DEL after", legit + "\u007f"});
        for (String nonAscii : List.of("\u00e9", "\u00ff", "\u0100", "\ufffd", "\ud800", "\udc00",
                "\ud83d\ude00", "\u200b", "\u00a0", "\u2028")) {
            forms.add(new String[] {String.format("non-ASCII U+%04X after", (int) nonAscii.charAt(0)), legit + nonAscii});
        }
        forms.add(new String[] {"Latin-1 look-alike letter", "\u00e0" + legit.substring(1)});
        forms.add(new String[] {"header injection CRLF", legit + "\r\nSet-Cookie: injected=1"});
        forms.add(new String[] {"header injection LF", legit + "\nX-Injected: 1"});
        forms.add(new String[] {"header injection CR", legit + "\rX-Injected: 1"});
        forms.add(new String[] {"quoted", "\"" + legit + "\""});
        forms.add(new String[] {"parenthesised", "(" + legit + ")"});
        forms.add(new String[] {"with a semicolon", legit + ";x=1"});
        forms.add(new String[] {"with a slash", legit + "/1.1"});
        forms.add(new String[] {"with an inner space", legit.substring(0, 2) + " " + legit.substring(2)});
        forms.add(new String[] {"twice, space-separated", legit + " " + legit});
        return forms;
    }

    /** Built once: the mebibyte values make building them the slowest part of the suite. */
    static final List<Case> CASES = buildCases();

    static Stream<Case> cases() {
        return CASES.stream();
    }

    private static List<Case> buildCases() {
        List<Case> cases = new ArrayList<>();
        for (String[] form : hostileForms(APP)) {
            cases.add(new Case("actual request, Origin " + form[0],
                    new FakeRequest("GET").header(ORIGIN, form[1]), Expect.ACTUAL_WITHOUT_CORS));
            cases.add(new Case("pre-flight, Origin " + form[0], new FakeRequest("OPTIONS")
                    .header(ORIGIN, form[1]).header(ACRM, "PUT"), Expect.PREFLIGHT_REFUSED));
        }
        for (String[] form : hostileForms("PUT")) {
            cases.add(new Case("pre-flight, Access-Control-Request-Method " + form[0], new FakeRequest("OPTIONS")
                    .header(ORIGIN, APP).header(ACRM, form[1]), Expect.PREFLIGHT_REFUSED));
        }
        for (String method : List.of("PUT POST", "PUT,DELETE", "P\u00dcT", "put", "Put", "PATCH", "CONNECT", "TRACE",
                "TRACK", "*", "P".repeat(65), "PUT".repeat(22))) {
            cases.add(new Case("pre-flight, Access-Control-Request-Method " + AttackOrigins.LogSafe.show(method),
                    new FakeRequest("OPTIONS").header(ORIGIN, APP).header(ACRM, method), Expect.PREFLIGHT_REFUSED));
        }
        for (String[] form : hostileForms("content-type")) {
            // List syntax tolerates white space around names: a blank list, or a name and a tab, pass harmlessly.
            boolean harmless = List.of("", " ", "\t", "content-type\t").contains(form[1]);
            cases.add(new Case("pre-flight, Access-Control-Request-Headers " + form[0], new FakeRequest("OPTIONS")
                    .header(ORIGIN, APP).header(ACRM, "PUT").header(ACRH, form[1]),
                    harmless ? Expect.PREFLIGHT_ALLOWED : Expect.PREFLIGHT_REFUSED));
        }
        for (String headers : List.of("content-type;x-request-id", "content-type x-request-id", "content-type:1",
                "content-type,x-request-id,x-evil", "authorization", "*", "cookie", "content-type,,(x)")) {
            cases.add(new Case("pre-flight, Access-Control-Request-Headers " + headers, new FakeRequest("OPTIONS")
                    .header(ORIGIN, APP).header(ACRM, "PUT").header(ACRH, headers), Expect.PREFLIGHT_REFUSED));
        }
        cases.addAll(repeatedLines());
        return List.copyOf(cases);
    }

    static List<Case> repeatedLines() {
        List<Case> cases = new ArrayList<>();
        String evil = "https://evil.example.net";
        for (List<String> origins : List.of(List.of(APP, APP), List.of(APP, evil), List.of(evil, APP), List.of(APP, ""),
                List.of("", APP), Collections.nCopies(1_000, APP))) {
            FakeRequest actual = new FakeRequest("GET");
            FakeRequest preflight = new FakeRequest("OPTIONS").header(ACRM, "PUT");
            origins.forEach(origin -> {
                actual.header(ORIGIN, origin);
                preflight.header(ORIGIN, origin);
            });
            String label = origins.size() + " Origin lines " + (origins.size() > 5 ? "" : origins);
            cases.add(new Case("actual request, " + label, actual, Expect.ACTUAL_WITHOUT_CORS));
            cases.add(new Case("pre-flight, " + label, preflight, Expect.PREFLIGHT_REFUSED));
        }
        FakeRequest split = new FakeRequest("OPTIONS").header(ORIGIN, APP).header(ACRM, "PUT")
                .header(ACRH, "content-type").header(ACRH, "x-request-id");
        cases.add(new Case("pre-flight, list split over two lines", split, Expect.PREFLIGHT_ALLOWED));
        FakeRequest emptyLines = new FakeRequest("OPTIONS").header(ORIGIN, APP).header(ACRM, "PUT")
                .header(ACRH, "").header(ACRH, "");
        cases.add(new Case("pre-flight, two empty list lines", emptyLines, Expect.PREFLIGHT_ALLOWED));
        FakeRequest oneBadLine = new FakeRequest("OPTIONS").header(ORIGIN, APP).header(ACRM, "PUT")
                .header(ACRH, "content-type").header(ACRH, "x-evil");
        cases.add(new Case("pre-flight, second list line not allowed", oneBadLine, Expect.PREFLIGHT_REFUSED));
        FakeRequest manyLines = new FakeRequest("OPTIONS").header(ORIGIN, APP).header(ACRM, "PUT");
        for (int i = 0; i < 5_000; i++) {
            manyLines.header(ACRH, "content-type");
        }
        cases.add(new Case("pre-flight, 5,000 list lines", manyLines, Expect.PREFLIGHT_REFUSED));
        FakeRequest manyEmptyLines = new FakeRequest("OPTIONS").header(ORIGIN, APP).header(ACRM, "PUT");
        for (int i = 0; i < 5_000; i++) {
            manyEmptyLines.header(ACRH, "");
        }
        cases.add(new Case("pre-flight, 5,000 empty list lines", manyEmptyLines, Expect.PREFLIGHT_REFUSED));
        return cases;
    }

    static Stream<Case> casesSendableOverHttp() {
        return cases().filter(Case::sendableOverHttp);
    }

    static final CorsFilter FILTER = new CorsFilter(POLICY);

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFilterCalledDirectlyGivesTheSafeOutcome(Case hostile) {
        FilterCall exchange = FilterCall.run(FILTER, hostile.request(), (request, response) -> response.setStatus(200));
        HOSTILE_REQUESTS.incrementAndGet();

        assertThat(exchange.thrown()).as("thrown").isNull();
        FakeResponse response = exchange.response();
        switch (hostile.expect()) {
            case PREFLIGHT_REFUSED -> {
                assertThat(response.getStatus()).isEqualTo(403);
                assertThat(response.corsHeaderNames()).isEmpty();
                assertThat(exchange.reachedApplication()).isFalse();
            }
            case PREFLIGHT_ALLOWED -> {
                assertThat(response.getStatus()).isEqualTo(204);
                assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
                assertThat(response.values("Access-Control-Allow-Methods")).containsExactly("PUT");
                assertThat(exchange.reachedApplication()).isFalse();
            }
            case ACTUAL_WITHOUT_CORS -> {
                assertThat(response.corsHeaderNames()).isEmpty();
                assertThat(exchange.reachedApplication()).isTrue();
            }
        }
        assertThat(response.varyNames()).containsOnlyOnce("origin");
        assertEveryValueIsSafe(response.everyValueWritten());
        assertThat(response.corsHeaderNames()).doesNotHaveDuplicates();
    }

    /** The cases a {@code CorsRequest} can express: repeated header lines exist only in HTTP. */
    static Stream<Case> casesWithOneLineOfEachHeader() {
        return cases().filter(hostile -> hostile.asCorsRequest() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesWithOneLineOfEachHeader")
    void thePureCoreGivesTheSameOutcomeAndAReasonSafeToLog(Case hostile) {
        CorsRequest request = hostile.asCorsRequest();

        CorsEvaluation evaluation = POLICY.evaluate(request);
        HOSTILE_REQUESTS.incrementAndGet();

        switch (hostile.expect()) {
            case PREFLIGHT_REFUSED -> {
                assertThat(evaluation.status()).hasValue(403);
                assertThat(evaluation.allowed()).isFalse();
            }
            case PREFLIGHT_ALLOWED -> assertThat(evaluation.decision()).isEqualTo(CorsDecision.PREFLIGHT_ALLOWED);
            case ACTUAL_WITHOUT_CORS -> assertThat(evaluation.decision()).isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
        }
        if (!evaluation.allowed()) {
            assertThat(evaluation.headers().keySet()).noneMatch(name -> name.startsWith("Access-Control-"));
        }
        assertEveryValueIsSafe(evaluation.headers().values());
        assertThat(evaluation.reason()).as("the reason goes to logs").hasSizeLessThan(1_000)
                .doesNotContainPattern("[\\x00-\\x1f\\x7f]");
    }

    /** The same requests over real HTTP, byte for byte, to a filter on embedded Jetty. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class ThroughTheFilterOnJetty {

        EmbeddedJetty jetty;
        final AtomicInteger applicationCalls = new AtomicInteger();

        @BeforeAll
        void start() {
            jetty = new EmbeddedJetty().filter(new CorsFilter(POLICY)).servlet("/*", new HttpServlet() {
                @Override
                protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                    applicationCalls.incrementAndGet();
                    response.getWriter().print("application");
                }
            }).start();
        }

        @AfterAll
        void stop() {
            jetty.close();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.corsfilter.security.HostileRequestHeadersTest#casesSendableOverHttp")
        void theFilterOnJettyGivesTheSafeOutcome(Case hostile) {
            List<String> headers = new ArrayList<>();
            hostile.request().lines().forEach(header -> headers.addAll(List.of(header)));
            int callsBefore = applicationCalls.get();

            RawHttp.Response response = RawHttp.send(jetty.port(), hostile.request().getMethod(), "/items",
                    headers.toArray(String[]::new));
            HOSTILE_REQUESTS.incrementAndGet();

            assertThat(response.status()).as("status").isLessThan(500);
            if (response.status() == 400) {
                // Jetty refused the bytes before any filter ran: safe, and no CORS header.
                assertThat(response.corsHeaderNames()).isEmpty();
                return;
            }
            switch (hostile.expect()) {
                case PREFLIGHT_REFUSED -> {
                    assertThat(response.status()).isEqualTo(403);
                    assertThat(response.corsHeaderNames()).isEmpty();
                    assertThat(applicationCalls.get()).isEqualTo(callsBefore);
                }
                case PREFLIGHT_ALLOWED -> {
                    assertThat(response.status()).isEqualTo(204);
                    assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
                }
                case ACTUAL_WITHOUT_CORS -> {
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.corsHeaderNames()).isEmpty();
                    assertThat(response.body()).contains("application");
                }
            }
            assertThat(response.varyNames()).containsOnlyOnce("origin");
            assertEveryValueIsSafe(response.headers().stream().map(header -> header[1]).toList());
        }

        @Test
        void headersBeyondJettysLimitAreRefusedBeforeTheFilterWithoutA500() {
            for (String[] headers : List.of(new String[] {ORIGIN, "a".repeat(MIB)},
                    new String[] {ORIGIN, APP, ACRM, "PUT", ACRH, "content-type,".repeat(20_000)},
                    new String[] {ORIGIN, APP, ACRM, "P".repeat(100_000)})) {
                RawHttp.Response response = RawHttp.send(jetty.port(), "OPTIONS", "/items", headers);
                HOSTILE_REQUESTS.incrementAndGet();
                // 431, or a connection Jetty closed while the client was still writing the oversized head.
                assertThat(response.status()).isIn(431, RawHttp.CLOSED);
                assertThat(response.corsHeaderNames()).isEmpty();
            }
        }
    }

    /**
     * Debug mode answers refused pre-flights with the headers of the checks that passed and puts the reason
     * in {@code X-CORS-Debug}: the same cases with debug mode, Timing-Allow-Origin and Private Network
     * Access on, to prove that even then only validated values are echoed and the reason stays a short,
     * printable line.
     */
    @Nested
    class InDebugModeWithEveryOptionalHeader {

        final CorsFilter debugFilter = new CorsFilter(CorsPolicy.builder()
                .allowedOrigins(POLICY.allowedOrigins()).allowedMethods(POLICY.allowedMethods())
                .allowedHeaders(POLICY.allowedHeaders()).exposedHeaders(POLICY.exposedHeaders())
                .allowCredentials(true).debugMode(true).timingAllowOrigin(true).allowPrivateNetwork(true).build());

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.corsfilter.security.HostileRequestHeadersTest#cases")
        void onlyValidatedValuesAreEchoedAndTheReasonIsAShortPrintableLine(Case hostile) {
            FakeRequest request = new FakeRequest(hostile.request().getMethod());
            hostile.request().lines().forEach(header -> request.header(header[0], header[1]));
            request.header("Access-Control-Request-Private-Network", "true");
            FilterCall exchange = FilterCall.run(debugFilter, request);
            HOSTILE_REQUESTS.incrementAndGet();

            assertThat(exchange.thrown()).isNull();
            FakeResponse response = exchange.response();
            response.lines().stream().filter(header -> !header[0].equals("X-CORS-Debug"))
                    .forEach(header -> assertEveryValueIsSafe(List.of(header[1])));
            assertThat(response.values("X-CORS-Debug")).allSatisfy(reason ->
                    assertThat(reason).doesNotContainPattern("[\\x00-\\x1f\\x7f]"));
            assertThat(response.values("Access-Control-Allow-Origin")).isSubsetOf(APP);
            assertThat(response.values("Timing-Allow-Origin")).isSubsetOf(APP);
            assertThat(response.values("Access-Control-Allow-Methods")).isSubsetOf("PUT");
            assertThat(response.values("Access-Control-Allow-Headers")).allMatch(list -> list.matches(
                    "(content-type|x-request-id)(,(content-type|x-request-id))*"));
            assertThat(response.corsHeaderNames()).doesNotHaveDuplicates();
            if (hostile.expect() == Expect.PREFLIGHT_REFUSED) {
                assertThat(response.values("Access-Control-Allow-Private-Network")).isEmpty();
                assertThat(response.values("X-CORS-Debug")).singleElement().asString().hasSizeLessThan(1_000);
                assertThat(exchange.reachedApplication()).isFalse();
            }
        }
    }

    /**
     * {@code LogText.quote} cuts values after 128 characters and marks the cut with U+2026 (…). That is fine
     * in a log line, but the same text becomes the {@code X-CORS-Debug} response header, whose value
     * containers write as ISO-8859-1: Jetty 12 replaces the character with a space, other containers with
     * {@code ?} or its low byte ({@code &}). Nothing breaks and no line can be injected, but the filter
     * should not hand a container a header value it cannot write.
     */
    @Test
    void theDebugReasonIsAsciiEvenWhenItQuotesALongValue() {
        CorsFilter debugFilter = new CorsFilter(CorsPolicy.builder().allowedOrigins(APP).debugMode(true).build());
        for (FakeRequest request : List.of(
                new FakeRequest("GET").header(ORIGIN, "https://" + "a".repeat(300) + ".example.com"),
                new FakeRequest("OPTIONS").header(ORIGIN, APP).header(ACRM, "P".repeat(200)))) {
            FakeResponse response = FilterCall.run(debugFilter, request).response();

            assertThat(response.values("X-CORS-Debug")).singleElement().asString().matches("[\\x20-\\x7e]+");
        }
    }

    /** The refusal reasons are only logged at debug level: the same cases with debug logging on. */
    @Nested
    class WithDebugLogging {

        @Test
        void theDebugLogPathHandlesEveryCaseWithoutThrowing() {
            JettyLogger logger = (JettyLogger) LoggerFactory.getLogger(CorsFilter.class);
            JettyLevel level = logger.getLevel();
            StdErrAppender appender = (StdErrAppender) logger.getAppender();
            PrintStream stream = appender.getStream();
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            logger.setLevel(JettyLevel.DEBUG);
            appender.setStream(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                cases().forEach(hostile -> {
                    FilterCall exchange = FilterCall.run(FILTER, hostile.request());
                    HOSTILE_REQUESTS.incrementAndGet();
                    assertThat(exchange.thrown()).as(hostile.label()).isNull();
                });
            } finally {
                appender.setStream(stream);
                logger.setLevel(level);
            }
            String log = captured.toString(StandardCharsets.UTF_8);
            assertThat(log).contains("CORS pre-flight for").contains("no CORS headers");
            assertThat(log.lines().mapToInt(String::length).max().orElse(0)).as("longest log line").isLessThan(2_000);
        }
    }

    /**
     * Browsers send exactly one {@code Access-Control-Request-Method} line. Two lines make the field value
     * {@code PUT, CONNECT} (RFC 9110 section 5.3), which is not a method, but the filter reads only the first
     * line and lets the pre-flight pass. No browser can be made to send this, so nothing is exposed, but it
     * is not the documented safe outcome, and it differs from repeated {@code Origin} lines, which are refused.
     */
    @Test
    void aRepeatedRequestMethodLineIsRefused() {
        for (List<String> methods : List.of(List.of("PUT", "CONNECT"), List.of("PUT", "PUT"), List.of("PUT", ""))) {
            FakeRequest request = new FakeRequest("OPTIONS").header(ORIGIN, APP);
            methods.forEach(method -> request.header(ACRM, method));

            FilterCall exchange = FilterCall.run(FILTER, request);

            assertThat(exchange.response().getStatus()).as(methods.toString()).isEqualTo(403);
            assertThat(exchange.response().corsHeaderNames()).isEmpty();
        }
    }

    @AfterAll
    static void report() {
        System.out.printf("hostile requests tried: %d (%d cases)%n", HOSTILE_REQUESTS.get(), CASES.size());
    }

    /** No value may break a header line or carry anything but visible ASCII, space and tab, nor be huge. */
    static void assertEveryValueIsSafe(Iterable<String> values) {
        for (String value : values) {
            assertThat(value).as("header value").doesNotContainPattern("[^\\x20-\\x7e\\t]").hasSizeLessThanOrEqualTo(4096);
        }
    }

    private static String repeatTo(String unit, int length) {
        StringBuilder out = new StringBuilder(length + unit.length());
        while (out.length() < length) {
            out.append(unit);
        }
        return out.toString();
    }
}
