package dev.corsfilter.browser;

import dev.corsfilter.model.EngineProfile;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The three browser engines the tests run in, each from Debian's packages, headless, with nothing
 * downloaded: what each needs installed, how to start it, and how it differs where the tests can see it.
 *
 * <p>A missing engine skips its tests with a notice naming exactly what is missing and the packages that
 * bring it, unless the environment variable {@code REQUIRE_BROWSER_TESTS} is {@code true} (as in
 * {@code .ci/run}): then a missing engine fails the run.
 */
public enum Engine {

    /** Chromium through ChromeDriver. */
    CHROMIUM("Chromium", EngineProfile.CHROMIUM, "TypeError: Failed to fetch", true, true),
    /** Firefox ESR through WebDriver BiDi, which Firefox serves itself. */
    FIREFOX("Firefox", EngineProfile.FIREFOX, "TypeError: NetworkError when attempting to fetch resource.", true, true),
    /** WebKitGTK's MiniBrowser through WebKitWebDriver, on a virtual X display. */
    WEBKIT("WebKit", EngineProfile.WEBKIT, "TypeError: Load failed", false, false);

    /** The environment variable that turns a missing engine from a skip into a failure. */
    public static final String REQUIRE_VARIABLE = "REQUIRE_BROWSER_TESTS";

    private static final Set<Engine> NOTICE_PRINTED = EnumSet.noneOf(Engine.class);

    private final String displayName;
    private final EngineProfile profile;
    private final String fetchRejection;
    private final boolean secureCookiesOnLocalhost;
    private final boolean reusesCachedFetchResponses;

    Engine(String displayName, EngineProfile profile, String fetchRejection, boolean secureCookiesOnLocalhost,
           boolean reusesCachedFetchResponses) {
        this.displayName = displayName;
        this.profile = profile;
        this.fetchRejection = fetchRejection;
        this.secureCookiesOnLocalhost = secureCookiesOnLocalhost;
        this.reusesCachedFetchResponses = reusesCachedFetchResponses;
    }

    /**
     * An installed piece of an engine.
     *
     * @param path where Debian installs it
     * @param debianPackage the package that installs it
     */
    public record Requirement(Path path, String debianPackage) {
    }

    /**
     * The engine's name in reports.
     *
     * @return e.g. {@code WebKit}
     */
    public String displayName() {
        return displayName;
    }

    /**
     * What the Fetch model needs to know about the engine.
     *
     * @return the engine's profile
     */
    public EngineProfile profile() {
        return profile;
    }

    /**
     * The error a {@code fetch()} blocked by CORS rejects with, as script reads it ({@code name: message}).
     *
     * @return e.g. {@code TypeError: Load failed}
     */
    public String fetchRejection() {
        return fetchRejection;
    }

    /**
     * Whether the engine keeps a {@code Secure} cookie set over plain {@code http://localhost}. Chromium and
     * Firefox treat localhost as a secure context and do; WebKitGTK (libsoup) drops such cookies.
     *
     * @return true for Chromium and Firefox
     */
    public boolean secureCookiesOnLocalhost() {
        return secureCookiesOnLocalhost;
    }

    /**
     * Whether a {@code fetch()} can be answered from the engine's HTTP cache in a test session. WebKit's
     * automation session never reuses a cached {@code fetch()} response, so a missing {@code Vary: Origin}
     * cannot show there.
     *
     * @return true for Chromium and Firefox
     */
    public boolean reusesCachedFetchResponses() {
        return reusesCachedFetchResponses;
    }

    /**
     * What the engine needs installed.
     *
     * @return the executables, each with its Debian package
     */
    public List<Requirement> requirements() {
        return switch (this) {
            case CHROMIUM -> List.of(new Requirement(HeadlessChromium.CHROMIUM, "chromium"),
                    new Requirement(HeadlessChromium.CHROMEDRIVER, "chromium-driver"));
            case FIREFOX -> List.of(new Requirement(HeadlessFirefox.FIREFOX, "firefox-esr"));
            case WEBKIT -> List.of(new Requirement(HeadlessWebKit.DRIVER, "webkit2gtk-driver"),
                    new Requirement(HeadlessWebKit.miniBrowser(), "libwebkit2gtk-4.1-0"),
                    new Requirement(VirtualDisplay.XVFB, "xvfb"));
        };
    }

    /**
     * The pieces of the engine this machine lacks.
     *
     * @return the missing ones; empty when the engine can run
     */
    public List<Requirement> missing() {
        return requirements().stream().filter(requirement -> !Files.isExecutable(requirement.path())).toList();
    }

    /**
     * Starts a browser of this engine with a fresh profile, or skips the calling test when the engine is
     * not installed (fails it where {@link #REQUIRE_VARIABLE} is true).
     *
     * @return the running browser; close it when done
     */
    public Browser start() {
        requireInstalled();
        return switch (this) {
            case CHROMIUM -> HeadlessChromium.start();
            case FIREFOX -> HeadlessFirefox.start();
            case WEBKIT -> HeadlessWebKit.start();
        };
    }

    /** Skips the calling test when the engine is missing, or fails it where every engine is required. */
    public void requireInstalled() {
        List<Requirement> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        String message = skipNotice(missing);
        if ("true".equalsIgnoreCase(System.getenv(REQUIRE_VARIABLE))) {
            throw new IllegalStateException(message + " (" + REQUIRE_VARIABLE + "=true requires every engine)");
        }
        synchronized (NOTICE_PRINTED) {
            if (NOTICE_PRINTED.add(this)) {
                System.out.println(message);
            }
        }
        Assumptions.abort(message);
    }

    /**
     * The one line that says why the engine's tests are skipped: exactly what is missing, and the command
     * that installs it.
     *
     * @param missing the missing pieces
     * @return e.g. {@code Chromium browser tests skipped: missing /usr/bin/chromedriver (package
     *     chromium-driver); install with: sudo apt-get install -y chromium-driver}
     */
    String skipNotice(List<Requirement> missing) {
        return displayName + " browser tests skipped: missing " + missing.stream()
                .map(requirement -> requirement.path() + " (package " + requirement.debianPackage() + ")")
                .collect(Collectors.joining(", ")) + "; install with: sudo apt-get install -y "
                + missing.stream().map(Requirement::debianPackage).distinct().collect(Collectors.joining(" "));
    }

    /**
     * The engine's name in test names and file names.
     *
     * @return e.g. {@code webkit}
     */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
