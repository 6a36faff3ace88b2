package dev.corsfilter;

import dev.corsfilter.internal.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The decision listeners of a filter, immutable, so that a request reads them once and adding one never races
 * with a request. Whatever a listener throws is logged at a bounded rate and never changes the response: errors
 * such as {@code StackOverflowError} or {@code InternalError} too (caught here, where the listener's frames are
 * unwound), and an {@code InterruptedException} thrown sneakily is not turned into an interrupt of the
 * container's thread. Only {@code OutOfMemoryError} propagates: the JVM, not the listener, is failing.
 */
final class DecisionListeners {

    private static final Logger LOG = LoggerFactory.getLogger(CorsDecisionListener.class);
    private static final FailureLog.Texts TEXTS =
            new FailureLog.Texts("CORS decision listener", "the response is unchanged", "the responses unchanged");

    private final CorsDecisionListener[] listeners;
    /** The failures of one filter's listeners, whose rate one filter's log bounds. */
    private final FailureLog failures;

    private DecisionListeners(CorsDecisionListener[] listeners, FailureLog failures) {
        this.listeners = listeners;
        this.failures = failures;
    }

    /**
     * No listener, for a new filter: the filter then does no work for them.
     *
     * @return an empty set with a failure log of its own
     */
    static DecisionListeners none() {
        return new DecisionListeners(new CorsDecisionListener[0],
                new FailureLog(LOG, Duration.ofMinutes(1).toNanos(), TEXTS));
    }

    /** Whether there is none. */
    boolean isEmpty() {
        return listeners.length == 0;
    }

    /** These listeners and one more. */
    DecisionListeners with(CorsDecisionListener listener) {
        CorsDecisionListener[] more = Arrays.copyOf(listeners, listeners.length + 1);
        more[listeners.length] = listener;
        return new DecisionListeners(more, failures);
    }

    /** These listeners without one (compared by identity). */
    DecisionListeners without(CorsDecisionListener listener) {
        return new DecisionListeners(Arrays.stream(listeners).filter(each -> each != listener)
                .toArray(CorsDecisionListener[]::new), failures);
    }

    /** Tells every listener of a decision. */
    void decided(CorsDecisionEvent event) {
        tellEach(listener -> listener.onDecision(event), event.origin());
    }

    /** Tells every listener of a shadow disagreement. */
    void disagreed(ShadowDisagreement disagreement) {
        tellEach(listener -> listener.onShadowDisagreement(disagreement), disagreement.origin());
    }

    private void tellEach(Consumer<CorsDecisionListener> call, String origin) {
        for (CorsDecisionListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (OutOfMemoryError e) {
                throw e;
            } catch (Throwable e) {
                failures.failed(origin, e, System.nanoTime());
            }
        }
    }

}
