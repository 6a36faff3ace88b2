package dev.corsfilter.model;

import dev.corsfilter.CorsPolicy;
import dev.corsfilter.model.ModelRequest.Credentials;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The oracle of the property tests: what a {@link CorsPolicy} means to allow, read only from its public
 * accessors ({@code allowedOrigins()}, {@code allowedMethods()}, ...) with plain string operations, never
 * from the filter's internals. It says nothing about how the filter should answer, only what a browser
 * should end up allowing.
 *
 * <p>Request facts the oracle needs (the method as sent, which headers are CORS-safelisted) come from the
 * hand-written case tables of the generators, not from the model, so that neither side checks itself.
 */
final class PolicyIntent {

    /** The methods a browser sends without a pre-flight (Fetch #cors-safelisted-method). */
    private static final Set<String> SIMPLE_METHODS = Set.of("GET", "HEAD", "POST");
    /** The response headers browsers always expose (Fetch #cors-safelisted-response-header-name). */
    private static final Set<String> ALWAYS_READABLE = Set.of("cache-control", "content-language", "content-length",
            "content-type", "expires", "last-modified", "pragma");

    private final CorsPolicy policy;

    PolicyIntent(CorsPolicy policy) {
        this.policy = policy;
    }

    /**
     * Whether the policy means to share responses with a page of this origin, under this credentials mode,
     * for this method and these headers.
     *
     * @param origin the page's serialized origin
     * @param method the method as the browser sends it
     * @param unsafeHeaderNames the lower-case names of the headers that are not CORS-safelisted
     * @param credentials the credentials mode
     * @return true when the browser should hand the response to script
     */
    boolean allows(String origin, String method, Collection<String> unsafeHeaderNames, Credentials credentials) {
        if (!allowsOrigin(origin)) {
            return false;
        }
        if (credentials == Credentials.INCLUDE && !policy.allowsCredentials()) {
            return false;
        }
        if (!needsPreflight(method, unsafeHeaderNames)) {
            return true;
        }
        return allowsMethod(method) && unsafeHeaderNames.stream().allMatch(this::allowsHeader);
    }

    /** A pre-flight is needed for other methods than GET, HEAD, POST, or for any unsafe header. */
    static boolean needsPreflight(String method, Collection<String> unsafeHeaderNames) {
        return !SIMPLE_METHODS.contains(method) || !unsafeHeaderNames.isEmpty();
    }

    boolean allowsOrigin(String origin) {
        if (policy.allowsAnyOrigin()) {
            return true;
        }
        if (origin.equals("null")) {
            return policy.allowsNullOrigin();
        }
        return policy.allowedOrigins().stream().anyMatch(pattern -> originMatches(pattern, origin));
    }

    /** Methods are case-sensitive; GET, HEAD and POST are always allowed; {@code *} allows any. */
    boolean allowsMethod(String method) {
        List<String> allowed = policy.allowedMethods();
        return SIMPLE_METHODS.contains(method) || allowed.contains(method) || allowed.contains("*");
    }

    /** Header names are case-insensitive; {@code *} allows any name but Authorization. */
    boolean allowsHeader(String lowerCaseName) {
        List<String> allowed = policy.allowedHeaders();
        return allowed.contains(lowerCaseName) || allowed.contains("*") && !lowerCaseName.equals("authorization");
    }

    /**
     * The response headers script should read, among those present: the always-readable ones, the exposed
     * ones, or all with {@code *} when the request had no credentials; never {@code Set-Cookie}.
     *
     * @param present the lower-case names on the response
     * @param credentials the credentials mode
     * @return the lower-case names
     */
    Set<String> readable(Collection<String> present, Credentials credentials) {
        Set<String> exposed = new TreeSet<>();
        policy.exposedHeaders().forEach(name -> exposed.add(name.toLowerCase(Locale.ROOT)));
        boolean all = exposed.contains("*") && credentials != Credentials.INCLUDE;
        Set<String> readable = new TreeSet<>();
        for (String name : present) {
            if (!name.equals("set-cookie") && !name.equals("set-cookie2")
                    && (all || ALWAYS_READABLE.contains(name) || exposed.contains(name))) {
                readable.add(name);
            }
        }
        return readable;
    }

    /**
     * Matches {@code scheme://host[:port]} against {@code scheme://[*.]host[:port|:*]}: same scheme; same
     * port, or any with {@code :*} (no port means the default port on both sides); same host, or for
     * {@code *.domain} a host ending in {@code .domain} with something before it.
     */
    static boolean originMatches(String pattern, String origin) {
        String[] p = split(pattern);
        String[] o = split(origin);
        boolean scheme = p[0].equals(o[0]);
        boolean port = p[2].equals("*") || p[2].equals(o[2]);
        boolean host = p[1].startsWith("*.")
                ? o[1].endsWith(p[1].substring(1)) && o[1].length() > p[1].length() - 1
                : p[1].equals(o[1]);
        return scheme && port && host;
    }

    /** Splits {@code scheme://host[:port]} into scheme, host and port (empty when absent). */
    private static String[] split(String origin) {
        int schemeEnd = origin.indexOf("://");
        String scheme = origin.substring(0, schemeEnd);
        String rest = origin.substring(schemeEnd + 3);
        int hostEnd = rest.startsWith("[") ? rest.indexOf(']') + 1 : rest.contains(":") ? rest.indexOf(':') : rest.length();
        String host = rest.substring(0, hostEnd);
        String port = hostEnd < rest.length() ? rest.substring(hostEnd + 1) : "";
        return new String[] {scheme, host, port};
    }
}
