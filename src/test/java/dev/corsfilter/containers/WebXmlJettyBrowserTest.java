package dev.corsfilter.containers;

import dev.corsfilter.browser.BrowserCase;
import dev.corsfilter.browser.BrowserCases;
import dev.corsfilter.browser.BrowserProbe;
import dev.corsfilter.browser.Closing;
import dev.corsfilter.browser.HeadlessChromium;
import dev.corsfilter.browser.Observation;
import dev.corsfilter.browser.PageServer;
import dev.corsfilter.browser.Report;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter registered the way most servlet applications do it: declared in {@code WEB-INF/web.xml}
 * ({@code src/test/resources/webapp/good}) with init-params and the REQUEST, ASYNC and ERROR dispatches,
 * deployed by a real Jetty {@code WebAppContext}, whose default error page is an ERROR dispatch. The
 * credentialed subset of the browser matrix must end exactly as in the matrix.
 *
 * <p>The web.xml allows {@code http://127.0.0.1:*}, since it cannot name the page server's port, so the
 * disallowed page here is {@code http://localhost:<C>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebXmlJettyBrowserTest {

    private HeadlessChromium chromium;
    private PageServer page;
    private PageServer other;
    private WebXmlJetty api;
    private BrowserProbe probe;

    @BeforeAll
    void start() throws Exception {
        chromium = HeadlessChromium.start();
        page = PageServer.start("127.0.0.1");
        other = PageServer.start("localhost");
        api = WebXmlJetty.of("good", true).start();
        probe = new BrowserProbe(chromium, new ContainerTarget(page.origin(), other.origin(),
                "http://localhost:" + api.port(), ""));
    }

    @AfterAll
    void stop() {
        Closing.all(chromium, api, page, other);
    }

    static List<BrowserCase> cases() {
        return BrowserCases.containerSubset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void webXmlRegistrationPassesTheMatrix(BrowserCase browserCase) {
        Observation seen = probe.run(browserCase);

        List<String> mismatches = browserCase.expected().mismatches(seen);
        System.out.println(Report.line("web.xml", browserCase, browserCase.expected(), seen, mismatches));
        assertThat(mismatches).as(Report.failure(browserCase, browserCase.expected(), seen)).isEmpty();
        ErrorPath.assertErrorDispatch(browserCase, seen);
    }
}
