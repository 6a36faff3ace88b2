package dev.corsfilter.internal;

import dev.corsfilter.OriginResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Asks a user's {@link OriginResolver} about origins the static configuration does not allow: only
 * well-formed ones, refusing insecure origins with credentials, and remembering answers for a bounded time
 * and number of origins when asked to.
 *
 * <p>A failure is a refusal of that request, never a remembered answer: the next request from the origin asks
 * again. Failures are logged at a bounded rate ({@link FailureLog}). What the resolver throws never
 * reaches the request: exceptions and errors alike, {@link StackOverflowError} included (the stack is unwound
 * by the time it is caught). The exception is the rest of {@link VirtualMachineError}: an
 * {@link OutOfMemoryError} or {@link InternalError} says the JVM itself is failing, not that the origin is
 * unknown, so it propagates to the container, which fails the request and reports it as it reports any other
 * such error; an interrupt is passed on by keeping the thread's interrupt status.
 */
public final class DynamicOrigins {

    /** The most answers a cache may hold. */
    public static final int MAX_CACHE_SIZE = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(DynamicOrigins.class);
    /** The shortest time between two log lines about failures. */
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    private final OriginResolver resolver;
    private final boolean refuseInsecure;
    private final LongSupplier clock;
    private final ExpiringCache<String, Boolean> cache;
    private final FailureLog failures = new FailureLog(LOG, FAILURE_LOG_INTERVAL.toNanos(), FailureLog.RESOLVER);

    /**
     * Wraps a resolver.
     *
     * @param resolver the user's check
     * @param refuseInsecure whether to refuse {@code http://} origins off the local machine whatever the
     *     resolver says (policies with credentials)
     * @param cacheTtl how long to remember an answer, or null or zero not to remember any
     * @param maxEntries how many answers to remember at most
     * @param clock the time source in nanoseconds, {@code System::nanoTime} outside tests
     */
    public DynamicOrigins(OriginResolver resolver, boolean refuseInsecure, Duration cacheTtl, int maxEntries,
                          LongSupplier clock) {
        this.resolver = resolver;
        this.refuseInsecure = refuseInsecure;
        this.clock = clock;
        long ttlNanos = cacheTtl == null ? 0 : cacheTtl.toNanos();
        this.cache = ttlNanos > 0 && maxEntries > 0 ? new ExpiringCache<>(ttlNanos, maxEntries) : null;
    }

    /**
     * Tells whether the resolver allows {@code origin}.
     *
     * @param origin the request's {@code Origin} value, never null
     * @return false for malformed or (when refused) insecure origins, for refusals and for failures
     */
    public boolean allows(String origin) {
        if (!RequestOrigin.isWellFormed(origin) || (refuseInsecure && RequestOrigin.isInsecure(origin))) {
            return false;
        }
        long now = clock.getAsLong();
        Boolean remembered = cache == null ? null : cache.get(origin, now);
        if (remembered != null) {
            return remembered;
        }
        Boolean answer = ask(origin, now);
        if (answer == null) {
            return false;
        }
        if (cache != null) {
            cache.put(origin, answer, now);
        }
        return answer;
    }

    /**
     * How many answers are held now, expired ones included until the cache forgets them.
     *
     * @return the cache size, 0 without a cache
     */
    public int cachedAnswers() {
        return cache == null ? 0 : cache.size();
    }

    /** Returns the resolver's answer, or null when it failed. */
    private Boolean ask(String origin, long now) {
        try {
            return resolver.allows(origin);
        } catch (StackOverflowError e) {
            failures.failed(origin, e, now);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failures.failed(origin, e, now);
        }
        return null;
    }
}
