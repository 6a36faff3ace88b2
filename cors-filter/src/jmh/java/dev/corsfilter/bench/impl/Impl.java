package dev.corsfilter.bench.impl;

import dev.corsfilter.CorsFilter;
import dev.corsfilter.CorsPolicy;
import dev.corsfilter.bench.Policy;
import dev.corsfilter.bench.Scenario;
import dev.corsfilter.bench.Target;
import dev.corsfilter.testing.ContainerCosts;
import dev.corsfilter.testing.FakeFilterConfig;
import jakarta.servlet.Filter;
import org.eclipse.jetty.ee10.servlets.CrossOriginFilter;
import org.eclipse.jetty.server.handler.CrossOriginHandler;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The implementations compared, each configured to the scenario's {@link Policy}.
 *
 * <p>{@code com.thetransactioncompany:cors-filter} is not among them: its newest release (2.10) is built
 * against {@code javax.servlet} only and cannot run against Jakarta Servlet 6 requests.
 */
public enum Impl {

    /** This library. */
    CORS_FILTER("cors-filter", false, "CorsFilterBench"),
    /** The floor: reads what every filter reads and makes cors-filter's writes (see {@link FloorFilter}). */
    FLOOR("floor", false, "FloorBench"),
    /** A filter that does nothing: the harness cost. */
    EMPTY("empty", false, "EmptyBench"),
    /** {@code org.apache.catalina.filters.CorsFilter} (Tomcat 11). */
    TOMCAT("Tomcat CorsFilter", true, "TomcatBench"),
    /** {@code org.springframework.web.filter.CorsFilter} with a {@code UrlBasedCorsConfigurationSource}. */
    SPRING("Spring CorsFilter", true, "SpringBench"),
    /** {@code org.eclipse.jetty.ee10.servlets.CrossOriginFilter} (deprecated in Jetty 12). */
    JETTY_FILTER("Jetty CrossOriginFilter", true, "JettyFilterBench"),
    /** {@code org.eclipse.jetty.server.handler.CrossOriginHandler} (Jetty 12 core handler, not a filter). */
    JETTY_HANDLER("Jetty CrossOriginHandler", true, "JettyHandlerBench");

    private final String label;
    private final boolean peer;
    private final String benchmark;

    Impl(String label, boolean peer, String benchmark) {
        this.label = label;
        this.peer = peer;
        this.benchmark = benchmark;
    }

    /**
     * The implementation a JMH benchmark class measures.
     *
     * @param benchmarkClass the class's simple name, e.g. {@code CorsFilterBench}
     * @return the implementation
     * @throws IllegalArgumentException for a class that measures no implementation
     */
    public static Impl measuredBy(String benchmarkClass) {
        for (Impl impl : values()) {
            if (impl.benchmark.equals(benchmarkClass)) {
                return impl;
            }
        }
        throw new IllegalArgumentException("no implementation is measured by " + benchmarkClass);
    }

    public String label() {
        return label;
    }

    /** Whether this is a peer library (not ours, the floor or the empty filter). */
    public boolean peer() {
        return peer;
    }

    /**
     * Whether this implementation can express the scenario's policy: Tomcat's filter knows exact origins
     * and {@code *} only, no subdomain patterns.
     *
     * @param scenario the scenario
     * @return true when it can
     */
    public boolean supports(Scenario scenario) {
        return this != TOMCAT || scenario.policy().subdomainPatterns().isEmpty();
    }

    /**
     * Whether this implementation is a servlet filter, driven with servlet fakes of either container's costs.
     *
     * @return false for Jetty's core handler, which runs on Jetty's own classes
     */
    public boolean servletFilter() {
        return this != JETTY_HANDLER;
    }

    /**
     * Configures this implementation for a scenario.
     *
     * @param scenario the scenario
     * @param costs whose request and response costs the servlet fakes reproduce; ignored by the core handler
     * @return the target, ready to invoke
     * @throws Exception when the implementation refuses its configuration
     */
    public Target create(Scenario scenario, ContainerCosts costs) throws Exception {
        if (!supports(scenario)) {
            throw new IllegalArgumentException(label + " cannot express " + scenario.policy());
        }
        Policy policy = scenario.policy();
        return switch (this) {
            case CORS_FILTER -> new ServletTarget(corsFilter(policy), scenario, costs);
            case FLOOR -> {
                Target ours = ServletTarget.recording(corsFilter(policy), scenario, costs);
                ours.invoke();
                yield new ServletTarget(new FloorFilter(scenario, ours.observe()), scenario, costs);
            }
            case EMPTY -> new ServletTarget(new EmptyFilter(), scenario, costs);
            case TOMCAT -> new ServletTarget(tomcat(policy), scenario, costs);
            case SPRING -> new ServletTarget(spring(policy), scenario, costs);
            case JETTY_FILTER -> new ServletTarget(jettyFilter(policy), scenario, costs);
            case JETTY_HANDLER -> new JettyHandlerTarget(jettyHandler(policy), scenario);
        };
    }

    private static Filter corsFilter(Policy policy) {
        return new CorsFilter(CorsPolicy.builder()
                .allowedOrigins(policy.allOrigins())
                .allowedMethods(Policy.EXTRA_METHODS)
                .allowedHeaders(Policy.ALLOWED_HEADERS)
                .exposedHeaders(Policy.EXPOSED_HEADERS)
                .allowCredentials(true)
                .maxAge(Duration.ofSeconds(Policy.MAX_AGE_SECONDS))
                .build());
    }

    private static Filter tomcat(Policy policy) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("cors.allowed.origins", String.join(",", policy.exactOrigins()));
        params.put("cors.allowed.methods", String.join(",", Policy.ALL_METHODS));
        params.put("cors.allowed.headers", String.join(",", Policy.ALLOWED_HEADERS));
        params.put("cors.exposed.headers", String.join(",", Policy.EXPOSED_HEADERS));
        params.put("cors.support.credentials", "true");
        params.put("cors.preflight.maxage", Long.toString(Policy.MAX_AGE_SECONDS));
        Filter filter = new org.apache.catalina.filters.CorsFilter();
        filter.init(new FakeFilterConfig("cors", params));
        return filter;
    }

    private static Filter spring(Policy policy) throws Exception {
        CorsConfiguration config = new CorsConfiguration();
        if (!policy.exactOrigins().isEmpty()) {
            config.setAllowedOrigins(policy.exactOrigins());
        }
        if (!policy.subdomainPatterns().isEmpty()) {
            config.setAllowedOriginPatterns(policy.subdomainPatterns());
        }
        config.setAllowedMethods(Policy.ALL_METHODS);
        config.setAllowedHeaders(Policy.ALLOWED_HEADERS);
        config.setExposedHeaders(Policy.EXPOSED_HEADERS);
        config.setAllowCredentials(true);
        config.setMaxAge(Policy.MAX_AGE_SECONDS);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", config);
        Filter filter = new org.springframework.web.filter.CorsFilter(source);
        filter.init(new FakeFilterConfig("cors", Map.of()));
        return filter;
    }

    @SuppressWarnings("deprecation")
    private static Filter jettyFilter(Policy policy) throws Exception {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(CrossOriginFilter.ALLOWED_ORIGINS_PARAM, String.join(",", policy.allOrigins()));
        params.put(CrossOriginFilter.ALLOWED_METHODS_PARAM, String.join(",", Policy.ALL_METHODS));
        params.put(CrossOriginFilter.ALLOWED_HEADERS_PARAM, String.join(",", Policy.ALLOWED_HEADERS));
        params.put(CrossOriginFilter.EXPOSED_HEADERS_PARAM, String.join(",", Policy.EXPOSED_HEADERS));
        params.put(CrossOriginFilter.ALLOW_CREDENTIALS_PARAM, "true");
        params.put(CrossOriginFilter.PREFLIGHT_MAX_AGE_PARAM, Long.toString(Policy.MAX_AGE_SECONDS));
        params.put(CrossOriginFilter.CHAIN_PREFLIGHT_PARAM, "false");
        Filter filter = new CrossOriginFilter();
        filter.init(new FakeFilterConfig("cors", params));
        return filter;
    }

    private static CrossOriginHandler jettyHandler(Policy policy) {
        CrossOriginHandler handler = new CrossOriginHandler();
        Set<String> regexes = new LinkedHashSet<>();
        for (String origin : policy.allOrigins()) {
            regexes.add(Policy.toRegex(origin));
        }
        handler.setAllowedOriginPatterns(regexes);
        handler.setAllowedMethods(Set.copyOf(Policy.ALL_METHODS));
        handler.setAllowedHeaders(Set.copyOf(Policy.ALLOWED_HEADERS));
        handler.setExposedHeaders(Set.copyOf(Policy.EXPOSED_HEADERS));
        handler.setAllowCredentials(true);
        handler.setPreflightMaxAge(Duration.ofSeconds(Policy.MAX_AGE_SECONDS));
        handler.setDeliverPreflightRequests(false);
        return handler;
    }

    /** All implementations that support {@code scenario}. */
    public static List<Impl> supporting(Scenario scenario) {
        return java.util.Arrays.stream(values()).filter(impl -> impl.supports(scenario)).toList();
    }
}
