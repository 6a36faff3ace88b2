package dev.corsfilter.spring.boot;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.PathPolicies;
import dev.corsfilter.spring.boot.app.ApiApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's own policy bean replaces the {@code cors.*} properties; with several, the starter does not
 * pick one (nor fall back to the properties) without a word: it stops startup naming the beans, unless one is
 * {@code @Primary}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PolicyBeansTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsFilterAutoConfiguration.class));

    @Test
    void twoPolicyBeansWithoutPropertiesStopStartupNamingThem() {
        runner.withUserConfiguration(ApiPolicy.class, WebSocketPolicy.class).run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("The application has 2 CorsPolicy beans ('apiPolicy', 'websocketPolicy'),"
                        + " and the cors-filter starter enforces one")
                .satisfies(failure -> assertThat(failure).rootCause().message().doesNotContain("no origin is allowed")));
    }

    @Test
    void twoPolicyBeansBesidePropertiesStopStartupRatherThanEnforcingTheProperties() {
        runner.withUserConfiguration(ApiPolicy.class, WebSocketPolicy.class).withPropertyValues("cors.allowed-origins=https://props.example.com")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("The application has 2 CorsPolicy beans ('apiPolicy', 'websocketPolicy')"));
    }

    @Test
    void thePrimaryOfSeveralPolicyBeansIsEnforced() {
        runner.withUserConfiguration(PrimaryApiPolicy.class, WebSocketPolicy.class).run(context ->
                assertThat(context.getBean(CorsFilter.class).policy().allowedOrigins()).containsExactly("https://api.example.com"));
    }

    @Test
    void aPolicyBeanBesideAPathPoliciesBeanStopsStartupNamingBoth() {
        runner.withUserConfiguration(ApiPolicy.class, Paths.class).run(context -> assertThat(context).hasFailed().getFailure()
                .hasStackTraceContaining("The application has a CorsPolicy bean ('apiPolicy') and a PathPolicies bean"
                        + " ('pathPolicies')"));
    }

    /** The report Spring Boot prints: the beans, and what to do. */
    @Test
    void theReportSaysWhatToDo(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ApiApplication.class, ApiPolicy.class, WebSocketPolicy.class)
                .properties("server.port=0", "server.address=127.0.0.1").run().close()).isNotNull();

        assertThat(output.getOut()).contains("APPLICATION FAILED TO START",
                "The application has 2 CorsPolicy beans ('apiPolicy', 'websocketPolicy')",
                "Mark the one the filter enforces @Primary");
    }

    private static CorsPolicy allowing(String origin) {
        return CorsPolicy.builder().allowedOrigins(origin).build();
    }

    @Configuration(proxyBeanMethods = false)
    static class ApiPolicy {
        @Bean
        CorsPolicy apiPolicy() {
            return allowing("https://api.example.com");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class PrimaryApiPolicy {
        @Bean
        @Primary
        CorsPolicy apiPolicy() {
            return allowing("https://api.example.com");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class WebSocketPolicy {
        @Bean
        CorsPolicy websocketPolicy() {
            return allowing("https://ws.example.com");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Paths {
        @Bean
        PathPolicies pathPolicies() {
            return PathPolicies.builder().add("/api/*", allowing("https://api.example.com")).build();
        }
    }
}
