package dev.corsfilter.browser;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Path;
import java.util.Map;

/**
 * A headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages, driven through
 * Selenium with the driver path given explicitly, so nothing is downloaded at run time.
 *
 * <p>The profile allows third-party cookies (see {@link #start()}); everything else is Chromium's default.
 * When Chromium or its driver is not installed, {@link #start()} skips the calling test as
 * {@link Engine#requireInstalled()} says.
 */
public final class HeadlessChromium extends WebDriverBrowser<ChromeDriver> implements ConsoleLog {

    /** Where Debian's packages put the browser and its driver. */
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Where Debian's {@code chromium-driver} package puts the driver. */
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        super(driver);
        this.profile = profile;
    }

    /**
     * Starts a browser with a fresh profile, or skips the test when none is installed.
     *
     * @return the running browser; close it when done
     */
    public static HeadlessChromium start() {
        Engine.CHROMIUM.requireInstalled();
        Path profile = Profiles.create("cors-chromium-");
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--user-data-dir=" + profile);
            // This Chromium blocks third-party cookies by default, and a page on 127.0.0.1 calling an API on
            // localhost is cross-site, so a credentialed fetch would carry no cookie at all and the CORS
            // credentials rules could not be observed. The profile setting "Allow third-party cookies"
            // (cookie_controls_mode 0) restores what the Fetch standard alone prescribes.
            options.setExperimentalOption("prefs", Map.of("profile.cookie_controls_mode", 0));
            // Keep the console, where Chromium names the CORS check that failed (read by consoleMessages()).
            options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            Profiles.delete(profile);
            throw e;
        }
    }

    @Override
    public Engine engine() {
        return Engine.CHROMIUM;
    }

    @Override
    public java.util.List<String> consoleMessages() {
        return driver().manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        try {
            driver().quit();
        } finally {
            Profiles.delete(profile);
        }
    }
}
