package dev.corsfilter.spring.boot;

import dev.corsfilter.spring.boot.war.WarApplication;
import dev.corsfilter.testing.RawHttp;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.SpringServletContainerInitializer;

import java.nio.file.Files;
import java.util.Base64;
import java.util.Set;

import static dev.corsfilter.spring.boot.war.WarApplication.APP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter in an application deployed as a WAR, as on an external Tomcat 11: the servlet container finds
 * the {@code SpringBootServletInitializer}, and Spring Boot's ErrorPageFilter turns a controller's exception into
 * a FORWARD to {@code /error} after resetting the response, so the filter must see FORWARD dispatches too.
 */
class WarDeploymentTest {

    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("user:secret".getBytes());
    private static Tomcat tomcat;
    private static int port;

    @BeforeAll
    static void deploy() throws Exception {
        tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("war-tomcat").toString());
        tomcat.setPort(0);
        tomcat.setHostname("127.0.0.1");
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", Files.createTempDirectory("war-root").toString());
        context.addServletContainerInitializer(new SpringServletContainerInitializer(), Set.of(WarApplication.class));
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void undeploy() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void aControllers500ForwardedToTheErrorPageCarriesTheCorsHeaders() {
        RawHttp.Response response = RawHttp.send(port, "GET", "/api/boom", "Origin", APP, "Authorization", BASIC);

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(response.values("Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(response.varyNames()).contains("origin");
    }

    @Test
    void springSecuritys401CarriesTheCorsHeaders() {
        RawHttp.Response response = RawHttp.send(port, "GET", "/api/hello", "Origin", APP);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
    }

    @Test
    void aPreflightIsAnswered() {
        RawHttp.Response response = RawHttp.send(port, "OPTIONS", "/api/hello", "Origin", APP,
                "Access-Control-Request-Method", "GET");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
    }

    /** A forward of the application's own, during the request: decorated once, as the request was. */
    @Test
    void theApplicationsOwnForwardIsDecoratedOnce() {
        RawHttp.Response allowed = RawHttp.send(port, "GET", "/public/forward", "Origin", APP);
        RawHttp.Response other = RawHttp.send(port, "GET", "/public/forward", "Origin", "https://other.example");

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.values("Access-Control-Allow-Origin")).containsExactly(APP);
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.values("Access-Control-Allow-Origin")).isEmpty();
    }
}
