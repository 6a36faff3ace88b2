package dev.corsfilter.spring.boot;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code cors.*} properties: one policy for every path ({@code cors.allowed-origins} and the other settings of
 * {@link PolicyProperties}), or per-path policies under {@code cors.policies.<name>}, and optionally a properties
 * file in the library's format ({@code cors.config-file}). With Spring's relaxed binding they come from
 * {@code application.yml} (lists as YAML lists or comma-separated), profiles, environment variables such as
 * {@code CORS_ALLOWED_ORIGINS}, and system properties.
 */
@ConfigurationProperties(prefix = CorsProperties.PREFIX)
public class CorsProperties extends PolicyProperties {

    /** The prefix of every property. */
    public static final String PREFIX = "cors";

    /** The order the filter is registered with: ahead of Spring Security's filter chain (-100 by default). */
    public static final int DEFAULT_FILTER_ORDER = -200;

    /** Per-path policies by name, each with its {@code paths} patterns; the most specific pattern wins. */
    private Map<String, PathPolicyProperties> policies = new LinkedHashMap<>();
    /** A properties file with settings in the library's format: a path, or classpath:name. */
    private String configFile;
    /** How often, in seconds, to look for changes to the config file; 0, the default, never. */
    private Long configFileWatchSeconds;
    /** The filter's order among the servlet filters; it must come before authentication. */
    private int filterOrder = DEFAULT_FILTER_ORDER;

    /**
     * Whether the application configured the filter with properties at all; without, no filter is registered.
     *
     * @return true when origins, per-path policies or a config file are set
     */
    boolean configured() {
        return getAllowedOrigins() != null || !policies.isEmpty() || configFile != null;
    }

    /**
     * The settings by the library's names: {@code allowed-origins}, {@code policies} and {@code api.paths},
     * {@code config-file} and so on.
     *
     * @return the settings that are set
     */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        addTo("", settings);
        if (!policies.isEmpty()) {
            settings.put("policies", String.join(",", policies.keySet()));
            policies.forEach((name, policy) -> policy.addTo(name + ".", settings));
        }
        if (configFile != null) {
            settings.put("config-file", configFile);
        }
        if (configFileWatchSeconds != null) {
            settings.put("config-file-watch-seconds", configFileWatchSeconds.toString());
        }
        return settings;
    }

    /**
     * The property a setting of the library comes from, for messages: {@code allowed-origins} is
     * {@code cors.allowed-origins}, {@code api.paths} is {@code cors.policies.api.paths}.
     *
     * @param setting a setting name as the library reports it
     * @return the property name
     */
    static String propertyOf(String setting) {
        return PREFIX + "." + (setting.contains(".") ? "policies." + setting : setting);
    }
    /** @return the per-path policies by name */
    public Map<String, PathPolicyProperties> getPolicies() { return policies; }
    /** @param policies the per-path policies by name */
    public void setPolicies(Map<String, PathPolicyProperties> policies) { this.policies = policies; }
    /** @return the config file */
    public String getConfigFile() { return configFile; }
    /** @param configFile the config file */
    public void setConfigFile(String configFile) { this.configFile = configFile; }
    /** @return how often the config file is checked, in seconds */
    public Long getConfigFileWatchSeconds() { return configFileWatchSeconds; }
    /** @param configFileWatchSeconds how often the config file is checked, in seconds */
    public void setConfigFileWatchSeconds(Long configFileWatchSeconds) { this.configFileWatchSeconds = configFileWatchSeconds; }
    /** @return the filter's order */
    public int getFilterOrder() { return filterOrder; }
    /** @param filterOrder the filter's order */
    public void setFilterOrder(int filterOrder) { this.filterOrder = filterOrder; }

    /** A per-path policy: its path patterns and its settings. */
    public static class PathPolicyProperties extends PolicyProperties {

        /** The path patterns the policy covers, e.g. /api/*. */
        private java.util.List<String> paths;

        @Override
        void addTo(String prefix, Map<String, String> settings) {
            super.addTo(prefix, settings);
            if (paths != null) {
                settings.put(prefix + "paths", String.join(",", paths));
            }
        }

        /** @return the path patterns */
        public java.util.List<String> getPaths() { return paths; }

        /** @param paths the path patterns */
        public void setPaths(java.util.List<String> paths) { this.paths = paths; }
    }
}
