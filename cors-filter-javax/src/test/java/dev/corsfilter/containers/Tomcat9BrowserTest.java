package dev.corsfilter.containers;

import dev.corsfilter.browser.BrowserCase;
import dev.corsfilter.browser.BrowserCases;
import dev.corsfilter.browser.Closing;
import dev.corsfilter.browser.Engine;
import dev.corsfilter.browser.Observation;
import dev.corsfilter.browser.OpenBrowsers;
import dev.corsfilter.browser.PageServer;
import dev.corsfilter.javax.Tomcat9Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * cors-filter-javax on Tomcat 9, declared in a Servlet 4.0 web.xml, through the credentialed subset of the
 * browser matrix in Chromium: with Tomcat's own error report and with an error page, every case must end
 * exactly as in the matrix. (The core's tests run the same cases on Jetty 12 and Tomcat 11 in every engine.)
 *
 * <p>The web.xml allows {@code http://127.0.0.1:*}, so the disallowed page is on {@code localhost}. The servers
 * start with the first case, so that a machine without Chromium skips before starting anything.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Tomcat9BrowserTest {

    private final OpenBrowsers browsers = new OpenBrowsers();
    @TempDir
    Path tomcatFiles;
    private AutoCloseable[] running = {};
    private String apiOrigin;
    private PageServer allowed;
    private PageServer refused;

    /** Within the engine, one context after the other: a probe's cases must not interleave. */
    static Stream<Arguments> cases() {
        return Stream.of(Tomcat9Server.VALVE, Tomcat9Server.PAGED).flatMap(context -> BrowserCases.containerSubset()
                .stream().map(browserCase -> Arguments.of(Engine.CHROMIUM, context, browserCase)));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void tomcat9PassesTheMatrix(Engine engine, String context, BrowserCase browserCase) throws Exception {
        engine.requireInstalled();
        if (apiOrigin == null) {
            Tomcat9Server tomcat = Tomcat9Server.start("cred", tomcatFiles);
            allowed = PageServer.start("127.0.0.1");
            refused = PageServer.start("localhost");
            running = new AutoCloseable[] {tomcat, allowed, refused};
            apiOrigin = "http://localhost:" + tomcat.port();
        }
        ContainerTarget target = new ContainerTarget(allowed.origin(), refused.origin(), apiOrigin, context);
        Observation seen = browsers.probe(engine, target).check("tomcat 9 " + context, browserCase, browserCase.expected());

        if (context.equals(Tomcat9Server.VALVE)) {
            ErrorPath.assertTomcatErrorReport(browserCase, seen);
        } else {
            ErrorPath.assertErrorDispatch(browserCase, seen);
        }
    }

    @AfterAll
    void stop() {
        Closing.all(browsers);
        Closing.all(running);
    }
}
