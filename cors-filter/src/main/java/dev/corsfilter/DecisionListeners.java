package dev.corsfilter;

import dev.corsfilter.internal.FailureLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The decision listeners of a filter, immutable, so that a request reads them once and adding one never races
 * with a request. A listener that throws (a stack overflow included: it is caught here, where the listener's
 * frames are unwound) is logged at a bounded rate and never changes the response; only errors of the JVM
 * itself, such as {@code OutOfMemoryError}, propagate.
 */
final class DecisionListeners {

    /** No listener: the filter then does no work for them. */
    static final DecisionListeners NONE = new DecisionListeners(new CorsDecisionListener[0]);

    private static final Logger LOG = LoggerFactory.getLogger(CorsDecisionListener.class);
    private static final FailureLog FAILURES = new FailureLog(LOG, Duration.ofMinutes(1).toNanos(),
            new FailureLog.Texts("CORS decision listener", "the response is unchanged", "the responses unchanged"));

    private final CorsDecisionListener[] listeners;

    private DecisionListeners(CorsDecisionListener[] listeners) {
        this.listeners = listeners;
    }

    /** Whether there is none. */
    boolean isEmpty() {
        return listeners.length == 0;
    }

    /** These listeners and one more. */
    DecisionListeners with(CorsDecisionListener listener) {
        CorsDecisionListener[] more = Arrays.copyOf(listeners, listeners.length + 1);
        more[listeners.length] = listener;
        return new DecisionListeners(more);
    }

    /** These listeners without one (compared by identity). */
    DecisionListeners without(CorsDecisionListener listener) {
        return new DecisionListeners(Arrays.stream(listeners).filter(each -> each != listener)
                .toArray(CorsDecisionListener[]::new));
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
            } catch (StackOverflowError e) {
                failed(origin, e);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                failed(origin, e);
            }
        }
    }

    private static void failed(String origin, Throwable failure) {
        if (failure instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        FAILURES.failed(origin, failure, System.nanoTime());
    }
}
