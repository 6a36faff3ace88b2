package dev.corsfilter.spring.boot;

import dev.corsfilter.spring.boot.app.ApiApplication;
import dev.corsfilter.testing.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;

import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in a real Spring Boot 4 application on embedded Tomcat with Spring Security 7, configured only by
 * properties: pre-flights to secured endpoints are answered without credentials, and Spring Security's 401 and
 * a controller's 500 carry the CORS headers of an allowed origin.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "cors.allowed-origins=https://app.example.com",
        "cors.allowed-methods=PUT, DELETE",
        "cors.allowed-headers=Content-Type, Authorization",
        "cors.exposed-headers=ETag",
        "cors.allow-credentials=true",
        "cors.max-age=10m",
        "cors.shadow.allowed-origins=https://next.example.com",
        "logging.level.dev.corsfilter=DEBUG",
        "spring.security.user.name=user",
        "spring.security.user.password=secret"})
class SpringSecurityTest {

    private static final String APP = "https://app.example.com";

    @LocalServerPort
    int port;

    @Autowired
    FilterRegistrationBean<dev.corsfilter.CorsFilter> corsFilterRegistration;

    @Autowired
    SecurityFilterProperties securityFilter;

    @Test
    void aPreflightToASecuredEndpointIsAnsweredWithoutCredentials() {
        RawHttp.Response response = RawHttp.send(port, "OPTIONS", "/api/items", "Origin", APP,
                "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "authorization,content-type");

        assertThat(response.status()).isEqualTo(204);
        Map.of("Access-Control-Allow-Origin", APP, "Access-Control-Allow-Credentials", "true",
                        "Access-Control-Allow-Methods", "PUT", "Access-Control-Allow-Headers", "authorization,content-type",
                        "Access-Control-Max-Age", "600")
                .forEach((name, value) -> assertThat(response.values(name)).as(name).containsExactly(value));
        assertThat(response.values("WWW-Authenticate")).as("Spring Security never saw it").isEmpty();
    }

    @Test
    void springSecuritysUnauthorizedAnswerCarriesTheCorsHeaders() {
        RawHttp.Response response = RawHttp.send(port, "GET", "/api/hello", "Origin", APP);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.values("WWW-Authenticate")).isNotEmpty();
        assertAllowed(response);
    }

    @Test
    void aControllersServerErrorCarriesTheCorsHeaders() {
        RawHttp.Response response = RawHttp.send(port, "GET", "/api/boom", "Origin", APP, "Authorization", basic());

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body()).as("Spring Boot's error page, by an ERROR dispatch").contains("\"status\":500");
        assertAllowed(response);
    }

    @Test
    void anAuthenticatedCallGetsItsAnswerAndTheHeaders() {
        RawHttp.Response response = RawHttp.send(port, "GET", "/api/hello", "Origin", APP, "Authorization", basic());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("hello");
        assertAllowed(response);
        assertThat(response.values("Access-Control-Expose-Headers")).containsExactly("ETag");
    }

    @Test
    void anotherOriginGetsNoCorsHeaders() {
        RawHttp.Response response = RawHttp.send(port, "GET", "/api/hello", "Origin", "https://evil.example",
                "Authorization", basic());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.corsHeaderNames()).isEmpty();
        assertThat(response.varyNames()).contains("origin");
    }

    @Test
    void refusalReasonsAreLoggedAtDebugLevel(CapturedOutput output) {
        RawHttp.send(port, "OPTIONS", "/api/items", "Origin", APP, "Access-Control-Request-Method", "PATCH");

        assertThat(output.getOut()).contains("CORS pre-flight for \"/api/items\" refused: method \"PATCH\"");
    }

    @Test
    void aShadowPolicyFromPropertiesReportsWhatItWouldChange(CapturedOutput output) {
        RawHttp.send(port, "GET", "/api/hello", "Origin", APP, "Authorization", basic());

        assertThat(output.getOut()).contains("CORS shadow disagreement: change=WOULD_REFUSE origin=\"https://app.example.com\"");
    }

    @Test
    void theFilterComesBeforeSpringSecurity() {
        assertThat(corsFilterRegistration.getOrder()).isLessThan(securityFilter.getOrder());
    }

    private static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString("user:secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void assertAllowed(RawHttp.Response response) {
        assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(response.values("Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(response.varyNames()).containsOnlyOnce("origin");
    }
}
