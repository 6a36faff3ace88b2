package dev.corsfilter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.corsfilter.testing.LogRecorder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class ConfigurationSourcesTest {

    @TempDir
    Path directory;

    Path file(String content) throws IOException {
        Path file = directory.resolve("cors.properties");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void laterSourcesOverrideEarlierOnesSettingBySetting() throws IOException {
        Path file = file("allowed-origins=https://file.example\nallowed-methods=PUT\nmax-age=60\n");
        ConfigurationSources sources = new ConfigurationSources(
                Map.of("allowed-origins", "https://init.example", "allowed-headers", "X-Init",
                        "config-file", file.toString(), "max-age", "10"),
                Map.of("CORS_ALLOWED_METHODS", "DELETE", "CORS_MAX_AGE", "120", "UNRELATED", "x"),
                Map.of("cors.max-age", "300", "cors.unrelated", "y"));

        assertThat(sources.load()).containsOnly(
                Map.entry("allowed-origins", "https://file.example"),
                Map.entry("allowed-headers", "X-Init"),
                Map.entry("allowed-methods", "DELETE"),
                Map.entry("max-age", "300"));
    }

    @Test
    void theFileCanBeNamedByTheEnvironmentAndComeFromTheClassPath() {
        ConfigurationSources sources = new ConfigurationSources(Map.of(),
                Map.of("CORS_CONFIG_FILE", "classpath:cors-test.properties"), Map.of());

        CorsPolicy policy = InitParameters.toPolicy(sources.load());
        assertThat(policy.allowedOrigins()).containsExactly("https://classpath.example");
        assertThat(policy.allowedMethods()).containsExactly("PUT");
        assertThat(sources.watchedFile()).isNull();
    }

    @Test
    void anUnreadableFileIsAClearError() {
        ConfigurationSources sources = new ConfigurationSources(Map.of("config-file", "/no/such/cors.properties"),
                Map.of(), Map.of());

        assertThatThrownBy(sources::load).isInstanceOfSatisfying(InvalidCorsPolicyException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.setting()).isEqualTo("config-file");
                    assertThat(problem.message()).startsWith("cannot read config-file \"/no/such/cors.properties\"");
                }));
    }

    @Test
    void aFileOverOneMebibyteIsAClearErrorInsteadOfBeingRead() throws IOException {
        Path file = file("allowed-origins=https://a.example\n#" + " ".repeat(1 << 20) + "\n");
        ConfigurationSources sources = new ConfigurationSources(Map.of("config-file", file.toString()), Map.of(), Map.of());

        assertThatThrownBy(sources::load).isInstanceOfSatisfying(InvalidCorsPolicyException.class,
                e -> assertThat(e.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                        .isEqualTo("cannot read config-file \"" + file + "\": it is larger than 1 MiB, which no CORS"
                                + " configuration needs; is it the right file?")));
    }

    /** Windows editors save UTF-8 with a byte-order mark, which used to make the first name unknown. */
    @Test
    void aUtf8ByteOrderMarkAtTheStartOfTheFileIsAccepted() throws IOException {
        Path file = directory.resolve("cors.properties");
        Files.write(file, ("\uFEFFallowed-origins=https://a.example\nallowed-methods=PUT\n").getBytes(StandardCharsets.UTF_8));
        ConfigurationSources sources = new ConfigurationSources(Map.of("config-file", file.toString()), Map.of(), Map.of());

        CorsPolicy policy = InitParameters.toPolicy(sources.load());

        assertThat(policy.allowedOrigins()).containsExactly("https://a.example");
        assertThat(policy.allowedMethods()).containsExactly("PUT");
    }

    @Test
    void unknownNamesInTheFileAreErrorsThatSayPropertyAndNameTheClosestSetting() throws IOException {
        Path file = file("allowed-origins=https://a.example\nallowed-origin=https://typo.example\n");
        ConfigurationSources sources = new ConfigurationSources(
                Map.of("config-file", file.toString(), "max_age", "60"), Map.of(), Map.of());

        assertThatThrownBy(() -> sources.configuration(sources.readFile()))
                .isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::rule, PolicyProblem::message).containsExactly(
                                tuple(PolicyRule.INIT_PARAM_UNKNOWN, "unknown property \"allowed-origin\" in " + file
                                        + "; did you mean \"allowed-origins\"?"),
                                tuple(PolicyRule.INIT_PARAM_UNKNOWN, "unknown init-param \"max_age\"; did you mean"
                                        + " \"max-age\"?")));
    }

    /** The same typo in an init-param stops the application; here it used to be silently ignored. */
    @Test
    void misspeltEnvironmentVariablesAndSystemPropertiesGetAStartupWarningNamingTheClosestSetting() {
        ConfigurationSources sources = new ConfigurationSources(Map.of("allowed-origins", "https://a.example"),
                Map.of("CORS_ALLOWED_ORIGIN", "https://typo.example", "CORS_MAX_AGE", "60", "CORSET", "x",
                        "CORS_API_ALLOWED_ORIGINS", "https://api.example", "CORS_COLOUR", "blue",
                        "CORS_debug", "true"),
                Map.of("cors.allowed-origin", "https://typo.example", "cors.debug", "false",
                        "cors.api.allowed-origins", "https://api.example", "corsage", "x"));
        CorsFilter filter = new CorsFilter();

        try (LogRecorder log = LogRecorder.start()) {
            filter.init(sources);

            assertThat(log.entries("WARN")).extracting(LogRecorder.Entry::message).containsExactly(
                    "CORS filter ignores environment variable CORS_ALLOWED_ORIGIN, which names no setting;"
                            + " did you mean CORS_ALLOWED_ORIGINS?",
                    "CORS filter ignores environment variable CORS_API_ALLOWED_ORIGINS, which names no setting;"
                            + " per-path settings such as api.allowed-origins come from init-params or the config-file",
                    "CORS filter ignores environment variable CORS_COLOUR, which names no setting; the variables it"
                            + " reads are " + ConfigurationSourcesTest.environmentNames()
                            + ", and each of the policy's also with the shadow prefix (CORS_SHADOW_ALLOWED_ORIGINS, …)",
                    "CORS filter ignores environment variable CORS_debug, which names no setting; did you mean CORS_DEBUG?",
                    "CORS filter ignores system property cors.allowed-origin, which names no setting;"
                            + " did you mean cors.allowed-origins?",
                    "CORS filter ignores system property cors.api.allowed-origins, which names no setting;"
                            + " per-path settings such as api.allowed-origins come from init-params or the config-file");
        } finally {
            filter.destroy();
        }
        assertThat(filter.policy().maxAge()).contains(java.time.Duration.ofSeconds(60));
    }

    static String environmentNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        InitParameters.POLICY_NAMES.forEach(name -> names.add(ConfigurationSources.environmentName(name)));
        for (String name : List.of("policies", "config-file", "config-file-watch-seconds")) {
            names.add(ConfigurationSources.environmentName(name));
        }
        return names.toString();
    }

    @Test
    void perPathPoliciesFromOneFile() throws IOException {
        Path file = file("""
                policies = public, api
                public.paths = /public/*, *.json
                public.allowed-origins = *
                api.paths = /api/*
                api.allowed-origins = https://app.example.com
                api.allow-credentials = true
                api.allowed-methods = PUT, DELETE
                """);
        InitParameters.Configuration configuration = InitParameters.toConfiguration(
                new ConfigurationSources(Map.of("config-file", file.toString()), Map.of(), Map.of()).load());

        assertThat(configuration.policy()).isNull();
        PathPolicies paths = configuration.paths();
        assertThat(paths.policyFor("/public/a")).hasValueSatisfying(p -> assertThat(p.allowsAnyOrigin()).isTrue());
        assertThat(paths.policyFor("/x/data.json")).hasValueSatisfying(p -> assertThat(p.allowsAnyOrigin()).isTrue());
        assertThat(paths.policyFor("/api/items")).hasValueSatisfying(p -> {
            assertThat(p.allowsCredentials()).isTrue();
            assertThat(p.allowedMethods()).containsExactly("PUT", "DELETE");
        });
        assertThat(paths.policyFor("/private")).isEmpty();
    }

    @Test
    void perPathProblemsNameTheirPolicy() {
        assertThatThrownBy(() -> InitParameters.toConfiguration(Map.of(
                "policies", "api, admin",
                "api.paths", "/api/*",
                "api.allowed-origins", "https://app.example.com/",
                "admin.allowed-origins", "https://admin.example.com",
                "allowed-origins", "https://stray.example",
                "other.paths", "/x")))
                .isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> assertThat(e.problems())
                        .extracting(PolicyProblem::setting, PolicyProblem::rule)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("api.allowed-origins", PolicyRule.ORIGIN_HAS_PATH),
                                org.assertj.core.groups.Tuple.tuple("admin.paths", PolicyRule.INIT_PARAM_INVALID),
                                org.assertj.core.groups.Tuple.tuple("allowed-origins", PolicyRule.INIT_PARAM_UNKNOWN),
                                org.assertj.core.groups.Tuple.tuple("other.paths", PolicyRule.INIT_PARAM_UNKNOWN)));
    }

    @Test
    void watchIntervalMustBeANumber() {
        ConfigurationSources sources = new ConfigurationSources(Map.of("config-file-watch-seconds", "soon"), Map.of(), Map.of());

        assertThatThrownBy(sources::watchSeconds).isInstanceOf(InvalidCorsPolicyException.class)
                .hasMessageContaining("config-file-watch-seconds is \"soon\"");
    }
}
