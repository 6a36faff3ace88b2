package dev.corsfilter.browser;

import java.util.List;

/**
 * A browser whose console the tests can read, where the engine names the CORS check that failed (a
 * {@code fetch()} itself only rejects with a bare TypeError). Chromium's and Firefox's drivers can;
 * WebKitWebDriver offers no access to the console.
 */
public interface ConsoleLog {

    /**
     * The console messages logged since the last call.
     *
     * @return the messages' text, oldest first
     */
    List<String> consoleMessages();
}
