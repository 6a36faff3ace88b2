package dev.corsfilter.spring.boot;

import dev.corsfilter.CorsFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A per-path policy set in application.yml and changed from an environment variable in production. Environment
 * variables cannot spell a dash, so for a dashed policy name Spring binds a second policy instead: the failure
 * says so, and the undashed name works.
 */
class PolicyNamesFromEnvironmentTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsFilterAutoConfiguration.class));

    @Test
    void aDashedPolicyNameChangedFromTheEnvironmentIsExplained() {
        withEnvironment(Map.of("CORS_POLICIES_PUBLICAPI_ALLOWEDORIGINS", "https://prod.example.com"),
                Map.of("cors.policies.public-api.paths", "/public/*",
                        "cors.policies.public-api.allowed-origins", "https://dev.example.com"))
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining(
                        "cors.policies: \"public-api\" and \"publicapi\" are one policy name to Spring's relaxed binding"
                                + " but two policies: an environment variable cannot spell the dash of \"public-api\""
                                + " (CORS_POLICIES_PUBLICAPI_… names \"publicapi\")")
                        .hasStackTraceContaining("name it without dashes (\"publicapi\")"));
    }

    @Test
    void anUndashedPolicyNameIsChangedFromTheEnvironment() {
        withEnvironment(Map.of("CORS_POLICIES_PUBLICAPI_ALLOWEDORIGINS", "https://prod.example.com"),
                Map.of("cors.policies.publicapi.paths", "/public/*",
                        "cors.policies.publicapi.allowed-origins", "https://dev.example.com"))
                .run(context -> assertThat(context.getBean(CorsFilter.class).pathPolicies().policyFor("/public/x"))
                        .hasValueSatisfying(policy -> assertThat(policy.allowedOrigins()).containsExactly("https://prod.example.com")));
    }

    /** The environment variables, and below them in precedence the application's application.yml. */
    private WebApplicationContextRunner withEnvironment(Map<String, Object> variables, Map<String, Object> applicationYml) {
        return runner.withInitializer(context -> {
            MutablePropertySources sources = context.getEnvironment().getPropertySources();
            sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
            sources.addLast(new MapPropertySource("application.yml", applicationYml));
        });
    }
}
