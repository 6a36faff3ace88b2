package dev.corsfilter.internal;

import org.slf4j.Logger;

/**
 * Logs the failures of an origin resolver at a rate nobody outside can raise: during an outage every request
 * from a new origin fails, and attackers choose how many new origins they send. The first failure after a
 * quiet interval is logged with its stack trace; while failures go on, one line per interval counts them and
 * names the latest.
 */
final class ResolverFailureLog {

    private final Logger log;
    private final long intervalNanos;
    private boolean failedBefore;
    private long lastFailure;
    private long lastLine;
    private int unlogged;
    private String latest;

    /**
     * Creates a log that has seen no failure yet.
     *
     * @param log where to write
     * @param intervalNanos the shortest time between two lines, in nanoseconds
     */
    ResolverFailureLog(Logger log, long intervalNanos) {
        this.log = log;
        this.intervalNanos = intervalNanos;
    }

    /**
     * Records that asking about {@code origin} failed.
     *
     * @param origin the origin, which was refused
     * @param failure what the resolver threw
     * @param now the time in nanoseconds
     */
    synchronized void failed(String origin, Throwable failure, long now) {
        boolean afterQuiet = !failedBefore || now - lastFailure >= intervalNanos;
        long previousFailure = lastFailure;
        failedBefore = true;
        lastFailure = now;
        if (afterQuiet) {
            summarise(previousFailure);
            log.warn("CORS origin resolver failed for {}, which is refused; until it answers again, failures are"
                    + " counted in one line every {} seconds", LogText.quote(origin), intervalNanos / 1_000_000_000L, failure);
            lastLine = now;
            return;
        }
        unlogged++;
        latest = LogText.quote(origin) + ": " + LogText.quote(String.valueOf(failure));
        if (now - lastLine >= intervalNanos) {
            summarise(now);
            lastLine = now;
        }
    }

    /** Logs the failures counted since the last line, up to {@code until}, if there are any. */
    private void summarise(long until) {
        if (unlogged > 0) {
            log.warn("CORS origin resolver failed {} more times in {} seconds, refusing those origins; the latest"
                    + " for {}", unlogged, (until - lastLine) / 1_000_000_000L, latest);
            unlogged = 0;
        }
    }
}
