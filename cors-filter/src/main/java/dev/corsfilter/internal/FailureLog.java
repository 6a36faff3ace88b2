package dev.corsfilter.internal;

import org.slf4j.Logger;

/**
 * Logs the failures of user code the filter calls on every request (an origin resolver, a decision listener)
 * at a rate nobody outside can raise: during an outage every request fails, and attackers choose how many
 * requests they send. The first failure after a quiet interval is logged with its stack trace; while failures
 * go on, one line per interval counts them and names the latest.
 */
public final class FailureLog {

    /** Resolver failures: each refuses its origin. */
    static final Texts RESOLVER = new Texts("CORS origin resolver", "which is refused", "refusing those origins");

    /**
     * What the lines say: who failed, and what each failure means for the request it happened on.
     *
     * @param who the failing party, e.g. {@code CORS origin resolver}
     * @param outcome the outcome of one failure for its subject, e.g. {@code which is refused}
     * @param outcomes the outcome of many, e.g. {@code refusing those origins}
     */
    public record Texts(String who, String outcome, String outcomes) {
    }

    private final Logger log;
    private final long intervalNanos;
    private final Texts texts;
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
     * @param texts what the lines say
     */
    public FailureLog(Logger log, long intervalNanos, Texts texts) {
        this.log = log;
        this.intervalNanos = intervalNanos;
        this.texts = texts;
    }

    /**
     * Records a failure.
     *
     * @param origin what the failing call was about, e.g. the request's origin
     * @param failure what was thrown
     * @param now the time in nanoseconds
     */
    public synchronized void failed(String origin, Throwable failure, long now) {
        boolean afterQuiet = !failedBefore || now - lastFailure >= intervalNanos;
        long previousFailure = lastFailure;
        failedBefore = true;
        lastFailure = now;
        if (afterQuiet) {
            summarise(previousFailure);
            log.warn("{} failed for {}, {}; until it answers again, failures are counted in one line every {} seconds",
                    texts.who(), LogText.quote(origin), texts.outcome(), intervalNanos / 1_000_000_000L, failure);
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
            log.warn("{} failed {} more times in {} seconds, {}; the latest for {}", texts.who(), unlogged,
                    (until - lastLine) / 1_000_000_000L, texts.outcomes(), latest);
            unlogged = 0;
        }
    }
}
