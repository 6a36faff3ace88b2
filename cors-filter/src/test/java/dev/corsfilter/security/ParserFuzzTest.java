package dev.corsfilter.security;

import dev.corsfilter.testing.FilterCall;
import dev.corsfilter.testing.FakeRequest;
import dev.corsfilter.CorsEvaluation;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.PolicyProblem;
import dev.corsfilter.internal.AsciiSet;
import dev.corsfilter.internal.OriginMatcher;
import dev.corsfilter.internal.OriginPattern;
import dev.corsfilter.internal.RequestHeaderList;
import dev.corsfilter.internal.RequestHeaderList.Verdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded fuzzing pass over the code that reads request values — {@link RequestHeaderList#check},
 * {@link OriginMatcher#matches}, {@code CorsPolicy.evaluate} and {@code CorsFilter.doFilter} — and over the
 * configuration parser, with random strings of every kind (any UTF-16 unit including lone surrogates,
 * random bytes read as ISO-8859-1, and strings dense in the characters the grammars care about). Beyond
 * "never throws", each target is checked against a property: the header-list check agrees exactly with a
 * split-based reference implementation, an allowed origin is always printable ASCII, every response
 * header value is printable, and configuration errors are always reported as problems, never as crashes.
 * The budget is a fixed number of tries per target, so it runs in CI on every build.
 */
class ParserFuzzTest {

    static final AtomicLong EXECUTIONS = new AtomicLong();

    static final Set<String> ALLOWED_NAMES = Set.of("content-type", "x-request-id", "authorization");
    static final AsciiSet ALLOWED_SET = AsciiSet.caseInsensitive(ALLOWED_NAMES);
    static final Pattern TOKEN = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    /** Random text of several kinds. */
    @Provide
    Arbitrary<String> fuzz() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(64)),
                Tuple.of(3, Arbitraries.bytes().array(byte[].class).ofMaxSize(100)
                        .map(bytes -> new String(bytes, StandardCharsets.ISO_8859_1))),
                Tuple.of(4, Arbitraries.strings().withChars(" \t,;:=\"()/\\@[]*.%-_aAbBzZ09\u00e9\u0000\r\n\u007f")
                        .ofMaxLength(80)),
                Tuple.of(4, Combinators.combine(
                        Arbitraries.of("content-type", "X-Request-Id", "authorization", "x-evil", "*", "", " ", "\t")
                                .list().ofMaxSize(70),
                        Arbitraries.of(",", ", ", " , ", ",,", ",\t", ";")).as((names, sep) -> String.join(sep, names))),
                Tuple.of(2, Combinators.combine(Arbitraries.of("https://", "http://", "HTTPS://", "", "null", "ws://"),
                        Arbitraries.strings().withChars("abc.-_:0189[]@/?#%*").ofMaxLength(40))
                        .as((scheme, rest) -> scheme + rest)));
    }

    /** What {@link RequestHeaderList#check} must answer, written the slow, plain way: split, trim, look up. */
    static Verdict referenceVerdict(String value, boolean anyName) {
        if (value.length() > RequestHeaderList.MAX_LENGTH) {
            return Verdict.TOO_LARGE;
        }
        String[] parts = value.split(",", -1);
        int names = 0;
        int empty = 0;
        boolean compact = true;
        for (String part : parts) {
            String trimmed = trimSpacesAndTabs(part);
            if (!trimmed.equals(part)) {
                compact = false;
            }
            if (trimmed.isEmpty()) {
                if (parts.length > 1) {
                    compact = false;
                    if (++empty > RequestHeaderList.MAX_EMPTY_ELEMENTS) {
                        return Verdict.TOO_LARGE;
                    }
                }
                continue;
            }
            if (!TOKEN.matcher(trimmed).matches()) {
                return Verdict.MALFORMED;
            }
            if (++names > RequestHeaderList.MAX_ELEMENTS) {
                return Verdict.TOO_LARGE;
            }
            String lower = trimmed.toLowerCase(Locale.ROOT);
            if (!ALLOWED_NAMES.contains(lower) && !(anyName && !lower.equals("authorization"))) {
                return Verdict.NOT_ALLOWED;
            }
        }
        if (names == 0) {
            return Verdict.EMPTY;
        }
        return compact ? Verdict.ALLOWED : Verdict.ALLOWED_NOT_COMPACT;
    }

    static String trimSpacesAndTabs(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && (s.charAt(from) == ' ' || s.charAt(from) == '\t')) {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\t')) {
            to--;
        }
        return s.substring(from, to);
    }

    @Property(tries = 20_000)
    void theHeaderListCheckAgreesWithASplitBasedReference(@ForAll("fuzz") String value, @ForAll boolean anyName) {
        long result = RequestHeaderList.check(value, ALLOWED_SET, anyName);
        EXECUTIONS.incrementAndGet();

        Verdict verdict = RequestHeaderList.verdict(result);
        assertThat(verdict).as(AttackOrigins.LogSafe.show(value)).isEqualTo(referenceVerdict(value, anyName));
        assertThat(RequestHeaderList.position(result)).isBetween(0, value.length());
        if (verdict == Verdict.ALLOWED) {
            assertThat(value).matches("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+(,[!#$%&'*+\\-.^_`|~0-9A-Za-z]+)*");
        }
        if (verdict == Verdict.ALLOWED_NOT_COMPACT) {
            String compact = RequestHeaderList.compact(value);
            assertThat(RequestHeaderList.verdict(RequestHeaderList.check(compact, ALLOWED_SET, anyName)))
                    .isEqualTo(Verdict.ALLOWED);
        }
        if (verdict == Verdict.NOT_ALLOWED) {
            String element = RequestHeaderList.elementAt(value, RequestHeaderList.position(result));
            assertThat(TOKEN.matcher(element).matches()).as("the refused element is a name").isTrue();
        }
    }

    static final OriginMatcher MATCHER = matcher("https://app.example.com", "https://*.preview.example.com",
            "https://*.example.org:*", "http://localhost:*", "http://[::1]:*", "https://api.example.com:8443");

    static OriginMatcher matcher(String... origins) {
        List<PolicyProblem> problems = new ArrayList<>();
        List<OriginPattern> patterns = new ArrayList<>();
        for (String origin : origins) {
            patterns.add(OriginPattern.parse(origin, "allowedOrigins", problems));
        }
        return new OriginMatcher(patterns, false);
    }

    @Property(tries = 20_000)
    void theOriginMatcherAllowsOnlyPrintableAsciiOrigins(@ForAll("fuzz") String origin) {
        boolean allowed = MATCHER.matches(origin);
        EXECUTIONS.incrementAndGet();

        if (allowed) {
            assertThat(origin).matches("[a-z]+://[a-z0-9._\\-\\[\\]:]+");
        }
    }

    static final CorsPolicy POLICY = AttackOrigins.POLICY;
    static final CorsPolicy OPEN_POLICY = CorsPolicy.builder().allowAnyOrigin().allowedMethods("*")
            .allowedHeaders("*").exposedHeaders("*").build();

    @Property(tries = 10_000)
    void evaluateAndTheFilterNeverThrowAndWriteOnlyPrintableValues(
            @ForAll("fuzz") String origin, @ForAll("fuzz") String requestMethod, @ForAll("fuzz") String requestHeaders,
            @ForAll boolean open) {
        CorsPolicy policy = open ? OPEN_POLICY : POLICY;
        CorsEvaluation evaluation = policy.evaluate(CorsRequest.preflight(origin, requestMethod, requestHeaders));
        FilterCall exchange = FilterCall.run(new CorsFilter(policy), new FakeRequest("OPTIONS")
                .header("Origin", origin).header("Access-Control-Request-Method", requestMethod)
                .header("Access-Control-Request-Headers", requestHeaders));
        CorsEvaluation actual = policy.evaluate(CorsRequest.actual("GET", origin));
        EXECUTIONS.addAndGet(3);

        assertThat(exchange.thrown()).isNull();
        for (String value : evaluation.headers().values()) {
            assertThat(value).doesNotContainPattern("[^\\x20-\\x7e]");
        }
        for (String value : exchange.response().everyValueWritten()) {
            assertThat(value).doesNotContainPattern("[^\\x20-\\x7e]");
        }
        for (String value : actual.headers().values()) {
            assertThat(value).doesNotContainPattern("[^\\x20-\\x7e]");
        }
        assertThat(evaluation.reason()).doesNotContainPattern("[\\x00-\\x1f\\x7f]");
    }

    @Property(tries = 10_000)
    void configurationErrorsAreReportedAsProblemsNeverAsCrashes(@ForAll("fuzz") String origin,
                                                                @ForAll("fuzz") String method,
                                                                @ForAll("fuzz") String header,
                                                                @ForAll boolean credentials) {
        EXECUTIONS.incrementAndGet();
        try {
            CorsPolicy policy = CorsPolicy.builder().allowedOrigins(origin).allowedMethods(method).allowedHeaders(header)
                    .exposedHeaders(header).allowCredentials(credentials).build();
            // Whatever was accepted is in the form browsers send.
            for (String allowed : policy.allowedOrigins()) {
                assertThat(allowed).matches("[a-z][a-z0-9+.\\-]*://(\\*\\.)?[a-z0-9._\\-\\[\\]:]+(:(\\d+|\\*))?");
            }
        } catch (InvalidCorsPolicyException e) {
            assertThat(e.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
        }
    }

    @AfterContainer
    static void report() {
        System.out.printf("fuzz executions: %d%n", EXECUTIONS.get());
    }
}
