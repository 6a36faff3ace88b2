package dev.corsfilter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
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
 * Looks at a properties file every few seconds and, when its content changed and then read the same at the
 * next look, builds the configuration again from that content and the other sources and hands it to the
 * filter. Waiting for a second identical read keeps a file caught in the middle of a write from being applied
 * because what was written so far happens to parse; it cannot help with a writer that stalls for longer than
 * the interval, so the safe update is a temporary file renamed over the watched one, which no look can catch
 * half-written. What goes wrong is logged once and changes nothing: an edit that does not make a valid policy,
 * a deleted, unreadable or oversized file, an unexpected error. The filter keeps enforcing the last valid
 * configuration. Polling, rather than a {@code WatchService}, because it works the same on every file system,
 * including network and container-mounted ones.
 */
final class PolicyFileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyFileWatcher.class);
    /** How long {@link #close()} waits for a check under way; a read of at most 1 MiB takes far less. */
    private static final long JOIN_MILLIS = 10_000;

    private final Path file;
    private final ConfigurationSources sources;
    private final ResolverInstances resolvers;
    private final Consumer<InitParameters.Configuration> apply;
    private final ScheduledExecutorService scheduler;
    /** The threads the scheduler started: one, but stopped for sure only once it is joined. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    /** Guards {@link #closed} and every hand-over to the filter, so none happens once {@link #close()} returned. */
    private final Object lock = new Object();
    private volatile boolean closed;
    /** The content last applied, or found invalid: nothing to do while the file holds it. */
    private byte[] lastSeen;
    /** What the file held at the last check when that differed from {@link #lastSeen}; applied if it still does. */
    private byte[] pending;
    /** Why the file could not be read at the last check, logged once; null when it could. */
    private String readProblem;
    /** The unexpected failure of the last check, logged once; null after a successful reload. */
    private String lastFailure;

    /**
     * Starts watching.
     *
     * @param file the file to watch
     * @param interval the time between two looks at the file
     * @param applied the file's content the configuration in force was built from
     * @param sources the other sources of the configuration, read again with each change of the file
     * @param resolvers the resolvers created by class name, told whether each configuration built was applied
     * @param apply what to do with a new, valid configuration
     */
    PolicyFileWatcher(Path file, Duration interval, byte[] applied, ConfigurationSources sources,
                      ResolverInstances resolvers, Consumer<InitParameters.Configuration> apply) {
        this.file = file;
        this.sources = sources;
        this.resolvers = resolvers;
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
     * edits within the file system's time resolution would otherwise look like one. Never throws: a scheduled
     * task that throws is never run again, so whatever goes wrong is logged and the next check comes.
     */
    synchronized void check() {
        try {
            byte[] content = read();
            if (content == null) {
                return;
            }
            if (Arrays.equals(content, lastSeen)) {
                pending = null;
            } else if (!Arrays.equals(content, pending)) {
                // Changed since the last check, maybe by a writer still at work: wait until it reads the same twice.
                pending = content;
            } else {
                reload(content);
            }
        } catch (Throwable e) {
            String failure = String.valueOf(e);
            if (!closed && !failure.equals(lastFailure)) {
                LOG.warn("CORS configuration file {} could not be checked; the previous configuration stays in force,"
                        + " and the file is checked again", file, e);
            }
            lastFailure = failure;
        }
    }

    /** Returns the file's content, or null after logging why it cannot be read (once until it can again). */
    private byte[] read() {
        byte[] content;
        try {
            content = ConfigurationSources.read(file);
        } catch (IOException e) {
            String problem = ConfigurationSources.describe(e);
            if (!closed && !problem.equals(readProblem)) {
                LOG.warn("CORS configuration file {} cannot be read ({}); the previous configuration stays in force",
                        file, problem);
            }
            readProblem = problem;
            return null;
        }
        if (readProblem != null) {
            LOG.info("CORS configuration file {} can be read again", file);
            readProblem = null;
        }
        return content;
    }

    private void reload(byte[] content) {
        InitParameters.Configuration configuration;
        try {
            configuration = sources.configuration(content, resolvers);
        } catch (InvalidCorsPolicyException e) {
            resolvers.discarded();
            lastSeen = content;
            pending = null;
            LOG.warn("CORS configuration in {} ignored, the previous one stays in force: {}", file, e.getMessage());
            return;
        }
        synchronized (lock) {
            if (closed) {
                resolvers.discarded();
                return;
            }
            try {
                apply.accept(configuration);
            } catch (RuntimeException | Error e) {
                resolvers.discarded();
                throw e;
            }
            resolvers.applied();
        }
        lastSeen = content;
        pending = null;
        lastFailure = null;
        LOG.info("CORS configuration reloaded from {}", file);
        sources.ignoredFileSettings(content).forEach(LOG::warn);
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
