package dev.corsfilter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.corsfilter.testing.LogRecorder;
import dev.corsfilter.testing.NamedPipe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
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
                    "CORS filter ignores environment variable \"CORS_ALLOWED_ORIGIN\", which names no setting;"
                            + " did you mean CORS_ALLOWED_ORIGINS?",
                    "CORS filter ignores environment variable \"CORS_API_ALLOWED_ORIGINS\", which names no setting;"
                            + " per-path settings such as \"api.allowed-origins\" come from init-params or the config-file",
                    "CORS filter ignores environment variable \"CORS_COLOUR\", which names no setting; the variables it"
                            + " reads are " + ConfigurationSourcesTest.environmentNames()
                            + ", and each of the policy's also with the shadow prefix (CORS_SHADOW_ALLOWED_ORIGINS, …)",
                    "CORS filter ignores environment variable \"CORS_debug\", which names no setting; did you mean CORS_DEBUG?",
                    "CORS filter ignores system property \"cors.allowed-origin\", which names no setting;"
                            + " did you mean cors.allowed-origins?",
                    "CORS filter ignores system property \"cors.api.allowed-origins\", which names no setting;"
                            + " per-path settings such as \"api.allowed-origins\" come from init-params or the config-file");
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

    // --------------------------------------------------------------------------------- after the issue-11 review

    /** Opening a named pipe to read blocks until a writer comes: init() used to hang, and the application never started. */
    @Test
    void aNamedPipeAsTheConfigFileIsRefusedInsteadOfBlockingInit() throws Exception {
        try (NamedPipe pipe = NamedPipe.make(directory.resolve("cors.properties"))) {
            ConfigurationSources sources = new ConfigurationSources(Map.of("config-file", pipe.path().toString()),
                    Map.of(), Map.of());

            Throwable thrown = CompletableFuture.supplyAsync(() -> catchThrowable(sources::readFile))
                    .get(10, TimeUnit.SECONDS);

            assertThat(thrown).isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> assertThat(e.problems())
                    .singleElement().satisfies(problem -> assertThat(problem.message()).isEqualTo("cannot read config-file \""
                            + pipe.path() + "\": it is not a regular file (a named pipe, socket or device), which no"
                            + " CORS configuration is")));
        }
    }

    /** Windows PowerShell 5 saves UTF-16 by default: every other byte is NUL, and the names looked valid but were not. */
    @Test
    void aUtf16FileIsReportedAsUtf16NotAsAnUnknownNameThatLooksValid() throws IOException {
        Path file = directory.resolve("cors.properties");
        for (byte[] content : List.of(
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "allowed-origins=https://a.example\r\n".getBytes(StandardCharsets.UTF_16LE)),
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "allowed-origins=https://a.example\n".getBytes(StandardCharsets.UTF_16BE)),
                "allowed-origins=https://a.example\n".getBytes(StandardCharsets.UTF_16LE))) {
            Files.write(file, content);
            ConfigurationSources sources = new ConfigurationSources(Map.of("config-file", file.toString()), Map.of(), Map.of());

            assertThatThrownBy(() -> sources.configuration(sources.readFile()))
                    .isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> assertThat(e.problems())
                            .singleElement().satisfies(problem -> {
                                assertThat(problem.setting()).isEqualTo("config-file");
                                assertThat(problem.message()).startsWith("cannot read config-file \"" + file + "\": it is"
                                        + " encoded in UTF-16").endsWith("; save it as UTF-8");
                            }));
        }
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** java.util.Properties keeps the last: appending a line to "add" an origin removed every origin before it. */
    @Test
    void aNameWrittenTwiceInTheFileIsRefusedNamingBothLines() throws IOException {
        Path file = file("""
                # tenants
                allowed-origins = https://app.example.com, \\
                                  https://admin.example.com
                allow-credentials = true
                ! added later
                allowed-origins = https://new.example.com
                """);
        ConfigurationSources sources = new ConfigurationSources(Map.of("config-file", file.toString()), Map.of(), Map.of());

        assertThatThrownBy(() -> sources.configuration(sources.readFile()))
                .isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> assertThat(e.problems())
                        .singleElement().satisfies(problem -> {
                            assertThat(problem.setting()).isEqualTo("allowed-origins");
                            assertThat(problem.rule()).isEqualTo(PolicyRule.INIT_PARAM_INVALID);
                            assertThat(problem.message()).isEqualTo("property \"allowed-origins\" in " + file
                                    + " is written on lines 2 and 6, and only the last would count; write it once,"
                                    + " with every value in that line");
                        }));
    }

    /** max-age and the other numbers take ASCII digits only; the watch interval took any Unicode digit. */
    @Test
    void theWatchIntervalIsReadLikeEveryOtherNumber() {
        for (String value : List.of("\u0663\u0660", "\uFF13\uFF10", "1e3", "0x10", "-1", "86401", "99999999999999999999")) {
            ConfigurationSources sources = new ConfigurationSources(Map.of("config-file-watch-seconds", value),
                    Map.of(), Map.of());

            assertThatThrownBy(sources::watchSeconds).as(value).isInstanceOfSatisfying(InvalidCorsPolicyException.class,
                    e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.setting()).isEqualTo("config-file-watch-seconds");
                        assertThat(problem.message()).startsWith("config-file-watch-seconds is \"" + value + "\"; write");
                    }));
        }
        assertThat(new ConfigurationSources(Map.of("config-file-watch-seconds", " +30 "), Map.of(), Map.of())
                .watchSeconds()).isEqualTo(30);
    }

    /** Read only from init-params, the environment and system properties, it was dropped without a word from the file. */
    @Test
    void aWatchIntervalWrittenInTheFileItselfIsWarnedAbout() throws IOException {
        Path file = file("allowed-origins=https://a.example\nconfig-file-watch-seconds=5\nconfig-file=/etc/other.properties\n");

        assertThat(startupWarnings(new ConfigurationSources(Map.of("config-file", file.toString()), Map.of(), Map.of())))
                .containsExactly(
                        "CORS filter ignores property \"config-file\" in " + file + ": the file cannot say where the"
                                + " configuration is read from or how often; set config-file as an init-param,"
                                + " CORS_CONFIG_FILE or -Dcors.config-file",
                        "CORS filter ignores property \"config-file-watch-seconds\" in " + file + ": the file cannot"
                                + " say where the configuration is read from or how often; set config-file-watch-seconds"
                                + " as an init-param, CORS_CONFIG_FILE_WATCH_SECONDS or -Dcors.config-file-watch-seconds");
    }

    @Test
    void aWatchIntervalWithNothingToWatchIsWarnedAbout() {
        assertThat(startupWarnings(new ConfigurationSources(Map.of("allowed-origins", "https://a.example"),
                Map.of("CORS_CONFIG_FILE_WATCH_SECONDS", "5"), Map.of())))
                .containsExactly("CORS filter ignores config-file-watch-seconds=5: there is no config-file to watch");
        assertThat(startupWarnings(new ConfigurationSources(Map.of("config-file", "classpath:cors-test.properties",
                "config-file-watch-seconds", "5"), Map.of(), Map.of())))
                .containsExactly("CORS filter ignores config-file-watch-seconds=5: config-file names a class-path"
                        + " resource, which is not watched");
        assertThat(startupWarnings(new ConfigurationSources(Map.of("allowed-origins", "https://a.example",
                "config-file-watch-seconds", "0"), Map.of(), Map.of()))).isEmpty();
    }

    /** The WARN lines a filter started from these sources logs. */
    static List<String> startupWarnings(ConfigurationSources sources) {
        CorsFilter filter = new CorsFilter();
        try (LogRecorder log = LogRecorder.start()) {
            filter.init(sources);
            return log.entries("WARN").stream().map(LogRecorder.Entry::message).toList();
        } finally {
            filter.destroy();
        }
    }

    /** Names are the operator's, but what goes into a log line is quoted and escaped, names included. */
    @Test
    void namesFromTheEnvironmentAndTheFileCannotForgeLogLines() throws IOException {
        String forged = "\n2024-01-01 00:00:00.000:INFO :dc.CorsFilter:main: CORS filter enforces CorsPolicy[anyOrigin=true]";
        ConfigurationSources sources = new ConfigurationSources(Map.of("allowed-origins", "https://a.example"),
                Map.of("CORS_ALLOWED_ORIGIN" + forged, "x"), Map.of("cors.debug" + forged, "x"));

        assertThat(sources.ignoredNames()).hasSize(2).allSatisfy(warning -> assertThat(warning).doesNotContain("\n")
                .contains("\\u000a2024-01-01"));

        Path file = file("allowed-origins=https://a.example\nmax-age\\u000a2024-01-01\\ 00:00:00.000:INFO=5\n");
        Map<String, String> params = new LinkedHashMap<>(Map.of("config-file", file.toString(), "debug" + forged, "true"));
        ConfigurationSources withFile = new ConfigurationSources(params, Map.of(), Map.of());
        assertThatThrownBy(() -> withFile.configuration(withFile.readFile()))
                .isInstanceOfSatisfying(InvalidCorsPolicyException.class, e -> {
                    assertThat(e.problems()).hasSize(2);
                    assertThat(e.getMessage().lines()).hasSize(3).allSatisfy(line -> assertThat(line)
                            .doesNotStartWith("2024-01-01"));
                });
    }
}
