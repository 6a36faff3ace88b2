package dev.corsfilter.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What debug mode is for: a developer reading the browser's console. Without it, a pre-flight refused
 * because of one header is a bare 403, and the browser reports the first check that fails on it — the
 * missing {@code Access-Control-Allow-Origin} — which points at the origin, not at the header; with it, the
 * answer carries the headers that passed, so the browser names the header that did not. Either way the
 * request itself stays blocked (the matrix's {@code debug-refused-header-still-fails} case).
 *
 * <p>Run in Chromium and Firefox, whose consoles the tests can read ({@link ConsoleLog}); WebKitWebDriver
 * gives no access to WebKit's console. The texts checked here are the ones docs/troubleshooting.md quotes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebugModeConsoleTest {

    private static final String FETCH = """
            url => fetch(url, {headers: {'X-Trace-Id': 't-1'}}).then(r => 'response ' + r.status, e => 'network error')""";

    /** What each engine's console says when debug mode lets it name the refused header. */
    private static final Map<Engine, String> HEADER_NAMED = Map.of(
            Engine.CHROMIUM, "Request header field x-trace-id is not allowed by Access-Control-Allow-Headers in"
                    + " preflight response.",
            Engine.FIREFOX, "(Reason: header ‘x-trace-id’ is not allowed according to header"
                    + " ‘Access-Control-Allow-Headers’ from CORS preflight response).");
    /** What it says about the same request without debug mode: the origin is blamed. */
    private static final Map<Engine, String> ORIGIN_BLAMED = Map.of(
            Engine.CHROMIUM, "Response to preflight request doesn't pass access control check: No"
                    + " 'Access-Control-Allow-Origin' header is present on the requested resource.",
            Engine.FIREFOX, "(Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 403.");

    private static final Duration CONSOLE_WAIT = Duration.ofSeconds(5);

    private final OpenBrowsers browsers = new OpenBrowsers();
    private MatrixServers servers;

    @BeforeAll
    void start() {
        servers = BrowserCases.startMatrixServers(true);
    }

    @AfterAll
    void stop() {
        Closing.all(browsers, servers);
    }

    /**
     * Makes the refused fetch and collects the console until a message contains {@code expected}: Firefox
     * reports it a moment after the fetch rejects. Gives up after {@link #CONSOLE_WAIT}.
     */
    List<String> consoleAfterFetch(Engine engine, String policy, String expected) throws InterruptedException {
        Browser browser = browsers.get(engine);
        browser.open(servers.pageOrigin(Page.ALLOWED) + PageServlet.PATH);
        ConsoleLog console = (ConsoleLog) browser;
        console.consoleMessages();
        Object outcome = browser.call(FETCH, servers.policyBase(policy) + "/echo?console=" + policy);
        assertThat(outcome).as("the browser still blocks the request").isEqualTo("network error");
        List<String> messages = new ArrayList<>(console.consoleMessages());
        long deadline = System.nanoTime() + CONSOLE_WAIT.toNanos();
        while (messages.stream().noneMatch(message -> message.contains(expected)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            messages.addAll(console.consoleMessages());
        }
        System.out.println("[console " + browser.describe() + " " + policy + "] " + messages);
        return messages;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Engine.class, names = {"CHROMIUM", "FIREFOX"})
    void debugModeLetsTheConsoleNameTheRefusedHeader(Engine engine) throws InterruptedException {
        assertThat(consoleAfterFetch(engine, BrowserCases.DEBUG, HEADER_NAMED.get(engine)))
                .anySatisfy(message -> assertThat(message).contains(HEADER_NAMED.get(engine)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Engine.class, names = {"CHROMIUM", "FIREFOX"})
    void withoutDebugModeTheConsoleBlamesTheMissingAllowOrigin(Engine engine) throws InterruptedException {
        assertThat(consoleAfterFetch(engine, BrowserCases.CRED, ORIGIN_BLAMED.get(engine)))
                .anySatisfy(message -> assertThat(message).contains(ORIGIN_BLAMED.get(engine)))
                .noneSatisfy(message -> assertThat(message).contains("x-trace-id"));
    }
}
