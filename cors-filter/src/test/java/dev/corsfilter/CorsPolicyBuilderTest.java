package dev.corsfilter;

import static dev.corsfilter.PolicyRule.ANY_ORIGIN_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.EXPOSE_ALL_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.HEADER_FORBIDDEN;
import static dev.corsfilter.PolicyRule.HEADER_INVALID;
import static dev.corsfilter.PolicyRule.INSECURE_ORIGIN_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.MAX_AGE_OUT_OF_RANGE;
import static dev.corsfilter.PolicyRule.METHOD_FORBIDDEN;
import static dev.corsfilter.PolicyRule.METHOD_INVALID;
import static dev.corsfilter.PolicyRule.METHOD_NOT_NORMALIZED;
import static dev.corsfilter.PolicyRule.NO_ORIGIN;
import static dev.corsfilter.PolicyRule.NULL_ORIGIN_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.ORIGIN_BAD_PORT;
import static dev.corsfilter.PolicyRule.ORIGIN_BAD_WILDCARD;
import static dev.corsfilter.PolicyRule.ORIGIN_HAS_PATH;
import static dev.corsfilter.PolicyRule.ORIGIN_HAS_USERINFO;
import static dev.corsfilter.PolicyRule.ORIGIN_MALFORMED;
import static dev.corsfilter.PolicyRule.ORIGIN_NOT_ASCII;
import static dev.corsfilter.PolicyRule.ORIGIN_OPAQUE;
import static dev.corsfilter.PolicyRule.ORIGIN_WILDCARD_MIXED;
import static dev.corsfilter.PolicyRule.PREFLIGHT_STATUS_INVALID;
import static dev.corsfilter.PolicyRule.PUBLIC_SUFFIX_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.VALUE_MISSING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.corsfilter.testing.LogRecorder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyBuilderTest {

    private static final String APP = "https://app.example.com";
    private static final String SHAPE = "; an origin is scheme://host[:port]";
    private static final String TOKEN_CHARS = "(letters, digits and !#$%&'*+-.^_`|~ only)";
    private static final String NULL_MESSAGE = "\"null\" is not a safe origin: browsers send it for sandboxed"
            + " iframes, data: URLs, local files and redirects, so any page can claim it; if you must, call"
            + " allowNullOrigin() (allow-null-origin=true) instead of listing it";

    private static CorsPolicy.Builder withOrigins(String... origins) {
        return CorsPolicy.builder().allowedOrigins(origins);
    }

    private static CorsPolicy.Builder valid() {
        return withOrigins(APP);
    }

    private static InvalidCorsPolicyException failure(CorsPolicy.Builder builder) {
        InvalidCorsPolicyException e = catchThrowableOfType(InvalidCorsPolicyException.class, builder::build);
        assertThat(e).as("build() should throw InvalidCorsPolicyException").isNotNull();
        return e;
    }

    private static List<PolicyProblem> problems(CorsPolicy.Builder builder) {
        return failure(builder).problems();
    }

    private static PolicyProblem onlyProblem(CorsPolicy.Builder builder) {
        List<PolicyProblem> problems = problems(builder);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static void assertOnlyProblem(CorsPolicy.Builder builder, String setting, String value, PolicyRule rule,
                                          String message) {
        assertThat(onlyProblem(builder)).usingRecursiveComparison()
                .isEqualTo(new PolicyProblem(setting, value, rule, message));
    }

    private static List<PolicyRule> rules(List<PolicyProblem> problems) {
        return problems.stream().map(PolicyProblem::rule).toList();
    }

    private static CorsPolicy readmeExample() {
        return CorsPolicy.builder()
                .allowedOrigins("https://app.example.com", "https://*.preview.example.com", "http://localhost:*")
                .allowedMethods("GET", "POST", "PUT", "DELETE")
                .allowedHeaders("Content-Type", "Authorization", "X-Request-Id")
                .exposedHeaders("X-Request-Id", "ETag")
                .allowCredentials(true)
                .maxAge(Duration.ofMinutes(10))
                .build();
    }

    @Nested
    class ValidPolicies {

        @Test
        void readmeExampleBuildsWithEverySettingKept() {
            CorsPolicy policy = readmeExample();

            assertThat(policy.allowsAnyOrigin()).isFalse();
            assertThat(policy.allowsNullOrigin()).isFalse();
            assertThat(policy.allowedOrigins())
                    .containsExactly("https://app.example.com", "https://*.preview.example.com", "http://localhost:*");
            assertThat(policy.allowedMethods()).containsExactly("GET", "POST", "PUT", "DELETE");
            assertThat(policy.allowedHeaders()).containsExactly("content-type", "authorization", "x-request-id");
            assertThat(policy.exposedHeaders()).containsExactly("X-Request-Id", "ETag");
            assertThat(policy.allowsCredentials()).isTrue();
            assertThat(policy.maxAge()).contains(Duration.ofMinutes(10));
            assertThat(policy.preflightStatus()).isEqualTo(204);
        }

        @Test
        void onlyAnOriginIsRequiredAndEverythingElseDefaultsToNothing() {
            CorsPolicy policy = valid().build();

            assertThat(policy.allowedOrigins()).containsExactly(APP);
            assertThat(policy.allowedMethods()).isEmpty();
            assertThat(policy.allowedHeaders()).isEmpty();
            assertThat(policy.exposedHeaders()).isEmpty();
            assertThat(policy.allowsCredentials()).isFalse();
            assertThat(policy.maxAge()).isEmpty();
            assertThat(policy.preflightStatus()).isEqualTo(204);
        }

        @Test
        void eachSetterReplacesWhatAnEarlierCallSet() {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins("null", "https://old.example.com")
                    .allowedOrigins(APP)
                    .allowedMethods("put")
                    .allowedMethods("PATCH")
                    .allowedHeaders("Cookie")
                    .allowedHeaders("X-Trace")
                    .exposedHeaders("Set-Cookie")
                    .exposedHeaders("ETag")
                    .allowCredentials(true)
                    .allowCredentials(false)
                    .maxAge(Duration.ofDays(9))
                    .maxAge(Duration.ofSeconds(30))
                    .preflightStatus(500)
                    .preflightStatus(200)
                    .build();

            assertThat(policy.allowedOrigins()).containsExactly(APP);
            assertThat(policy.allowedMethods()).containsExactly("PATCH");
            assertThat(policy.allowedHeaders()).containsExactly("x-trace");
            assertThat(policy.exposedHeaders()).containsExactly("ETag");
            assertThat(policy.allowsCredentials()).isFalse();
            assertThat(policy.maxAge()).contains(Duration.ofSeconds(30));
            assertThat(policy.preflightStatus()).isEqualTo(200);
        }

        @Test
        void collectionSettersAcceptAnyCollection() {
            CorsPolicy policy = CorsPolicy.builder()
                    .allowedOrigins(Set.of(APP))
                    .allowedMethods(List.of("PUT"))
                    .allowedHeaders(new ArrayList<>(List.of("X-Trace")))
                    .exposedHeaders(List.of("ETag"))
                    .build();

            assertThat(policy).isEqualTo(valid().allowedMethods("PUT").allowedHeaders("X-Trace")
                    .exposedHeaders("ETag").build());
        }

        @Test
        void theBuilderCanBuildSeveralTimes() {
            CorsPolicy.Builder builder = valid().allowedMethods("PUT");

            assertThat(builder.build()).isEqualTo(builder.build()).isNotSameAs(builder.build());
        }
    }

    @Nested
    class CanonicalOrigins {

        static Stream<Arguments> canonicalForms() {
            return Stream.of(
                    arguments("HTTPS://App.Example.COM:443", "https://app.example.com"),
                    arguments("https://app.example.com", "https://app.example.com"),
                    arguments("http://localhost:80", "http://localhost"),
                    arguments("http://localhost:8080", "http://localhost:8080"),
                    arguments("https://app.example.com:80", "https://app.example.com:80"),
                    arguments("http://app.example.com:443", "http://app.example.com:443"),
                    arguments("wss://socket.example.com:443", "wss://socket.example.com"),
                    arguments("ws://socket.example.com:80", "ws://socket.example.com"),
                    arguments("http://localhost:*", "http://localhost:*"),
                    arguments("HTTP://LOCALHOST:*", "http://localhost:*"),
                    arguments("https://*.Preview.Example.COM", "https://*.preview.example.com"),
                    arguments("https://*.example.com:443", "https://*.example.com"),
                    arguments("https://*.example.com:8443", "https://*.example.com:8443"),
                    arguments("https://*.example.com:*", "https://*.example.com:*"),
                    arguments("http://127.0.0.1:3000", "http://127.0.0.1:3000"),
                    arguments("http://0.0.0.0", "http://0.0.0.0"),
                    arguments("http://255.255.255.255", "http://255.255.255.255"),
                    arguments("http://[::1]", "http://[::1]"),
                    arguments("http://[::1]:8080", "http://[::1]:8080"),
                    arguments("https://[2001:db8::1]:443", "https://[2001:db8::1]"),
                    arguments("http://[2001:DB8::1]", "http://[2001:db8::1]"),
                    arguments("http://[::ffff:102:304]", "http://[::ffff:102:304]"),
                    arguments("https://my_host.example.com", "https://my_host.example.com"),
                    arguments("https://xn--bcher-kva.example", "https://xn--bcher-kva.example"),
                    arguments("https://localhost:65535", "https://localhost:65535"),
                    arguments("https://localhost:1", "https://localhost:1"),
                    arguments("chrome-extension://abcdefghijklmnop", "chrome-extension://abcdefghijklmnop"));
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource("canonicalForms")
        void anAcceptedOriginIsReducedSilentlyToTheFormBrowsersSend(String configured, String canonical) {
            assertThat(withOrigins(configured).build().allowedOrigins()).containsExactly(canonical);
        }

        @Test
        void originsKeepTheirConfigurationOrder() {
            CorsPolicy policy = withOrigins("https://b.example.com", "https://a.example.com", "http://c.example.com")
                    .build();

            assertThat(policy.allowedOrigins())
                    .containsExactly("https://b.example.com", "https://a.example.com", "http://c.example.com");
        }

        @Test
        void originsEqualAfterCanonicalisationAreListedOnce() {
            CorsPolicy policy = withOrigins(APP, "HTTPS://APP.EXAMPLE.COM:443", "https://other.example.com", APP)
                    .build();

            assertThat(policy.allowedOrigins()).containsExactly(APP, "https://other.example.com");
        }

        @Test
        void aHostLabelOf63CharactersAndAHostOf253CharactersAreAccepted() {
            String label63 = "a".repeat(63);
            String host253 = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(61));

            assertThat(withOrigins("https://" + label63 + ".com", "https://" + host253).build().allowedOrigins())
                    .containsExactly("https://" + label63 + ".com", "https://" + host253);
        }
    }

    @Nested
    class InvalidOrigins {

        static Stream<Arguments> malformed() {
            return Stream.of(
                    arguments(" https://app.example.com", "\" https://app.example.com\" has surrounding white space;"
                            + " did you mean \"https://app.example.com\"?"),
                    arguments("https://app.example.com\n", "\"https://app.example.com\n\" has surrounding white space;"
                            + " did you mean \"https://app.example.com\"?"),
                    arguments("\thttp://localhost:8080 ", "\"\thttp://localhost:8080 \" has surrounding white space;"
                            + " did you mean \"http://localhost:8080\"?"),
                    arguments("app.example.com", "\"app.example.com\" has no scheme" + SHAPE
                            + " — did you mean \"https://app.example.com\"?"),
                    arguments("*.example.com", "\"*.example.com\" has no scheme" + SHAPE
                            + " — did you mean \"https://*.example.com\"?"),
                    arguments("localhost:8080", "\"localhost:8080\" has no scheme" + SHAPE),
                    arguments("//app.example.com", "\"//app.example.com\" has no scheme" + SHAPE),
                    arguments("https:/app.example.com", "\"https:/app.example.com\" has no scheme" + SHAPE),
                    arguments("://app.example.com", "\"://app.example.com\" has an invalid scheme \"\"" + SHAPE),
                    arguments("1http://app.example.com", "\"1http://app.example.com\" has an invalid scheme \"1http\""
                            + SHAPE),
                    arguments("ht tp://app.example.com", "\"ht tp://app.example.com\" has an invalid scheme \"ht tp\""
                            + SHAPE),
                    arguments("*://app.example.com", "\"*://app.example.com\" has an invalid scheme \"*\"" + SHAPE),
                    arguments("https://", "\"https://\" has no host"),
                    arguments("https://:8443", "\"https://:8443\" has no host"),
                    arguments("https://*.", "\"https://*.\" has no host"),
                    arguments("https://app.example.com.", "\"https://app.example.com.\" has a host ending in \".\";"
                            + " remove the trailing dot"),
                    arguments("https://*.example.com.:8443", "\"https://*.example.com.:8443\" has a host ending in"
                            + " \".\"; remove the trailing dot"),
                    arguments("https://app..example.com", "\"https://app..example.com\" has an invalid host label"
                            + " \"\"; a label is 1 to 63 letters, digits, \"-\" or \"_\""),
                    arguments("https://.example.com", "\"https://.example.com\" has an invalid host label \"\";"
                            + " a label is 1 to 63 letters, digits, \"-\" or \"_\""),
                    arguments("https://app example.com", "\"https://app example.com\" has an invalid host label"
                            + " \"app example\"; a label is 1 to 63 letters, digits, \"-\" or \"_\""),
                    arguments("https://app%2eexample.com", "\"https://app%2eexample.com\" has an invalid host label"
                            + " \"app%2eexample\"; a label is 1 to 63 letters, digits, \"-\" or \"_\""),
                    arguments("https://" + "a".repeat(64) + ".com", "\"https://" + "a".repeat(64) + ".com\" has an"
                            + " invalid host label \"" + "a".repeat(64) + "\"; a label is 1 to 63 letters, digits,"
                            + " \"-\" or \"_\""),
                    arguments("http://127.1", "\"http://127.1\" has an IPv4 address in a form browsers never send;"
                            + " write four decimal numbers from 0 to 255 without leading zeros"),
                    arguments("http://010.0.0.1", "\"http://010.0.0.1\" has an IPv4 address in a form browsers"
                            + " never send; write four decimal numbers from 0 to 255 without leading zeros"),
                    arguments("http://256.0.0.1", "\"http://256.0.0.1\" has an IPv4 address in a form browsers"
                            + " never send; write four decimal numbers from 0 to 255 without leading zeros"),
                    arguments("http://0x7f.0.0.1", "\"http://0x7f.0.0.1\" has an IPv4 address in a form browsers"
                            + " never send; write four decimal numbers from 0 to 255 without leading zeros"),
                    arguments("http://1.2.3.0x4", "\"http://1.2.3.0x4\" has an IPv4 address in a form browsers"
                            + " never send; write four decimal numbers from 0 to 255 without leading zeros"),
                    arguments("http://2130706433", "\"http://2130706433\" has an IPv4 address in a form browsers"
                            + " never send; write four decimal numbers from 0 to 255 without leading zeros"),
                    arguments("http://1.2.3.4.5", "\"http://1.2.3.4.5\" has an IPv4 address in a form browsers"
                            + " never send; write four decimal numbers from 0 to 255 without leading zeros"),
                    arguments("http://[::1", "\"http://[::1\" has an IPv6 address without its closing \"]\""),
                    arguments("http://[::1]8080", "\"http://[::1]8080\" has text after its IPv6 address: \"8080\""),
                    arguments("http://[::g]", "\"http://[::g]\" has an invalid IPv6 address"),
                    arguments("http://[]", "\"http://[]\" has an invalid IPv6 address"),
                    arguments("http://[127.0.0.1]", "\"http://[127.0.0.1]\" has an invalid IPv6 address"),
                    arguments("http://[fe80::1%25eth0]", "\"http://[fe80::1%25eth0]\" has an invalid IPv6 address"),
                    arguments("http://[0:0:0:0:0:0:0:1]", "\"http://[0:0:0:0:0:0:0:1]\" has an IPv6 address in a"
                            + " form browsers never send; they send \"[::1]\""),
                    arguments("http://[::ffff:1.2.3.4]", "\"http://[::ffff:1.2.3.4]\" has an IPv6 address in a form"
                            + " browsers never send; they send \"[::ffff:102:304]\""),
                    arguments("http://[2001:0db8::1]:8080", "\"http://[2001:0db8::1]:8080\" has an IPv6 address in a"
                            + " form browsers never send; they send \"[2001:db8::1]\""),
                    arguments("http://[2001:db8:0:0:1:0:0:1]", "\"http://[2001:db8:0:0:1:0:0:1]\" has an IPv6"
                            + " address in a form browsers never send; they send \"[2001:db8::1:0:0:1]\""),
                    arguments("http://[2001:db8::0:1]", "\"http://[2001:db8::0:1]\" has an IPv6 address in a form"
                            + " browsers never send; they send \"[2001:db8::1]\""));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("malformed")
        void aMalformedOriginIsReportedWithWhatIsWrong(String origin, String message) {
            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_MALFORMED, message);
        }

        @Test
        void aHostLongerThan253CharactersIsMalformed() {
            String host = String.join(".", "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(62));
            String origin = "https://" + host;

            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_MALFORMED,
                    "\"" + origin + "\" has a host longer than 253 characters");
        }

        static Stream<Arguments> withPathQueryOrFragment() {
            return Stream.of(
                    arguments("https://app.example.com/", "a path", APP),
                    arguments("https://app.example.com/api/v1", "a path", APP),
                    arguments("https://app.example.com:443/", "a path", APP),
                    arguments("http://localhost:8080/", "a path", "http://localhost:8080"),
                    arguments("https://App.Example.com/", "a path", APP),
                    arguments("https://*.example.com/", "a path", "https://*.example.com"),
                    arguments("https://app.example.com?x=1", "a query", APP),
                    arguments("https://app.example.com/?x=1", "a path", APP),
                    arguments("https://app.example.com#top", "a fragment", APP),
                    arguments("http://[::1]:3000/", "a path", "http://[::1]:3000"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("withPathQueryOrFragment")
        void anOriginWithAPathQueryOrFragmentIsRefusedWithTheOriginItMeant(String origin, String what, String meant) {
            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_HAS_PATH,
                    "\"" + origin + "\" has " + what + SHAPE + " — did you mean \"" + meant + "\"?");
        }

        @Test
        void aTrailingSlashGetsTheHintFromTheReadme() {
            assertThat(onlyProblem(withOrigins("https://app.example.com/")).message()).isEqualTo(
                    "\"https://app.example.com/\" has a path; an origin is scheme://host[:port]"
                            + " — did you mean \"https://app.example.com\"?");
        }

        static Stream<Arguments> withUserinfo() {
            return Stream.of(
                    arguments("https://user@app.example.com", APP),
                    arguments("https://user:secret@app.example.com:8443", "https://app.example.com:8443"),
                    arguments("https://a@b@App.Example.com:443", APP),
                    arguments("https://@app.example.com", APP));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("withUserinfo")
        void anOriginWithUserInformationIsRefusedWithTheOriginItMeant(String origin, String meant) {
            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_HAS_USERINFO,
                    "\"" + origin + "\" has user information (user@)" + SHAPE + " — did you mean \"" + meant + "\"?");
        }

        @Test
        void userInformationAndAPathAreBothReported() {
            String origin = "https://user@app.example.com/path";

            assertThat(problems(withOrigins(origin))).usingRecursiveFieldByFieldElementComparator().containsExactly(
                    new PolicyProblem("allowedOrigins", origin, ORIGIN_HAS_USERINFO, "\"" + origin
                            + "\" has user information (user@)" + SHAPE + " — did you mean \"" + APP + "\"?"),
                    new PolicyProblem("allowedOrigins", origin, ORIGIN_HAS_PATH, "\"" + origin + "\" has a path"
                            + SHAPE + " — did you mean \"" + APP + "\"?"));
        }

        @Test
        void aPathAfterAnInvalidAuthorityIsReportedWithoutAHint() {
            String origin = "https://app.example.com:0/";

            assertThat(problems(withOrigins(origin))).usingRecursiveFieldByFieldElementComparator().containsExactly(
                    new PolicyProblem("allowedOrigins", origin, ORIGIN_BAD_PORT, "\"" + origin
                            + "\" has port \"0\"; a port is a number from 1 to 65535, or * for any port"),
                    new PolicyProblem("allowedOrigins", origin, ORIGIN_HAS_PATH, "\"" + origin + "\" has a path"
                            + SHAPE));
        }

        static Stream<Arguments> nonAscii() {
            return Stream.of(
                    arguments("https://bücher.example", "https://xn--bcher-kva.example"),
                    arguments("https://BÜCHER.example:8443", "https://xn--bcher-kva.example:8443"),
                    arguments("https://*.bücher.example", "https://*.xn--bcher-kva.example"),
                    arguments("https://例え.テスト", "https://xn--r8jz45g.xn--zckzah"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("nonAscii")
        void aNonAsciiHostIsRefusedWithItsPunycodeForm(String origin, String punycode) {
            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_NOT_ASCII, "\"" + origin
                    + "\" has a non-ASCII host; browsers send the punycode form — did you mean \"" + punycode + "\"?");
        }

        @Test
        void aNonAsciiHostWithoutAPunycodeFormIsRefusedWithoutAHint() {
            String origin = "https://" + "ü".repeat(70) + ".example";

            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_NOT_ASCII,
                    "\"" + origin + "\" has a non-ASCII host; browsers send the punycode form");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "0", "65536", "99999", "123456", "http", "-1", "+80", "8 0", "80a", "**"})
        void aPortThatIsNotANumberFrom1To65535IsRefused(String port) {
            String origin = APP + ":" + port;

            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_BAD_PORT, "\"" + origin
                    + "\" has port \"" + port + "\"; a port is a number from 1 to 65535, or * for any port");
        }

        @Test
        void aPortAfterAnIpv6AddressIsChecked() {
            assertOnlyProblem(withOrigins("http://[::1]:"), "allowedOrigins", "http://[::1]:", ORIGIN_BAD_PORT,
                    "\"http://[::1]:\" has port \"\"; a port is a number from 1 to 65535, or * for any port");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource
        void aPortWithALeadingZeroIsRefusedWithThePortBrowsersSend(String port, String sent) {
            String origin = APP + ":" + port;

            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_BAD_PORT, "\"" + origin
                    + "\" has port \"" + port + "\" with a leading zero; browsers send \"" + sent + "\"");
        }

        static Stream<Arguments> aPortWithALeadingZeroIsRefusedWithThePortBrowsersSend() {
            return Stream.of(arguments("08080", "8080"), arguments("01", "1"), arguments("00080", "80"));
        }
        @Test
        void aLeadingZeroDefaultPortHintNamesTheOriginWithoutPort() {
            assertThat(onlyProblem(withOrigins(APP + ":0443")).message())
                    .doesNotContain("browsers send \"443\"")
                    .endsWith("browsers send no port, as 443 is the default port of https");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"https://*", "https://*:8443", "http://*:*", "HTTPS://*"})
        void aLoneStarHostPointsToAllowAnyOrigin(String origin) {
            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_BAD_WILDCARD,
                    "\"" + origin + "\" matches every host; use allowAnyOrigin() (allowed-origins=*) to allow every origin");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"https://*.*.example.com", "https://app.*.example.com", "https://a*.example.com",
                "https://*example.com", "https://example.*", "https://*-app.example.com", "https://**.example.com",
                "https://*.example.*"})
        void aStarThatIsNotTheWholeLeadingLabelIsRefused(String origin) {
            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_BAD_WILDCARD, "\"" + origin
                    + "\" uses * inside a host; * may only stand for whole leading labels, as in https://*.example.com");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"http://*.127.0.0.1", "http://*.0.0.1", "http://*.example.0x1"})
        void aStarBeforeAnIpAddressIsRefused(String origin) {
            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_BAD_WILDCARD,
                    "\"" + origin + "\" puts * before an IP address; * stands for DNS labels");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"null", "NULL", "Null"})
        void theNullOriginIsRefused(String origin) {
            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_OPAQUE, NULL_MESSAGE);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"file://", "file:///home/me/index.html", "FILE://localhost", "File://"})
        void fileOriginsAreRefused(String origin) {
            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, ORIGIN_OPAQUE, "\"" + origin
                    + "\" is a file: origin; browsers send \"null\" for local files, which any page can claim;"
                    + " if you must, call allowNullOrigin() (allow-null-origin=true)");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", " ", "\t\n"})
        void anEmptyOrBlankOriginIsMissing(String origin) {
            assertOnlyProblem(withOrigins(origin), "allowedOrigins", origin, VALUE_MISSING, "an origin is empty");
        }

        @Test
        void aNullOriginIsMissing() {
            assertOnlyProblem(withOrigins(APP, null), "allowedOrigins", "", VALUE_MISSING, "an origin is null");
        }

        @Test
        void eachInvalidOriginIsReportedInConfigurationOrder() {
            List<PolicyProblem> problems = problems(withOrigins("null", APP, "https://app.example.com/", "file://",
                    "https://*"));

            assertThat(problems).extracting(PolicyProblem::value)
                    .containsExactly("null", "https://app.example.com/", "file://", "https://*");
            assertThat(rules(problems)).containsExactly(ORIGIN_OPAQUE, ORIGIN_HAS_PATH, ORIGIN_OPAQUE,
                    ORIGIN_BAD_WILDCARD);
        }
        @Test
        void aNonAsciiHostThatLowerCasesToAsciiIsStillRefused() {
            String origin = "https://\u212Aexample.com";

            assertThat(onlyProblem(withOrigins(origin)).rule()).isEqualTo(ORIGIN_NOT_ASCII);
        }
        @Test
        void aLastLabelThatOnlyLooksHexadecimalIsADomain() {
            assertThat(withOrigins("http://foo.0xzz").build().allowedOrigins()).containsExactly("http://foo.0xzz");
        }
    }

    @Nested
    class AnyOrigin {

        @Test
        void allowAnyOriginAllowsEveryOriginAndListsNone() {
            CorsPolicy policy = CorsPolicy.builder().allowAnyOrigin().build();

            assertThat(policy.allowsAnyOrigin()).isTrue();
            assertThat(policy.allowedOrigins()).isEmpty();
        }

        @Test
        void aLoneStarMeansAllowAnyOrigin() {
            CorsPolicy policy = withOrigins("*").build();

            assertThat(policy.allowsAnyOrigin()).isTrue();
            assertThat(policy.allowedOrigins()).isEmpty();
            assertThat(policy).isEqualTo(CorsPolicy.builder().allowAnyOrigin().build());
        }

        @Test
        void aRepeatedStarStillMeansAnyOrigin() {
            assertThat(withOrigins("*", "*").build().allowsAnyOrigin()).isTrue();
            assertThat(CorsPolicy.builder().allowAnyOrigin().allowedOrigins("*").build().allowsAnyOrigin()).isTrue();
        }

        @Test
        void aStarMixedWithOriginsIsRefused() {
            assertOnlyProblem(withOrigins(APP, "*", "http://localhost:*"), "allowedOrigins",
                    APP + ", *, http://localhost:*", ORIGIN_WILDCARD_MIXED, "\"*\" allows every origin, so listing"
                            + " specific origins beside it is meaningless; keep either \"*\" or the list");
        }

        @Test
        void allowAnyOriginMixedWithOriginsIsRefused() {
            assertOnlyProblem(CorsPolicy.builder().allowAnyOrigin().allowedOrigins(APP), "allowedOrigins", APP,
                    ORIGIN_WILDCARD_MIXED, "\"*\" allows every origin, so listing specific origins beside it is"
                            + " meaningless; keep either \"*\" or the list");
        }

        @Test
        void anInvalidOriginBesideAStarIsReportedBeforeTheMix() {
            List<PolicyProblem> problems = problems(withOrigins("*", "null"));

            assertThat(rules(problems)).containsExactly(ORIGIN_OPAQUE, ORIGIN_WILDCARD_MIXED);
            assertThat(problems.get(1).value()).isEqualTo("*, null");
        }

        @Test
        void allowAnyOriginWithCredentialsIsRefused() {
            assertOnlyProblem(CorsPolicy.builder().allowAnyOrigin().allowCredentials(true), "allowCredentials",
                    "true", ANY_ORIGIN_WITH_CREDENTIALS, "allowing every origin together with credentials would let"
                            + " any web site act as its visitors; list the trusted origins instead");
        }

        @Test
        void aStarOriginWithCredentialsIsRefused() {
            assertThat(onlyProblem(withOrigins("*").allowCredentials(true)).rule())
                    .isEqualTo(ANY_ORIGIN_WITH_CREDENTIALS);
        }

        @Test
        void credentialsWithListedOriginsAreFine() {
            assertThat(valid().allowCredentials(true).build().allowsCredentials()).isTrue();
        }

        @Test
        void aPolicyWithoutAnyOriginIsRefused() {
            String message = "no origin is allowed; call allowedOrigins(...) with the origins of your web front ends,"
                    + " or allowAnyOrigin() (allowed-origins=*) for a public API";

            assertOnlyProblem(CorsPolicy.builder(), "allowedOrigins", "", NO_ORIGIN, message);
            assertOnlyProblem(CorsPolicy.builder().allowedOrigins(), "allowedOrigins", "", NO_ORIGIN, message);
            assertOnlyProblem(CorsPolicy.builder().allowedOrigins(List.of()), "allowedOrigins", "", NO_ORIGIN, message);
        }

        @Test
        void onlyInvalidOriginsAreNotAlsoReportedAsNoOrigin() {
            assertThat(rules(problems(withOrigins("null")))).containsExactly(ORIGIN_OPAQUE);
        }
    }

    @Nested
    class CredentialSafety {

        @Test
        void theNullOriginIsAllowedOnlyThroughItsOwnSetting() {
            CorsPolicy policy = CorsPolicy.builder().allowNullOrigin().build();

            assertThat(policy.allowsNullOrigin()).isTrue();
            assertThat(policy.allowsAnyOrigin()).isFalse();
            assertThat(policy.allowedOrigins()).isEmpty();
            assertThat(valid().build().allowsNullOrigin()).isFalse();
        }

        @Test
        void theNullOriginCanBeAllowedBesideListedOrigins() {
            CorsPolicy policy = valid().allowNullOrigin().build();

            assertThat(policy.allowsNullOrigin()).isTrue();
            assertThat(policy.allowedOrigins()).containsExactly(APP);
        }

        @Test
        void allowNullOriginDoesNotMakeTheNullOriginListable() {
            assertThat(onlyProblem(withOrigins("null").allowNullOrigin()).rule()).isEqualTo(ORIGIN_OPAQUE);
        }

        @Test
        void theNullOriginWithCredentialsIsRefused() {
            assertOnlyProblem(valid().allowNullOrigin().allowCredentials(true), "allowNullOrigin", "null",
                    NULL_ORIGIN_WITH_CREDENTIALS, "the null origin cannot be combined with credentials: any page"
                            + " can send Origin: null from a sandboxed iframe and would then act as its visitors");
        }

        static Stream<Arguments> insecure() {
            return Stream.of(
                    arguments("http://app.example.com", "http://app.example.com"),
                    arguments("http://app.example.com:8080", "http://app.example.com:8080"),
                    arguments("http://*.example.com", "http://*.example.com"),
                    arguments("http://*.example.com:*", "http://*.example.com:*"),
                    arguments("http://192.168.1.10:3000", "http://192.168.1.10:3000"),
                    arguments("http://0.0.0.0", "http://0.0.0.0"),
                    arguments("http://128.0.0.1", "http://128.0.0.1"),
                    arguments("http://[2001:db8::1]", "http://[2001:db8::1]"),
                    arguments("http://[::ffff:7f00:1]", "http://[::ffff:7f00:1]"),
                    arguments("http://localhost.example.com", "http://localhost.example.com"),
                    arguments("http://mylocalhost", "http://mylocalhost"),
                    arguments("ws://socket.example.com", "ws://socket.example.com"),
                    arguments("ftp://files.example.com", "ftp://files.example.com"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("insecure")
        void anInsecureOriginWithCredentialsIsRefused(String origin, String canonical) {
            assertOnlyProblem(withOrigins(origin).allowCredentials(true), "allowedOrigins", canonical,
                    INSECURE_ORIGIN_WITH_CREDENTIALS, "\"" + canonical + "\" is not served over TLS, so anyone on the"
                            + " network can answer for it and act as its users; with credentials use https, or call"
                            + " dangerouslyAllowInsecureOriginsWithCredentials()"
                            + " (dangerously-allow-insecure-origins-with-credentials=true) if you accept the risk");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("insecure")
        void anInsecureOriginWithoutCredentialsIsFine(String origin, String canonical) {
            assertThat(withOrigins(origin).build().allowedOrigins()).containsExactly(canonical);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("insecure")
        void anInsecureOriginWithCredentialsCanBeForced(String origin, String canonical) {
            CorsPolicy policy = withOrigins(origin).allowCredentials(true)
                    .dangerouslyAllowInsecureOriginsWithCredentials().build();

            assertThat(policy.allowedOrigins()).containsExactly(canonical);
            assertThat(policy.allowsCredentials()).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"http://localhost", "http://localhost:*", "http://LOCALHOST:3000",
                "http://app.localhost:8080", "http://*.localhost", "http://*.localhost:*", "http://127.0.0.1",
                "http://127.0.0.1:5173", "http://127.255.255.254", "http://[::1]", "http://[::1]:*",
                "ws://localhost:8080", "https://app.example.com", "wss://socket.example.com",
                "chrome-extension://abcdefghijklmnop"})
        void secureAndLoopbackOriginsAreFineWithCredentials(String origin) {
            assertThat(withOrigins(origin).allowCredentials(true).build().allowsCredentials()).isTrue();
        }

        @Test
        void eachInsecureOriginIsReportedInOrder() {
            List<PolicyProblem> problems = problems(withOrigins("http://a.example.com", APP, "http://localhost:*",
                    "ws://b.example.com").allowCredentials(true));

            assertThat(problems).extracting(PolicyProblem::value, PolicyProblem::rule).containsExactly(
                    tuple("http://a.example.com", INSECURE_ORIGIN_WITH_CREDENTIALS),
                    tuple("ws://b.example.com", INSECURE_ORIGIN_WITH_CREDENTIALS));
        }

        static Stream<Arguments> publicSuffixWildcards() {
            return Stream.of(
                    arguments("https://*.com", "com"),
                    arguments("https://*.github.io", "github.io"),
                    arguments("https://*.co.uk", "co.uk"),
                    arguments("https://*.vercel.app:*", "vercel.app"),
                    arguments("https://*.herokuapp.com:8443", "herokuapp.com"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("publicSuffixWildcards")
        void aWildcardOverAPublicSuffixWithCredentialsIsRefused(String origin, String suffix) {
            String canonical = withOrigins(origin).build().allowedOrigins().get(0);

            assertOnlyProblem(withOrigins(origin).allowCredentials(true), "allowedOrigins", canonical,
                    PUBLIC_SUFFIX_WITH_CREDENTIALS, "\"" + canonical + "\" trusts every site registered under the"
                            + " public suffix \"" + suffix + "\"; with credentials list your own domains, or call"
                            + " dangerouslyAllowPublicSuffixWildcardsWithCredentials()"
                            + " (dangerously-allow-public-suffix-wildcards-with-credentials=true) if you accept the risk");
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("publicSuffixWildcards")
        void aWildcardOverAPublicSuffixWithCredentialsCanBeForced(String origin, String suffix) {
            assertThat(withOrigins(origin).allowCredentials(true)
                    .dangerouslyAllowPublicSuffixWildcardsWithCredentials().build().allowsCredentials()).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"https://*.example.com", "https://*.example.co.uk", "https://*.me.github.io",
                "https://*.preview.example.com:*", "https://github.io", "https://com"})
        void aWildcardUnderARegisteredDomainOrAnExactSuffixIsFineWithCredentials(String origin) {
            assertThat(withOrigins(origin).allowCredentials(true).build().allowsCredentials()).isTrue();
        }
        @Test
        void credentialSafetyProblemsQuoteTheValueAsConfigured() {
            List<PolicyProblem> problems = problems(withOrigins("HTTP://App.Example.com:80", "http://app.example.com",
                    "https://*.GitHub.IO:443").allowCredentials(true));

            assertThat(problems).extracting(PolicyProblem::value)
                    .containsExactly("HTTP://App.Example.com:80", "http://app.example.com", "https://*.GitHub.IO:443");
        }

        @Test
        void anInsecureWildcardOverAPublicSuffixBreaksBothRules() {
            List<PolicyProblem> problems = problems(withOrigins("http://*.github.io").allowCredentials(true));

            assertThat(rules(problems)).containsExactly(INSECURE_ORIGIN_WITH_CREDENTIALS,
                    PUBLIC_SUFFIX_WITH_CREDENTIALS);
        }

        @Test
        void eachOptInLiftsOnlyItsOwnRule() {
            CorsPolicy.Builder builder = withOrigins("http://*.github.io").allowCredentials(true);

            assertThat(rules(problems(builder.dangerouslyAllowInsecureOriginsWithCredentials())))
                    .containsExactly(PUBLIC_SUFFIX_WITH_CREDENTIALS);
            assertThat(builder.dangerouslyAllowPublicSuffixWildcardsWithCredentials().build().allowedOrigins())
                    .containsExactly("http://*.github.io");
        }
    }

    @Nested
    class Methods {

        @Test
        void methodsAreKeptAsConfiguredInOrderWithoutDuplicates() {
            CorsPolicy policy = valid().allowedMethods("PUT", "DELETE", "PATCH", "patch", "PUT", "X-Custom").build();

            assertThat(policy.allowedMethods()).containsExactly("PUT", "DELETE", "PATCH", "patch", "X-Custom");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"*", "GET", "HEAD", "POST", "OPTIONS", "PATCH", "patch", "Patch", "PROPFIND",
                "M-SEARCH", "!#$%&'*+-.^_`|~"})
        void everyTokenThatBrowsersCanSendIsAccepted(String method) {
            assertThat(valid().allowedMethods(method).build().allowedMethods()).containsExactly(method);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"CONNECT", "connect", "Connect", "TRACE", "trace", "tRaCe", "TRACK", "track"})
        void forbiddenMethodsAreRefusedInAnyCase(String method) {
            assertOnlyProblem(valid().allowedMethods(method), "allowedMethods", method, METHOD_FORBIDDEN,
                    "\"" + method + "\" is a forbidden method: browsers never send it");
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @MethodSource
        void aMethodBrowsersUpperCaseIsRefusedWithItsUpperCaseForm(String method, String upper) {
            assertOnlyProblem(valid().allowedMethods(method), "allowedMethods", method, METHOD_NOT_NORMALIZED,
                    "\"" + method + "\" never reaches a server: browsers upper-case it — did you mean \"" + upper
                            + "\"?");
        }

        static Stream<Arguments> aMethodBrowsersUpperCaseIsRefusedWithItsUpperCaseForm() {
            return Stream.of(arguments("put", "PUT"), arguments("Put", "PUT"), arguments("pUT", "PUT"),
                    arguments("delete", "DELETE"), arguments("get", "GET"), arguments("head", "HEAD"),
                    arguments("options", "OPTIONS"), arguments("post", "POST"), arguments("Post", "POST"));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"GE T", " PUT", "PUT ", "PUT,DELETE", "(GET)", "GET\n", "MÉTHODE", "PUT;", "\"PUT\"",
                "PUT/1", "a@b", "[x]", "{x}", "x=y", "x?", "x\\y", "x:y"})
        void aMethodThatIsNotATokenIsRefused(String method) {
            assertOnlyProblem(valid().allowedMethods(method), "allowedMethods", method, METHOD_INVALID,
                    "\"" + method + "\" is not a valid method name " + TOKEN_CHARS);
        }

        @Test
        void anEmptyMethodIsMissing() {
            assertOnlyProblem(valid().allowedMethods(""), "allowedMethods", "", VALUE_MISSING, "a method name is empty");
        }

        @Test
        void aNullMethodIsMissing() {
            assertOnlyProblem(valid().allowedMethods("PUT", null), "allowedMethods", "", VALUE_MISSING,
                    "a method name is null");
        }

        @Test
        void everyInvalidMethodIsReportedInOrder() {
            List<PolicyProblem> problems = problems(valid().allowedMethods("put", "PUT", "TRACE", "GE T", ""));

            assertThat(problems).extracting(PolicyProblem::value).containsExactly("put", "TRACE", "GE T", "");
            assertThat(rules(problems)).containsExactly(METHOD_NOT_NORMALIZED, METHOD_FORBIDDEN, METHOD_INVALID,
                    VALUE_MISSING);
        }
    }

    @Nested
    class RequestHeaders {

        @Test
        void headerNamesAreLowerCasedInOrderWithoutDuplicates() {
            CorsPolicy policy = valid()
                    .allowedHeaders("Content-Type", "X-Request-Id", "content-type", "AUTHORIZATION", "x-request-id")
                    .build();

            assertThat(policy.allowedHeaders()).containsExactly("content-type", "x-request-id", "authorization");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"*", "Authorization", "Accept", "Accept-Language", "Content-Language", "Content-Type",
                "Range", "X-Requested-With", "Secret", "X-Sec-Token", "Proxyish", "Cookies", "Hosts",
                "Access-Control", "Sec", "Proxy", "Last-Event-ID"})
        void namesScriptsCanSendAreAccepted(String name) {
            assertThat(valid().allowedHeaders(name).build().allowedHeaders()).containsExactly(name.toLowerCase(Locale.ROOT));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Cookie", "cookie", "COOKIE", "Cookie2", "Host", "Origin", "Referer", "Content-Length",
                "Connection", "Accept-Charset", "Accept-Encoding", "Date", "DNT", "Expect", "Keep-Alive", "Set-Cookie",
                "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Via", "Sec-Fetch-Mode", "sec-ch-ua", "SEC-", "Proxy-Authorization",
                "proxy-connection", "Proxy-"})
        void forbiddenRequestHeadersAreRefused(String name) {
            assertOnlyProblem(valid().allowedHeaders(name), "allowedHeaders", name, HEADER_FORBIDDEN, "\"" + name
                    + "\" is a header browsers set themselves; scripts cannot send it, so it never needs allowing");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Access-Control-Allow-Origin", "access-control-allow-credentials",
                "Access-Control-Max-Age", "Access-Control-", "Access-Control-Request-Method",
                "Access-Control-Request-Headers"})
        void accessControlNamesAreRefusedAsRequestHeaders(String name) {
            PolicyProblem problem = onlyProblem(valid().allowedHeaders(name));

            assertThat(problem.setting()).isEqualTo("allowedHeaders");
            assertThat(problem.value()).isEqualTo(name);
            assertThat(problem.rule()).isEqualTo(HEADER_FORBIDDEN);
            assertThat(problem.message()).startsWith("\"" + name + "\" belongs to the CORS protocol itself");
        }

        @Test
        void refusingAResponseHeaderNameDoesNotClaimScriptsCannotSendIt() {
            assertThat(onlyProblem(valid().allowedHeaders("Access-Control-Allow-Origin")).message())
                    .doesNotContain("scripts cannot send it");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"X Header", "X-Header:", "Content-Type ", " Content-Type", "a,b", "Ünicode", "X-(1)",
                "X/Y", "\"X\"", "X\tY", "X@Y", "X[1]", "X{1}", "X=Y", "X?", "X\\Y", "X;Y"})
        void aNameThatIsNotATokenIsRefused(String name) {
            assertOnlyProblem(valid().allowedHeaders(name), "allowedHeaders", name, HEADER_INVALID,
                    "\"" + name + "\" is not a valid header name " + TOKEN_CHARS);
        }

        @Test
        void anEmptyNameIsMissing() {
            assertOnlyProblem(valid().allowedHeaders(""), "allowedHeaders", "", VALUE_MISSING, "a header name is empty");
        }

        @Test
        void aNullNameIsMissing() {
            assertOnlyProblem(valid().allowedHeaders("X-A", null), "allowedHeaders", "", VALUE_MISSING,
                    "a header name is null");
        }

        @Test
        void aStarCanBeCombinedWithCredentials() {
            CorsPolicy policy = valid().allowedHeaders("*", "Authorization").allowCredentials(true).build();

            assertThat(policy.allowedHeaders()).containsExactly("*", "authorization");
        }
    }

    @Nested
    class ExposedHeaders {

        @Test
        void namesKeepTheirFirstSpellingInOrderWithoutCaseInsensitiveDuplicates() {
            CorsPolicy policy = valid().exposedHeaders("X-Request-Id", "ETag", "etag", "x-request-id", "Link").build();

            assertThat(policy.exposedHeaders()).containsExactly("X-Request-Id", "ETag", "Link");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Set-Cookie", "set-cookie", "SET-COOKIE", "Set-Cookie2", "set-cookie2"})
        void cookieHeadersCanNeverBeExposed(String name) {
            assertOnlyProblem(valid().exposedHeaders(name), "exposedHeaders", name, HEADER_FORBIDDEN,
                    "\"" + name + "\" can never be exposed: browsers never let scripts read cookies being set");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"Access-Control-Allow-Origin", "access-control-allow-credentials",
                "ACCESS-CONTROL-EXPOSE-HEADERS", "Access-Control-Max-Age", "Access-Control-"})
        void corsHeadersCanNeverBeExposed(String name) {
            assertOnlyProblem(valid().exposedHeaders(name), "exposedHeaders", name, HEADER_FORBIDDEN,
                    "\"" + name + "\" belongs to the CORS protocol itself, not to the application's data;"
                            + " exposing it is never needed");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"*", "Set-Cookie-Id", "X-Set-Cookie", "Cookie", "Content-Length", "Authorization",
                "Access-Control", "WWW-Authenticate", "Server-Timing"})
        void otherTokensCanBeExposed(String name) {
            assertThat(valid().exposedHeaders(name).build().exposedHeaders()).containsExactly(name);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"X Header", "ETag,Link", "ETag ", "Ünicode", "X:Y", "X/Y"})
        void aNameThatIsNotATokenIsRefused(String name) {
            assertOnlyProblem(valid().exposedHeaders(name), "exposedHeaders", name, HEADER_INVALID,
                    "\"" + name + "\" is not a valid header name " + TOKEN_CHARS);
        }

        @Test
        void emptyAndNullNamesAreMissing() {
            assertThat(problems(valid().exposedHeaders("", null))).usingRecursiveFieldByFieldElementComparator()
                    .containsExactly(
                            new PolicyProblem("exposedHeaders", "", VALUE_MISSING, "a header name is empty"),
                            new PolicyProblem("exposedHeaders", "", VALUE_MISSING, "a header name is null"));
        }

        @Test
        void exposingEverythingIsFineWithoutCredentials() {
            assertThat(valid().exposedHeaders("*").build().exposedHeaders()).containsExactly("*");
        }

        @Test
        void exposingEverythingWithCredentialsIsRefused() {
            assertOnlyProblem(valid().exposedHeaders("ETag", "*").allowCredentials(true), "exposedHeaders", "*",
                    EXPOSE_ALL_WITH_CREDENTIALS, "exposedHeaders(\"*\") cannot be combined with credentials: browsers"
                            + " then read * as a header named \"*\"; list the header names instead");
        }
    }

    @Nested
    class MaxAge {

        @ParameterizedTest(name = "{0}s")
        @ValueSource(longs = {0, 1, 5, 600, 7200, 7201, 86400})
        void wholeSecondsFromZeroTo24HoursAreAccepted(long seconds) {
            assertThat(valid().maxAge(Duration.ofSeconds(seconds)).build().maxAge())
                    .contains(Duration.ofSeconds(seconds));
        }

        static Stream<Arguments> warnings() {
            String tail = "; those browsers reuse a pre-flight answer for their cap only";
            return Stream.of(
                    arguments(600L, null),
                    arguments(601L, "CORS max age of 601 seconds is above the pre-flight cache cap of WebKit (600 s:"
                            + " Safari, every browser on iOS)" + tail),
                    arguments(7200L, "CORS max age of 7200 seconds is above the pre-flight cache cap of WebKit (600 s:"
                            + " Safari, every browser on iOS)" + tail),
                    arguments(7201L, "CORS max age of 7201 seconds is above the pre-flight cache cap of WebKit (600 s:"
                            + " Safari, every browser on iOS) and Chromium (7200 s: Chrome, Edge, Opera)" + tail),
                    arguments(86400L, "CORS max age of 86400 seconds is above the pre-flight cache cap of WebKit"
                            + " (600 s: Safari, every browser on iOS) and Chromium (7200 s: Chrome, Edge, Opera)" + tail));
        }

        @ParameterizedTest(name = "{0}s")
        @MethodSource("warnings")
        void aMaxAgeAboveAnEnginesCapIsAWarningNamingEachSuchEngine(long seconds, String warning) {
            List<String> warnings;
            try (LogRecorder log = LogRecorder.start()) {
                valid().maxAge(Duration.ofSeconds(seconds)).build();
                warnings = log.entries("WARN").stream().map(LogRecorder.Entry::message).toList();
            }
            if (warning == null) {
                assertThat(warnings).isEmpty();
            } else {
                assertThat(warnings).containsExactly(warning);
            }
        }

        @Test
        void noMaxAgeIsTheDefaultAndNullClearsIt() {
            assertThat(valid().build().maxAge()).isEmpty();
            assertThat(valid().maxAge(Duration.ofMinutes(1)).maxAge(null).build().maxAge()).isEmpty();
        }

        static Stream<Arguments> wholeSecondsOutOfRange() {
            return Stream.of(
                    arguments(Duration.ofSeconds(-1), "PT-1S", "-1 seconds"),
                    arguments(Duration.ofDays(-1), "PT-24H", "-86400 seconds"),
                    arguments(Duration.ofHours(24).plusSeconds(1), "PT24H1S", "86401 seconds"),
                    arguments(Duration.ofDays(365), "PT8760H", "31536000 seconds"),
                    arguments(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofSeconds(Long.MAX_VALUE).toString(),
                            Long.MAX_VALUE + " seconds"));
        }

        @ParameterizedTest(name = "{2}")
        @MethodSource("wholeSecondsOutOfRange")
        void negativeOrLongerThan24HoursIsRefusedInSeconds(Duration maxAge, String value, String text) {
            assertOnlyProblem(valid().maxAge(maxAge), "maxAge", value, MAX_AGE_OUT_OF_RANGE,
                    "max age of " + text + " is not a whole number of seconds from 0 to 86400 (24 hours)");
        }

        static Stream<Arguments> fractional() {
            return Stream.of(
                    arguments(Duration.ofMillis(1500), "PT1.5S"),
                    arguments(Duration.ofNanos(1), "PT0.000000001S"),
                    arguments(Duration.ofMillis(-1), "PT-0.001S"),
                    arguments(Duration.ofHours(24).plusNanos(1), "PT24H0.000000001S"),
                    arguments(Duration.ofMinutes(10).minusMillis(1), "PT9M59.999S"));
        }

        @ParameterizedTest(name = "{1}")
        @MethodSource("fractional")
        void aFractionOfASecondIsRefused(Duration maxAge, String text) {
            assertOnlyProblem(valid().maxAge(maxAge), "maxAge", text, MAX_AGE_OUT_OF_RANGE,
                    "max age of " + text + " is not a whole number of seconds from 0 to 86400 (24 hours)");
        }
    }

    @Nested
    class PreflightStatus {

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {200, 201, 204, 206, 299})
        void every2xxStatusIsAccepted(int status) {
            assertThat(valid().preflightStatus(status).build().preflightStatus()).isEqualTo(status);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(ints = {Integer.MIN_VALUE, -204, 0, 100, 199, 300, 304, 403, 500, 2040, Integer.MAX_VALUE})
        void aStatusOutside2xxIsRefused(int status) {
            assertOnlyProblem(valid().preflightStatus(status), "preflightStatus", Integer.toString(status),
                    PREFLIGHT_STATUS_INVALID, "pre-flight status " + status
                            + " would fail every pre-flight: browsers require a status from 200 to 299");
        }
    }

    @Nested
    class AllProblemsAtOnce {

        private CorsPolicy.Builder wrongEverywhere() {
            return CorsPolicy.builder()
                    .allowedOrigins("https://app.example.com/", "*", "null")
                    .allowedMethods("put", "CONNECT")
                    .allowedHeaders("Cookie", "X Y")
                    .exposedHeaders("Set-Cookie", "*")
                    .allowCredentials(true)
                    .maxAge(Duration.ofDays(2))
                    .preflightStatus(302);
        }

        @Test
        void oneExceptionCarriesEveryProblemInSettingOrder() {
            List<PolicyProblem> problems = problems(wrongEverywhere());

            assertThat(problems).extracting(PolicyProblem::setting, PolicyProblem::value, PolicyProblem::rule)
                    .containsExactly(
                            tuple("allowedOrigins", "https://app.example.com/",
                                    ORIGIN_HAS_PATH),
                            tuple("allowedOrigins", "null", ORIGIN_OPAQUE),
                            tuple("allowedOrigins",
                                    "https://app.example.com/, *, null", ORIGIN_WILDCARD_MIXED),
                            tuple("allowCredentials", "true",
                                    ANY_ORIGIN_WITH_CREDENTIALS),
                            tuple("allowedMethods", "put", METHOD_NOT_NORMALIZED),
                            tuple("allowedMethods", "CONNECT", METHOD_FORBIDDEN),
                            tuple("allowedHeaders", "Cookie", HEADER_FORBIDDEN),
                            tuple("allowedHeaders", "X Y", HEADER_INVALID),
                            tuple("exposedHeaders", "Set-Cookie", HEADER_FORBIDDEN),
                            tuple("exposedHeaders", "*", EXPOSE_ALL_WITH_CREDENTIALS),
                            tuple("maxAge", "PT48H", MAX_AGE_OUT_OF_RANGE),
                            tuple("preflightStatus", "302", PREFLIGHT_STATUS_INVALID));
        }

        @Test
        void everyOriginMethodHeaderMaxAgeAndStatusRuleIsProduced() {
            Set<PolicyRule> seen = EnumSet.noneOf(PolicyRule.class);
            seen.addAll(rules(problems(wrongEverywhere())));
            seen.addAll(rules(problems(CorsPolicy.builder().allowedOrigins(
                    "", "https://u@a.example.com", "https://ü.example", "https://a.example.com:0", "a b"))));
            seen.addAll(rules(problems(CorsPolicy.builder())));
            seen.addAll(rules(problems(valid().allowedMethods("GE T"))));
            seen.addAll(rules(problems(withOrigins("https://*"))));
            seen.addAll(rules(problems(CorsPolicy.builder().allowNullOrigin().allowCredentials(true))));
            seen.addAll(rules(problems(withOrigins("http://*.github.io").allowCredentials(true))));

            assertThat(seen).containsExactlyInAnyOrder(VALUE_MISSING, NO_ORIGIN, ORIGIN_MALFORMED, ORIGIN_HAS_PATH,
                    ORIGIN_HAS_USERINFO, ORIGIN_NOT_ASCII, ORIGIN_BAD_PORT, ORIGIN_BAD_WILDCARD, ORIGIN_OPAQUE,
                    ORIGIN_WILDCARD_MIXED, ANY_ORIGIN_WITH_CREDENTIALS, NULL_ORIGIN_WITH_CREDENTIALS,
                    INSECURE_ORIGIN_WITH_CREDENTIALS, PUBLIC_SUFFIX_WITH_CREDENTIALS, METHOD_INVALID, METHOD_FORBIDDEN,
                    METHOD_NOT_NORMALIZED, HEADER_INVALID, HEADER_FORBIDDEN, EXPOSE_ALL_WITH_CREDENTIALS,
                    MAX_AGE_OUT_OF_RANGE, PREFLIGHT_STATUS_INVALID);
        }

        @Test
        void theExceptionMessageListsEveryProblem() {
            InvalidCorsPolicyException e = failure(withOrigins("null").preflightStatus(100));

            assertThat(e).hasMessage("Invalid CORS policy (2 problems):"
                    + "\n  - allowedOrigins: " + NULL_MESSAGE
                    + "\n  - preflightStatus: pre-flight status 100 would fail every pre-flight: browsers require"
                    + " a status from 200 to 299");
        }

        @Test
        void theExceptionMessageIsTheOneShownInTheReadme() {
            InvalidCorsPolicyException e = failure(withOrigins("https://app.example.com/").allowedMethods("put"));

            assertThat(e).hasMessage("""
                    Invalid CORS policy (2 problems):
                      - allowedOrigins: "https://app.example.com/" has a path; an origin is scheme://host[:port] \
                    — did you mean "https://app.example.com"?
                      - allowedMethods: "put" never reaches a server: browsers upper-case it — did you mean "PUT"?""");
        }

        @Test
        void theExceptionMessageCountsASingleProblem() {
            assertThat(failure(CorsPolicy.builder())).hasMessageStartingWith("Invalid CORS policy (1 problem):\n  - ");
        }

        @Test
        void theExceptionIsAnIllegalArgumentExceptionWithAnImmutableList() {
            InvalidCorsPolicyException e = failure(CorsPolicy.builder());

            assertThat(e).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> e.problems().clear()).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class NullArguments {

        static Stream<Arguments> nullCalls() {
            return Stream.of(
                    arguments("allowedOrigins", (Function<CorsPolicy.Builder, CorsPolicy.Builder>)
                            b -> b.allowedOrigins((String[]) null), "an origin is null"),
                    arguments("allowedOrigins", (Function<CorsPolicy.Builder, CorsPolicy.Builder>)
                            b -> b.allowedOrigins((Collection<String>) null), "an origin is null"),
                    arguments("allowedOrigins", (Function<CorsPolicy.Builder, CorsPolicy.Builder>)
                            b -> b.allowedOrigins((String) null), "an origin is null"),
                    arguments("allowedMethods", (Function<CorsPolicy.Builder, CorsPolicy.Builder>)
                            b -> b.allowedOrigins(APP).allowedMethods((String[]) null), "a method name is null"),
                    arguments("allowedMethods", (Function<CorsPolicy.Builder, CorsPolicy.Builder>)
                            b -> b.allowedOrigins(APP).allowedMethods((Collection<String>) null),
                            "a method name is null"),
                    arguments("allowedHeaders", (Function<CorsPolicy.Builder, CorsPolicy.Builder>)
                            b -> b.allowedOrigins(APP).allowedHeaders((String[]) null), "a header name is null"),
                    arguments("allowedHeaders", (Function<CorsPolicy.Builder, CorsPolicy.Builder>)
                            b -> b.allowedOrigins(APP).allowedHeaders((Collection<String>) null),
                            "a header name is null"),
                    arguments("exposedHeaders", (Function<CorsPolicy.Builder, CorsPolicy.Builder>)
                            b -> b.allowedOrigins(APP).exposedHeaders((String[]) null), "a header name is null"),
                    arguments("exposedHeaders", (Function<CorsPolicy.Builder, CorsPolicy.Builder>)
                            b -> b.allowedOrigins(APP).exposedHeaders((Collection<String>) null),
                            "a header name is null"));
        }

        @ParameterizedTest(name = "{0}: {2}")
        @MethodSource("nullCalls")
        void aNullArgumentIsReportedAsAMissingValue(String setting,
                                                    Function<CorsPolicy.Builder, CorsPolicy.Builder> call,
                                                    String message) {
            assertOnlyProblem(call.apply(CorsPolicy.builder()), setting, "", VALUE_MISSING, message);
        }
    }

    @Nested
    class EqualityAndText {

        @Test
        void policiesWithTheSameSettingsInAnotherOrderAreEqual() {
            CorsPolicy a = CorsPolicy.builder()
                    .allowedOrigins("https://a.example.com", "https://b.example.com")
                    .allowedMethods("PUT", "DELETE")
                    .allowedHeaders("X-A", "X-B")
                    .exposedHeaders("ETag", "Link")
                    .build();
            CorsPolicy b = CorsPolicy.builder()
                    .allowedOrigins("https://b.example.com", "https://a.example.com")
                    .allowedMethods("DELETE", "PUT")
                    .allowedHeaders("X-B", "X-A")
                    .exposedHeaders("Link", "ETag")
                    .build();

            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        }

        @Test
        void policiesEqualOnceCanonicalAreEqual() {
            CorsPolicy a = withOrigins("HTTPS://App.Example.COM:443").allowedHeaders("Content-Type").build();
            CorsPolicy b = withOrigins(APP).allowedHeaders("content-type").build();

            assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        }

        @Test
        void theReadmeExampleEqualsItself() {
            assertThat(readmeExample()).isEqualTo(readmeExample()).hasSameHashCodeAs(readmeExample());
        }

        static Stream<Arguments> changes() {
            return Stream.of(
                    arguments("origins", change(b -> b.allowedOrigins("https://other.example.com"))),
                    arguments("any origin", change(b -> b.allowedOrigins().allowAnyOrigin())),
                    arguments("null origin", change(CorsPolicy.Builder::allowNullOrigin)),
                    arguments("methods", change(b -> b.allowedMethods("PUT"))),
                    arguments("method case", change(b -> b.allowedMethods("patch"))),
                    arguments("headers", change(b -> b.allowedHeaders("X-B"))),
                    arguments("exposed headers", change(b -> b.exposedHeaders("Link"))),
                    arguments("credentials", change(b -> b.allowCredentials(true))),
                    arguments("max age", change(b -> b.maxAge(Duration.ofSeconds(60)))),
                    arguments("no max age", change(b -> b.maxAge(null))),
                    arguments("pre-flight status", change(b -> b.preflightStatus(200))));
        }

        private static Function<CorsPolicy.Builder, CorsPolicy.Builder> change(
                Function<CorsPolicy.Builder, CorsPolicy.Builder> change) {
            return change;
        }

        private static CorsPolicy.Builder base() {
            return valid().allowedMethods("PATCH").allowedHeaders("X-A").exposedHeaders("ETag")
                    .maxAge(Duration.ofSeconds(30));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("changes")
        void policiesDifferingInOneSettingAreNotEqual(String difference,
                                                      Function<CorsPolicy.Builder, CorsPolicy.Builder> change) {
            CorsPolicy base = base().build();
            CorsPolicy changed = change.apply(base()).build();

            assertThat(base).isNotEqualTo(changed);
            assertThat(changed).isNotEqualTo(base);
        }

        @Test
        void aPolicyIsNotEqualToNullOrAnotherType() {
            CorsPolicy policy = valid().build();

            assertThat(policy).isEqualTo(policy).isNotEqualTo(null).isNotEqualTo(APP);
        }

        @Test
        void toStringShowsEveryCanonicalSetting() {
            assertThat(readmeExample()).hasToString("CorsPolicy{origins=[https://app.example.com,"
                    + " https://*.preview.example.com, http://localhost:*], methods=[GET, POST, PUT, DELETE],"
                    + " headers=[content-type, authorization, x-request-id], exposedHeaders=[X-Request-Id, ETag],"
                    + " credentials=true, maxAge=600s, preflightStatus=204}");
        }

        @Test
        void toStringShowsAnyOriginAndNoMaxAge() {
            assertThat(CorsPolicy.builder().allowAnyOrigin().preflightStatus(200).build())
                    .hasToString("CorsPolicy{origins=*, methods=[], headers=[], exposedHeaders=[], credentials=false,"
                            + " maxAge=none, preflightStatus=200}");
        }

        @Test
        void toStringShowsTheNullOriginOnlyWhenAllowed() {
            assertThat(CorsPolicy.builder().allowNullOrigin().build())
                    .hasToString("CorsPolicy{origins=[], nullOrigin=true, methods=[], headers=[], exposedHeaders=[],"
                            + " credentials=false, maxAge=none, preflightStatus=204}");
        }

        @Test
        void aProblemReadsAsSettingAndMessage() {
            assertThat(new PolicyProblem("maxAge", "PT-1S", MAX_AGE_OUT_OF_RANGE, "too small"))
                    .hasToString("maxAge: too small");
        }
    }

    @Nested
    class Immutability {

        static Stream<Arguments> lists() {
            return Stream.of(
                    arguments("allowedOrigins", (Function<CorsPolicy, List<String>>) CorsPolicy::allowedOrigins),
                    arguments("allowedMethods", (Function<CorsPolicy, List<String>>) CorsPolicy::allowedMethods),
                    arguments("allowedHeaders", (Function<CorsPolicy, List<String>>) CorsPolicy::allowedHeaders),
                    arguments("exposedHeaders", (Function<CorsPolicy, List<String>>) CorsPolicy::exposedHeaders));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("lists")
        void returnedListsCannotBeChanged(String name, Function<CorsPolicy, List<String>> accessor) {
            List<String> list = accessor.apply(readmeExample());

            assertThatThrownBy(() -> list.add("x")).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> list.remove(0)).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(list::clear).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void changingTheBuilderAfterBuildDoesNotChangeThePolicy() {
            CorsPolicy.Builder builder = CorsPolicy.builder()
                    .allowedOrigins(APP).allowedMethods("PUT").allowedHeaders("X-A").exposedHeaders("ETag")
                    .maxAge(Duration.ofSeconds(30));
            CorsPolicy policy = builder.build();
            String before = policy.toString();

            builder.allowedOrigins("https://other.example.com").allowedMethods("DELETE").allowedHeaders("X-B")
                    .exposedHeaders("Link").allowCredentials(true).maxAge(Duration.ofSeconds(60)).preflightStatus(200);

            assertThat(policy).hasToString(before);
            assertThat(policy.allowsCredentials()).isFalse();
        }

        @Test
        void changingTheCollectionsGivenToTheBuilderDoesNotChangeIt() {
            List<String> origins = new ArrayList<>(List.of(APP));
            List<String> methods = new ArrayList<>(List.of("PUT"));
            List<String> headers = new ArrayList<>(List.of("X-A"));
            List<String> exposed = new ArrayList<>(List.of("ETag"));
            CorsPolicy.Builder builder = CorsPolicy.builder()
                    .allowedOrigins(origins).allowedMethods(methods).allowedHeaders(headers).exposedHeaders(exposed);

            origins.add("null");
            methods.add("TRACE");
            headers.add("Cookie");
            exposed.add("Set-Cookie");
            CorsPolicy policy = builder.build();

            assertThat(policy.allowedOrigins()).containsExactly(APP);
            assertThat(policy.allowedMethods()).containsExactly("PUT");
            assertThat(policy.allowedHeaders()).containsExactly("x-a");
            assertThat(policy.exposedHeaders()).containsExactly("ETag");
        }

        @Test
        void changingTheArrayGivenToTheBuilderDoesNotChangeIt() {
            String[] origins = {APP};
            CorsPolicy.Builder builder = CorsPolicy.builder().allowedOrigins(origins);

            origins[0] = "null";

            assertThat(builder.build().allowedOrigins()).containsExactly(APP);
        }

        @Test
        void aPolicyIsNotChangedByBuildingAnotherFromTheSameBuilder() {
            CorsPolicy.Builder builder = valid().allowedMethods("PUT");
            CorsPolicy first = builder.build();

            builder.allowedMethods("DELETE").build();

            assertThat(first.allowedMethods()).containsExactly("PUT");
        }
    }
}
