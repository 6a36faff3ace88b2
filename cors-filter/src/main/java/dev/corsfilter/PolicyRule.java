package dev.corsfilter;

/**
 * The rules a {@link CorsPolicy} must satisfy; each {@link PolicyProblem} names the one it breaks, so that
 * a program can react to a kind of mistake without parsing messages.
 */
public enum PolicyRule {
    /** A value is null or empty where a value is required. */
    VALUE_MISSING,
    /** Neither an origin nor {@code allowAnyOrigin()} was configured. */
    NO_ORIGIN,
    /** An origin is not of the form {@code scheme://host[:port]}. */
    ORIGIN_MALFORMED,
    /** An origin has a path, a trailing slash, a query or a fragment. */
    ORIGIN_HAS_PATH,
    /** An origin has user information ({@code user@host}). */
    ORIGIN_HAS_USERINFO,
    /** An origin's host is not ASCII; browsers send internationalised names in their punycode form. */
    ORIGIN_NOT_ASCII,
    /** An origin's port is not a number from 1 to 65535 or {@code *}. */
    ORIGIN_BAD_PORT,
    /** An origin's host uses {@code *} other than as its whole leading label(s). */
    ORIGIN_BAD_WILDCARD,
    /** An origin is {@code null} or uses the {@code file:} scheme, which any page can produce. */
    ORIGIN_OPAQUE,
    /** {@code *} is mixed with specific origins. */
    ORIGIN_WILDCARD_MIXED,
    /** Any origin is allowed together with credentials. */
    ANY_ORIGIN_WITH_CREDENTIALS,
    /** The {@code null} origin is allowed together with credentials. */
    NULL_ORIGIN_WITH_CREDENTIALS,
    /**
     * An {@code http://} origin that is not loopback is allowed together with credentials, without
     * {@code dangerouslyAllowInsecureOriginsWithCredentials()}.
     */
    INSECURE_ORIGIN_WITH_CREDENTIALS,
    /**
     * A subdomain pattern over a public suffix ({@code https://*.com}, {@code https://*.github.io}) is
     * allowed together with credentials, without {@code dangerouslyAllowPublicSuffixWildcardsWithCredentials()}.
     */
    PUBLIC_SUFFIX_WITH_CREDENTIALS,
    /** A method name is not an HTTP token. */
    METHOD_INVALID,
    /** A method is one browsers never send ({@code CONNECT}, {@code TRACE}, {@code TRACK}). */
    METHOD_FORBIDDEN,
    /** A method is spelled in a case browsers never send (they upper-case {@code delete get head options post put}). */
    METHOD_NOT_NORMALIZED,
    /** A header name is not an HTTP token. */
    HEADER_INVALID,
    /** A header name can never be allowed or exposed (forbidden request header, {@code Access-Control-*}, {@code Set-Cookie}). */
    HEADER_FORBIDDEN,
    /** All response headers are exposed ({@code *}) together with credentials, where browsers read {@code *} literally. */
    EXPOSE_ALL_WITH_CREDENTIALS,
    /** The max age is negative, above 24 hours or not a whole number of seconds. */
    MAX_AGE_OUT_OF_RANGE,
    /** The pre-flight status is not a 2xx status. */
    PREFLIGHT_STATUS_INVALID,
    /** The origin resolver's cache lifetime or size is out of range. */
    RESOLVER_CACHE_INVALID,
    /** A path pattern of per-path policies is malformed or listed twice. */
    PATH_PATTERN_INVALID,
    /** A filter init-param is not one this filter knows. */
    INIT_PARAM_UNKNOWN,
    /** A filter init-param has a value that cannot be read (for example {@code allow-credentials=yes}). */
    INIT_PARAM_INVALID
}
