package dev.corsfilter.containers;

import dev.corsfilter.browser.BrowserCase;
import dev.corsfilter.browser.BrowserCases;
import dev.corsfilter.browser.Closing;
import dev.corsfilter.browser.Engine;
import dev.corsfilter.browser.Observation;
import dev.corsfilter.browser.OpenBrowsers;
import dev.corsfilter.browser.PageServer;
import dev.corsfilter.testing.RunningServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

/**
 * The filter registered programmatically in embedded Tomcat 11, run through the credentialed subset of
 * the browser matrix in each engine, twice: in a context where Tomcat's own ErrorReportValve renders {@code sendError}
 * and exceptions, and in one where a default error page turns them into an ERROR dispatch. In both,
 * the 401, 404 and 500 must reach script with their status, which needs CORS headers on Tomcat's pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatBrowserTest {

    private final OpenBrowsers browsers = new OpenBrowsers();
    private PageServer page;
    private PageServer other;
    private RunningServer tomcat;
    private Map<String, ContainerTarget> targets;

    @BeforeAll
    void start() {
        page = PageServer.start("127.0.0.1");
        other = PageServer.start("127.0.0.1");
        tomcat = EmbeddedTomcat.start(BrowserCases.policy(BrowserCases.CRED, page.origin()));
        String api = "http://localhost:" + tomcat.port();
        targets = Map.of(
                EmbeddedTomcat.VALVE_CONTEXT, new ContainerTarget(page.origin(), other.origin(), api,
                        EmbeddedTomcat.VALVE_CONTEXT),
                EmbeddedTomcat.ERROR_PAGE_CONTEXT, new ContainerTarget(page.origin(), other.origin(), api,
                        EmbeddedTomcat.ERROR_PAGE_CONTEXT));
    }

    @AfterAll
    void stop() {
        Closing.all(browsers, tomcat, page, other);
    }

    /** Engine by engine, and within an engine one context after the other (a probe's cases must not interleave). */
    static Stream<Arguments> cases() {
        return OpenBrowsers.engines().stream().flatMap(engine ->
                Stream.of(EmbeddedTomcat.VALVE_CONTEXT, EmbeddedTomcat.ERROR_PAGE_CONTEXT)
                        .flatMap(context -> BrowserCases.containerSubset().stream()
                                .map(browserCase -> Arguments.of(engine, context, browserCase))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void tomcatRegistrationPassesTheMatrix(Engine engine, String context, BrowserCase browserCase) {
        Observation seen = browsers.probe(engine, targets.get(context))
                .check("tomcat " + context, browserCase, browserCase.expected());

        if (context.equals(EmbeddedTomcat.VALVE_CONTEXT)) {
            ErrorPath.assertTomcatErrorReport(browserCase, seen);
        } else {
            ErrorPath.assertErrorDispatch(browserCase, seen);
        }
    }
}
