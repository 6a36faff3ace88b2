package dev.corsfilter.spring.boot;

import dev.corsfilter.spring.boot.app.ApiApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An invalid CORS configuration stops a Spring Boot application with Boot's failure report: a Description
 * listing every problem under the property it comes from, and an Action; no stack trace of the library.
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

    private static void start(String... properties) {
        new SpringApplicationBuilder(ApiApplication.class).properties("server.port=0", "server.address=127.0.0.1")
                .properties(properties).run().close();
    }

    @Test
    void eachProblemNamesItsProperty() {
        assertThat(CorsProperties.propertyOf("allowed-origins")).isEqualTo("cors.allowed-origins");
        assertThat(CorsProperties.propertyOf("api.allow-credentials")).isEqualTo("cors.policies.api.allow-credentials");
        assertThat(CorsProperties.propertyOf("shadow-max-age")).isEqualTo("cors.shadow.max-age");
        assertThat(CorsProperties.propertyOf("shadow-api.paths")).isEqualTo("cors.shadow.policies.api.paths");
    }
}
