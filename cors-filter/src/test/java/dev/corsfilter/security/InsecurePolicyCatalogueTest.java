package dev.corsfilter.security;

import dev.corsfilter.CorsDecision;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.CorsRequest;
import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static dev.corsfilter.PolicyRule.ANY_ORIGIN_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.EXPOSE_ALL_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.HEADER_FORBIDDEN;
import static dev.corsfilter.PolicyRule.HEADER_INVALID;
import static dev.corsfilter.PolicyRule.INSECURE_ORIGIN_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.MAX_AGE_OUT_OF_RANGE;
import static dev.corsfilter.PolicyRule.METHOD_FORBIDDEN;
import static dev.corsfilter.PolicyRule.METHOD_INVALID;
import static dev.corsfilter.PolicyRule.NULL_ORIGIN_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.ORIGIN_BAD_PORT;
import static dev.corsfilter.PolicyRule.ORIGIN_BAD_WILDCARD;
import static dev.corsfilter.PolicyRule.ORIGIN_HAS_PATH;
import static dev.corsfilter.PolicyRule.ORIGIN_HAS_USERINFO;
import static dev.corsfilter.PolicyRule.ORIGIN_MALFORMED;
import static dev.corsfilter.PolicyRule.ORIGIN_NOT_ASCII;
import static dev.corsfilter.PolicyRule.ORIGIN_OPAQUE;
import static dev.corsfilter.PolicyRule.ORIGIN_WILDCARD_MIXED;
import static dev.corsfilter.PolicyRule.PUBLIC_SUFFIX_WITH_CREDENTIALS;
import static dev.corsfilter.security.PolicySpec.allowAnyOrigin;
import static dev.corsfilter.security.PolicySpec.origins;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Proves that policies which would open an API to other sites cannot be built: a catalogue of insecure
 * policies, each refused with exactly the {@link PolicyRule}s it breaks — by {@link CorsPolicy.Builder}
 * and by {@code CorsFilter.init} reading {@code web.xml} init-params — and, for every rule with an
 * exemption or an opt-in, the safe counterpart that must still build, so that a rule removed or widened
 * fails a test either way.
 */
class InsecurePolicyCatalogueTest {

    private static final String APP = "https://app.example.com";

    /** An insecure policy and the rules it must be refused for, in any order, each exactly once. */
    record Insecure(String why, PolicySpec spec, List<PolicyRule> rules) {
        @Override
        public String toString() {
            return why + ": " + spec + " -> " + rules;
        }
    }

    private static Insecure refused(String why, PolicySpec spec, PolicyRule... rules) {
        return new Insecure(why, spec, List.of(rules));
    }

    static List<Insecure> catalogue() {
        List<Insecure> all = new ArrayList<>();
        // Any origin with credentials, in every disguise.
        all.add(refused("any origin + credentials", allowAnyOrigin().credentials(), ANY_ORIGIN_WITH_CREDENTIALS));
        all.add(refused("* + credentials", origins("*").credentials(), ANY_ORIGIN_WITH_CREDENTIALS));
        all.add(refused("* twice + credentials", origins("*", "*").credentials(), ANY_ORIGIN_WITH_CREDENTIALS));
        all.add(refused("allowAnyOrigin and * + credentials", origins("*").plusAllowAnyOrigin().credentials(),
                ANY_ORIGIN_WITH_CREDENTIALS));
        all.add(refused("* beside an origin + credentials", origins("*", APP).credentials(),
                ORIGIN_WILDCARD_MIXED, ANY_ORIGIN_WITH_CREDENTIALS));
        all.add(refused("allowAnyOrigin beside an origin + credentials", origins(APP).plusAllowAnyOrigin().credentials(),
                ORIGIN_WILDCARD_MIXED, ANY_ORIGIN_WITH_CREDENTIALS));
        all.add(refused("any origin and null + credentials", allowAnyOrigin().allowNullOrigin().credentials(),
                ANY_ORIGIN_WITH_CREDENTIALS, NULL_ORIGIN_WITH_CREDENTIALS));
        all.add(refused("any origin + credentials + both opt-ins", allowAnyOrigin().credentials()
                .dangerouslyAllowInsecureOrigins().dangerouslyAllowPublicSuffixWildcards(), ANY_ORIGIN_WITH_CREDENTIALS));
        for (String disguise : List.of("https://*", "http://*", "https://*:*", "https://*.*", "https://*.*:*",
                "wss://*", "https://*.*.example.com")) {
            all.add(refused("every host as a pattern + credentials", origins(disguise).credentials(), ORIGIN_BAD_WILDCARD));
        }
        for (String disguise : List.of("*://*", "*.example.com", "*:443", "//*")) {
            all.add(refused("wildcard without a scheme + credentials", origins(disguise).credentials(), ORIGIN_MALFORMED));
        }
        // The null origin and file: origins, which any page can produce.
        for (String opaque : List.of("null", "NULL", "Null", "file://", "file:///etc/passwd", "FILE://localhost")) {
            all.add(refused("opaque origin listed", origins(opaque), ORIGIN_OPAQUE));
        }
        all.add(refused("null listed + credentials", origins("null").credentials(), ORIGIN_OPAQUE));
        all.add(refused("null listed even with allowNullOrigin", origins("null").allowNullOrigin(), ORIGIN_OPAQUE));
        all.add(refused("allowNullOrigin + credentials", origins(APP).allowNullOrigin().credentials(),
                NULL_ORIGIN_WITH_CREDENTIALS));
        all.add(refused("allowNullOrigin alone + credentials", new PolicySpec().allowNullOrigin().credentials(),
                NULL_ORIGIN_WITH_CREDENTIALS));
        all.add(refused("allowNullOrigin + credentials + both opt-ins", origins(APP).allowNullOrigin().credentials()
                .dangerouslyAllowInsecureOrigins().dangerouslyAllowPublicSuffixWildcards(), NULL_ORIGIN_WITH_CREDENTIALS));
        // Origins without TLS, other than loopback, with credentials.
        for (String insecure : List.of("http://app.example.com", "http://app.example.com:8080", "http://*.example.com",
                "http://*.example.com:*", "ws://app.example.com", "ftp://files.example.com", "http://localhost.example.com",
                "http://localhostx", "http://127.0.0.1.nip.io", "http://128.0.0.1", "http://126.255.255.255",
                "http://0.0.0.0:8080", "http://10.0.0.5", "http://192.168.1.1:3000", "http://[::2]", "http://[::ffff:7f00:1]",
                "http://*.localhost.example.com")) {
            all.add(refused("insecure origin + credentials", origins(insecure).credentials(),
                    INSECURE_ORIGIN_WITH_CREDENTIALS));
        }
        all.add(refused("insecure origin + credentials + the other opt-in", origins("http://app.example.com")
                .credentials().dangerouslyAllowPublicSuffixWildcards(), INSECURE_ORIGIN_WITH_CREDENTIALS));
        // Subdomain patterns over a public suffix, with credentials.
        for (String overSuffix : List.of("https://*.com", "https://*.co.uk", "https://*.github.io", "https://*.dev",
                "https://*.app", "https://*.internal", "https://*.zz", "https://*.xn--p1ai", "https://*.CO.UK",
                "https://*.vercel.app", "https://*.herokuapp.com", "https://*.pages.dev", "https://*.netlify.app",
                "https://*.gitlab.io", "https://*.web.app", "https://*.appspot.com", "https://*.azurewebsites.net",
                "https://*.cloudfront.net", "https://*.s3.amazonaws.com", "https://*.anything.ck", "https://*.com:*",
                "https://*.github.io:8443", "wss://*.com")) {
            all.add(refused("public-suffix wildcard + credentials", origins(overSuffix).credentials(),
                    PUBLIC_SUFFIX_WITH_CREDENTIALS));
        }
        all.add(refused("public-suffix wildcard + credentials + the other opt-in", origins("https://*.github.io")
                .credentials().dangerouslyAllowInsecureOrigins(), PUBLIC_SUFFIX_WITH_CREDENTIALS));
        all.add(refused("insecure public-suffix wildcard + credentials", origins("http://*.com").credentials(),
                INSECURE_ORIGIN_WITH_CREDENTIALS, PUBLIC_SUFFIX_WITH_CREDENTIALS));
        // Origins in a form a browser never sends.
        for (String withPath : List.of(APP + "/", APP + "/api", APP + "?x=1", APP + "#top", APP + "/*")) {
            all.add(refused("origin with a path, query or fragment", origins(withPath), ORIGIN_HAS_PATH));
        }
        for (String withUser : List.of("https://user@app.example.com", "https://user:secret@app.example.com",
                "https://evil.net@app.example.com")) {
            all.add(refused("origin with user information", origins(withUser), ORIGIN_HAS_USERINFO));
        }
        all.add(refused("origin with user information and a path", origins("https://u:p@app.example.com/"),
                ORIGIN_HAS_USERINFO, ORIGIN_HAS_PATH));
        for (String unicode : List.of("https://b\u00fccher.example", "https://\u0430pp.example.com",
                "https://*.b\u00fccher.example", "https://app\uff0eexample.com")) {
            all.add(refused("non-ASCII host", origins(unicode), ORIGIN_NOT_ASCII));
        }
        for (String port : List.of(":0", ":65536", ":", ":08443", ":https", ":8*", ":**", ":-1", ":99999999999", ":443:443")) {
            all.add(refused("bad port", origins(APP + port), ORIGIN_BAD_PORT));
        }
        for (String star : List.of("https://a*.example.com", "https://*a.example.com", "https://example.*.com",
                "https://example.com.*", "https://**.example.com", "https://*.127.0.0.1", "https://*")) {
            all.add(refused("* not a whole leading label", origins(star), ORIGIN_BAD_WILDCARD));
        }
        for (String malformed : List.of(" " + APP, APP + " ", "https://app.example.com.", "https://app..example.com",
                "app.example.com", "https://", "https://[::1", "https://0x7f000001", "https://127.1",
                "https ://app.example.com", "https://app_example\u0000.com")) {
            all.add(refused("malformed origin", origins(malformed), ORIGIN_MALFORMED));
        }
        // Methods, headers, exposed headers, max age.
        for (String method : List.of("GET POST", "PUT,DELETE", "PUT\r\nX-Injected: 1", "PUT\u0000", "P\u00dcT", "")) {
            all.add(refused("invalid method token", origins(APP).methods(method),
                    method.isEmpty() ? PolicyRule.VALUE_MISSING : METHOD_INVALID));
        }
        for (String method : List.of("CONNECT", "TRACE", "TRACK", "connect", "Trace")) {
            all.add(refused("forbidden method", origins(APP).methods(method), METHOD_FORBIDDEN));
        }
        for (String header : List.of("X Bad", "X-Evil\r\nSet-Cookie: a=b", "X-A:b", "X-\u00e9", "(x)")) {
            all.add(refused("invalid request header name", origins(APP).headers(header), HEADER_INVALID));
            all.add(refused("invalid exposed header name", origins(APP).exposed(header), HEADER_INVALID));
        }
        for (String header : List.of("Access-Control-Allow-Origin", "Access-Control-Allow-Credentials",
                "access-control-request-method", "Access-Control-Anything", "Cookie", "Origin", "Host",
                "Sec-Fetch-Site", "Proxy-Authorization")) {
            all.add(refused("forbidden request header allowed", origins(APP).headers(header), HEADER_FORBIDDEN));
        }
        for (String header : List.of("Set-Cookie", "set-cookie2", "Access-Control-Allow-Origin",
                "Access-Control-Allow-Credentials", "Access-Control-Expose-Headers")) {
            all.add(refused("forbidden response header exposed", origins(APP).exposed(header), HEADER_FORBIDDEN));
        }
        all.add(refused("expose * + credentials", origins(APP).exposed("*").credentials(), EXPOSE_ALL_WITH_CREDENTIALS));
        all.add(refused("expose * and a name + credentials", origins(APP).exposed("ETag", "*").credentials(),
                EXPOSE_ALL_WITH_CREDENTIALS));
        for (Duration maxAge : List.of(Duration.ofSeconds(-1), Duration.ofSeconds(86_401), Duration.ofDays(365),
                Duration.ofSeconds(Long.MIN_VALUE), Duration.ofMillis(1500))) {
            all.add(refused("max age out of range", origins(APP).maxAge(maxAge), MAX_AGE_OUT_OF_RANGE));
        }
        return all;
    }

    /** Policies one step away from a catalogued one, on the safe side of the rule: they must build. */
    static Stream<PolicySpec> safeCounterparts() {
        return Stream.of(
                // Loopback is exempt from the insecure-origin rule ...
                origins("http://localhost").credentials(), origins("http://localhost:*").credentials(),
                origins("http://app.localhost:3000").credentials(), origins("http://*.localhost").credentials(),
                origins("http://*.localhost:*").credentials(), origins("http://127.0.0.1:8080").credentials(),
                origins("http://127.255.255.254").credentials(), origins("http://[::1]:3000").credentials(),
                origins("ws://localhost:*").credentials(), origins("http://LOCALHOST:8080").credentials(),
                // ... and insecure origins are fine without credentials, or with the opt-in.
                origins("http://app.example.com"), origins("http://*.example.com:*"),
                origins("http://app.example.com").credentials().dangerouslyAllowInsecureOrigins(),
                origins("ws://app.example.com", "http://10.0.0.5").credentials().dangerouslyAllowInsecureOrigins(),
                // Public-suffix wildcards are fine without credentials, or with the opt-in; non-suffixes always.
                origins("https://*.com"), origins("https://*.github.io"), origins("https://*.co.uk:*"),
                origins("https://*.github.io").credentials().dangerouslyAllowPublicSuffixWildcards(),
                origins("http://*.com").credentials().dangerouslyAllowPublicSuffixWildcards()
                        .dangerouslyAllowInsecureOrigins(),
                origins("https://*.example.com").credentials(), origins("https://*.me.github.io").credentials(),
                origins("https://*.example.co.uk").credentials(), origins("https://*.www.ck").credentials(),
                // The null origin only through allowNullOrigin(), without credentials.
                new PolicySpec().allowNullOrigin(), origins(APP).allowNullOrigin(),
                // Any origin and expose-all without credentials; the limits themselves.
                allowAnyOrigin(), origins("*"), allowAnyOrigin().exposed("*"), origins(APP).exposed("*"),
                origins(APP).maxAge(Duration.ZERO), origins(APP).maxAge(Duration.ofHours(24)),
                origins(APP).methods("PATCH", "PROPFIND", "*").headers("X-Custom", "*", "Authorization").credentials());
    }

    @Test
    void theCatalogueCoversEveryRuleThatGuardsAgainstAnInsecurePolicy() {
        List<Insecure> catalogue = catalogue();
        Set<PolicyRule> covered = catalogue.stream().flatMap(entry -> entry.rules().stream())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(PolicyRule.class)));
        long viaInitParams = catalogue.stream().filter(entry -> entry.spec().initParams().isPresent()).count();
        System.out.printf("insecure policies refused: %d (%d also as init-params), %d rules covered: %s;"
                + " safe counterparts built: %d%n", catalogue.size(), viaInitParams, covered.size(), covered,
                safeCounterparts().count());

        assertThat(catalogue).hasSizeGreaterThanOrEqualTo(150);
        assertThat(covered).containsAll(EnumSet.of(ANY_ORIGIN_WITH_CREDENTIALS, NULL_ORIGIN_WITH_CREDENTIALS,
                INSECURE_ORIGIN_WITH_CREDENTIALS, PUBLIC_SUFFIX_WITH_CREDENTIALS, ORIGIN_OPAQUE, ORIGIN_HAS_PATH,
                ORIGIN_HAS_USERINFO, ORIGIN_NOT_ASCII, ORIGIN_BAD_PORT, ORIGIN_BAD_WILDCARD, ORIGIN_MALFORMED,
                METHOD_INVALID, METHOD_FORBIDDEN, HEADER_INVALID, HEADER_FORBIDDEN, EXPOSE_ALL_WITH_CREDENTIALS,
                MAX_AGE_OUT_OF_RANGE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogue")
    void theBuilderRefusesTheInsecurePolicyWithExactlyItsRules(Insecure insecure) {
        InvalidCorsPolicyException refusal = catchThrowableOfType(InvalidCorsPolicyException.class,
                () -> insecure.spec().builder().build());

        assertThat(refusal).as("build() must refuse " + insecure.spec()).isNotNull();
        assertThat(refusal.problems()).extracting(PolicyProblem::rule)
                .containsExactlyInAnyOrderElementsOf(insecure.rules());
        assertThat(refusal.problems()).allSatisfy(problem -> {
            assertThat(problem.setting()).isNotBlank();
            assertThat(problem.value()).isNotNull();
            assertThat(problem.message()).isNotBlank();
        });
        assertThat(refusal.getMessage()).contains(refusal.problems().size() + " problem");
    }

    /** The catalogue entries that init-params can express (all but {@code allowAnyOrigin()} and a few values). */
    static Stream<Insecure> catalogueAsInitParams() {
        return catalogue().stream().filter(entry -> entry.spec().initParams().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("catalogueAsInitParams")
    void initParamsRefuseTheInsecurePolicyWithTheSameRules(Insecure insecure) {
        Map<String, String> params = insecure.spec().initParams().orElseThrow();

        InvalidCorsPolicyException refusal = catchThrowableOfType(InvalidCorsPolicyException.class,
                () -> PolicySpec.initFilter(params));

        assertThat(refusal).as("init() must refuse " + params).isNotNull();
        assertThat(refusal.problems()).extracting(PolicyProblem::rule)
                .containsExactlyInAnyOrderElementsOf(insecure.rules());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("safeCounterparts")
    void theSafeCounterpartBuildsThroughTheBuilderAndInitParams(PolicySpec spec) throws Exception {
        assertThat(spec.builder().build()).isNotNull();
        if (spec.initParams().isPresent()) {
            assertThat(PolicySpec.initFilter(spec.initParams().get()).policy()).isEqualTo(spec.builder().build());
        }
    }

    @Test
    void everyProblemOfAPolicyIsReportedAtOnce() {
        PolicySpec everythingWrong = origins("*", "null", "http://app.example.com", "https://*.github.io",
                APP + "/", "https://user@app.example.com", "https://b\u00fccher.example", APP + ":0", "https://a*.example.com")
                .allowNullOrigin().credentials()
                .methods("TRACE", "GET POST").headers("Cookie", "X Bad").exposed("Set-Cookie", "*")
                .maxAge(Duration.ofDays(2));

        InvalidCorsPolicyException refusal = catchThrowableOfType(InvalidCorsPolicyException.class,
                () -> everythingWrong.builder().build());

        assertThat(refusal.problems()).extracting(PolicyProblem::rule).containsExactlyInAnyOrder(
                ORIGIN_OPAQUE, ORIGIN_HAS_PATH, ORIGIN_HAS_USERINFO, ORIGIN_NOT_ASCII, ORIGIN_BAD_PORT,
                ORIGIN_BAD_WILDCARD, ORIGIN_WILDCARD_MIXED, ANY_ORIGIN_WITH_CREDENTIALS, NULL_ORIGIN_WITH_CREDENTIALS,
                INSECURE_ORIGIN_WITH_CREDENTIALS, PUBLIC_SUFFIX_WITH_CREDENTIALS, METHOD_FORBIDDEN, METHOD_INVALID,
                HEADER_FORBIDDEN, HEADER_INVALID, HEADER_FORBIDDEN, EXPOSE_ALL_WITH_CREDENTIALS, MAX_AGE_OUT_OF_RANGE);
        assertThat(refusal.problems()).filteredOn(problem -> problem.rule() == INSECURE_ORIGIN_WITH_CREDENTIALS)
                .extracting(PolicyProblem::value).containsExactly("http://app.example.com");
        assertThat(refusal.problems()).filteredOn(problem -> problem.rule() == PUBLIC_SUFFIX_WITH_CREDENTIALS)
                .extracting(PolicyProblem::value).containsExactly("https://*.github.io");
    }

    @Test
    void anAllowedNullOriginMatchesOnlyTheLiteralNullAndNoDisguise() {
        CorsPolicy policy = origins(APP).allowNullOrigin().builder().build();

        assertThat(policy.evaluate(CorsRequest.actual("GET", "null")).decision()).isEqualTo(CorsDecision.ACTUAL_ALLOWED);
        assertThat(policy.evaluate(CorsRequest.actual("GET", "null")).headers())
                .containsEntry("Access-Control-Allow-Origin", "null")
                .doesNotContainKey("Access-Control-Allow-Credentials");
        for (String disguise : List.of("NULL", "Null", " null", "null ", "null,null", "null null", "nul", "file://",
                "\"null\"")) {
            assertThat(policy.evaluate(CorsRequest.actual("GET", disguise)).decision()).as(disguise)
                    .isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
        }
    }

    @Test
    void withoutAllowNullOriginTheNullOriginIsRefusedEvenByAPolicyWithPatterns() {
        assertThat(AttackOrigins.POLICY.evaluate(CorsRequest.actual("GET", "null")).decision())
                .isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
        assertThat(origins("https://*.example.com:*").builder().build().evaluate(CorsRequest.actual("GET", "null"))
                .decision()).isEqualTo(CorsDecision.ORIGIN_NOT_ALLOWED);
    }

    /**
     * {@code OriginPattern.isLoopback} takes any host that starts with {@code 127.} and ends with a digit
     * for the loopback address range, but {@code 127.0.0.1-1} is a DNS name (its last label is not a
     * number), resolved by whatever DNS server the network offers — exactly the attacker the rule guards
     * against. Browsers do not treat it as potentially trustworthy.
     */
    @Test
    void aDnsNameThatOnlyLooksLikeALoopbackAddressIsNotExempt() {
        for (String lookalike : List.of("http://127.0.0.1-1", "http://127.attacker-1", "http://127.0.0.1-0:8080")) {
            InvalidCorsPolicyException refusal = catchThrowableOfType(InvalidCorsPolicyException.class,
                    () -> origins(lookalike).credentials().builder().build());
            assertThat(refusal).as(lookalike).isNotNull();
            assertThat(refusal.problems()).extracting(PolicyProblem::rule)
                    .containsExactly(INSECURE_ORIGIN_WITH_CREDENTIALS);
        }
    }
}
