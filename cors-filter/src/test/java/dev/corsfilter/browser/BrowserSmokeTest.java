package dev.corsfilter.browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each engine starts, runs a script in a page, passes values both ways, and reports failures as such. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserSmokeTest {

    private final OpenBrowsers browsers = new OpenBrowsers();

    @AfterAll
    void stop() {
        browsers.close();
    }

    static List<Engine> engines() {
        return OpenBrowsers.engines();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void runsAnAsyncFunctionInAPageAndReturnsJsonValues(Engine engine) {
        Browser browser = browsers.get(engine);
        browser.open("data:text/html,<title>ok</title>");

        Object result = browser.call("async input => ({sum: input.a + 1, title: document.title,"
                + " list: [true, null, 'é\\u2028'], half: 0.5})", Map.of("a", 1));

        System.out.println("[smoke] " + browser.describe());
        assertThat(browser.version()).matches("\\d+(\\.\\d+)+.*");
        assertThat(result).isEqualTo(Map.of("sum", 2L, "title", "ok", "list", java.util.Arrays.asList(true, null,
                "é\u2028"), "half", 0.5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void aRejectedPromiseIsAnErrorNamingTheReason(Engine engine) {
        Browser browser = browsers.get(engine);
        browser.open("data:text/html,<title>ok</title>");

        assertThatThrownBy(() -> browser.call("() => Promise.reject(new RangeError('no'))", null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("RangeError: no");
    }
}
