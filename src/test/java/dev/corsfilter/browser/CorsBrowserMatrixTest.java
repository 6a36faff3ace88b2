package dev.corsfilter.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser conformance matrix: every {@link BrowserCases#all() case} runs as a real {@code fetch()} in
 * headless Chromium, from a page on {@code http://127.0.0.1:<A>} (or the disallowed {@code <C>}) to the API
 * on {@code http://localhost:<B>} protected by {@code CorsFilter}, and must end as the Fetch standard says.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CorsBrowserMatrixTest {

    private HeadlessChromium chromium;
    private MatrixServers servers;
    private BrowserProbe probe;

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.start();
        servers = BrowserCases.startMatrixServers(true);
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
    void browserSeesWhatFetchRequires(BrowserCase browserCase) {
        Observation seen = probe.run(browserCase);

        List<String> mismatches = browserCase.expected().mismatches(seen);
        System.out.println(Report.line("matrix", browserCase, browserCase.expected(), seen, mismatches));
        assertThat(mismatches).as(Report.failure(browserCase, browserCase.expected(), seen)).isEmpty();
    }
}
