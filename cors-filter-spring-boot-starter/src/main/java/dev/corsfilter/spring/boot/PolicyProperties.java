package dev.corsfilter.spring.boot;

import org.springframework.boot.convert.DurationUnit;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The settings of one CORS policy, named as in the filter's init-params and properties file: {@code cors.*} for
 * the policy of every path, {@code cors.policies.<name>.*} for a per-path policy. Every setting is checked by the
 * library when the filter is built, so a bad value fails startup with the library's message.
 */
public class PolicyProperties {

    /** Origins allowed to read responses: exact origins, {@code https://*.example.com} patterns, {@code :*} ports, or {@code *}. */
    private List<String> allowedOrigins;
    /** Methods a pre-flight may ask for, besides GET, HEAD and POST; {@code *} for any. */
    private List<String> allowedMethods;
    /** Request headers a pre-flight may ask for; {@code *} for any but Authorization. */
    private List<String> allowedHeaders;
    /** Response headers script may read besides the safelisted ones; {@code *} for any (not with credentials). */
    private List<String> exposedHeaders;
    /** Whether browsers may send cookies and credentials, and script read the response. */
    private Boolean allowCredentials;
    /** How long browsers may cache a pre-flight answer; whole seconds, up to 24 hours. */
    @DurationUnit(ChronoUnit.SECONDS)
    private Duration maxAge;
    /** The status of a successful pre-flight, 200 to 299; default 204. */
    private Integer preflightStatus;
    /** Whether the "null" origin of sandboxed documents and file: pages is allowed. */
    private Boolean allowNullOrigin;
    /** Allows http:// origins other than loopback with credentials: readable by anyone on the network path. */
    private Boolean dangerouslyAllowInsecureOriginsWithCredentials;
    /** Allows patterns such as https://*.github.io with credentials: anyone can get such a subdomain. */
    private Boolean dangerouslyAllowPublicSuffixWildcardsWithCredentials;
    /** Answers Private Network Access pre-flights for allowed origins. */
    private Boolean allowPrivateNetwork;
    /** Sends Timing-Allow-Origin for allowed origins. */
    private Boolean timingAllowOrigin;
    /** Debug mode: refused pre-flights say why in a response header; never relaxes a decision. */
    private Boolean debug;
    /** Sets the dev.corsfilter.* request attributes for the application. */
    private Boolean requestAttributes;
    /** Refuses WebSocket handshakes from origins the policy does not allow. */
    private Boolean websocketOriginCheck;
    /** A class implementing dev.corsfilter.OriginResolver, with a public no-arg constructor. */
    private String originResolver;
    /** How long the resolver's answers are cached, in seconds. */
    private Long originResolverCacheSeconds;
    /** How many resolver answers are cached. */
    private Integer originResolverCacheSize;

    /**
     * Adds the settings that are set to a map, by the library's names.
     *
     * @param prefix put before each name: empty, or a per-path policy's name and a dot
     * @param settings where they go
     */
    void addTo(String prefix, Map<String, String> settings) {
        put(settings, prefix + "allowed-origins", allowedOrigins);
        put(settings, prefix + "allowed-methods", allowedMethods);
        put(settings, prefix + "allowed-headers", allowedHeaders);
        put(settings, prefix + "exposed-headers", exposedHeaders);
        put(settings, prefix + "allow-credentials", allowCredentials);
        put(settings, prefix + "max-age", maxAge == null ? null : seconds(maxAge));
        put(settings, prefix + "preflight-status", preflightStatus);
        put(settings, prefix + "allow-null-origin", allowNullOrigin);
        put(settings, prefix + "dangerously-allow-insecure-origins-with-credentials", dangerouslyAllowInsecureOriginsWithCredentials);
        put(settings, prefix + "dangerously-allow-public-suffix-wildcards-with-credentials",
                dangerouslyAllowPublicSuffixWildcardsWithCredentials);
        put(settings, prefix + "allow-private-network", allowPrivateNetwork);
        put(settings, prefix + "timing-allow-origin", timingAllowOrigin);
        put(settings, prefix + "debug", debug);
        put(settings, prefix + "request-attributes", requestAttributes);
        put(settings, prefix + "websocket-origin-check", websocketOriginCheck);
        put(settings, prefix + "origin-resolver", originResolver);
        put(settings, prefix + "origin-resolver-cache-seconds", originResolverCacheSeconds);
        put(settings, prefix + "origin-resolver-cache-size", originResolverCacheSize);
    }

    /** Whole seconds as the library reads them; anything else as written, for the library to refuse by name. */
    private static String seconds(Duration duration) {
        return duration.getNano() == 0 ? Long.toString(duration.getSeconds()) : duration.toString();
    }

    private static void put(Map<String, String> settings, String name, Object value) {
        if (value instanceof List<?> list) {
            settings.put(name, String.join(",", list.stream().map(String::valueOf).toList()));
        } else if (value != null) {
            settings.put(name, value.toString());
        }
    }
    /** @return the allowed origins */
    public List<String> getAllowedOrigins() { return allowedOrigins; }
    /** @param allowedOrigins the allowed origins */
    public void setAllowedOrigins(List<String> allowedOrigins) { this.allowedOrigins = allowedOrigins; }
    /** @return the allowed methods */
    public List<String> getAllowedMethods() { return allowedMethods; }
    /** @param allowedMethods the allowed methods */
    public void setAllowedMethods(List<String> allowedMethods) { this.allowedMethods = allowedMethods; }
    /** @return the allowed request headers */
    public List<String> getAllowedHeaders() { return allowedHeaders; }
    /** @param allowedHeaders the allowed request headers */
    public void setAllowedHeaders(List<String> allowedHeaders) { this.allowedHeaders = allowedHeaders; }
    /** @return the exposed response headers */
    public List<String> getExposedHeaders() { return exposedHeaders; }
    /** @param exposedHeaders the exposed response headers */
    public void setExposedHeaders(List<String> exposedHeaders) { this.exposedHeaders = exposedHeaders; }
    /** @return whether credentials are allowed */
    public Boolean getAllowCredentials() { return allowCredentials; }
    /** @param allowCredentials whether credentials are allowed */
    public void setAllowCredentials(Boolean allowCredentials) { this.allowCredentials = allowCredentials; }
    /** @return the pre-flight max age */
    public Duration getMaxAge() { return maxAge; }
    /** @param maxAge the pre-flight max age */
    public void setMaxAge(Duration maxAge) { this.maxAge = maxAge; }
    /** @return the status of a successful pre-flight */
    public Integer getPreflightStatus() { return preflightStatus; }
    /** @param preflightStatus the status of a successful pre-flight */
    public void setPreflightStatus(Integer preflightStatus) { this.preflightStatus = preflightStatus; }
    /** @return whether the null origin is allowed */
    public Boolean getAllowNullOrigin() { return allowNullOrigin; }
    /** @param allowNullOrigin whether the null origin is allowed */
    public void setAllowNullOrigin(Boolean allowNullOrigin) { this.allowNullOrigin = allowNullOrigin; }
    /** @return whether insecure origins are allowed with credentials */
    public Boolean getDangerouslyAllowInsecureOriginsWithCredentials() { return dangerouslyAllowInsecureOriginsWithCredentials; }
    /** @param allow whether insecure origins are allowed with credentials */
    public void setDangerouslyAllowInsecureOriginsWithCredentials(Boolean allow) { this.dangerouslyAllowInsecureOriginsWithCredentials = allow; }
    /** @return whether public-suffix wildcards are allowed with credentials */
    public Boolean getDangerouslyAllowPublicSuffixWildcardsWithCredentials() { return dangerouslyAllowPublicSuffixWildcardsWithCredentials; }
    /** @param allow whether public-suffix wildcards are allowed with credentials */
    public void setDangerouslyAllowPublicSuffixWildcardsWithCredentials(Boolean allow) { this.dangerouslyAllowPublicSuffixWildcardsWithCredentials = allow; }
    /** @return whether Private Network Access pre-flights are answered */
    public Boolean getAllowPrivateNetwork() { return allowPrivateNetwork; }
    /** @param allowPrivateNetwork whether Private Network Access pre-flights are answered */
    public void setAllowPrivateNetwork(Boolean allowPrivateNetwork) { this.allowPrivateNetwork = allowPrivateNetwork; }
    /** @return whether Timing-Allow-Origin is sent */
    public Boolean getTimingAllowOrigin() { return timingAllowOrigin; }
    /** @param timingAllowOrigin whether Timing-Allow-Origin is sent */
    public void setTimingAllowOrigin(Boolean timingAllowOrigin) { this.timingAllowOrigin = timingAllowOrigin; }
    /** @return whether debug mode is on */
    public Boolean getDebug() { return debug; }
    /** @param debug whether debug mode is on */
    public void setDebug(Boolean debug) { this.debug = debug; }
    /** @return whether request attributes are set */
    public Boolean getRequestAttributes() { return requestAttributes; }
    /** @param requestAttributes whether request attributes are set */
    public void setRequestAttributes(Boolean requestAttributes) { this.requestAttributes = requestAttributes; }
    /** @return whether WebSocket handshakes are checked */
    public Boolean getWebsocketOriginCheck() { return websocketOriginCheck; }
    /** @param websocketOriginCheck whether WebSocket handshakes are checked */
    public void setWebsocketOriginCheck(Boolean websocketOriginCheck) { this.websocketOriginCheck = websocketOriginCheck; }
    /** @return the origin resolver's class name */
    public String getOriginResolver() { return originResolver; }
    /** @param originResolver the origin resolver's class name */
    public void setOriginResolver(String originResolver) { this.originResolver = originResolver; }
    /** @return how long resolver answers are cached, in seconds */
    public Long getOriginResolverCacheSeconds() { return originResolverCacheSeconds; }
    /** @param originResolverCacheSeconds how long resolver answers are cached, in seconds */
    public void setOriginResolverCacheSeconds(Long originResolverCacheSeconds) { this.originResolverCacheSeconds = originResolverCacheSeconds; }
    /** @return how many resolver answers are cached */
    public Integer getOriginResolverCacheSize() { return originResolverCacheSize; }
    /** @param originResolverCacheSize how many resolver answers are cached */
    public void setOriginResolverCacheSize(Integer originResolverCacheSize) { this.originResolverCacheSize = originResolverCacheSize; }
}
