package dev.corsfilter.internal;

import dev.corsfilter.OriginResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;

/**
 * Asks a user's {@link OriginResolver} about origins the static configuration does not allow: only
 * well-formed ones, refusing insecure origins with credentials, and remembering answers for a bounded time
 * and number of origins when asked to.
 *
 * <p>Requests from one origin that miss the cache while its answer is being looked up wait for that lookup
 * rather than call the resolver again (single flight), so an origin costs one call per cache lifetime however
 * many of its requests arrive at once. A failure is a refusal of every request that waited for it, never a
 * remembered answer: the next request from the origin asks again. There is no back-off: the origin is asked
 * about again as soon as a request comes, so a tenant is back as soon as the resolver is; a resolver that
 * must spare a failing dependency does that best itself (a circuit breaker around its own calls). Failures are
 * logged at a bounded rate ({@link FailureLog}).
 *
 * <p>A resolver that asks this policy again on the same thread (it evaluates the policy, or calls the filter,
 * to decide) would recurse until the stack overflows; the inner call is refused at once instead, and the outer
 * call counts as a failure, logged with the stack trace of the inner call. Recursion is stopped rather than
 * its {@link StackOverflowError} caught, because that error is caught next to the stack limit, where the
 * frames that run next may initialise classes for the first time: a class whose initialiser fails there stays
 * unusable ({@link NoClassDefFoundError}) for the life of its class loader, which would break the library for
 * the rest of the deployment.
 *
 * <p>What the resolver throws never reaches the request: exceptions and errors alike. That includes a
 * {@link StackOverflowError} of the resolver's own making (deep recursion in its own code): with re-entry
 * refused, the frames between this class and the limit are the resolver's, and this class catches the error
 * as deep as the request that asked, not at the limit. The rest of {@link VirtualMachineError} propagates: an
 * {@link OutOfMemoryError} or {@link InternalError} says the JVM itself is failing, not that the origin is
 * unknown, so it goes to the container, which fails the request and reports it as it reports any other such
 * error; an interrupt is passed on by keeping the thread's interrupt status.
 */
public final class DynamicOrigins {

    /** The most answers a cache may hold. */
    public static final int MAX_CACHE_SIZE = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(DynamicOrigins.class);
    /** The shortest time between two log lines about failures. */
    private static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    /** One call of the resolver on the current thread, and the first call that came back in while it ran. */
    private static final class Lookup {
        final String origin;
        IllegalStateException reentry;

        Lookup(String origin) {
            this.origin = origin;
        }
    }

    private final OriginResolver resolver;
    private final boolean refuseInsecure;
    private final LongSupplier clock;
    private final ExpiringCache<String, Boolean> cache;
    private final FailureLog failures = new FailureLog(LOG, FAILURE_LOG_INTERVAL.toNanos(), FailureLog.RESOLVER);
    /** The lookups under way, by origin; each completes with the answer, or null when the resolver failed. */
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();
    /** The resolver call under way on this thread, if any. */
    private final ThreadLocal<Lookup> asking = new ThreadLocal<>();

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
        Lookup outer = asking.get();
        if (outer != null) {
            // Before joining a lookup under way: this thread may be the one running it.
            refuseReentry(outer, origin);
            return false;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(origin, mine);
        return running == null ? lookUp(origin, mine) : Boolean.TRUE.equals(await(running));
    }

    /**
     * How many answers are held now, expired ones included until the cache forgets them.
     *
     * @return the cache size, 0 without a cache
     */
    public int cachedAnswers() {
        return cache == null ? 0 : cache.size();
    }

    /** Runs the lookup this thread registered as {@code mine}, and hands its outcome to those waiting for it. */
    private boolean lookUp(String origin, CompletableFuture<Boolean> mine) {
        Boolean answer = null;
        try {
            long now = clock.getAsLong();
            // A lookup that ended between this thread's miss and its registration has stored its answer.
            answer = cache == null ? null : cache.get(origin, now);
            if (answer == null) {
                answer = ask(origin, now);
                if (answer != null && cache != null) {
                    cache.put(origin, answer, now);
                }
            }
        } finally {
            inFlight.remove(origin, mine);
            mine.complete(answer);
        }
        return Boolean.TRUE.equals(answer);
    }

    /** The outcome of another thread's lookup; null when it failed or this thread is interrupted. */
    private static Boolean await(CompletableFuture<Boolean> lookup) {
        try {
            return lookup.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException e) {
            return null;
        }
    }

    private static void refuseReentry(Lookup outer, String origin) {
        if (outer.reentry == null) {
            outer.reentry = new IllegalStateException("while it was asked about " + LogText.quote(outer.origin)
                    + ", the origin resolver asked about " + LogText.quote(origin) + " again, through the policy it"
                    + " belongs to (evaluate(), or the filter); a resolver must decide without asking its own policy,"
                    + " so the inner call was refused");
        }
    }

    /** Returns the resolver's answer, or null when it failed. */
    private Boolean ask(String origin, long now) {
        Lookup lookup = new Lookup(origin);
        asking.set(lookup);
        Throwable failure;
        try {
            boolean answer = resolver.allows(origin);
            if (lookup.reentry == null) {
                failures.succeeded(now);
                return answer;
            }
            failure = lookup.reentry;
        } catch (StackOverflowError e) {
            failure = e;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            failure = e;
            if (lookup.reentry != null) {
                // What the resolver made of the refused inner call; the re-entry is the cause to show.
                lookup.reentry.addSuppressed(e);
                failure = lookup.reentry;
            }
        } finally {
            asking.remove();
        }
        failures.failed(origin, failure, now);
        return null;
    }
}
