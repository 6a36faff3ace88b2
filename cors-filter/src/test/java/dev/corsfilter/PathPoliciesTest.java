package dev.corsfilter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PathPoliciesTest {

    static CorsPolicy policy(String origin) {
        return CorsPolicy.builder().allowedOrigins(origin).build();
    }

    static final CorsPolicy EXACT = policy("https://exact.example");
    static final CorsPolicy API = policy("https://api.example");
    static final CorsPolicy API_V2 = policy("https://v2.example");
    static final CorsPolicy JSON = policy("https://json.example");
    static final CorsPolicy DEFAULT = policy("https://default.example");

    static final PathPolicies POLICIES = PathPolicies.builder()
            .add("/api/*", API)
            .add("/api/v2/*", API_V2)
            .add("/api/v2/health", EXACT)
            .add("*.json", JSON)
            .add("/*", DEFAULT)
            .build();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v2/health, https://exact.example",
            "/api/v2/items, https://v2.example",
            "/api/v2, https://v2.example",
            "/api/v2/items.json, https://v2.example",
            "/api/items, https://api.example",
            "/api, https://api.example",
            "/apix, https://default.example",
            "/public/data.json, https://default.example",
            "/, https://default.example",
    })
    void mostSpecificPatternWins(String path, String origin) {
        assertThat(POLICIES.policyFor(path)).hasValueSatisfying(policy -> assertThat(policy.allowedOrigins()).containsExactly(origin));
    }

    @Test
    void extensionAppliesWhenNoPrefixMatches() {
        PathPolicies noDefault = PathPolicies.builder().add("/api/*", API).add("*.json", JSON).build();

        assertThat(noDefault.policyFor("/data/items.json")).contains(JSON);
        assertThat(noDefault.policyFor("/data.v1/items")).isEmpty();
        assertThat(noDefault.policyFor("/other")).isEmpty();
        assertThat(noDefault.policyFor("")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"api/*", "/api/*/items", "/api*", "*.", "*.js/on", "**.json", " ", "/a/**"})
    void malformedPatternsAreRefused(String pattern) {
        assertThatThrownBy(() -> PathPolicies.builder().add(pattern, API).build())
                .isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.rule()).isEqualTo(PolicyRule.PATH_PATTERN_INVALID);
                            assertThat(problem.value()).isEqualTo(pattern);
                        }));
    }

    @Test
    void duplicatesMissingPoliciesAndEmptySetsAreRefusedAllAtOnce() {
        assertThatThrownBy(() -> PathPolicies.builder().add("/a/*", API).add("/a/*", JSON).add("/b", null).build())
                .isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::message)
                        .containsExactly("path pattern \"/a/*\" is listed twice", "path pattern \"/b\" has no policy"));
        assertThatThrownBy(() -> PathPolicies.builder().build()).isInstanceOf(InvalidCorsPolicyException.class);
    }

    @Test
    void isAValue() {
        PathPolicies same = PathPolicies.builder().add("/api/*", API).add("/api/v2/*", API_V2).add("/api/v2/health", EXACT)
                .add("*.json", JSON).add("/*", DEFAULT).build();

        assertThat(same).isEqualTo(POLICIES).hasSameHashCodeAs(POLICIES);
        assertThat(POLICIES.policies()).containsKeys("/api/*", "*.json");
        assertThat(POLICIES.toString()).contains("/api/v2/*");
        assertThatThrownBy(() -> POLICIES.policies().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
