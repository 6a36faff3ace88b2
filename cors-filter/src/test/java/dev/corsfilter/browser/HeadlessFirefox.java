package dev.corsfilter.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Firefox from Debian's {@code firefox-esr} package, headless, driven over WebDriver BiDi, which Firefox
 * serves itself when started with {@code --remote-debugging-port}: no geckodriver (Debian packages none),
 * no Selenium, just {@link BidiConnection} on Java's own WebSocket client.
 *
 * <p>The fresh profile changes one thing that matters to CORS: third-party cookies are accepted
 * ({@code network.cookie.cookieBehavior} 0). Firefox's default, Total Cookie Protection, keeps a cookie
 * set by a top-level visit to the API out of the API's fetches from the page, so the credential cases
 * could not be observed. The other preferences only keep Firefox off the network, which is closed here.
 */
public final class HeadlessFirefox implements Browser, ConsoleLog {

    /** Where Debian's {@code firefox-esr} package puts the browser. */
    static final Path FIREFOX = Path.of("/usr/bin/firefox-esr");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    /** What Firefox writes to its profile once BiDi listens, e.g. {@code "ws_port": 40111}. */
    private static final Pattern PORT = Pattern.compile("\"ws_port\"\\s*:\\s*(\\d+)");
    private static final String SERVER_FILE = "WebDriverBiDiServer.json";

    private static final Map<String, Object> PREFERENCES = Map.ofEntries(
            Map.entry("network.cookie.cookieBehavior", 0),
            Map.entry("browser.shell.checkDefaultBrowser", false),
            Map.entry("datareporting.policy.dataSubmissionEnabled", false),
            Map.entry("datareporting.healthreport.uploadEnabled", false),
            Map.entry("toolkit.telemetry.reportingpolicy.firstRun", false),
            Map.entry("app.normandy.enabled", false),
            Map.entry("app.update.disabledForTesting", true),
            Map.entry("messaging-system.rsexperimentloader.enabled", false),
            Map.entry("services.settings.server", "data:,#remote-settings-dummy/v1"),
            Map.entry("network.captive-portal-service.enabled", false),
            Map.entry("network.connectivity-service.enabled", false),
            Map.entry("extensions.update.enabled", false));

    private final Path profile;
    private final BackgroundProcess process;
    private final BidiConnection bidi;
    private final String version;
    private final String context;

    private HeadlessFirefox(Path profile, BackgroundProcess process, BidiConnection bidi, String version,
                            String context) {
        this.profile = profile;
        this.process = process;
        this.bidi = bidi;
        this.version = version;
        this.context = context;
    }

    /**
     * Starts Firefox with a fresh profile and opens a BiDi session; skips the test when Firefox is missing.
     *
     * @return the running browser; close it when done
     */
    public static HeadlessFirefox start() {
        Engine.FIREFOX.requireInstalled();
        Path profile = Profiles.create("cors-firefox-");
        BackgroundProcess process = null;
        BidiConnection bidi = null;
        try {
            writePreferences(profile);
            // Port 0: Firefox picks a free port and writes it to the profile.
            process = BackgroundProcess.start(List.of(FIREFOX.toString(), "--headless", "--no-remote",
                    "--remote-debugging-port=0", "--profile", profile.toString(), "about:blank"),
                    Map.of(), profile.resolve("firefox.log"));
            Path serverFile = profile.resolve(SERVER_FILE);
            process.await("WebDriver BiDi listening", () -> port(serverFile) > 0, START_TIMEOUT);
            bidi = BidiConnection.open(URI.create("ws://127.0.0.1:" + port(serverFile) + "/session"), START_TIMEOUT);
            Map<String, Object> session = bidi.send("session.new", Map.of("capabilities", Map.of()), START_TIMEOUT);
            String version = String.valueOf(BidiConnection.map(session.get("capabilities")).get("browserVersion"));
            // Keep the console, where Firefox names the CORS check that failed (read by consoleMessages()).
            bidi.send("session.subscribe", Map.of("events", List.of("log.entryAdded")), COMMAND_TIMEOUT);
            Map<String, Object> tree = bidi.send("browsingContext.getTree", Map.of(), COMMAND_TIMEOUT);
            String context = String.valueOf(BidiConnection.map(((List<?>) tree.get("contexts")).get(0)).get("context"));
            return new HeadlessFirefox(profile, process, bidi, version, context);
        } catch (RuntimeException e) {
            String log = process == null ? "" : "; Firefox's output ends with:\n" + process.logTail();
            Closing.all(bidi, process);
            Profiles.delete(profile);
            throw new IllegalStateException("Firefox did not start: " + e.getMessage() + log, e);
        }
    }

    private static void writePreferences(Path profile) {
        StringBuilder userJs = new StringBuilder();
        PREFERENCES.forEach((name, value) -> userJs.append("user_pref(\"").append(name).append("\", ")
                .append(value instanceof String text ? "\"" + text + "\"" : value).append(");\n"));
        try {
            Files.writeString(profile.resolve("user.js"), userJs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int port(Path serverFile) {
        try {
            Matcher matcher = PORT.matcher(Files.readString(serverFile));
            return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
        } catch (IOException e) {
            // Not written yet.
            return 0;
        }
    }

    @Override
    public Engine engine() {
        return Engine.FIREFOX;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public void open(String url) {
        bidi.send("browsingContext.navigate", Map.of("context", context, "url", url, "wait", "complete"),
                COMMAND_TIMEOUT);
    }

    @Override
    public Object call(String function, Object argument) {
        Map<String, Object> evaluated = bidi.send("script.evaluate", Map.of(
                "expression", PageCall.expression(function, argument),
                "target", Map.of("context", context),
                "awaitPromise", true,
                "resultOwnership", "none"), COMMAND_TIMEOUT);
        if (!"success".equals(evaluated.get("type"))) {
            throw new IllegalStateException("the script failed: " + evaluated.get("exceptionDetails"));
        }
        return PageCall.decode(BidiConnection.map(evaluated.get("result")).get("value"));
    }

    @Override
    public List<String> consoleMessages() {
        return bidi.takeEvents().stream().filter(event -> "log.entryAdded".equals(event.get("method")))
                .map(event -> String.valueOf(BidiConnection.map(event.get("params")).get("text"))).toList();
    }

    @Override
    public void close() {
        try {
            Closing.all(this::endSession, bidi, process);
        } finally {
            Profiles.delete(profile);
        }
    }

    /** Asks Firefox to quit on its own, which {@link BackgroundProcess#close()} then only waits for. */
    private void endSession() {
        try {
            bidi.send("browser.close", Map.of(), Duration.ofSeconds(5));
        } catch (IllegalStateException e) {
            // It may close the connection before answering; the process is stopped next either way.
        }
    }
}
