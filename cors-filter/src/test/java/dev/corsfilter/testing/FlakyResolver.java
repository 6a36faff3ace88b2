package dev.corsfilter.testing;

import dev.corsfilter.OriginResolver;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/**
 * An {@link OriginResolver} that answers from a rule until told to fail, and then throws what it was given
 * (an exception or an error) until told to answer again: an outage on demand. Thread-safe, and remembers
 * every origin it was asked about.
 */
public final class FlakyResolver implements OriginResolver {

    private final Predicate<String> rule;
    private final ConcurrentLinkedQueue<String> asked = new ConcurrentLinkedQueue<>();
    private volatile Throwable failure;

    /**
     * Creates a resolver that answers.
     *
     * @param rule which origins it allows
     */
    public FlakyResolver(Predicate<String> rule) {
        this.rule = rule;
    }

    /**
     * Makes every later call throw {@code failure}, until {@link #answerAgain()}.
     *
     * @param failure an {@link Exception} or an {@link Error}
     * @return this resolver
     */
    public FlakyResolver failWith(Throwable failure) {
        this.failure = failure;
        return this;
    }

    /** Ends the outage: later calls answer by the rule again. */
    public void answerAgain() {
        failure = null;
    }

    /**
     * The origins asked about so far, in order, failed calls included.
     *
     * @return the origins
     */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public boolean allows(String origin) throws Exception {
        asked.add(origin);
        Throwable current = failure;
        if (current instanceof Exception exception) {
            throw exception;
        }
        if (current instanceof Error error) {
            throw error;
        }
        return rule.test(origin);
    }
}
