package dev.corsfilter;

import static dev.corsfilter.PolicyRule.ANY_ORIGIN_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.INIT_PARAM_INVALID;
import static dev.corsfilter.PolicyRule.INIT_PARAM_UNKNOWN;
import static dev.corsfilter.PolicyRule.INSECURE_ORIGIN_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.MAX_AGE_OUT_OF_RANGE;
import static dev.corsfilter.PolicyRule.METHOD_NOT_NORMALIZED;
import static dev.corsfilter.PolicyRule.NO_ORIGIN;
import static dev.corsfilter.PolicyRule.NULL_ORIGIN_WITH_CREDENTIALS;
import static dev.corsfilter.PolicyRule.ORIGIN_HAS_PATH;
import static dev.corsfilter.PolicyRule.ORIGIN_OPAQUE;
import static dev.corsfilter.PolicyRule.ORIGIN_WILDCARD_MIXED;
import static dev.corsfilter.PolicyRule.PREFLIGHT_STATUS_INVALID;
import static dev.corsfilter.PolicyRule.PUBLIC_SUFFIX_WITH_CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class InitParametersTest {

    private static final String APP = "https://app.example.com";

    private static final List<String> DOCUMENTED = List.of("allowed-origins", "allowed-methods", "allowed-headers",
            "exposed-headers", "allow-credentials", "max-age", "preflight-status", "allow-null-origin",
            "dangerously-allow-insecure-origins-with-credentials",
            "dangerously-allow-public-suffix-wildcards-with-credentials");

    private static Map<String, String> withOrigin(String... nameValuePairs) {
        Map<String, String> params = new HashMap<>();
        params.put("allowed-origins", APP);
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            params.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return params;
    }

    private static List<PolicyProblem> problems(Map<String, String> params) {
        InvalidCorsPolicyException e =
                catchThrowableOfType(InvalidCorsPolicyException.class, () -> InitParameters.toPolicy(params));
        assertThat(e).as("toPolicy should throw InvalidCorsPolicyException").isNotNull();
        return e.problems();
    }

    private static PolicyProblem onlyProblem(Map<String, String> params) {
        List<PolicyProblem> problems = problems(params);
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    @Test
    void everyKnownParamSetsItsBuilderSetting() {
        CorsPolicy policy = InitParameters.toPolicy(Map.of(
                "allowed-origins", "https://app.example.com, https://*.preview.example.com, http://localhost:*",
                "allowed-methods", "GET, POST, PUT, DELETE",
                "allowed-headers", "Content-Type, Authorization, X-Request-Id",
                "exposed-headers", "X-Request-Id, ETag",
                "allow-credentials", "true",
                "max-age", "600",
                "preflight-status", "200"));

        assertThat(policy.allowedOrigins())
                .containsExactly(APP, "https://*.preview.example.com", "http://localhost:*");
        assertThat(policy.allowedMethods()).containsExactly("GET", "POST", "PUT", "DELETE");
        assertThat(policy.allowedHeaders()).containsExactly("content-type", "authorization", "x-request-id");
        assertThat(policy.exposedHeaders()).containsExactly("X-Request-Id", "ETag");
        assertThat(policy.allowsCredentials()).isTrue();
        assertThat(policy.maxAge()).contains(Duration.ofMinutes(10));
        assertThat(policy.preflightStatus()).isEqualTo(200);
        assertThat(policy).isEqualTo(CorsPolicy.builder()
                .allowedOrigins(APP, "https://*.preview.example.com", "http://localhost:*")
                .allowedMethods("GET", "POST", "PUT", "DELETE")
                .allowedHeaders("Content-Type", "Authorization", "X-Request-Id")
                .exposedHeaders("X-Request-Id", "ETag")
                .allowCredentials(true)
                .maxAge(Duration.ofMinutes(10))
                .preflightStatus(200)
                .build());
    }

    static Stream<Arguments> documentedSettings() {
        return Stream.of(
                arguments("allowed-methods", "PUT"),
                arguments("allowed-headers", "X-A"),
                arguments("exposed-headers", "ETag"),
                arguments("allow-credentials", "false"),
                arguments("max-age", "60"),
                arguments("preflight-status", "204"),
                arguments("allow-null-origin", "false"),
                arguments("dangerously-allow-insecure-origins-with-credentials", "false"),
                arguments("dangerously-allow-public-suffix-wildcards-with-credentials", "false"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentedSettings")
    void everyDocumentedNameIsKnown(String name, String value) {
        assertThat(InitParameters.toPolicy(withOrigin(name, value))).isNotNull();
    }

    @Test
    void theReadmeWebXmlExampleBuilds() {
        CorsPolicy policy = InitParameters.toPolicy(Map.of(
                "allowed-origins", "https://app.example.com, https://*.preview.example.com",
                "allowed-methods", "GET, POST, PUT, DELETE",
                "allowed-headers", "Content-Type, Authorization",
                "exposed-headers", "ETag",
                "allow-credentials", "true",
                "max-age", "600"));

        assertThat(policy).isEqualTo(CorsPolicy.builder()
                .allowedOrigins(APP, "https://*.preview.example.com")
                .allowedMethods("GET", "POST", "PUT", "DELETE")
                .allowedHeaders("Content-Type", "Authorization")
                .exposedHeaders("ETag")
                .allowCredentials(true)
                .maxAge(Duration.ofSeconds(600))
                .build());
    }

    @Test
    void onlyAllowedOriginsIsRequiredAndTheRestDefaultsLikeTheBuilder() {
        assertThat(InitParameters.toPolicy(withOrigin()))
                .isEqualTo(CorsPolicy.builder().allowedOrigins(APP).build());
    }

    @Test
    void listsTolerateWhiteSpaceNewLinesAndEmptyElements() {
        CorsPolicy policy = InitParameters.toPolicy(Map.of(
                "allowed-origins", "\n    https://a.example.com ,\n\thttps://b.example.com,, ,\n  ",
                "allowed-methods", " PUT ,DELETE,",
                "allowed-headers", ",X-A,\r\n X-B",
                "exposed-headers", "ETag ,\n\n, Link"));

        assertThat(policy.allowedOrigins()).containsExactly("https://a.example.com", "https://b.example.com");
        assertThat(policy.allowedMethods()).containsExactly("PUT", "DELETE");
        assertThat(policy.allowedHeaders()).containsExactly("x-a", "x-b");
        assertThat(policy.exposedHeaders()).containsExactly("ETag", "Link");
    }

    @Test
    void emptyListsMeanNothingAllowed() {
        CorsPolicy policy = InitParameters.toPolicy(withOrigin("allowed-methods", "", "allowed-headers", " , ",
                "exposed-headers", "\n"));

        assertThat(policy.allowedMethods()).isEmpty();
        assertThat(policy.allowedHeaders()).isEmpty();
        assertThat(policy.exposedHeaders()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"*", " * ", "*,", "\n*\n"})
    void aStarOriginMeansAnyOrigin(String value) {
        CorsPolicy policy = InitParameters.toPolicy(Map.of("allowed-origins", value));

        assertThat(policy.allowsAnyOrigin()).isTrue();
        assertThat(policy.allowedOrigins()).isEmpty();
    }

    @Test
    void aStarOriginWithCredentialsIsRefusedByThePolicy() {
        List<PolicyProblem> problems = problems(Map.of("allowed-origins", "*", "allow-credentials", "true"));

        assertThat(problems).extracting(PolicyProblem::rule).containsExactly(ANY_ORIGIN_WITH_CREDENTIALS);
    }

    @Test
    void aStarOriginMixedWithOriginsIsRefusedByThePolicy() {
        PolicyProblem problem = onlyProblem(Map.of("allowed-origins", "*, " + APP));

        assertThat(problem.rule()).isEqualTo(ORIGIN_WILDCARD_MIXED);
        assertThat(problem.value()).isEqualTo("*, " + APP);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"true", " true", "true\n"})
    void allowCredentialsTrueAllowsCredentials(String value) {
        assertThat(InitParameters.toPolicy(withOrigin("allow-credentials", value)).allowsCredentials()).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"false", " false "})
    void allowCredentialsFalseRefusesCredentials(String value) {
        assertThat(InitParameters.toPolicy(withOrigin("allow-credentials", value)).allowsCredentials()).isFalse();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"yes", "no", "TRUE", "True", "FALSE", "1", "0", "on", "", " ", "true,false", "t"})
    void allowCredentialsOtherThanTrueOrFalseIsRefused(String value) {
        assertThat(onlyProblem(withOrigin("allow-credentials", value))).usingRecursiveComparison().isEqualTo(
                new PolicyProblem("allow-credentials", value, INIT_PARAM_INVALID,
                        "allow-credentials is \"" + value + "\"; write true or false"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"allow-null-origin", "dangerously-allow-insecure-origins-with-credentials",
            "dangerously-allow-public-suffix-wildcards-with-credentials"})
    void everyOtherSwitchOtherThanTrueOrFalseIsRefused(String name) {
        assertThat(onlyProblem(withOrigin(name, "yes"))).usingRecursiveComparison().isEqualTo(
                new PolicyProblem(name, "yes", INIT_PARAM_INVALID, name + " is \"yes\"; write true or false"));
    }

    @Test
    void allowNullOriginTrueAllowsTheNullOrigin() {
        assertThat(InitParameters.toPolicy(withOrigin("allow-null-origin", " true ")).allowsNullOrigin()).isTrue();
        assertThat(InitParameters.toPolicy(Map.of("allow-null-origin", "true")).allowsNullOrigin()).isTrue();
    }

    @Test
    void allowNullOriginFalseOrAbsentRefusesTheNullOrigin() {
        assertThat(InitParameters.toPolicy(withOrigin("allow-null-origin", "false")).allowsNullOrigin()).isFalse();
        assertThat(InitParameters.toPolicy(withOrigin()).allowsNullOrigin()).isFalse();
    }

    @Test
    void theNullOriginWithCredentialsIsRefusedByThePolicy() {
        assertThat(onlyProblem(withOrigin("allow-null-origin", "true", "allow-credentials", "true")).rule())
                .isEqualTo(NULL_ORIGIN_WITH_CREDENTIALS);
    }

    @Test
    void insecureOriginsWithCredentialsNeedTheirSwitch() {
        Map<String, String> params = Map.of("allowed-origins", "http://app.example.com", "allow-credentials", "true");
        Map<String, String> forced = new HashMap<>(params);
        forced.put("dangerously-allow-insecure-origins-with-credentials", "true");
        Map<String, String> notForced = new HashMap<>(params);
        notForced.put("dangerously-allow-insecure-origins-with-credentials", "false");

        assertThat(onlyProblem(params).rule()).isEqualTo(INSECURE_ORIGIN_WITH_CREDENTIALS);
        assertThat(onlyProblem(notForced).rule()).isEqualTo(INSECURE_ORIGIN_WITH_CREDENTIALS);
        assertThat(InitParameters.toPolicy(forced).allowedOrigins()).containsExactly("http://app.example.com");
    }

    @Test
    void publicSuffixWildcardsWithCredentialsNeedTheirSwitch() {
        Map<String, String> params = Map.of("allowed-origins", "https://*.github.io", "allow-credentials", "true");
        Map<String, String> forced = new HashMap<>(params);
        forced.put("dangerously-allow-public-suffix-wildcards-with-credentials", "true");

        assertThat(onlyProblem(params).rule()).isEqualTo(PUBLIC_SUFFIX_WITH_CREDENTIALS);
        assertThat(InitParameters.toPolicy(forced).allowedOrigins()).containsExactly("https://*.github.io");
    }

    @Test
    void theSwitchesDoNotLeakIntoEachOther() {
        Map<String, String> params = new HashMap<>(Map.of("allowed-origins", "http://*.github.io",
                "allow-credentials", "true"));
        params.put("dangerously-allow-insecure-origins-with-credentials", "true");

        assertThat(problems(params)).extracting(PolicyProblem::rule).containsExactly(PUBLIC_SUFFIX_WITH_CREDENTIALS);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"600", " 600 ", "+600", "0600", "600\n"})
    void maxAgeIsReadAsWholeSeconds(String value) {
        assertThat(InitParameters.toPolicy(withOrigin("max-age", value)).maxAge()).contains(Duration.ofSeconds(600));
    }

    @Test
    void maxAgeZeroDisablesCaching() {
        assertThat(InitParameters.toPolicy(withOrigin("max-age", "0")).maxAge()).contains(Duration.ZERO);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"10m", "1.5", "600s", "PT10M", "ten", "", " ", "6 00", "0x10", "1e3", "600,700"})
    void aMaxAgeThatIsNotAWholeNumberIsRefused(String value) {
        assertThat(onlyProblem(withOrigin("max-age", value))).usingRecursiveComparison().isEqualTo(
                new PolicyProblem("max-age", value, INIT_PARAM_INVALID,
                        "max-age is \"" + value + "\"; write a whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"-1", "86401", "9223372036854775807"})
    void aMaxAgeOutOfRangeIsRefused(String value) {
        PolicyProblem problem = onlyProblem(withOrigin("max-age", value));

        assertThat(problem.rule()).isEqualTo(MAX_AGE_OUT_OF_RANGE);
        assertThat(problem.message()).endsWith(" is \"" + value + "\"; write whole seconds from 0 to 86400 (24 hours)");
    }
    @Test
    void aMaxAgeOutOfRangeNamesTheInitParamAndItsValue() {
        assertThat(onlyProblem(withOrigin("max-age", "-1")))
                .extracting(PolicyProblem::setting, PolicyProblem::value)
                .containsExactly("max-age", "-1");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"200", " 204 ", "299"})
    void preflightStatusIsRead(String value) {
        assertThat(InitParameters.toPolicy(withOrigin("preflight-status", value)).preflightStatus())
                .isEqualTo(Integer.parseInt(value.strip()));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"ok", "204 No Content", "2.04", ""})
    void aPreflightStatusThatIsNotAWholeNumberIsRefused(String value) {
        assertThat(onlyProblem(withOrigin("preflight-status", value))).usingRecursiveComparison().isEqualTo(
                new PolicyProblem("preflight-status", value, INIT_PARAM_INVALID,
                        "preflight-status is \"" + value + "\"; write a whole number"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"404", "199", "-204", "99999999999", "-99999999999"})
    void aPreflightStatusOutside2xxIsRefused(String value) {
        PolicyProblem problem = onlyProblem(withOrigin("preflight-status", value));

        assertThat(problem.rule()).isEqualTo(PREFLIGHT_STATUS_INVALID);
        assertThat(problem.message()).endsWith(" is \"" + value
                + "\"; write a status from 200 to 299: browsers fail a pre-flight with any other");
    }
    @Test
    void aHugePreflightStatusIsReportedAsConfigured() {
        assertThat(onlyProblem(withOrigin("preflight-status", "99999999999")))
                .extracting(PolicyProblem::setting, PolicyProblem::value)
                .containsExactly("preflight-status", "99999999999");
    }

    static Stream<Arguments> numbersOutOfRange() {
        String resolver = OriginResolverTest.TenantResolver.class.getName();
        return Stream.of(
                arguments("origin-resolver-cache-size", "-4294967295", resolver, "write a whole number from 1 to 1000000"),
                arguments("origin-resolver-cache-size", "4294967297", resolver, "write a whole number from 1 to 1000000"),
                arguments("origin-resolver-cache-size", "99999999999999999999", resolver,
                        "write a whole number from 1 to 1000000"),
                arguments("origin-resolver-cache-size", "0", resolver, "write a whole number from 1 to 1000000"),
                arguments("origin-resolver-cache-seconds", "-4294967295", resolver,
                        "write whole seconds from 1 to 86400 (24 hours)"),
                arguments("origin-resolver-cache-seconds", "18446744073709551617", resolver,
                        "write whole seconds from 1 to 86400 (24 hours)"),
                arguments("max-age", "99999999999999999999", null, "write whole seconds from 0 to 86400 (24 hours)"),
                arguments("preflight-status", "4294967500", null,
                        "write a status from 200 to 299: browsers fail a pre-flight with any other"));
    }

    /** Parse, check the range, then convert: a cast first turned -4294967295 into 1 and 4294967297 into 2147483647. */
    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("numbersOutOfRange")
    void aNumberIsRangeCheckedAsWrittenBeforeItIsConverted(String name, String value, String resolver, String hint) {
        Map<String, String> params = withOrigin(name, value);
        if (resolver != null) {
            params.put("origin-resolver", resolver);
        }

        PolicyProblem problem = onlyProblem(params);

        assertThat(problem.setting()).isEqualTo(name);
        assertThat(problem.value()).isEqualTo(value);
        assertThat(problem.message()).isEqualTo(name + " is \"" + value + "\"; " + hint);
    }

    static Stream<Arguments> misspeltNames() {
        return Stream.of(
                arguments("allowed-origin", "allowed-origins"),
                arguments("Allowed-Origins", "allowed-origins"),
                arguments("ALLOWED_ORIGINS", "allowed-origins"),
                arguments("cors.allowed.origins", "allowed-origins"),
                arguments("allowedOrigins", "allowed-origins"),
                arguments("allow-origins", "allowed-origins"),
                arguments("max_age", "max-age"),
                arguments("credentials", "allow-credentials"),
                arguments("alow-credentails", "allow-credentials"),
                arguments("exposed-header", "exposed-headers"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("misspeltNames")
    void aMisspeltParamIsRefusedWithTheClosestKnownName(String name, String closest) {
        PolicyProblem problem = onlyProblem(withOrigin(name, "x"));

        assertThat(problem.setting()).isEqualTo(name);
        assertThat(problem.value()).isEqualTo("x");
        assertThat(problem.rule()).isEqualTo(INIT_PARAM_UNKNOWN);
        assertThat(problem.message()).isEqualTo("unknown init-param \"" + name + "\"; did you mean \"" + closest + "\"?");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"colour", "zeta", ""})
    void anUnknownParamLikeNoKnownOneIsRefusedAndListsTheKnownOnes(String name) {
        PolicyProblem problem = onlyProblem(withOrigin(name, "x"));

        assertThat(problem.rule()).isEqualTo(INIT_PARAM_UNKNOWN);
        assertThat(problem.message()).startsWith("unknown init-param \"" + name + "\"; the known ones are [");
    }

    @Test
    void theUnknownParamMessageListsEveryKnownNameSorted() {
        String message = onlyProblem(withOrigin("colour", APP)).message();
        List<String> known = List.of(message.substring(message.indexOf('[') + 1, message.lastIndexOf(']'))
                .split(", "));

        assertThat(message).endsWith("]");
        assertThat(known).isSorted().containsAll(DOCUMENTED).doesNotContain("colour");
    }

    /** config-file and config-file-watch-seconds are init-params too: a typo of one used to get no hint. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("misspeltFilterLevelNames")
    void aMisspeltFilterLevelParamGetsTheClosestNameAndIsListedAmongTheKnownOnes(String name, String closest) {
        ConfigurationSources sources = new ConfigurationSources(withOrigin(name, "5"), Map.of(), Map.of());
        InvalidCorsPolicyException e = catchThrowableOfType(InvalidCorsPolicyException.class,
                () -> sources.configuration(null));

        assertThat(e.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .isEqualTo("unknown init-param \"" + name + "\"; did you mean \"" + closest + "\"?"));
        assertThat(onlyProblem(withOrigin("colour", "5")).message())
                .contains("config-file, config-file-watch-seconds");
    }

    static Stream<Arguments> misspeltFilterLevelNames() {
        return Stream.of(arguments("config-fle", "config-file"), arguments("configfile", "config-file"),
                arguments("config-file-watch-second", "config-file-watch-seconds"),
                arguments("config-file-watch-secs", "config-file-watch-seconds"));
    }

    /**
     * With per-path policies, a name too far from every setting listed every name of every policy, and each
     * unknown name repeated that list: a 7.5 KB file made a 5-million-character message. The list is now a
     * rule of a few lines, and at most 100 unknown names are listed.
     */
    @Test
    void unknownNamesInAPerPathConfigurationGetAMessageThatDoesNotGrowWithThePolicies() {
        Map<String, String> params = new HashMap<>();
        StringBuilder policies = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            policies.append(i == 0 ? "" : ",").append("p").append(i);
            params.put("p" + i + ".paths", "/p" + i + "/*");
            params.put("p" + i + ".allowed-origins", "https://p" + i + ".example");
        }
        params.put("policies", policies.toString());
        for (int i = 0; i < 250; i++) {
            params.put(String.format("spring.zzz%03d", i), "x");
        }
        params.put("p7.alowed-methods", "PUT");

        InvalidCorsPolicyException e = catchThrowableOfType(InvalidCorsPolicyException.class,
                () -> InitParameters.toConfiguration(params));

        assertThat(e.problems()).hasSize(101);
        assertThat(e.problems().get(0).message()).isEqualTo("unknown init-param \"p7.alowed-methods\"; did you mean"
                + " \"p7.allowed-methods\"?");
        assertThat(e.problems().get(1).message()).startsWith("unknown init-param \"spring.zzz000\"; the known ones are"
                + " policies and, for each policy it names ([p0, p1, p10, p11, p12, p13, p14, p15, p16, p17, and 90 more]),"
                + " <policy>.paths and <policy>.<setting> for the settings [allow-credentials, ");
        assertThat(e.problems().get(100).message()).isEqualTo("unknown init-param \"spring.zzz099\" and 150 more"
                + " unknown names after it, not listed");
        assertThat(e.problems()).allSatisfy(problem -> assertThat(problem.message()).hasSizeLessThan(1_000));
        assertThat(e.getMessage()).hasSizeLessThan(100_000);
    }

    /** Counts its instances: a class named as resolver that is none. */
    public static final class NotAResolver {
        static final java.util.concurrent.atomic.AtomicInteger CREATED = new java.util.concurrent.atomic.AtomicInteger();

        /** Counts. */
        public NotAResolver() {
            CREATED.incrementAndGet();
        }
    }

    /**
     * The constructor of a class that is no resolver used to run before the class was refused: whatever it did
     * (origin-resolver=java.util.Timer starts a thread that keeps the JVM alive) happened for nothing.
     */
    @Test
    void aClassThatIsNoResolverIsRefusedWithoutBeingInstantiated() {
        NotAResolver.CREATED.set(0);

        PolicyProblem problem = onlyProblem(withOrigin("origin-resolver", NotAResolver.class.getName()));

        assertThat(problem.setting()).isEqualTo("origin-resolver");
        assertThat(problem.message()).contains("is not a class implementing dev.corsfilter.OriginResolver");
        assertThat(NotAResolver.CREATED).hasValue(0);
    }

    @Test
    void aMisspeltOriginParamIsReportedTogetherWithTheMissingOrigin() {
        List<PolicyProblem> problems = problems(Map.of("allowed-origin", APP));

        assertThat(problems).extracting(PolicyProblem::setting, PolicyProblem::value, PolicyProblem::rule)
                .containsExactly(
                        tuple("allowed-origin", APP, INIT_PARAM_UNKNOWN),
                        tuple("allowed-origins", "", NO_ORIGIN));
    }

    @Test
    void unknownParamsAreReportedInNameOrder() {
        List<PolicyProblem> problems = problems(withOrigin("zeta", "1", "alpha", "2", "max_age", "3"));

        assertThat(problems).extracting(PolicyProblem::setting).containsExactly("alpha", "max_age", "zeta");
    }

    @Test
    void paramProblemsAndPolicyProblemsComeInOneExceptionInOrder() {
        Map<String, String> params = new HashMap<>();
        params.put("allowed-origins", "https://app.example.com/, null");
        params.put("allowed-methods", "put");
        params.put("allow-credentials", "yes");
        params.put("allow-null-origin", "maybe");
        params.put("max-age", "10 minutes");
        params.put("preflight-status", "none");
        params.put("allowed-origin", APP);

        InvalidCorsPolicyException e =
                catchThrowableOfType(InvalidCorsPolicyException.class, () -> InitParameters.toPolicy(params));

        assertThat(e.problems()).extracting(PolicyProblem::setting, PolicyProblem::value, PolicyProblem::rule)
                .containsExactly(
                        tuple("allowed-origin", APP, INIT_PARAM_UNKNOWN),
                        tuple("allow-credentials", "yes", INIT_PARAM_INVALID),
                        tuple("allow-null-origin", "maybe", INIT_PARAM_INVALID),
                        tuple("max-age", "10 minutes", INIT_PARAM_INVALID),
                        tuple("preflight-status", "none", INIT_PARAM_INVALID),
                        tuple("allowed-origins", "https://app.example.com/", ORIGIN_HAS_PATH),
                        tuple("allowed-origins", "null", ORIGIN_OPAQUE),
                        tuple("allowed-methods", "put", METHOD_NOT_NORMALIZED));
        assertThat(e).hasMessageStartingWith("Invalid CORS policy (8 problems):\n  - allowed-origin: unknown");
    }

    @Test
    void aParamProblemIsReportedEvenWhenThePolicyItselfIsValid() {
        List<PolicyProblem> problems = problems(withOrigin("allow-credentials", "yes"));

        assertThat(problems).extracting(PolicyProblem::rule).containsExactly(INIT_PARAM_INVALID);
    }

    @Test
    void noParamsAtAllMeansNoOrigin() {
        assertThat(onlyProblem(Map.of()).rule()).isEqualTo(NO_ORIGIN);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", " ", ",", " , ,\n"})
    void anEmptyOriginListMeansNoOrigin(String value) {
        assertThat(onlyProblem(Map.of("allowed-origins", value)).rule()).isEqualTo(NO_ORIGIN);
    }

    @Test
    void originsAreCheckedLikeTheBuilderChecksThem() {
        PolicyProblem problem = onlyProblem(Map.of("allowed-origins", APP + ", https://app.example.com/"));

        assertThat(problem.rule()).isEqualTo(ORIGIN_HAS_PATH);
        assertThat(problem.value()).isEqualTo("https://app.example.com/");
        assertThat(problem.message()).endsWith("did you mean \"" + APP + "\"?");
    }
}
