package dev.corsfilter.spring.boot;

import dev.corsfilter.CorsPolicy;
import dev.corsfilter.spring.boot.app.ApiApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An invalid CORS configuration stops a Spring Boot application with Boot's failure report: a Description
 * listing every problem under what the application wrote (the property, the config file's setting, or the policy
 * bean built in code), and an Action; no stack trace of the library.
 */
@ExtendWith(OutputCaptureExtension.class)
class FailureReportTest {

    /** The example of docs/getting-started.md. */
    @Test
    void invalidPropertiesGetADescriptionAndAnAction(CapturedOutput output) {
        assertThatThrownBy(() -> start("cors.allowed-origins=https://app.example.com/", "cors.allowed-methods=put"))
                .isNotNull();

        String report = output.getOut() + output.getErr();
        assertThat(report).contains("APPLICATION FAILED TO START", "Description:", "Action:",
                "The CORS configuration is invalid (2 problems):",
                "  - cors.allowed-origins: \"https://app.example.com/\" has a path; ",
                "  - cors.allowed-methods: \"put\" never reaches a server",
                "Correct the properties above");
        assertThat(report).doesNotContain("at dev.corsfilter.");
    }

    @Test
    void aPerPathProblemNamesItsPropertyUnderCorsPolicies(CapturedOutput output) {
        assertThatThrownBy(() -> start("cors.policies.api.allowed-origins=https://app.example.com")).isNotNull();

        assertThat(output.getOut() + output.getErr()).contains("The CORS configuration is invalid (1 problem):",
                "  - cors.policies.api.paths: policy \"api\" has no api.paths; list its path patterns, e.g. /api/*");
    }

    /** A value Spring cannot convert gets Spring Boot's own binding report, naming the property and the value. */
    @Test
    void aValueOfTheWrongTypeGetsSpringBootsBindingReport(CapturedOutput output) {
        assertThatThrownBy(() -> start("cors.allowed-origins=https://app.example.com", "cors.allow-credentials=maybe"))
                .isNotNull();

        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START",
                "Failed to bind properties under 'cors.allow-credentials'", "Value: \"maybe\"");
    }

    /** The library reports a pattern listed by two policies under "paths", which is no property. */
    @Test
    void aPatternListedByTwoPoliciesIsReportedUnderTheirPaths(CapturedOutput output) {
        assertThatThrownBy(() -> start("cors.policies.public.paths=/api/*", "cors.policies.public.allowed-origins=*",
                "cors.policies.api.paths=/api/*", "cors.policies.api.allowed-origins=https://app.example.com")).isNotNull();

        assertThat(output.getOut()).contains("The CORS configuration is invalid (1 problem):",
                "  - cors.policies.public.paths, cors.policies.api.paths: path pattern \"/api/*\" is listed twice");
        assertThat(output.getOut()).doesNotContain("  - cors.paths:");
    }

    /** A problem in the file named by cors.config-file is the file's, not a cors.* property's. */
    @Test
    void aProblemInTheConfigFileNamesTheFile(CapturedOutput output) {
        assertThatThrownBy(() -> start("cors.config-file=classpath:cors-file/bad-origin.properties")).isNotNull();

        assertThat(output.getOut()).contains("The CORS configuration is invalid (1 problem):",
                "  - allowed-origins in classpath:cors-file/bad-origin.properties (cors.config-file): \"https://app.example.com/\" has a path;",
                "or the settings of classpath:cors-file/bad-origin.properties");
        assertThat(output.getOut()).doesNotContain("  - cors.allowed-origins:");
    }

    /** A CorsPolicy bean built in code: its problems name builder methods, and the bean, not properties. */
    @Test
    void anInvalidPolicyBeanIsReportedAsCode(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(ApiApplication.class, InvalidPolicyBean.class)
                .properties("server.port=0", "server.address=127.0.0.1").run().close()).isNotNull();

        assertThat(output.getOut()).contains("The CORS configuration is invalid (1 problem), in the policy built in code"
                        + " by bean 'corsPolicy'", "  - allowedOrigins: \"https://app.example.com/\" has a path;",
                "Correct the code that builds it, the bean 'corsPolicy'");
        assertThat(output.getOut()).doesNotContain("cors.allowedOrigins", "Correct the properties above");
    }

    /** A duration as written in application.yml, not as Spring converted it (PT1.5S) or as seconds alone. */
    @Test
    void aDurationIsQuotedAsWritten(CapturedOutput output) {
        assertThatThrownBy(() -> start("cors.allowed-origins=https://app.example.com", "cors.max-age=1500ms",
                "cors.policies.api.paths=/api/*", "cors.policies.api.allowed-origins=https://app.example.com",
                "cors.policies.api.max-age=25h")).isNotNull();

        assertThat(output.getOut()).contains("  - cors.max-age: max-age is \"1500ms\", not a whole number of seconds",
                "  - cors.policies.api.max-age: api.max-age is \"25h\" (90000 seconds); write whole seconds from 0 to 86400");
        assertThat(output.getOut()).doesNotContain("PT1.5S");
    }

    private static void start(String... properties) {
        new SpringApplicationBuilder(ApiApplication.class).properties("server.port=0", "server.address=127.0.0.1")
                .properties(properties).run().close();
    }

    /** A policy bean with a mistake, as code builds it. */
    @Configuration(proxyBeanMethods = false)
    static class InvalidPolicyBean {

        @Bean
        CorsPolicy corsPolicy() {
            return CorsPolicy.builder().allowedOrigins("https://app.example.com/").build();
        }
    }

    @Test
    void eachProblemNamesItsProperty() {
        assertThat(CorsProperties.propertyOf("allowed-origins")).isEqualTo("cors.allowed-origins");
        assertThat(CorsProperties.propertyOf("api.allow-credentials")).isEqualTo("cors.policies.api.allow-credentials");
        assertThat(CorsProperties.propertyOf("shadow-max-age")).isEqualTo("cors.shadow.max-age");
        assertThat(CorsProperties.propertyOf("shadow-api.paths")).isEqualTo("cors.shadow.policies.api.paths");
    }
}
