package dev.corsfilter.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What debug mode is for: a developer reading Chromium's console. Without it, a pre-flight refused because
 * of one header is a bare 403, and Chromium reports the first check that fails on it — "No
 * 'Access-Control-Allow-Origin' header is present" — which points at the origin, not at the header; with it,
 * the answer carries the headers that passed, so Chromium names the header that did not. Either way the
 * request itself stays blocked (the matrix's {@code debug-refused-header-still-fails} case).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebugModeConsoleTest {

    private static final String FETCH = """
            const done = arguments[arguments.length - 1];
            fetch(arguments[0], {headers: {'X-Trace-Id': 't-1'}})
                .then(r => done('response ' + r.status), e => done('network error'));
            """;

    private HeadlessChromium chromium;
    private MatrixServers servers;

    @BeforeAll
    void start() {
        chromium = HeadlessChromium.start();
        servers = BrowserCases.startMatrixServers(true);
        chromium.open(servers.pageOrigin(Page.ALLOWED) + PageServlet.PATH);
    }

    @AfterAll
    void stop() {
        Closing.all(chromium, servers);
    }

    List<String> consoleAfterFetch(String policy) {
        chromium.consoleMessages();
        Object outcome = chromium.runAsync(FETCH, servers.policyBase(policy) + "/echo?console=" + policy);
        assertThat(outcome).as("the browser still blocks the request").isEqualTo("network error");
        List<String> messages = chromium.consoleMessages();
        System.out.println("[console " + policy + "] " + messages);
        return messages;
    }

    @Test
    void debugModeLetsTheConsoleNameTheRefusedHeader() {
        assertThat(consoleAfterFetch(BrowserCases.DEBUG)).anySatisfy(message -> assertThat(message)
                .contains("Request header field x-trace-id is not allowed by Access-Control-Allow-Headers"));
    }

    @Test
    void withoutDebugModeTheConsoleBlamesTheMissingAllowOrigin() {
        assertThat(consoleAfterFetch(BrowserCases.CRED))
                .anySatisfy(message -> assertThat(message).contains("Response to preflight request doesn't pass access"
                        + " control check: No 'Access-Control-Allow-Origin' header is present"))
                .noneSatisfy(message -> assertThat(message).contains("x-trace-id is not allowed"));
    }
}
