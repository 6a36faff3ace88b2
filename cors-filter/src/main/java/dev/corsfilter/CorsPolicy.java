package dev.corsfilter;

import dev.corsfilter.internal.DynamicOrigins;
import dev.corsfilter.internal.HeaderNames;
import dev.corsfilter.internal.LimitValidation;
import dev.corsfilter.internal.MapHeaderSink;
import dev.corsfilter.internal.MethodNames;
import dev.corsfilter.internal.OriginPattern;
import dev.corsfilter.internal.OriginValidation;
import dev.corsfilter.internal.PolicyRules;
import dev.corsfilter.internal.RequestSource;
import dev.corsfilter.internal.Warnings;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Who may call an API from a browser, and how: an immutable, thread-safe CORS policy.
 *
 * <pre>{@code
 * CorsPolicy policy = CorsPolicy.builder()
 *     .allowedOrigins("https://app.example.com", "https://*.preview.example.com", "http://localhost:*")
 *     .allowedMethods("GET", "POST", "PUT", "DELETE")
 *     .allowedHeaders("Content-Type", "Authorization", "X-Request-Id")
 *     .exposedHeaders("X-Request-Id", "ETag")
 *     .allowCredentials(true)
 *     .maxAge(Duration.ofMinutes(10))
 *     .build();
 * }</pre>
 *
 * <p>{@link Builder#build()} validates every setting and reports every problem at once in an
 * {@link InvalidCorsPolicyException}; a policy that exists is valid. Two policies are equal when their
 * canonical settings are equal.
 */
public final class CorsPolicy {

    private final boolean anyOrigin;
    private final boolean nullOrigin;
    private final List<String> origins;
    private final List<String> methods;
    private final List<String> headers;
    private final List<String> exposedHeaders;
    private final boolean credentials;
    private final Duration maxAge;
    private final int preflightStatus;
    private final boolean privateNetwork;
    private final boolean timingAllowOrigin;
    private final boolean debugMode;
    private final boolean requestAttributes;
    private final boolean webSocketOriginCheck;
    private final OriginResolver originResolver;
    private final PolicyRules rules;

    private CorsPolicy(Builder builder, boolean anyOrigin, List<OriginPattern> patterns, Set<String> methods,
                       Set<String> headers, Set<String> exposedHeaders) {
        this.anyOrigin = anyOrigin;
        this.nullOrigin = builder.nullOrigin;
        this.origins = patterns.stream().map(OriginPattern::toString).distinct().toList();
        this.methods = List.copyOf(methods);
        this.headers = List.copyOf(headers);
        this.exposedHeaders = List.copyOf(exposedHeaders);
        this.credentials = builder.credentials;
        this.maxAge = builder.maxAge;
        this.preflightStatus = builder.preflightStatus;
        this.privateNetwork = builder.privateNetwork;
        this.timingAllowOrigin = builder.timingAllowOrigin;
        this.debugMode = builder.debugMode;
        this.requestAttributes = builder.requestAttributes;
        this.webSocketOriginCheck = builder.webSocketOriginCheck;
        this.originResolver = builder.originResolver;
        DynamicOrigins dynamicOrigins = originResolver == null ? null : new DynamicOrigins(originResolver,
                credentials && !builder.insecureOriginsWithCredentials, builder.resolverCacheTtl,
                builder.resolverCacheSize, System::nanoTime);
        this.rules = new PolicyRules(new PolicyRules.Settings(anyOrigin, nullOrigin, patterns, dynamicOrigins,
                methods, headers, exposedHeaders, credentials, maxAge == null ? null : maxAge.getSeconds(),
                privateNetwork, timingAllowOrigin, debugMode));
    }

    /**
     * Starts a policy that allows nothing yet.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Whether every origin is allowed, answered with {@code Access-Control-Allow-Origin: *}.
     *
     * @return true after {@link Builder#allowAnyOrigin()}
     */
    public boolean allowsAnyOrigin() {
        return anyOrigin;
    }

    /**
     * Whether the {@code null} origin is allowed.
     *
     * @return true after {@link Builder#allowNullOrigin()}
     */
    public boolean allowsNullOrigin() {
        return nullOrigin;
    }

    /**
     * The allowed origins and origin patterns, in canonical form and configuration order.
     *
     * @return an immutable list; empty when {@link #allowsAnyOrigin()}
     */
    public List<String> allowedOrigins() {
        return origins;
    }

    /**
     * The allowed methods besides the always-allowed {@code GET}, {@code HEAD} and {@code POST}, as configured.
     *
     * @return an immutable list; {@code *} stands for every method
     */
    public List<String> allowedMethods() {
        return methods;
    }

    /**
     * The allowed request header names, lower-cased.
     *
     * @return an immutable list; {@code *} stands for every name but {@code authorization}
     */
    public List<String> allowedHeaders() {
        return headers;
    }

    /**
     * The response header names scripts may read, beyond those browsers always expose.
     *
     * @return an immutable list; {@code *} stands for every name
     */
    public List<String> exposedHeaders() {
        return exposedHeaders;
    }

    /**
     * Whether requests with credentials (cookies, HTTP authentication, client certificates) are allowed.
     *
     * @return true after {@code allowCredentials(true)}
     */
    public boolean allowsCredentials() {
        return credentials;
    }

    /**
     * How long browsers may cache a pre-flight answer.
     *
     * @return the duration, or empty when no {@code Access-Control-Max-Age} is sent (browsers then use 5 seconds)
     */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /**
     * The status of a successful pre-flight response.
     *
     * @return a 2xx status, 204 unless configured
     */
    public int preflightStatus() {
        return preflightStatus;
    }

    /**
     * Whether pre-flights asking for Private Network Access get {@code Access-Control-Allow-Private-Network}.
     *
     * @return true after {@code allowPrivateNetwork(true)}
     */
    public boolean allowsPrivateNetwork() {
        return privateNetwork;
    }

    /**
     * Whether allowed responses carry {@code Timing-Allow-Origin}.
     *
     * @return true after {@code timingAllowOrigin(true)}
     */
    public boolean sendsTimingAllowOrigin() {
        return timingAllowOrigin;
    }

    /**
     * Whether refusals are explained to the browser (not for production).
     *
     * @return true after {@code debugMode(true)}
     */
    public boolean debugMode() {
        return debugMode;
    }

    /**
     * Whether the filter describes each request in request attributes for the application.
     *
     * @return true after {@code requestAttributes(true)}
     */
    public boolean setsRequestAttributes() {
        return requestAttributes;
    }

    /**
     * Whether WebSocket handshakes from origins this policy does not allow are refused.
     *
     * @return true after {@code webSocketOriginCheck(true)}
     */
    public boolean checksWebSocketOrigin() {
        return webSocketOriginCheck;
    }

    /**
     * The check for origins not listed in the policy.
     *
     * @return the resolver, or empty
     */
    public Optional<OriginResolver> originResolver() {
        return Optional.ofNullable(originResolver);
    }

    /**
     * Tells what the filter would do with a request, and why, without a servlet container: the decision,
     * the pre-flight status, the CORS response headers and, for a refusal, the check that failed, e.g.
     * {@code header "x-trace-id" is not in allowed headers [content-type, authorization]}.
     *
     * @param request the request, as plain strings
     * @return the evaluation
     */
    public CorsEvaluation evaluate(CorsRequest request) {
        Map<String, String> headers = new LinkedHashMap<>();
        CorsDecision decision;
        OptionalInt status = OptionalInt.empty();
        if (request.origin() == null) {
            decision = rules.notCors(headers, MapHeaderSink.INSTANCE);
        } else if (request.isPreflight()) {
            decision = rules.preflight(request.origin(), request, RequestSource.singleLines(), request.requestMethod(),
                    request.requestHeaders(), false, headers, MapHeaderSink.INSTANCE);
            status = OptionalInt.of(decision.allowed() || debugMode ? preflightStatus : 403);
        } else {
            decision = rules.actual(request.origin(), request, RequestSource.singleLines(), headers, MapHeaderSink.INSTANCE);
        }
        String reason = rules.reason(decision, request.origin(), request.requestMethod(), request.requestHeaders());
        return new CorsEvaluation(request, decision, status, headers, reason);
    }

    /** The prepared decision logic; used by the filter. */
    PolicyRules rules() {
        return rules;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof CorsPolicy that)) {
            return false;
        }
        return anyOrigin == that.anyOrigin && nullOrigin == that.nullOrigin && credentials == that.credentials
                && preflightStatus == that.preflightStatus && Set.copyOf(origins).equals(Set.copyOf(that.origins))
                && Set.copyOf(methods).equals(Set.copyOf(that.methods))
                && Set.copyOf(headers).equals(Set.copyOf(that.headers))
                && lowerCase(exposedHeaders).equals(lowerCase(that.exposedHeaders))
                && Objects.equals(maxAge, that.maxAge) && privateNetwork == that.privateNetwork
                && timingAllowOrigin == that.timingAllowOrigin && debugMode == that.debugMode
                && requestAttributes == that.requestAttributes && webSocketOriginCheck == that.webSocketOriginCheck
                && Objects.equals(originResolver, that.originResolver);
    }

    @Override
    public int hashCode() {
        return Objects.hash(anyOrigin, nullOrigin, Set.copyOf(origins), Set.copyOf(methods), Set.copyOf(headers),
                lowerCase(exposedHeaders), credentials, maxAge, preflightStatus, privateNetwork, timingAllowOrigin,
                debugMode, requestAttributes, webSocketOriginCheck, originResolver);
    }

    /** Header names compare ignoring case, as HTTP does. */
    private static Set<String> lowerCase(List<String> names) {
        return names.stream().map(name -> name.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    @Override
    public String toString() {
        return "CorsPolicy{origins=" + (anyOrigin ? "*" : origins)
                + (nullOrigin ? ", nullOrigin=true" : "")
                + ", methods=" + methods
                + ", headers=" + headers
                + ", exposedHeaders=" + exposedHeaders
                + ", credentials=" + credentials
                + ", maxAge=" + (maxAge == null ? "none" : maxAge.getSeconds() + "s")
                + ", preflightStatus=" + preflightStatus
                + (originResolver == null ? "" : ", originResolver=" + originResolver)
                + (privateNetwork ? ", privateNetwork=true" : "")
                + (timingAllowOrigin ? ", timingAllowOrigin=true" : "")
                + (debugMode ? ", debugMode=true" : "")
                + (requestAttributes ? ", requestAttributes=true" : "")
                + (webSocketOriginCheck ? ", webSocketOriginCheck=true" : "") + "}";
    }

    /**
     * Collects the settings of a {@link CorsPolicy}. Each setter replaces what an earlier call to it set;
     * nothing is checked until {@link #build()}, which reports every problem at once. Not thread-safe.
     */
    public static final class Builder {

        private List<String> origins = List.of();
        private boolean anyOrigin;
        private boolean nullOrigin;
        private boolean insecureOriginsWithCredentials;
        private boolean publicSuffixWildcardsWithCredentials;
        private List<String> methods = List.of();
        private List<String> headers = List.of();
        private List<String> exposedHeaders = List.of();
        private boolean credentials;
        private Duration maxAge;
        private int preflightStatus = 204;
        private boolean privateNetwork;
        private boolean timingAllowOrigin;
        private boolean debugMode;
        private boolean requestAttributes;
        private boolean webSocketOriginCheck;
        private OriginResolver originResolver;
        private Duration resolverCacheTtl;
        private int resolverCacheSize;

        private Builder() {
        }

        /**
         * Sets the origins allowed to read responses: exact origins such as {@code https://app.example.com},
         * subdomain patterns such as {@code https://*.example.com} (one or more labels before the domain,
         * never the domain itself), and {@code :*} for any port, as in {@code http://localhost:*}. A lone
         * {@code *} means {@link #allowAnyOrigin()}.
         *
         * @param origins the origins, each {@code scheme://host[:port]}
         * @return this builder
         */
        public Builder allowedOrigins(String... origins) {
            return allowedOrigins(listOf(origins));
        }

        /**
         * Sets the allowed origins; see {@link #allowedOrigins(String...)}.
         *
         * @param origins the origins
         * @return this builder
         */
        public Builder allowedOrigins(Collection<String> origins) {
            this.origins = copy(origins);
            return this;
        }

        /**
         * Allows every origin, answering {@code Access-Control-Allow-Origin: *}: for public APIs that serve
         * no user-specific data. Cannot be combined with credentials.
         *
         * @return this builder
         */
        public Builder allowAnyOrigin() {
            this.anyOrigin = true;
            return this;
        }

        /**
         * Allows the {@code null} origin, which browsers send for sandboxed iframes, {@code data:} URLs,
         * local files and requests redirected across origins. Any web page can produce it (a sandboxed
         * iframe is enough), so this is as open as {@link #allowAnyOrigin()} but with a reflected origin;
         * it cannot be combined with credentials. Use it only for public data meant for such documents.
         *
         * @return this builder
         */
        public Builder allowNullOrigin() {
            this.nullOrigin = true;
            return this;
        }

        /**
         * Lets credentials be combined with {@code http://} origins on other hosts than loopback. An
         * attacker on the network (public Wi-Fi, a hostile router) can answer for such an origin and so act
         * as its users. Without this call such a policy is refused; loopback origins such as
         * {@code http://localhost:*} are always accepted.
         *
         * @return this builder
         */
        public Builder dangerouslyAllowInsecureOriginsWithCredentials() {
            this.insecureOriginsWithCredentials = true;
            return this;
        }

        /**
         * Lets credentials be combined with subdomain patterns over a public suffix, such as
         * {@code https://*.github.io}, which trusts every site anyone publishes there. Without this call
         * such a policy is refused.
         *
         * @return this builder
         */
        public Builder dangerouslyAllowPublicSuffixWildcardsWithCredentials() {
            this.publicSuffixWildcardsWithCredentials = true;
            return this;
        }

        /**
         * Sets the methods a pre-flight may ask for. {@code GET}, {@code HEAD} and {@code POST} are always
         * allowed. Names are case-sensitive, as in HTTP; {@code *} allows every method.
         *
         * @param methods the method names
         * @return this builder
         */
        public Builder allowedMethods(String... methods) {
            return allowedMethods(listOf(methods));
        }

        /**
         * Sets the allowed methods; see {@link #allowedMethods(String...)}.
         *
         * @param methods the method names
         * @return this builder
         */
        public Builder allowedMethods(Collection<String> methods) {
            this.methods = copy(methods);
            return this;
        }

        /**
         * Sets the request headers a pre-flight may ask for; names are case-insensitive. {@code *} allows
         * every name except {@code Authorization}, which browsers never let a wildcard cover: list it too
         * to allow it.
         *
         * @param headers the header names
         * @return this builder
         */
        public Builder allowedHeaders(String... headers) {
            return allowedHeaders(listOf(headers));
        }

        /**
         * Sets the allowed request headers; see {@link #allowedHeaders(String...)}.
         *
         * @param headers the header names
         * @return this builder
         */
        public Builder allowedHeaders(Collection<String> headers) {
            this.headers = copy(headers);
            return this;
        }

        /**
         * Sets the response headers scripts may read besides those browsers always expose
         * ({@code Cache-Control}, {@code Content-Language}, {@code Content-Length}, {@code Content-Type},
         * {@code Expires}, {@code Last-Modified}, {@code Pragma}). {@code *} exposes every header, and is
         * only valid without credentials.
         *
         * @param headers the header names
         * @return this builder
         */
        public Builder exposedHeaders(String... headers) {
            return exposedHeaders(listOf(headers));
        }

        /**
         * Sets the exposed response headers; see {@link #exposedHeaders(String...)}.
         *
         * @param headers the header names
         * @return this builder
         */
        public Builder exposedHeaders(Collection<String> headers) {
            this.exposedHeaders = copy(headers);
            return this;
        }

        /**
         * Allows requests with credentials: cookies, HTTP authentication and TLS client certificates. Off
         * by default.
         *
         * @param allow whether to allow them
         * @return this builder
         */
        public Builder allowCredentials(boolean allow) {
            this.credentials = allow;
            return this;
        }

        /**
         * Sets how long browsers may cache a pre-flight answer ({@code Access-Control-Max-Age}): whole
         * seconds from 0 to 24 hours. Chromium caps it at 2 hours and Firefox at 24 hours. Without it,
         * browsers cache for 5 seconds.
         *
         * @param maxAge the lifetime; {@code Duration.ZERO} disables caching
         * @return this builder
         */
        public Builder maxAge(Duration maxAge) {
            this.maxAge = maxAge;
            return this;
        }

        /**
         * Sets the status of a successful pre-flight response: 204 unless set. Any 2xx status passes a
         * browser's check; 200 helps old clients that expect a body-less 200.
         *
         * @param status a status from 200 to 299
         * @return this builder
         */
        public Builder preflightStatus(int status) {
            this.preflightStatus = status;
            return this;
        }

        /**
         * Adds a check for origins not known when the policy is built, e.g. tenants' origins kept in a
         * database. It is asked only about well-formed origins that the listed origins and patterns do not
         * allow; see {@link OriginResolver} for the guarantees and for making it fast. Every answer is asked
         * again; use {@link #originResolver(OriginResolver, Duration, int)} to remember answers.
         *
         * @param resolver the check, or null for none
         * @return this builder
         */
        public Builder originResolver(OriginResolver resolver) {
            return originResolver(resolver, null, 0);
        }

        /**
         * Adds a check for unlisted origins whose answers, yes or no, are remembered for {@code cacheTtl}, for
         * at most {@code cacheSize} origins (a full cache forgets its oldest answer, the first to expire). A
         * failure is not an answer and is never remembered: the next request from that origin asks again.
         *
         * @param resolver the check, or null for none
         * @param cacheTtl how long an answer counts, from 1 second to 24 hours
         * @param cacheSize how many origins to remember, from 1 to 1,000,000
         * @return this builder
         */
        public Builder originResolver(OriginResolver resolver, Duration cacheTtl, int cacheSize) {
            this.originResolver = resolver;
            this.resolverCacheTtl = cacheTtl;
            this.resolverCacheSize = cacheSize;
            return this;
        }

        /**
         * Answers Private Network Access pre-flights: when a pre-flight that otherwise passes carries
         * {@code Access-Control-Request-Private-Network: true}, the answer gets
         * {@code Access-Control-Allow-Private-Network: true}. Off by default. Chromium put this protocol on
         * hold in favour of Local Network Access, a user permission that needs nothing from servers; turn
         * it on only for browsers that still send these pre-flights.
         *
         * @param allow whether to answer them
         * @return this builder
         */
        public Builder allowPrivateNetwork(boolean allow) {
            this.privateNetwork = allow;
            return this;
        }

        /**
         * Sends {@code Timing-Allow-Origin} with the allowed origin (or {@code *} for any origin) on allowed
         * responses, so that the calling page can read detailed Resource Timing. Off by default: timing data
         * can reveal how long the server worked, e.g. whether a user's cache was warm.
         *
         * @param send whether to send it
         * @return this builder
         */
        public Builder timingAllowOrigin(boolean send) {
            this.timingAllowOrigin = send;
            return this;
        }

        /**
         * Debug mode, for development only: a refused pre-flight is answered with the pre-flight status and
         * the headers of the checks that passed, so the browser's console names the check that failed, and
         * every refusal carries the reason in an {@code X-CORS-Debug} response header. It tells callers how
         * the policy is configured; never enable it in production.
         *
         * @param enabled whether to enable it
         * @return this builder
         */
        public Builder debugMode(boolean enabled) {
            this.debugMode = enabled;
            return this;
        }

        /**
         * Describes each request that reaches the application in request attributes (see
         * {@link CorsFilter#IS_CORS_ATTRIBUTE} and the constants next to it). Off by default, as it costs a
         * few map insertions per request.
         *
         * @param enabled whether to set them
         * @return this builder
         */
        public Builder requestAttributes(boolean enabled) {
            this.requestAttributes = enabled;
            return this;
        }

        /**
         * Refuses WebSocket handshakes ({@code Upgrade: websocket}) whose {@code Origin} this policy does
         * not allow, with 403. Browsers apply no CORS check to WebSockets, so without this (or a check in
         * the application) any site can open one with its visitors' cookies: cross-site WebSocket
         * hijacking. Handshakes without {@code Origin} (non-browser clients) pass. Off by default.
         *
         * @param enabled whether to check
         * @return this builder
         */
        public Builder webSocketOriginCheck(boolean enabled) {
            this.webSocketOriginCheck = enabled;
            return this;
        }

        /**
         * Validates the settings and builds the policy.
         *
         * @return the policy
         * @throws InvalidCorsPolicyException listing every problem found
         */
        public CorsPolicy build() {
            List<PolicyProblem> problems = new ArrayList<>();
            OriginValidation.Settings originSettings = new OriginValidation.Settings(origins, anyOrigin, nullOrigin,
                    credentials, insecureOriginsWithCredentials, publicSuffixWildcardsWithCredentials, originResolver);
            List<OriginPattern> patterns = OriginValidation.validate(originSettings, problems);
            Set<String> validMethods = MethodNames.validate(methods, "allowedMethods", problems);
            Set<String> validHeaders = HeaderNames.validateRequestNames(headers, "allowedHeaders", problems);
            Set<String> validExposed = HeaderNames.validateResponseNames(exposedHeaders, "exposedHeaders", problems);
            HeaderNames.checkExposedWithCredentials(validExposed, credentials, problems);
            LimitValidation.maxAge(maxAge, problems);
            LimitValidation.preflightStatus(preflightStatus, problems);
            if (originResolver != null) {
                LimitValidation.resolverCache(resolverCacheTtl, resolverCacheSize, problems);
            }
            if (!problems.isEmpty()) {
                throw new InvalidCorsPolicyException(problems);
            }
            List<String> capping = LimitValidation.enginesCapping(maxAge);
            if (!capping.isEmpty()) {
                Warnings.warn(CorsPolicy.class, "CORS max age of " + maxAge.getSeconds() + " seconds is above the"
                        + " pre-flight cache cap of " + String.join(" and ", capping) + "; those browsers reuse a"
                        + " pre-flight answer for their cap only");
            }
            return new CorsPolicy(this, originSettings.wildcard(), patterns, validMethods, validHeaders, validExposed);
        }

        private static List<String> listOf(String[] values) {
            return values == null ? null : Arrays.asList(values);
        }

        private static List<String> copy(Collection<String> values) {
            // A null collection is kept as one null value, so build() reports it instead of ignoring it.
            return values == null ? Collections.singletonList(null) : new ArrayList<>(values);
        }
    }
}
