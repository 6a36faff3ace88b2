package dev.corsfilter.javax;

import dev.corsfilter.browser.RequestLog;
import dev.corsfilter.testing.RawHttp;
import org.apache.catalina.LifecycleException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.UUID;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cors-filter-javax declared in a Servlet 4.0 {@code web.xml} with init-params and deployed by embedded
 * Tomcat 9: pre-flights, actual requests, and every error path (a filter's and the application's
 * {@code sendError}, an exception, {@code reset()}, async), with Tomcat's own error report and with an error
 * page. Logging goes through the slf4j-jdk14 provider into Tomcat's java.util.logging, as the docs advise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Tomcat9Test {

    private static final String PAGE = "http://127.0.0.1:8080";

    private Tomcat9Server tomcat;

    @BeforeAll
    void start(@TempDir Path tomcatFiles) throws LifecycleException {
        tomcat = Tomcat9Server.start("cred", tomcatFiles);
        assertThat(tomcat.available(Tomcat9Server.VALVE) && tomcat.available(Tomcat9Server.PAGED)).as("both webapps started").isTrue();
    }

    @AfterAll
    void stop() throws LifecycleException {
        tomcat.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {Tomcat9Server.VALVE, Tomcat9Server.PAGED})
    void aPreflightIsAnsweredByTheFilterAndNeverReachesTheApplication(String context) {
        String key = UUID.randomUUID().toString();
        RawHttp.Response response = RawHttp.send(tomcat.port(), "OPTIONS", context + "/cred/echo?probe=" + key,
                "Origin", PAGE, "Access-Control-Request-Method", "PUT",
                "Access-Control-Request-Headers", "content-type,x-request-id");

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(PAGE);
        assertThat(response.values("Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(response.values("Access-Control-Allow-Methods")).containsExactly("PUT");
        assertThat(response.values("Access-Control-Allow-Headers")).containsExactly("content-type,x-request-id");
        assertThat(response.values("Access-Control-Max-Age")).containsExactly("600");
        assertThat(response.varyNames()).contains("origin", "access-control-request-method", "access-control-request-headers");
        assertThat(RequestLog.arrivals(key)).hasSize(1);
        assertThat(RequestLog.appCalls(key)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {Tomcat9Server.VALVE, Tomcat9Server.PAGED})
    void aRefusedPreflightGets403WithoutCorsHeaders(String context) {
        RawHttp.Response response = RawHttp.send(tomcat.port(), "OPTIONS", context + "/cred/echo",
                "Origin", PAGE, "Access-Control-Request-Method", "PUT", "Access-Control-Request-Headers", "x-not-allowed");

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.corsHeaderNames()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {Tomcat9Server.VALVE, Tomcat9Server.PAGED})
    void anAllowedActualRequestReachesTheApplicationWithItsHeaders(String context) {
        String key = UUID.randomUUID().toString();
        RawHttp.Response response = RawHttp.send(tomcat.port(), "GET", context + "/cred/echo?probe=" + key, "Origin", PAGE);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("\"method\":\"GET\"");
        assertAllowed(response);
        assertThat(response.values("Access-Control-Expose-Headers")).containsExactly("X-Request-Id");
        assertThat(RequestLog.appCalls(key)).containsExactly("GET");
    }

    @ParameterizedTest
    @ValueSource(strings = {Tomcat9Server.VALVE, Tomcat9Server.PAGED})
    void aDisallowedOriginGetsNoCorsHeaderButVaryOrigin(String context) {
        RawHttp.Response response = RawHttp.send(tomcat.port(), "GET", context + "/cred/echo", "Origin", "https://evil.example");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.corsHeaderNames()).isEmpty();
        assertThat(response.varyNames()).contains("origin");
    }

    /**
     * Every path a response can take after the filter, in both contexts, with the body that shows which path
     * rendered it: an error (a filter's and the application's sendError, an exception), reset(), async.
     */
    @ParameterizedTest(name = "{0}/{1}")
    @CsvSource(delimiter = '|', textBlock = """
            /valve | cred/not-found          | 404 | HTTP Status 404
            /valve | cred/boom               | 500 | HTTP Status 500
            /valve | cred/echo?token=missing | 401 | HTTP Status 401
            /paged | cred/not-found          | 404 | {"error":404}
            /paged | cred/boom               | 500 | {"error":500}
            /paged | cred/echo?token=missing | 401 | {"error":401}
            /valve | reset                   | 409 | answered after reset
            /paged | reset                   | 409 | answered after reset
            /valve | cred/async              | 200 | async body
            /paged | cred/async              | 200 | async body
            """)
    void everyResponsePathKeepsTheCorsHeaders(String context, String path, int status, String renderedBy) {
        RawHttp.Response response = RawHttp.send(tomcat.port(), "GET", context + "/" + path, "Origin", PAGE);

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.body()).contains(renderedBy);
        assertThat(response.values("X-Before-Reset")).as("cleared by reset()").isEmpty();
        assertAllowed(response);
    }

    @Test
    void refusalReasonsAreLoggedAtDebugLevelThroughJavaUtilLogging() {
        try (JulRecorder log = JulRecorder.start("dev.corsfilter", Level.FINE)) {
            RawHttp.send(tomcat.port(), "OPTIONS", Tomcat9Server.VALVE + "/cred/echo",
                    "Origin", PAGE, "Access-Control-Request-Method", "PURGE");

            assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("FINE CORS pre-flight for")
                    .contains("refused").contains("PURGE"));
        }
    }

    /** The headers of an allowed credentialed request, whatever else happened to the response. */
    private static void assertAllowed(RawHttp.Response response) {
        assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(PAGE);
        assertThat(response.values("Access-Control-Allow-Credentials")).containsExactly("true");
        assertThat(response.varyNames()).containsOnlyOnce("origin");
    }
}
