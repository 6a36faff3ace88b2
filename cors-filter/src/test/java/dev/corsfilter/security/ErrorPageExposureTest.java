package dev.corsfilter.security;

import dev.corsfilter.testing.RawHttp;
import dev.corsfilter.CorsFilter;
import dev.corsfilter.docs.ErrorPageExamples;
import dev.corsfilter.testing.EmbeddedJetty;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.corsfilter.security.AttackOrigins.APP;
import static dev.corsfilter.security.AttackOrigins.POLICY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves what {@code docs/security.md} says about error pages: the filter's CORS headers survive error
 * responses (so that scripts can read a 401 or a 500), so an allowed origin can read the container's error
 * page too — with the exception's message (Jetty) or its stack trace (Tomcat). It also proves what the
 * settings the document recommends do: Jetty's {@code ErrorHandler.setShowStacks(false)},
 * {@code setShowMessageInTitle(false)} and {@code setShowOrigin(false)} remove the stack trace and the
 * servlet's name but not the exception's message; a generic error page (a servlet {@code error-page},
 * here through {@code ErrorPageErrorHandler}) removes everything; Tomcat's {@code ErrorReportValve} with
 * {@code showReport=false} and {@code showServerInfo=false} removes the report and the version.
 */
class ErrorPageExposureTest {

    static final String SECRET = "db7-internal-password-s3cr3t";

    /** An application that fails with an exception whose message holds an internal detail. */
    static HttpServlet failing() {
        return new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                throw new IllegalStateException("cannot connect to " + SECRET);
            }
        };
    }

    @Test
    void anAllowedOriginCanReadJettysDefaultErrorPageWithTheExceptionMessage() {
        try (EmbeddedJetty jetty = new EmbeddedJetty().filter(new CorsFilter(POLICY)).servlet("/*", failing()).start()) {
            RawHttp.Response response = RawHttp.send(jetty.port(), "GET", "/boom", "Origin", APP);

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(response.body()).contains("IllegalStateException: cannot connect to " + SECRET)
                    .contains("Powered by Jetty://");
        }
    }

    @Test
    void jettysErrorHandlerCanKeepStacksOutButStillShowsTheMessage() {
        EmbeddedJetty server = new EmbeddedJetty().filter(new CorsFilter(POLICY)).servlet("/*", failing());
        ErrorPageExamples.quietJettyErrorHandler(server.context());
        try (EmbeddedJetty jetty = server.start()) {
            RawHttp.Response response = RawHttp.send(jetty.port(), "GET", "/boom", "Origin", APP);

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(response.body()).doesNotContain("at dev.corsfilter").doesNotContain("SERVLET:")
                    .contains(SECRET);
        }
    }

    @Test
    void aGenericErrorPageKeepsEverythingOutOfTheReadablePage() {
        EmbeddedJetty server = new EmbeddedJetty().filter(new CorsFilter(POLICY)).servlet("/boom", failing())
                .servlet("/error", new HttpServlet() {
                    @Override
                    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                        response.setContentType("application/json");
                        response.getWriter().print("{\"error\":\"internal error\"}");
                    }
                });
        ErrorPageExamples.genericJettyErrorPage(server.context());
        try (EmbeddedJetty jetty = server.start()) {
            RawHttp.Response response = RawHttp.send(jetty.port(), "GET", "/boom", "Origin", APP);

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(response.body()).contains("internal error").doesNotContain(SECRET).doesNotContain("Exception");
        }
    }

    @Test
    void anAllowedOriginCanReadTomcatsDefaultErrorPageWithItsStackTrace(@TempDir Path baseDir) throws Exception {
        Tomcat tomcat = tomcat(baseDir, false);
        try {
            RawHttp.Response response = RawHttp.send(port(tomcat), "GET", "/boom", "Origin", APP);

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(response.body()).contains(SECRET).contains("dev.corsfilter.security.ErrorPageExposureTest");
        } finally {
            stop(tomcat);
        }
    }

    @Test
    void tomcatsErrorReportValveCanKeepTheReportOutOfTheReadablePage(@TempDir Path baseDir) throws Exception {
        Tomcat tomcat = tomcat(baseDir, true);
        try {
            RawHttp.Response response = RawHttp.send(port(tomcat), "GET", "/boom", "Origin", APP);

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.values("Access-Control-Allow-Origin")).containsExactly(APP);
            assertThat(response.body()).doesNotContain(SECRET).doesNotContain("IllegalStateException")
                    .doesNotContain("ErrorPageExposureTest").doesNotContain("Apache Tomcat/");
        } finally {
            stop(tomcat);
        }
    }

    /** An embedded Tomcat on loopback with the filter for REQUEST and ERROR dispatches. */
    static Tomcat tomcat(Path baseDir, boolean quietErrorReport) throws LifecycleException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        if (quietErrorReport) {
            // A valve of this class already in the host's pipeline replaces the default one.
            ErrorPageExamples.quietTomcatErrorReport(tomcat);
        }
        Context context = tomcat.addContext("", baseDir.toString());
        Tomcat.addServlet(context, "failing", failing());
        context.addServletMapping("/*", "failing");
        FilterDef definition = new FilterDef();
        definition.setFilterName("cors");
        definition.setFilter(new CorsFilter(POLICY));
        context.addFilterDef(definition);
        FilterMap mapping = new FilterMap();
        mapping.setFilterName("cors");
        mapping.addURLPattern("/*");
        mapping.setDispatcher(DispatcherType.REQUEST.name());
        mapping.setDispatcher(DispatcherType.ERROR.name());
        context.addFilterMap(mapping);
        tomcat.start();
        return tomcat;
    }

    static int port(Tomcat tomcat) {
        return tomcat.getConnector().getLocalPort();
    }

    static void stop(Tomcat tomcat) throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }
}
