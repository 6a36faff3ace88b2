package dev.corsfilter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Several CORS policies in one filter, chosen by request path: for example a public, read-only policy for
 * {@code /public/*} and a credentialed one for {@code /api/*}. Immutable and thread-safe.
 *
 * <p>Path patterns follow the servlet mapping syntax, and the most specific one wins, as for servlets: an
 * exact path ({@code /health}), then the longest prefix ({@code /api/v2/*} before {@code /api/*}, and
 * {@code /*} last), then an extension ({@code *.json}). The path matched is the context-relative path the
 * container decoded and normalised (servlet path plus path info), so {@code /api/../public} is matched as
 * {@code /public}. Requests whose path no pattern matches get no CORS headers at all: the filter passes
 * them through, pre-flights included.
 *
 * <pre>{@code
 * PathPolicies policies = PathPolicies.builder()
 *     .add("/public/*", CorsPolicy.builder().allowAnyOrigin().build())
 *     .add("/api/*", CorsPolicy.builder().allowedOrigins("https://app.example.com").allowCredentials(true).build())
 *     .build();
 * Filter filter = new CorsFilter(policies);
 * }</pre>
 */
public final class PathPolicies {

    private final Map<String, CorsPolicy> byPattern;
    private final Map<String, CorsPolicy> exact = new HashMap<>();
    private final Map<String, CorsPolicy> prefixes = new HashMap<>();
    private final Map<String, CorsPolicy> extensions = new HashMap<>();

    private PathPolicies(Map<String, CorsPolicy> byPattern) {
        this.byPattern = Collections.unmodifiableMap(new LinkedHashMap<>(byPattern));
        byPattern.forEach((pattern, policy) -> {
            if (pattern.endsWith("/*")) {
                prefixes.put(pattern.substring(0, pattern.length() - 2), policy);
            } else if (pattern.startsWith("*.")) {
                extensions.put(pattern.substring(2), policy);
            } else {
                exact.put(pattern, policy);
            }
        });
    }

    /**
     * Starts an empty set of path policies.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The policy for a path, by the most specific matching pattern.
     *
     * @param path a context-relative path starting with {@code /}, e.g. {@code /api/items}
     * @return the policy, or empty when no pattern matches
     */
    public Optional<CorsPolicy> policyFor(String path) {
        return Optional.ofNullable(find(path == null || path.isEmpty() ? "/" : path));
    }

    /**
     * The patterns and their policies, in the order they were added.
     *
     * @return an immutable map
     */
    public Map<String, CorsPolicy> policies() {
        return byPattern;
    }

    CorsPolicy find(String path) {
        CorsPolicy policy = exact.get(path);
        if (policy != null) {
            return policy;
        }
        for (int end = path.length(); end >= 0; end = path.lastIndexOf('/', end - 1)) {
            policy = prefixes.get(path.substring(0, end));
            if (policy != null || end == 0) {
                break;
            }
        }
        if (policy != null) {
            return policy;
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash ? extensions.get(path.substring(dot + 1)) : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PathPolicies that && byPattern.equals(that.byPattern);
    }

    @Override
    public int hashCode() {
        return byPattern.hashCode();
    }

    @Override
    public String toString() {
        return "PathPolicies" + byPattern;
    }

    /** Collects path patterns and their policies; {@link #build()} checks the patterns. Not thread-safe. */
    public static final class Builder {

        private final List<Map.Entry<String, CorsPolicy>> entries = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a policy for a path pattern: {@code /exact/path}, {@code /prefix/*} (also matches
         * {@code /prefix} itself), {@code /*} (every path) or {@code *.extension}.
         *
         * @param pathPattern the pattern
         * @param policy the policy for matching paths
         * @return this builder
         */
        public Builder add(String pathPattern, CorsPolicy policy) {
            entries.add(new java.util.AbstractMap.SimpleImmutableEntry<>(pathPattern, policy));
            return this;
        }

        /**
         * Checks the patterns and builds the set.
         *
         * @return the path policies
         * @throws InvalidCorsPolicyException listing every malformed, duplicated or policy-less pattern
         */
        public PathPolicies build() {
            List<PolicyProblem> problems = new ArrayList<>();
            Map<String, CorsPolicy> byPattern = new LinkedHashMap<>();
            for (Map.Entry<String, CorsPolicy> entry : entries) {
                String pattern = entry.getKey();
                String problem = problemWith(pattern);
                if (problem == null && entry.getValue() == null) {
                    problem = "path pattern \"" + pattern + "\" has no policy";
                }
                if (problem == null && byPattern.containsKey(pattern)) {
                    problem = "path pattern \"" + pattern + "\" is listed twice";
                }
                if (problem != null) {
                    problems.add(new PolicyProblem("paths", pattern == null ? "" : pattern,
                            PolicyRule.PATH_PATTERN_INVALID, problem));
                } else {
                    byPattern.put(pattern, entry.getValue());
                }
            }
            if (entries.isEmpty()) {
                problems.add(new PolicyProblem("paths", "", PolicyRule.PATH_PATTERN_INVALID,
                        "no path pattern was added; add at least one, e.g. add(\"/*\", policy)"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidCorsPolicyException(problems);
            }
            return new PathPolicies(byPattern);
        }

        private static String problemWith(String pattern) {
            if (pattern == null || pattern.isBlank()) {
                return "a path pattern is " + (pattern == null ? "null" : "empty");
            }
            boolean extension = pattern.startsWith("*.") && pattern.length() > 2 && pattern.indexOf('/') < 0
                    && pattern.indexOf('*', 1) < 0;
            boolean path = pattern.startsWith("/") && pattern.indexOf('*') == (pattern.endsWith("/*") ? pattern.length() - 1 : -1);
            if (!extension && !path) {
                return "path pattern \"" + pattern + "\" is not /exact/path, /prefix/*, /* or *.extension";
            }
            return null;
        }
    }
}
