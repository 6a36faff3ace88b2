package dev.corsfilter.internal;

import org.slf4j.Logger;

import java.util.Arrays;

/**
 * Logs the failures of user code the filter calls on every request (an origin resolver, a decision listener)
 * at a rate nobody outside can raise: during an outage every request fails, and attackers choose how many
 * requests they send. The first failure after a quiet interval is logged with its stack trace; while failures
 * go on, one line per interval counts them and names the latest; once the calls succeed again, the count
 * still pending is written with the first success that comes when a line is due, so a short outage is
 * counted too.
 *
 * <p>Logging never fails the request it reports on: a failure whose message cannot be computed, or a logger
 * that throws while it prints one, costs the line its detail, not the request its response. Only errors of
 * the JVM itself ({@link VirtualMachineError}) pass.
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
    /** Whether failures are counted and not yet written; read without the lock on every success. */
    private volatile boolean pending;

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
            summarise(previousFailure, "");
            // Before writing: a line the logger fails to write still starts the interval it is counted from.
            lastLine = now;
            Object[] arguments = {texts.who(), LogText.quote(origin), texts.outcome(), intervalNanos / 1_000_000_000L};
            String format = "{} failed for {}, {}; until it answers again, failures are counted in one line every {} seconds";
            if (!warn(format, arguments, failure)) {
                warn(format, arguments, printable(failure));
            }
            return;
        }
        unlogged++;
        pending = true;
        latest = LogText.quote(origin) + ": " + LogText.quote(LogText.describe(failure));
        if (now - lastLine >= intervalNanos) {
            summarise(now, "");
            lastLine = now;
        }
    }

    /**
     * Records a success: failures counted and not yet written are written now if a line is due, rather than
     * with a next failure that may never come.
     *
     * @param now the time in nanoseconds
     */
    public void succeeded(long now) {
        if (!pending) {
            return;
        }
        synchronized (this) {
            if (now - lastLine >= intervalNanos) {
                summarise(lastFailure, "; it has answered since");
                lastLine = now;
            }
        }
    }

    /** Logs the failures counted since the last line, up to {@code until}, if there are any. */
    private void summarise(long until, String after) {
        if (unlogged > 0) {
            warn("{} failed {} more times in {} seconds, {}; the latest for {}{}", new Object[] {texts.who(), unlogged,
                    (until - lastLine) / 1_000_000_000L, texts.outcomes(), latest, after}, null);
            unlogged = 0;
            pending = false;
        }
    }

    /** Writes a line, with a stack trace when {@code failure} is not null; false when the logger threw. */
    private boolean warn(String format, Object[] arguments, Throwable failure) {
        try {
            if (failure == null) {
                log.warn(format, arguments);
            } else {
                Object[] withFailure = Arrays.copyOf(arguments, arguments.length + 1);
                withFailure[arguments.length] = failure;
                log.warn(format, withFailure);
            }
            return true;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (RuntimeException | Error e) {
            return false;
        }
    }

    /** A stand-in with the failure's class and stack trace, for a failure the logger could not print. */
    private static Throwable printable(Throwable failure) {
        Exception standIn = new Exception(LogText.describe(failure));
        try {
            standIn.setStackTrace(failure.getStackTrace());
        } catch (RuntimeException e) {
            // The stand-in keeps its own frames, which still show where the failure was logged.
        }
        return standIn;
    }
}
