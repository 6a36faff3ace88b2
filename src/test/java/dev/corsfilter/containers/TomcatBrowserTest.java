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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filter registered programmatically in embedded Tomcat 11, run through the credentialed subset of
 * the browser matrix twice: in a context where Tomcat's own ErrorReportValve renders {@code sendError}
 * and exceptions, and in one where a default error page turns them into an ERROR dispatch. In both,
 * the 401, 404 and 500 must reach script with their status, which needs CORS headers on Tomcat's pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TomcatBrowserTest {

    private HeadlessChromium chromium;
    private PageServer page;
    private PageServer other;
    private EmbeddedTomcat tomcat;
    private Map<String, BrowserProbe> probes;

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.start();
        page = PageServer.start("127.0.0.1");
        other = PageServer.start("127.0.0.1");
        tomcat = EmbeddedTomcat.start(BrowserCases.policy(BrowserCases.CRED, page.origin()));
        String api = "http://localhost:" + tomcat.port();
        probes = Map.of(
                EmbeddedTomcat.VALVE_CONTEXT, probe(api, EmbeddedTomcat.VALVE_CONTEXT),
                EmbeddedTomcat.ERROR_PAGE_CONTEXT, probe(api, EmbeddedTomcat.ERROR_PAGE_CONTEXT));
    }

    private BrowserProbe probe(String api, String context) {
        return new BrowserProbe(chromium, new ContainerTarget(page.origin(), other.origin(), api, context));
    }

    @AfterAll
    void stop() {
        Closing.all(chromium, tomcat, page, other);
    }

    static Stream<Arguments> cases() {
        return Stream.of(EmbeddedTomcat.VALVE_CONTEXT, EmbeddedTomcat.ERROR_PAGE_CONTEXT)
                .flatMap(context -> BrowserCases.containerSubset().stream()
                        .map(browserCase -> Arguments.of(context, browserCase)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void tomcatRegistrationPassesTheMatrix(String context, BrowserCase browserCase) {
        Observation seen = probes.get(context).run(browserCase);

        List<String> mismatches = browserCase.expected().mismatches(seen);
        System.out.println(Report.line("tomcat " + context, browserCase, browserCase.expected(), seen, mismatches));
        assertThat(mismatches).as(context + " " + Report.failure(browserCase, browserCase.expected(), seen)).isEmpty();
        if (context.equals(EmbeddedTomcat.VALVE_CONTEXT)) {
            ErrorPath.assertTomcatErrorReport(browserCase, seen);
        } else {
            ErrorPath.assertErrorDispatch(browserCase, seen);
        }
    }
}
