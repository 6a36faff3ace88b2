package dev.corsfilter.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An Xvfb X server on a display number nobody uses, for an engine that needs a display even when nothing
 * is shown (WebKitGTK's MiniBrowser). The tests start their own and stop it, rather than trusting the
 * environment's {@code DISPLAY}.
 */
final class VirtualDisplay implements AutoCloseable {

    /** Where Debian's {@code xvfb} package puts the server. */
    static final Path XVFB = Path.of("/usr/bin/Xvfb");

    private static final Path SOCKETS = Path.of("/tmp/.X11-unix");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final int number;
    private final BackgroundProcess server;

    private VirtualDisplay(int number, BackgroundProcess server) {
        this.number = number;
        this.server = server;
    }

    /**
     * Starts Xvfb on the first free display from {@code :99} up and waits for its socket.
     *
     * @param log the file for Xvfb's output
     * @return the running display
     */
    static VirtualDisplay start(Path log) {
        for (int number = 99; number < 199; number++) {
            if (Files.exists(lock(number)) || Files.exists(socket(number))) {
                continue;
            }
            // -nolisten tcp: only the local socket; -noreset: stay up when the last client leaves.
            BackgroundProcess server = BackgroundProcess.start(List.of(XVFB.toString(), ":" + number,
                    "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset"), Map.of(), log);
            int display = number;
            try {
                server.await("display :" + display + " ready", () -> Files.exists(socket(display)), START_TIMEOUT);
            } catch (IllegalStateException e) {
                server.close();
                if (server.logTail().contains("already active")) {
                    continue;
                }
                throw e;
            }
            return new VirtualDisplay(number, server);
        }
        throw new IllegalStateException("no free X display between :99 and :198");
    }

    private static Path lock(int number) {
        return Path.of("/tmp/.X" + number + "-lock");
    }

    private static Path socket(int number) {
        return SOCKETS.resolve("X" + number);
    }

    /**
     * The value for {@code DISPLAY}.
     *
     * @return e.g. {@code :99}
     */
    String name() {
        return ":" + number;
    }

    @Override
    public void close() {
        server.close();
    }
}
