package dev.corsfilter.browser;

import org.openqa.selenium.MutableCapabilities;
import org.openqa.selenium.remote.HttpCommandExecutor;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.remote.http.ClientConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * WebKit as WebKitGTK ships it: Debian's {@code webkit2gtk-driver} package's {@code WebKitWebDriver}, a W3C
 * WebDriver server that starts the {@code MiniBrowser} of {@code libwebkit2gtk-4.1-0} in automation mode,
 * driven through Selenium's {@link RemoteWebDriver}. MiniBrowser needs an X display even with no window
 * on screen, so each browser gets its own {@link VirtualDisplay}.
 */
public final class HeadlessWebKit extends WebDriverBrowser<RemoteWebDriver> {

    /** Where Debian's {@code webkit2gtk-driver} package puts the driver. */
    static final Path DRIVER = Path.of("/usr/bin/WebKitWebDriver");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final VirtualDisplay display;
    private final BackgroundProcess server;

    private HeadlessWebKit(Path directory, VirtualDisplay display, BackgroundProcess server, RemoteWebDriver driver) {
        super(driver);
        this.directory = directory;
        this.display = display;
        this.server = server;
    }

    /**
     * Where {@code libwebkit2gtk-4.1-0} puts MiniBrowser: under the multiarch library directory.
     *
     * @return the installed MiniBrowser, or where it would be on x86-64 when none is installed
     */
    static Path miniBrowser() {
        try (Stream<Path> libraries = Files.list(Path.of("/usr/lib"))) {
            return libraries.map(library -> library.resolve("webkit2gtk-4.1/MiniBrowser"))
                    .filter(Files::isExecutable).findFirst()
                    .orElse(Path.of("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts a display, the driver and a browser session; skips the test when WebKit is not installed.
     *
     * @return the running browser; close it when done
     */
    public static HeadlessWebKit start() {
        Engine.WEBKIT.requireInstalled();
        Path directory = Profiles.create("cors-webkit-");
        VirtualDisplay display = null;
        BackgroundProcess server = null;
        try {
            display = VirtualDisplay.start(directory.resolve("xvfb.log"));
            int port = BackgroundProcess.freePort();
            // NO_AT_BRIDGE: no accessibility bus to look for on a machine without a desktop session.
            server = BackgroundProcess.start(List.of(DRIVER.toString(), "--port=" + port),
                    Map.of("DISPLAY", display.name(), "NO_AT_BRIDGE", "1"), directory.resolve("webkitwebdriver.log"));
            server.await("listening on port " + port, () -> BackgroundProcess.listening(port), START_TIMEOUT);
            MutableCapabilities capabilities = new MutableCapabilities();
            capabilities.setCapability("browserName", "MiniBrowser");
            capabilities.setCapability("webkitgtk:browserOptions",
                    Map.of("binary", miniBrowser().toString(), "args", List.of("--automation")));
            ClientConfig config = ClientConfig.defaultConfig()
                    .baseUri(URI.create("http://127.0.0.1:" + port))
                    .connectionTimeout(START_TIMEOUT)
                    .readTimeout(COMMAND_TIMEOUT);
            return new HeadlessWebKit(directory, display, server,
                    new RemoteWebDriver(new HttpCommandExecutor(config), capabilities));
        } catch (RuntimeException e) {
            String log = server == null ? "" : "; WebKitWebDriver's output ends with:\n" + server.logTail();
            Closing.all(server, display);
            Profiles.delete(directory);
            throw new IllegalStateException("WebKit did not start: " + e.getMessage() + log, e);
        }
    }

    @Override
    public Engine engine() {
        return Engine.WEBKIT;
    }

    @Override
    public void close() {
        try {
            Closing.all(driver()::quit, server, display);
        } finally {
            Profiles.delete(directory);
        }
    }
}
