package dev.corsfilter.spring.boot;

import dev.corsfilter.browser.BrowserCase;
import dev.corsfilter.browser.BrowserCases;
import dev.corsfilter.browser.Closing;
import dev.corsfilter.browser.Engine;
import dev.corsfilter.browser.Observation;
import dev.corsfilter.browser.OpenBrowsers;
import dev.corsfilter.browser.Page;
import dev.corsfilter.browser.PageServer;
import dev.corsfilter.browser.ProbeTarget;
import dev.corsfilter.spring.boot.matrix.MatrixApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The matrix's standard (credentialed) policy in Chromium against a Spring Boot 4 application configured only by
 * {@code cors.*} properties: every case must end exactly as the Fetch standard says, and the 401, 404 and 500 are
 * Spring Boot's own error page reached by an ERROR dispatch. The servers start with the first case, so that a
 * machine without Chromium skips before starting anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootBrowserTest {

    private final OpenBrowsers browsers = new OpenBrowsers();
    /** The page servers and the application, once started. */
    private Servers servers;

    /** The two pages, the Spring Boot application, and where the cases send their requests. */
    private record Servers(PageServer allowed, PageServer refused, ConfigurableApplicationContext application,
                           ProbeTarget target) implements AutoCloseable {

        static Servers start() {
            PageServer allowed = PageServer.start("127.0.0.1");
            PageServer refused = PageServer.start("127.0.0.1");
            ConfigurableApplicationContext application = new SpringApplicationBuilder(MatrixApplication.class).properties(
                    "server.port=0", "server.address=127.0.0.1",
                    "cors.allowed-origins=" + allowed.origin(),
                    "cors.allowed-methods=PUT, DELETE, PATCH, OPTIONS",
                    "cors.allowed-headers=Content-Type, X-Request-Id, Authorization",
                    "cors.exposed-headers=X-Request-Id",
                    "cors.allow-credentials=true",
                    "cors.max-age=600").run();
            String api = "http://localhost:" + ((WebServerApplicationContext) application).getWebServer().getPort();
            return new Servers(allowed, refused, application, new ProbeTarget() {
                @Override
                public String pageOrigin(Page page) {
                    return (page == Page.ALLOWED ? allowed : refused).origin();
                }

                @Override
                public String apiOrigin() {
                    return api;
                }

                @Override
                public String policyBase(String policy) {
                    return api + "/" + policy;
                }
            });
        }

        @Override
        public void close() {
            Closing.all(application::close, allowed, refused);
        }
    }

    static List<BrowserCase> cases() {
        return BrowserCases.containerSubset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void springBootPassesTheMatrix(BrowserCase browserCase) {
        Engine.CHROMIUM.requireInstalled();
        if (servers == null) {
            servers = Servers.start();
        }
        Observation seen = browsers.probe(Engine.CHROMIUM, servers.target())
                .check("spring boot", browserCase, browserCase.expected());

        Integer status = browserCase.expected().status();
        if (status != null && status >= 400) {
            assertThat(seen.body()).as("Spring Boot's error page").contains("\"status\":" + status);
        }
    }

    @AfterAll
    void stop() {
        Closing.all(browsers, servers);
    }
}
