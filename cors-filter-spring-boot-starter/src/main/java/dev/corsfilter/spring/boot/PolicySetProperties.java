package dev.corsfilter.spring.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy for every path (the settings of {@link PolicyProperties}), or per-path policies under {@code policies}:
 * what the filter enforces ({@code cors.*}), and what shadow mode evaluates beside it ({@code cors.shadow.*}).
 */
public class PolicySetProperties extends PolicyProperties {

    /** Per-path policies by name, each with its {@code paths} patterns; the most specific pattern wins. */
    private Map<String, PathPolicyProperties> policies = new LinkedHashMap<>();

    @Override
    void addTo(String prefix, Map<String, String> settings) {
        super.addTo(prefix, settings);
        if (!policies.isEmpty()) {
            settings.put(prefix + "policies", String.join(",", policies.keySet()));
            policies.forEach((name, policy) -> policy.addTo(prefix + name + ".", settings));
        }
    }

    /** @return the per-path policies by name */
    public Map<String, PathPolicyProperties> getPolicies() { return policies; }
    /** @param policies the per-path policies by name */
    public void setPolicies(Map<String, PathPolicyProperties> policies) { this.policies = policies; }

    /** A per-path policy: its path patterns and its settings. */
    public static class PathPolicyProperties extends PolicyProperties {

        /** The path patterns the policy covers, e.g. /api/*. */
        private List<String> paths;

        @Override
        void addTo(String prefix, Map<String, String> settings) {
            super.addTo(prefix, settings);
            if (paths != null) {
                settings.put(prefix + "paths", String.join(",", paths));
            }
        }

        /** @return the path patterns */
        public List<String> getPaths() { return paths; }
        /** @param paths the path patterns */
        public void setPaths(List<String> paths) { this.paths = paths; }
    }
}
