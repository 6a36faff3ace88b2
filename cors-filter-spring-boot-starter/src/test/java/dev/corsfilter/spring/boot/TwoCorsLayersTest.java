package dev.corsfilter.spring.boot;

import dev.corsfilter.spring.boot.app.ApiApplication;
import dev.corsfilter.spring.boot.twolayers.TwoLayersApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring's own CORS handling beside the filter is found and reported once, naming each place; Spring Security's
 * {@code http.cors()} still starts beside the starter's filter bean. */
@ExtendWith(OutputCaptureExtension.class)
class TwoCorsLayersTest {

    private static final String WARNING = "CORS: two CORS layers are active";

    @Test
    void everyKindOfSpringCorsIsReportedInOneWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(TwoLayersApplication.class)) {
            assertThat(context.getBean(SpringCorsHandlingCheck.class).springCorsHandling()).hasSize(4);
            assertThat(output.getOut().split(WARNING, -1)).as("one warning").hasSize(2);
            assertThat(output.getOut()).contains("@CrossOrigin on ", "global CORS mappings (WebMvcConfigurer.addCorsMappings)",
                    "CorsConfigurationSource bean 'corsConfigurationSource'",
                    "http.cors() in Spring Security's filter chain 'security'");
        }
    }

    @Test
    void anApplicationWithoutSpringCorsGetsNoWarning(CapturedOutput output) {
        try (ConfigurableApplicationContext context = start(ApiApplication.class)) {
            assertThat(context.getBean(SpringCorsHandlingCheck.class).springCorsHandling()).isEmpty();
            assertThat(output.getOut()).doesNotContain(WARNING);
        }
    }

    private static ConfigurableApplicationContext start(Class<?> application) {
        return new SpringApplicationBuilder(application)
                .properties("server.port=0", "server.address=127.0.0.1", "cors.allowed-origins=https://app.example.com")
                .run();
    }
}
