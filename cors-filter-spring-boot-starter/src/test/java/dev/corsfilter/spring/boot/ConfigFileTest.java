package dev.corsfilter.spring.boot;

import dev.corsfilter.CorsFilter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cors.config-file} is the policy's one source: the file replaces the {@code cors.*} policy properties, and
 * both at once stop startup naming the properties, which would otherwise change the file's policy (the review's
 * case: a {@code cors.allow-credentials} left in application.yml giving the file's origins credentials).
 */
class ConfigFileTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CorsFilterAutoConfiguration.class));

    @Test
    void policyPropertiesBesideTheFileStopStartupNamingThem() {
        runner.withPropertyValues("cors.config-file=classpath:cors-file/origins-only.properties",
                        "cors.allowed-origins=https://yaml.example.com", "cors.allow-credentials=true", "cors.allowed-methods=PUT")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining(
                        "cors.config-file: is set, and so are cors.allowed-origins, cors.allowed-methods,"
                                + " cors.allow-credentials; the file is the policy's one source"));
    }

    @Test
    void aShadowPropertyBesideTheFileIsNamedToo() {
        runner.withPropertyValues("cors.config-file=classpath:cors-file/origins-only.properties",
                        "cors.shadow.allowed-origins=https://next.example.com")
                .run(context -> assertThat(context).hasFailed().getFailure().hasStackTraceContaining(
                        "cors.config-file: is set, and so is cors.shadow.allowed-origins"));
    }

    @Test
    void theFileAloneIsThePolicyWithTheStartersOwnSettingsBesideIt() {
        runner.withPropertyValues("cors.config-file=classpath:cors-file/origins-only.properties", "cors.filter-order=-300",
                        "cors.config-file-watch-seconds=0")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(CorsFilter.class).policy().allowedOrigins()).containsExactly("https://file.example.com");
                    assertThat(context.getBean(CorsFilter.class).policy().allowsCredentials()).isFalse();
                });
    }
}
