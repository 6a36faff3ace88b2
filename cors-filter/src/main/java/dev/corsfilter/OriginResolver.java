package dev.corsfilter;

/**
 * A check for origins that are not known when the policy is built, such as the origins of tenants stored in
 * a database. Set it with {@link CorsPolicy.Builder#originResolver(OriginResolver)}.
 *
 * <p>The filter asks it only after the policy's own origins and patterns have not matched, and only about
 * values in the exact form browsers send ({@code scheme://host[:port]}, lower-case, no default port):
 * never {@code null}, never a malformed or hostile string. With credentials, an {@code http://} origin off
 * the local machine that the resolver allows is still refused, unless the policy opted in with
 * {@code dangerouslyAllowInsecureOriginsWithCredentials()}.
 *
 * <p>It runs on request threads, so it must be thread-safe and fast: answer from memory (a set refreshed in
 * the background), or let the policy cache its answers. Requests from one origin that arrive while it is being
 * asked about that origin wait for its answer instead of asking again. It must decide on its own: a call back
 * into the policy it belongs to ({@code evaluate}, or the filter) from inside {@code allows} is refused, and the
 * outer call counts as a failure, rather than recursing until the stack overflows.
 *
 * <p>When it fails, the request goes on without CORS headers, as for an origin that is not allowed, and
 * nothing is remembered: the next request from that origin asks again, cache or not. That holds for any
 * exception and for errors such as {@link StackOverflowError}, {@link AssertionError} or
 * {@link NoClassDefFoundError}; an {@link InterruptedException} also keeps the thread's interrupt status.
 * Only the rest of {@link VirtualMachineError} ({@link OutOfMemoryError}, {@link InternalError}) propagates:
 * it reports a failing JVM, not an unknown origin, and the container handles it like any other. Failures are
 * logged at WARN by {@code dev.corsfilter.internal.DynamicOrigins} at a rate attackers cannot raise: the
 * first with its stack trace, then at most one line a minute with how many followed and the latest, the
 * last such count once it answers again.
 *
 * <p>A filter configured by name creates its resolver from the class name ({@code origin-resolver}) and keeps
 * that instance while the class named stays the same, across reloads of a watched file; a resolver that is
 * {@link AutoCloseable} is closed once a configuration naming another class is applied, when a configuration
 * it was created for is refused, and when the filter is destroyed.
 */
@FunctionalInterface
public interface OriginResolver {

    /**
     * Tells whether {@code origin} may read responses.
     *
     * @param origin a well-formed serialised origin, e.g. {@code https://tenant-42.example.net}
     * @return true to allow it
     * @throws Exception when the answer cannot be found; the origin is then refused for this request only
     */
    boolean allows(String origin) throws Exception;
}
