package dev.corsfilter.browser;

/**
 * One running browser of one engine, as the browser tests need it and no more: open a page, run a script
 * there, read what it returned, close. {@link HeadlessChromium} drives Chromium through ChromeDriver,
 * {@link HeadlessFirefox} Firefox through WebDriver BiDi, {@link HeadlessWebKit} WebKitGTK's MiniBrowser
 * through WebKitWebDriver; the tests see only this interface, so every case runs the same way in each.
 */
public interface Browser extends AutoCloseable {

    /**
     * The engine.
     *
     * @return the engine
     */
    Engine engine();

    /**
     * The version the browser reports, e.g. {@code 153.8.0}.
     *
     * @return the version
     */
    String version();

    /**
     * Opens a URL as the top-level page and waits for it to load.
     *
     * @param url the address
     */
    void open(String url);

    /**
     * Calls a JavaScript function in the current page and waits for the promise it returns (if any).
     *
     * @param function a function expression taking one argument, e.g. {@code spec => corsProbe(spec)}
     * @param argument its argument: null, a string, number, boolean, list or map of these
     * @return the function's result as JSON values: null, {@code String}, {@code Boolean}, {@code Long} or
     *     {@code Double}, {@code List} or {@code Map}
     * @throws IllegalStateException when the function throws or its promise rejects
     */
    Object call(String function, Object argument);

    /**
     * Names the browser in reports.
     *
     * @return e.g. {@code Firefox 153.8.0}
     */
    default String describe() {
        return engine().displayName() + " " + version();
    }

    /** Ends the browser and every process it started, within a bounded time. */
    @Override
    void close();
}
