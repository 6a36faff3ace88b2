package dev.corsfilter.containers;

import dev.corsfilter.browser.BrowserCase;
import dev.corsfilter.browser.Observation;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks which error path rendered the error cases' bodies, so that a container test cannot pass through
 * a different path than it claims to cover.
 */
final class ErrorPath {

    /** The cases whose response is an error page: from a filter's sendError, the app's sendError, an exception. */
    private static final Set<String> ERROR_CASES = Set.of("security-filter-401", "send-error-404", "exception-500");

    private ErrorPath() {
    }

    /** An ERROR dispatch to the probe servlet, which writes {@code {"error":status}}. */
    static void assertErrorDispatch(BrowserCase browserCase, Observation seen) {
        if (ERROR_CASES.contains(browserCase.name())) {
            assertThat(seen.body()).as("%s rendered by the error page (ERROR dispatch)", browserCase.id())
                    .contains("{\"error\":" + browserCase.expected().status() + "}");
        }
    }

    /** Tomcat's ErrorReportValve, whose page is titled {@code HTTP Status 404 – Not Found}. */
    static void assertTomcatErrorReport(BrowserCase browserCase, Observation seen) {
        if (ERROR_CASES.contains(browserCase.name())) {
            assertThat(seen.body()).as("%s rendered by Tomcat's ErrorReportValve", browserCase.id())
                    .contains("HTTP Status " + browserCase.expected().status());
        }
    }
}
