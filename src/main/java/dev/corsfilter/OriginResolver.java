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
 * the background), or let the policy cache its answers. An exception counts as "not allowed" and is logged.
 */
@FunctionalInterface
public interface OriginResolver {

    /**
     * Tells whether {@code origin} may read responses.
     *
     * @param origin a well-formed serialised origin, e.g. {@code https://tenant-42.example.net}
     * @return true to allow it
     * @throws Exception when the answer cannot be found; the origin is then refused
     */
    boolean allows(String origin) throws Exception;
}
