package dev.corsfilter;

import dev.corsfilter.internal.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Looks at a properties file every few seconds and, when it changed, builds the configuration again from its
 * new content and the other sources, and hands it to the filter. An edit that does not make a valid policy is logged and ignored: the filter
 * keeps enforcing the last valid one. Polling, rather than a {@code WatchService}, because it works the
 * same on every file system, including network and container-mounted ones.
 */
final class PolicyFileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyFileWatcher.class);
    /** How long {@link #close()} waits for a check under way; a read of at most 1 MiB takes far less. */
    private static final long JOIN_MILLIS = 10_000;

    private final Path file;
    private final ConfigurationSources sources;
    private final Consumer<InitParameters.Configuration> apply;
    private final ScheduledExecutorService scheduler;
    /** The threads the scheduler started: one, but stopped for sure only once it is joined. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    /** Guards {@link #closed} and every hand-over to the filter, so none happens once {@link #close()} returned. */
    private final Object lock = new Object();
    private boolean closed;
    private byte[] lastSeen;

    /**
     * Starts watching.
     *
     * @param file the file to watch
     * @param interval the time between two looks at the file
     * @param applied the file's content the configuration in force was built from
     * @param sources the other sources of the configuration, read again with each change of the file
     * @param apply what to do with a new, valid configuration
     */
    PolicyFileWatcher(Path file, Duration interval, byte[] applied, ConfigurationSources sources,
                      Consumer<InitParameters.Configuration> apply) {
        this.file = file;
        this.sources = sources;
        this.apply = apply;
        this.lastSeen = applied;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cors-config-watcher " + file);
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Applies the file again if its content changed. Content rather than modification time, because two
     * edits within the file system's time resolution would otherwise look like one.
     */
    void check() {
        byte[] content = content();
        if (content == null || Arrays.equals(content, lastSeen)) {
            return;
        }
        lastSeen = content;
        try {
            InitParameters.Configuration configuration = sources.configuration(content);
            synchronized (lock) {
                if (closed) {
                    return;
                }
                apply.accept(configuration);
            }
            LOG.info("CORS configuration reloaded from {}", file);
        } catch (InvalidCorsPolicyException e) {
            LOG.warn("CORS configuration in {} ignored, the previous one stays in force: {}", file, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("CORS configuration in {} could not be reloaded: {}", file, LogText.quote(String.valueOf(e)));
        }
    }

    private byte[] content() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Stops watching: when this returns, the watcher's thread has ended and the filter will not be
     * reconfigured by it again, even by a check that was under way.
     */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        scheduler.shutdownNow();
        try {
            for (Thread thread : threads) {
                thread.join(JOIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
