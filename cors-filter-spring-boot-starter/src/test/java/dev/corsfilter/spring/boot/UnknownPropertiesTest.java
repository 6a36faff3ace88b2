package dev.corsfilter.spring.boot;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.spring.boot.app.ApiApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.ClassUtils;

import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * As strict as the library: a {@code cors.*} name that names no property stops startup, with the closest name, in
 * the application's configuration; in environment variables and system properties, which other programs share, it
 * is a warning. {@code cors.enabled=false} turns the starter off, and a reactive application that sets
 * {@code cors.*} is told that the starter is for the servlet stack.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnknownPropertiesTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(starter());

    @Test
    void aMisspeltAllowedOriginsStopsStartupWithTheClosestName() {
        runner.withPropertyValues("cors.allowed-origin=https://app.example.com", "cors.allow-credentials=true")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("cors.allowed-origin: unknown property")
                        .hasStackTraceContaining("did you mean cors.allowed-origins?"));
    }

    @Test
    void misspeltSettingsBesideValidOnesAreEachReported() {
        runner.withPropertyValues("cors.allowed-origins=https://app.example.com", "cors.allow-credential=true",
                        "cors.alowed-methods=PUT")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("cors.allow-credential: unknown property (property source \"test\");"
                                + " did you mean cors.allow-credentials?")
                        .hasStackTraceContaining("cors.alowed-methods: unknown property (property source \"test\");"
                                + " did you mean cors.allowed-methods?"));
    }

    @Test
    void aMisspeltSettingOfAPerPathPolicyGetsThatPolicysName() {
        runner.withPropertyValues("cors.policies.api.paths=/api/*", "cors.policies.api.alowed-origins=https://app.example.com")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("cors.policies.api.alowed-origins: unknown property")
                        .hasStackTraceContaining("did you mean cors.policies.api.allowed-origins?"));
    }

    @Test
    void aNameFarFromEverySettingListsTheKnownOnes() {
        runner.withPropertyValues("cors.allowed-origins=https://app.example.com", "cors.mapping=/api/**")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("cors.mapping: unknown property (property source \"test\"); the known ones are ")
                        .hasStackTraceContaining("cors.allowed-origins, ")
                        .hasStackTraceContaining("cors.enabled"));
    }

    /** In application.yml, as users write it: the report says where the misspelt name is. */
    @Test
    void aMisspeltNameInApplicationYmlIsReportedWithItsFileAndLine(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ApiApplication.class)
                .properties("spring.config.location=classpath:/cors-yaml-typo/", "server.port=0", "server.address=127.0.0.1")
                .run().close()).isNotNull();

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START", "The CORS configuration is invalid (1 problem):",
                "  - cors.allow-credential: unknown property (class path resource [cors-yaml-typo/application.yml] - 3:21);"
                        + " did you mean cors.allow-credentials?");
    }

    @Test
    void listsIndexedOrCommaSeparatedAndEveryKnownNameStart() {
        runner.withPropertyValues("cors.allowed-origins[0]=https://a.example", "cors.allowed-origins[1]=https://b.example",
                        "cors.allowed-methods=PUT, PATCH", "cors.max-age=10m", "cors.filter-order=-300", "cors.enabled=true",
                        "cors.shadow.allowed-origins=https://next.example")
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CorsFilter.class));
    }

    @Test
    void anUnknownEnvironmentVariableIsAWarningWithTheClosestName(CapturedOutput output) {
        withEnvironment(Map.of("CORS_ALLOWED_ORIGINS", "https://app.example.com", "CORS_ALLOWEDMETHODS", "PUT",
                "CORS_ALLOWED_HEADERS_0", "content-type", "CORS_ALOW_CREDENTIALS", "true"))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CorsFilter.class).policy().allowedMethods()).contains("PUT");
                });
        assertThat(output.getOut()).contains("CORS: environment variable CORS_ALOW_CREDENTIALS names no cors.* property"
                + " and is ignored; did you mean CORS_ALLOW_CREDENTIALS?");
        assertThat(output.getOut()).doesNotContain("environment variable CORS_ALLOWED_ORIGINS",
                "environment variable CORS_ALLOWEDMETHODS", "environment variable CORS_ALLOWED_HEADERS_0");
    }

    @Test
    void perPathPoliciesFromEnvironmentVariablesAreKnown(CapturedOutput output) {
        withEnvironment(Map.of("CORS_POLICIES_API_PATHS", "/api/*", "CORS_POLICIES_API_ALLOWED_ORIGINS", "https://app.example.com"))
                .run(context -> assertThat(context.getBean(CorsFilter.class).pathPolicies().policyFor("/api/x"))
                        .hasValueSatisfying(policy -> assertThat(policy.allowedOrigins()).containsExactly("https://app.example.com")));
        assertThat(output.getOut()).doesNotContain("names no cors.* property");
    }

    @Test
    void corsEnabledFalseRegistersNothing() {
        runner.withPropertyValues("cors.allowed-origins=https://app.example.com", "cors.enabled=false", "cors.alowed-methods=PUT")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CorsFilter.class));
    }

    @Test
    void aSettingWithoutOriginsStopsStartupRatherThanRegisteringNothing() {
        runner.withPropertyValues("cors.allow-credentials=true").run(context -> assertThat(context).hasFailed()
                .getFailure().hasStackTraceContaining("cors.allowed-origins: no origin is allowed"));
    }

    @Test
    void aReactiveApplicationIsToldTheStarterIsForTheServletStack(CapturedOutput output) {
        new ReactiveWebApplicationContextRunner().withConfiguration(starter())
                .withPropertyValues("cors.allowed-origins=https://app.example.com").run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(CorsFilter.class);
                    assertThat(output.getOut()).contains("CORS: cors.* properties are set, but this is a reactive (WebFlux)"
                            + " application: cors-filter is a servlet filter");
                });
    }

    @Test
    void aReactiveApplicationWithoutCorsPropertiesIsToldNothing(CapturedOutput output) {
        new ReactiveWebApplicationContextRunner().withConfiguration(starter())
                .run(context -> assertThat(output.getOut()).doesNotContain("CORS:"));
    }

    @Test
    void theSwitchIsInTheConfigurationMetadata() throws Exception {
        try (var metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(new String(metadata.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"cors.enabled\"");
        }
    }

    /** The starter's auto-configurations, as Spring Boot finds them. */
    private static AutoConfigurations starter() {
        ClassLoader loader = UnknownPropertiesTest.class.getClassLoader();
        return AutoConfigurations.of(StreamSupport.stream(ImportCandidates.load(AutoConfiguration.class, loader).spliterator(), false)
                .filter(name -> name.startsWith("dev.corsfilter."))
                .map(name -> ClassUtils.resolveClassName(name, loader)).toArray(Class<?>[]::new));
    }

    private WebApplicationContextRunner withEnvironment(Map<String, Object> variables) {
        return runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables)));
    }
}
