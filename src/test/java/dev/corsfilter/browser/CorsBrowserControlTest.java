package dev.corsfilter.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control run of the matrix: the same cases against the same API without any CORS filter. Every
 * CORS-mode case must now fail in the browser, the ones the filter makes pass included; only the
 * {@code no-cors} case, which needs no CORS, still ends the same way. If this run passed cases, the matrix
 * would prove nothing about the filter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsBrowserControlTest {

    private HeadlessChromium chromium;
    private MatrixServers servers;
    private BrowserProbe probe;

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.start();
        servers = BrowserCases.startMatrixServers(false);
        probe = new BrowserProbe(chromium, servers);
    }

    @AfterAll
    void stop() {
        Closing.all(chromium, servers);
    }

    static List<BrowserCase> cases() {
        return BrowserCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void withoutTheFilterEveryCorsRequestFails(BrowserCase browserCase) {
        Observation seen = probe.run(browserCase);

        Expected expected = browserCase.expectedWithoutFilter();
        List<String> mismatches = expected.mismatches(seen);
        System.out.println(Report.line("control", browserCase, expected, seen, mismatches));
        assertThat(mismatches).as(Report.failure(browserCase, expected, seen)).isEmpty();
    }
}
