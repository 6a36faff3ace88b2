package dev.corsfilter.containers;

import dev.corsfilter.browser.BrowserCase;
import dev.corsfilter.browser.BrowserCases;
import dev.corsfilter.browser.Closing;
import dev.corsfilter.browser.Engine;
import dev.corsfilter.browser.Observation;
import dev.corsfilter.browser.OpenBrowsers;
import dev.corsfilter.browser.PageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * The filter registered the way most servlet applications do it: declared in {@code WEB-INF/web.xml}
 * ({@code src/test/resources/webapp/good}) with init-params and the REQUEST, ASYNC and ERROR dispatches,
 * deployed by a real Jetty {@code WebAppContext}, whose default error page is an ERROR dispatch. The
 * credentialed subset of the browser matrix must end exactly as in the matrix, in each engine.
 *
 * <p>The web.xml allows {@code http://127.0.0.1:*}, since it cannot name the page server's port, so the
 * disallowed page here is {@code http://localhost:<C>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebXmlJettyBrowserTest {

    private final OpenBrowsers browsers = new OpenBrowsers();
    private PageServer page;
    private PageServer other;
    private WebXmlJetty api;
    private ContainerTarget target;

    @BeforeAll
    void start() throws Exception {
        page = PageServer.start("127.0.0.1");
        other = PageServer.start("localhost");
        api = WebXmlJetty.of("good", true).start();
        target = new ContainerTarget(page.origin(), other.origin(), "http://localhost:" + api.port(), "");
    }

    @AfterAll
    void stop() {
        Closing.all(browsers, api, page, other);
    }

    static Stream<Arguments> cases() {
        return OpenBrowsers.everyEngineWith(BrowserCases.containerSubset());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void webXmlRegistrationPassesTheMatrix(Engine engine, BrowserCase browserCase) {
        Observation seen = browsers.probe(engine, target).check("web.xml", browserCase, browserCase.expected());

        ErrorPath.assertErrorDispatch(browserCase, seen);
    }
}
