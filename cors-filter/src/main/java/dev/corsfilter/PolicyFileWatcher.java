package dev.corsfilter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Looks at a properties file every few seconds and, when its settings changed and then read the same at the
 * next look, builds the configuration again from that content and the other sources and hands it to the
 * filter. Settings, not bytes: a comment or the layout changing is no change, so a file rendered afresh at every
 * look (a timestamp in a comment) is applied all the same. Waiting for a second identical read keeps a file
 * caught in the middle of a write from being applied because what was written so far happens to parse; it
 * cannot help with a writer that stalls for longer than the interval, so the safe update is a temporary file
 * renamed over the watched one, which no look can catch half-written. A file whose settings change at every
 * look is never applied, and is said to be, once. What goes wrong is logged once and changes nothing: an edit that does not make a valid policy,
 * a deleted, unreadable or oversized file, an unexpected error. The filter keeps enforcing the last valid
 * configuration. Polling, rather than a {@code WatchService}, because it works the same on every file system,
 * including network and container-mounted ones.
 */
final class PolicyFileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyFileWatcher.class);
    /** How long {@link #close()} waits for a check under way; a read of at most 1 MiB takes far less. */
    private static final long JOIN_MILLIS = 10_000;
    /** After how many looks in a row that each found other settings the file is said to keep changing. */
    private static final int UNSETTLED_LOOKS_REPORTED = 3;

    /**
     * What one look found: the file's settings, or why its content makes none. Compared between looks.
     *
     * @param settings the names and values the file holds, or null
     * @param problem why the content cannot be read as settings, or null
     */
    private record Reading(Map<String, String> settings, String problem) {
    }

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
    /** The settings last applied, or found invalid: nothing to do while the file holds them. */
    private Reading lastSeen;
    /** What the file held at the last check when that differed from {@link #lastSeen}; applied if it still does. */
    private Reading pending;
    /** How many looks in a row found settings other than those of the look before and of {@link #lastSeen}. */
    private int unsettledLooks;
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
        this.lastSeen = reading(applied);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cors-config-watcher " + file);
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::check, interval.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Applies the file again if its settings changed. Content rather than modification time, because two
     * edits within the file system's time resolution would otherwise look like one. Never throws: a scheduled
     * task that throws is never run again, so whatever goes wrong is logged and the next check comes.
     */
    synchronized void check() {
        try {
            byte[] content = read();
            if (content == null) {
                return;
            }
            Reading reading = reading(content);
            if (reading.equals(lastSeen)) {
                pending = null;
                unsettledLooks = 0;
            } else if (!reading.equals(pending)) {
                // Changed since the last check, maybe by a writer still at work: wait until it reads the same twice.
                pending = reading;
                if (++unsettledLooks == UNSETTLED_LOOKS_REPORTED) {
                    LOG.info("CORS configuration file {} has changed at each of the last {} looks; it is applied once"
                            + " it reads the same at two looks in a row", file, UNSETTLED_LOOKS_REPORTED);
                }
            } else {
                unsettledLooks = 0;
                reload(content, reading);
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

    private Reading reading(byte[] content) {
        try {
            return new Reading(sources.fileSettings(content), null);
        } catch (InvalidCorsPolicyException e) {
            return new Reading(null, e.getMessage());
        }
    }

    private void reload(byte[] content, Reading reading) {
        InitParameters.Configuration configuration;
        try {
            configuration = sources.configuration(content, resolvers);
        } catch (InvalidCorsPolicyException e) {
            resolvers.discarded();
            lastSeen = reading;
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
        lastSeen = reading;
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
