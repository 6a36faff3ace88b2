package dev.corsfilter.browser;

import org.openqa.selenium.remote.RemoteWebDriver;

import java.time.Duration;

/**
 * What the engines driven through a W3C WebDriver session (Chromium's ChromeDriver, WebKitWebDriver) share:
 * the version from the session's capabilities, navigation, and {@link PageCall}'s script as an asynchronous
 * script. Pages and scripts get {@link #TIMEOUT} each.
 *
 * @param <D> the Selenium driver class
 */
abstract class WebDriverBrowser<D extends RemoteWebDriver> implements Browser {

    /** How long a page may take to load, and a script to finish. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final D driver;

    WebDriverBrowser(D driver) {
        this.driver = driver;
        driver.manage().timeouts().scriptTimeout(TIMEOUT);
        driver.manage().timeouts().pageLoadTimeout(TIMEOUT);
    }

    /**
     * The Selenium driver.
     *
     * @return the driver
     */
    public D driver() {
        return driver;
    }

    @Override
    public String version() {
        return driver.getCapabilities().getBrowserVersion();
    }

    @Override
    public void open(String url) {
        driver.get(url);
    }

    @Override
    public Object call(String function, Object argument) {
        return PageCall.call(driver, function, argument);
    }
}
