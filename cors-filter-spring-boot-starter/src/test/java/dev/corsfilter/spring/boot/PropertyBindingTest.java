package dev.corsfilter.spring.boot;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.InvalidCorsPolicyException;
import dev.corsfilter.spring.boot.app.ApiApplication;
import dev.corsfilter.spring.boot.docs.PolicyBeanConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How {@code cors.*} properties reach the filter: comma-separated and indexed lists, YAML files and profiles,
 * environment variables through relaxed binding, per-path policies, a config file; and when the starter steps
 * back (no properties, or the application's own filter) or defers to the application's policy bean.
 */
class PropertyBindingTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsFilterAutoConfiguration.class));

    @Test
    void withoutCorsPropertiesNoFilterIsRegistered() {
        runner.withPropertyValues("server.port=8080", "corsfilter.unrelated=true").run(context ->
                assertThat(context).hasNotFailed().doesNotHaveBean(CorsFilter.class).doesNotHaveBean(FilterRegistrationBean.class));
    }

    @Test
    void commaSeparatedAndIndexedListsBindAlike() {
        runner.withPropertyValues("cors.allowed-origins=https://a.example, https://b.example",
                "cors.allowed-methods[0]=PUT", "cors.allowed-methods[1]=PATCH", "cors.max-age=600").run(context -> {
            CorsPolicy policy = context.getBean(CorsFilter.class).policy();
            assertThat(policy.allowedOrigins()).containsExactly("https://a.example", "https://b.example");
            assertThat(policy.allowedMethods()).contains("PUT", "PATCH");
            assertThat(policy.maxAge()).contains(Duration.ofSeconds(600));
        });
    }

    @Test
    void aYamlListAloneIsEnoughToRegisterTheFilter() {
        runner.withPropertyValues("cors.allowed-origins[0]=https://a.example").run(context ->
                assertThat(context.getBean(CorsFilter.class).policy().allowedOrigins()).containsExactly("https://a.example"));
    }

    @Test
    void environmentVariablesBindByRelaxedNames() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                                Map.of("CORS_ALLOWED_ORIGINS", "https://env.example,https://other.example",
                                        "CORS_ALLOW_CREDENTIALS", "true", "CORS_MAX_AGE", "120"))))
                .run(context -> {
                    CorsPolicy policy = context.getBean(CorsFilter.class).policy();
                    assertThat(policy.allowedOrigins()).containsExactly("https://env.example", "https://other.example");
                    assertThat(policy.allowsCredentials()).isTrue();
                    assertThat(policy.maxAge()).contains(Duration.ofSeconds(120));
                });
    }

    @Test
    void aYamlFileAndAProfileBindAsInAnyBootApplication() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ApiApplication.class)
                .web(WebApplicationType.SERVLET).profiles("prod")
                .properties("spring.config.location=classpath:/cors-yaml/", "server.port=0", "server.address=127.0.0.1")
                .run()) {
            CorsPolicy policy = context.getBean(CorsFilter.class).policy();
            assertThat(policy.allowedOrigins()).containsExactly("https://app.example.org");
            assertThat(policy.allowedMethods()).contains("PUT", "DELETE");
            assertThat(policy.allowedHeaders()).containsExactly("content-type", "authorization");
            assertThat(policy.allowsCredentials()).isTrue();
            assertThat(policy.maxAge()).contains(Duration.ofMinutes(10));
        }
    }

    @Test
    void perPathPoliciesBindUnderCorsPolicies() {
        runner.withPropertyValues(
                "cors.policies.public.paths=/public/*", "cors.policies.public.allowed-origins=*",
                "cors.policies.api.paths=/api/*, /graphql", "cors.policies.api.allowed-origins=https://app.example.com",
                "cors.policies.api.allow-credentials=true").run(context -> {
            CorsFilter filter = context.getBean(CorsFilter.class);
            assertThat(filter.pathPolicies().policyFor("/public/logo.png")).hasValueSatisfying(policy -> assertThat(policy.allowsAnyOrigin()).isTrue());
            assertThat(filter.pathPolicies().policyFor("/graphql")).hasValueSatisfying(policy -> assertThat(policy.allowsCredentials()).isTrue());
            assertThat(filter.pathPolicies().policyFor("/private")).isEmpty();
        });
    }

    @Test
    void aConfigFileInTheLibrarysFormatIsRead() {
        runner.withPropertyValues("cors.config-file=classpath:cors-test.properties").run(context ->
                assertThat(context.getBean(CorsFilter.class).policy().allowedOrigins())
                        .containsExactly("https://classpath.example"));
    }

    @Test
    void theApplicationsPolicyBeanWinsOverProperties() {
        runner.withUserConfiguration(PolicyBeanConfig.class).withPropertyValues("cors.allowed-origins=https://ignored.example")
                .run(context -> assertThat(context.getBean(CorsFilter.class).policy())
                        .isEqualTo(new PolicyBeanConfig().corsPolicy()));
    }

    @Test
    void theApplicationsOwnRegistrationTurnsTheStarterOff() {
        runner.withUserConfiguration(OwnRegistration.class).withPropertyValues("cors.allowed-origins=https://a.example")
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("corsFilterRegistration");
                    assertThat(context).getBeans(FilterRegistrationBean.class).containsOnlyKeys("ownCors");
                });
    }

    @Test
    void theOrderCanBeChanged() {
        runner.withPropertyValues("cors.allowed-origins=https://a.example", "cors.filter-order=-500").run(context ->
                assertThat(context.getBean("corsFilterRegistration", FilterRegistrationBean.class).getOrder()).isEqualTo(-500));
    }

    @Test
    void theStarterShipsConfigurationMetadataForIdes() throws Exception {
        try (var metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(metadata).isNotNull();
            assertThat(new String(metadata.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"cors.allowed-origins\"", "\"cors.policies\"", "\"cors.filter-order\"");
        }
    }

    @Test
    void invalidPropertiesFailStartupWithEveryProblemByPropertyName() {
        runner.withPropertyValues("cors.allowed-origins=https://app.example.com/", "cors.allowed-methods=put",
                "cors.policies.api.allowed-origins=https://app.example.com").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().isInstanceOf(InvalidCorsPolicyException.class);
        });
    }

    /** An application that registers the filter itself. */
    @Configuration(proxyBeanMethods = false)
    static class OwnRegistration {

        @Bean
        FilterRegistrationBean<CorsFilter> ownCors() {
            return new FilterRegistrationBean<>(new CorsFilter(CorsPolicy.builder().allowedOrigins("https://own.example").build()));
        }
    }
}
