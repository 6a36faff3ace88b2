package dev.corsfilter.spring.boot;

import dev.corsfilter.PolicyProblem;
import dev.corsfilter.PolicyRule;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cors.*} properties: one policy for every path ({@code cors.allowed-origins} and the other settings of
 * {@link PolicyProperties}), or per-path policies under {@code cors.policies.<name>}; a shadow policy under
 * {@code cors.shadow}; or instead a properties file in the library's format ({@code cors.config-file}), the
 * policy's only source then. With Spring's relaxed binding they come from {@code application.yml} (lists as YAML
 * lists or comma-separated), profiles, environment variables such as {@code CORS_ALLOWED_ORIGINS}, and system
 * properties. {@code cors.enabled=false} turns the starter off.
 */
@ConfigurationProperties(prefix = CorsProperties.PREFIX)
public class CorsProperties extends PolicySetProperties {

    /** The prefix of every property. */
    public static final String PREFIX = "cors";

    /** The order the filter is registered with: ahead of Spring Security's filter chain (-100 by default). */
    public static final int DEFAULT_FILTER_ORDER = -200;

    /** The library's name of the setting that names a properties file. */
    private static final String CONFIG_FILE = "config-file";
    /** The library's prefix of a shadow setting, e.g. shadow-allowed-origins for cors.shadow.allowed-origins. */
    private static final String SHADOW = "shadow-";

    /** Whether the starter registers the filter; false turns it off whatever else is set (in a profile, say). */
    private boolean enabled = true;
    /** A candidate policy (or per-path policies) evaluated beside the enforced one without being enforced. */
    @NestedConfigurationProperty
    private PolicySetProperties shadow = new PolicySetProperties();
    /**
     * A properties file with the policy in the library's format, instead of cors.* policy properties: a path, or
     * classpath:name.
     */
    private String configFile;
    /** How often, in seconds, to look for changes to the config file; 0, the default, never. */
    private Long configFileWatchSeconds;
    /** The filter's order among the servlet filters; it must come before authentication. */
    private int filterOrder = DEFAULT_FILTER_ORDER;

    /**
     * Whether the application configured the filter with properties at all; without, no filter is registered.
     *
     * @return true when any setting of a policy, or a config file, is set
     */
    boolean configured() {
        return !policySettings().isEmpty() || configFile != null || configFileWatchSeconds != null;
    }

    /**
     * The settings for the library, by its names: {@code allowed-origins}, {@code policies} and {@code api.paths},
     * {@code shadow-allowed-origins} and so on; or, with a config file, only {@code config-file} and
     * {@code config-file-watch-seconds}, the file being the policy's one source.
     *
     * @return the settings that are set
     */
    Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        if (configFile == null) {
            settings.putAll(policySettings());
        } else {
            settings.put(CONFIG_FILE, configFile);
        }
        if (configFileWatchSeconds != null) {
            settings.put(CONFIG_FILE + "-watch-seconds", configFileWatchSeconds.toString());
        }
        return settings;
    }

    /**
     * Refuses policy properties beside {@code cors.config-file}: the file is the policy's one source, and the
     * properties would silently change it (or, merged, apply to every reload of it).
     *
     * @return the problem, or none
     */
    List<PolicyProblem> besideConfigFile() {
        if (configFile == null || policySettings().isEmpty()) {
            return List.of();
        }
        List<String> properties = policySettings().keySet().stream().map(CorsProperties::propertyOf).toList();
        boolean one = properties.size() == 1;
        return List.of(new PolicyProblem(PREFIX + "." + CONFIG_FILE, configFile, PolicyRule.INIT_PARAM_INVALID,
                "is set, and so " + (one ? "is " : "are ") + String.join(", ", properties)
                        + "; the file is the policy's one source: move " + (one ? "that setting" : "those settings")
                        + " into it, or set " + (one ? "it" : "them") + " where cors.config-file is not (a profile of"
                        + " their own, say)"));
    }

    private Map<String, String> policySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        addTo("", settings);
        shadow.addTo(SHADOW, settings);
        return settings;
    }

    /**
     * The property a setting of the library comes from, for messages: {@code allowed-origins} is
     * {@code cors.allowed-origins}, {@code api.paths} is {@code cors.policies.api.paths}, and the same under
     * {@code cors.shadow} for {@code shadow-allowed-origins} and {@code shadow-api.paths}.
     *
     * @param setting a setting name as the library reports it
     * @return the property name
     */
    static String propertyOf(String setting) {
        boolean shadowSetting = setting.startsWith(SHADOW);
        String name = shadowSetting ? setting.substring(SHADOW.length()) : setting;
        return PREFIX + "." + (shadowSetting ? "shadow." : "") + (name.contains(".") ? "policies." + name : name);
    }

    /** @return whether the starter registers the filter */
    public boolean isEnabled() { return enabled; }
    /** @param enabled whether the starter registers the filter */
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    /** @return the shadow policy or policies */
    public PolicySetProperties getShadow() { return shadow; }
    /** @param shadow the shadow policy or policies */
    public void setShadow(PolicySetProperties shadow) { this.shadow = shadow; }
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
}
