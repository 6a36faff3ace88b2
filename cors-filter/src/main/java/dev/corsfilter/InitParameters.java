package dev.corsfilter;

import dev.corsfilter.internal.LogText;
import dev.corsfilter.internal.SettingLimits;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns named settings — filter init-params, and the same names in a properties file, environment
 * variables or system properties (see {@link ConfigurationSources}) — into a policy, or into per-path
 * policies. Unknown names are errors, not silently ignored: a misspelt {@code allowed-origin} would
 * otherwise leave a filter that allows nothing, with no clue why.
 */
final class InitParameters {

    static final String ALLOWED_ORIGINS = "allowed-origins";
    static final String ALLOWED_METHODS = "allowed-methods";
    static final String ALLOWED_HEADERS = "allowed-headers";
    static final String EXPOSED_HEADERS = "exposed-headers";
    static final String ALLOW_CREDENTIALS = "allow-credentials";
    static final String MAX_AGE = "max-age";
    static final String PREFLIGHT_STATUS = "preflight-status";
    static final String ALLOW_NULL_ORIGIN = "allow-null-origin";
    static final String INSECURE_ORIGINS = "dangerously-allow-insecure-origins-with-credentials";
    static final String PUBLIC_SUFFIX_WILDCARDS = "dangerously-allow-public-suffix-wildcards-with-credentials";
    static final String ALLOW_PRIVATE_NETWORK = "allow-private-network";
    static final String TIMING_ALLOW_ORIGIN = "timing-allow-origin";
    static final String DEBUG = "debug";
    static final String REQUEST_ATTRIBUTES = "request-attributes";
    static final String WEBSOCKET_ORIGIN_CHECK = "websocket-origin-check";
    static final String ORIGIN_RESOLVER = "origin-resolver";
    static final String ORIGIN_RESOLVER_CACHE_SECONDS = "origin-resolver-cache-seconds";
    static final String ORIGIN_RESOLVER_CACHE_SIZE = "origin-resolver-cache-size";

    /** Names the policies of a per-path configuration; each name's settings are prefixed with it. */
    static final String POLICIES = "policies";
    /** Per named policy: its comma-separated path patterns. */
    static final String PATHS = "paths";

    /** Every name of one policy's settings. */
    static final Set<String> POLICY_NAMES = Set.of(ALLOWED_ORIGINS, ALLOWED_METHODS, ALLOWED_HEADERS,
            EXPOSED_HEADERS, ALLOW_CREDENTIALS, MAX_AGE, PREFLIGHT_STATUS, ALLOW_NULL_ORIGIN, INSECURE_ORIGINS,
            PUBLIC_SUFFIX_WILDCARDS, ALLOW_PRIVATE_NETWORK, TIMING_ALLOW_ORIGIN, DEBUG, REQUEST_ATTRIBUTES,
            WEBSOCKET_ORIGIN_CHECK, ORIGIN_RESOLVER, ORIGIN_RESOLVER_CACHE_SECONDS, ORIGIN_RESOLVER_CACHE_SIZE);

    /** Builder settings by the name users wrote, so that problems name what is in their file. */
    private static final Map<String, String> SETTING_NAMES = Map.of(
            "allowedOrigins", ALLOWED_ORIGINS, "allowedMethods", ALLOWED_METHODS, "allowedHeaders", ALLOWED_HEADERS,
            "exposedHeaders", EXPOSED_HEADERS, "allowCredentials", ALLOW_CREDENTIALS, "allowNullOrigin", ALLOW_NULL_ORIGIN,
            "originResolver", ORIGIN_RESOLVER);

    /** The most unknown names one exception lists. */
    private static final int MAX_UNKNOWN_LISTED = 100;
    /** The most policy names a message about per-path names lists. */
    private static final int MAX_POLICIES_SHOWN = 10;

    /** An optionally signed run of ASCII digits: what {@link #number} reads. */
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?[0-9]+");

    /**
     * What a number setting accepts. Checked on the number as written, before it is converted, so that no
     * value wraps round into the range and the message quotes what was written.
     */
    private record Range(SettingLimits.Range limits, PolicyRule rule, String what, String why) {
    }

    private static final Map<String, Range> RANGES = Map.of(
            MAX_AGE, new Range(SettingLimits.MAX_AGE_SECONDS, PolicyRule.MAX_AGE_OUT_OF_RANGE,
                    "whole seconds", " (24 hours)"),
            PREFLIGHT_STATUS, new Range(SettingLimits.PREFLIGHT_STATUS, PolicyRule.PREFLIGHT_STATUS_INVALID,
                    "a status", ": browsers fail a pre-flight with any other"),
            ORIGIN_RESOLVER_CACHE_SECONDS, new Range(SettingLimits.RESOLVER_CACHE_SECONDS,
                    PolicyRule.RESOLVER_CACHE_INVALID, "whole seconds", " (24 hours)"),
            ORIGIN_RESOLVER_CACHE_SIZE, new Range(SettingLimits.RESOLVER_CACHE_SIZE, PolicyRule.RESOLVER_CACHE_INVALID,
                    "a whole number", ""),
            ConfigurationSources.WATCH_SECONDS, new Range(SettingLimits.WATCH_SECONDS, PolicyRule.INIT_PARAM_INVALID,
                    "whole seconds", " (24 hours), or 0 not to watch"));

    /**
     * Prefixes every setting of the shadow policy, which the filter evaluates beside the enforced one without
     * enforcing it, e.g. {@code shadow-allowed-origins} or {@code shadow-policies}.
     */
    static final String SHADOW_PREFIX = "shadow-";

    /**
     * What a filter enforces: one policy for every path, or policies by path; and the shadow configuration
     * to evaluate beside it, if any.
     *
     * @param policy the policy for every path, or null
     * @param paths the policies by path, or null
     * @param shadow the shadow configuration, or null
     */
    record Configuration(CorsPolicy policy, PathPolicies paths, Configuration shadow) {

        /** A configuration without a shadow. */
        Configuration(CorsPolicy policy, PathPolicies paths) {
            this(policy, paths, null);
        }
    }

    private InitParameters() {
    }

    /**
     * Builds the single policy the settings describe.
     *
     * @param params setting names to values
     * @return the policy
     * @throws InvalidCorsPolicyException listing every problem, those of the names and of the policy
     */
    static CorsPolicy toPolicy(Map<String, String> params) {
        Configuration configuration = toConfiguration(params);
        if (configuration.policy() == null) {
            throw new InvalidCorsPolicyException(List.of(new PolicyProblem(POLICIES, params.get(POLICIES),
                    PolicyRule.INIT_PARAM_INVALID, "per-path policies are configured where one policy is expected")));
        }
        return configuration.policy();
    }

    /**
     * Builds what the settings describe: per-path policies when {@code policies} is set, else one policy.
     *
     * @param params setting names to values, all init-params
     * @return the configuration
     * @throws InvalidCorsPolicyException listing every problem found
     */
    static Configuration toConfiguration(Map<String, String> params) {
        return toConfiguration(params, name -> "init-param " + LogText.quote(name));
    }

    /**
     * Builds what the settings describe, naming unknown names as their source calls them, with resolvers
     * created afresh.
     *
     * @param params setting names to values
     * @param describe says what a name is and where it comes from, e.g. {@code property "x" in /etc/cors.properties}
     * @return the configuration
     * @throws InvalidCorsPolicyException listing every problem found
     */
    static Configuration toConfiguration(Map<String, String> params, Function<String, String> describe) {
        return toConfiguration(params, describe, new ResolverInstances());
    }

    /**
     * Builds what the settings describe, naming unknown names as their source calls them: the enforced
     * configuration, and the shadow configuration its {@code shadow-} settings describe, if any.
     *
     * @param params setting names to values
     * @param describe says what a name is and where it comes from, e.g. {@code property "x" in /etc/cors.properties}
     * @param resolvers where the resolvers named by class come from; told nothing of the outcome here
     * @return the configuration
     * @throws InvalidCorsPolicyException listing every problem found
     */
    static Configuration toConfiguration(Map<String, String> params, Function<String, String> describe,
                                         ResolverInstances resolvers) {
        Map<String, String> enforced = new LinkedHashMap<>();
        Map<String, String> shadow = new LinkedHashMap<>();
        Set<String> enforcedPolicies = new TreeSet<>(list(params.get(POLICIES)));
        params.forEach((name, value) -> {
            // A per-path policy of the enforced configuration may itself be named shadow-…: its settings stay.
            boolean ownPolicy = name.indexOf('.') > 0 && enforcedPolicies.contains(name.substring(0, name.indexOf('.')));
            if (name.startsWith(SHADOW_PREFIX) && !ownPolicy) {
                shadow.put(name.substring(SHADOW_PREFIX.length()), value);
            } else {
                enforced.put(name, value);
            }
        });
        List<PolicyProblem> problems = new ArrayList<>();
        Configuration configuration = collect(() -> withoutShadow(enforced, "", describe, resolvers), "", problems);
        Configuration candidate = shadow.isEmpty() ? null : collect(() -> withoutShadow(shadow, SHADOW_PREFIX,
                name -> describe.apply(SHADOW_PREFIX + name), resolvers), SHADOW_PREFIX, problems);
        throwIfAny(problems);
        return new Configuration(configuration.policy(), configuration.paths(), candidate);
    }

    /** Builds a configuration, or adds its problems, their settings prefixed, and returns null. */
    private static Configuration collect(java.util.function.Supplier<Configuration> build, String prefix,
                                         List<PolicyProblem> problems) {
        try {
            return build.get();
        } catch (InvalidCorsPolicyException e) {
            e.problems().forEach(problem -> problems.add(prefix.isEmpty() ? problem : new PolicyProblem(
                    prefix + problem.setting(), problem.value(), problem.rule(), problem.message())));
            return null;
        }
    }

    /**
     * Builds one configuration (one policy, or policies by path) from settings that hold no shadow; their names
     * were written with {@code namePrefix} before them, which hints for misspelt names give back.
     */
    private static Configuration withoutShadow(Map<String, String> params, String namePrefix,
                                               Function<String, String> describe, ResolverInstances resolvers) {
        List<PolicyProblem> problems = new ArrayList<>();
        String names = params.get(POLICIES);
        if (names == null) {
            reportUnknown(params, POLICY_NAMES, withFilterNames(POLICY_NAMES).toString(), namePrefix, describe, problems);
            CorsPolicy policy = build(params, "", resolvers, problems);
            throwIfAny(problems);
            return new Configuration(policy, null);
        }
        List<String> policyNames = list(names);
        Set<String> known = new TreeSet<>(Set.of(POLICIES));
        PathPolicies.Builder paths = PathPolicies.builder();
        for (String name : policyNames) {
            known.add(name + "." + PATHS);
            POLICY_NAMES.forEach(setting -> known.add(name + "." + setting));
            Map<String, String> own = new LinkedHashMap<>();
            params.forEach((key, value) -> {
                if (key.startsWith(name + ".") && !key.equals(name + "." + PATHS)) {
                    own.put(key.substring(name.length() + 1), value);
                }
            });
            CorsPolicy policy = build(own, name + ".", resolvers, problems);
            List<String> patterns = list(params.get(name + "." + PATHS));
            if (patterns.isEmpty()) {
                problems.add(new PolicyProblem(name + "." + PATHS, "", PolicyRule.INIT_PARAM_INVALID,
                        "policy \"" + name + "\" has no " + name + "." + PATHS + "; list its path patterns, e.g. /api/*"));
            } else if (policy != null && validPatterns(name, patterns, policy, problems)) {
                patterns.forEach(pattern -> paths.add(pattern, policy));
            }
        }
        if (policyNames.isEmpty()) {
            problems.add(new PolicyProblem(POLICIES, names, PolicyRule.INIT_PARAM_INVALID,
                    POLICIES + " names no policy; write e.g. \"public, api\""));
        }
        reportUnknown(params, known, perPathNames(policyNames), namePrefix, describe, problems);
        PathPolicies built = null;
        if (problems.isEmpty()) {
            try {
                built = paths.build();
            } catch (InvalidCorsPolicyException e) {
                problems.addAll(e.problems());
            }
        }
        throwIfAny(problems);
        return new Configuration(null, built);
    }

    /** Checks one named policy's patterns on their own, so that a problem names the setting it is in. */
    private static boolean validPatterns(String name, List<String> patterns, CorsPolicy policy,
                                         List<PolicyProblem> problems) {
        PathPolicies.Builder own = PathPolicies.builder();
        patterns.forEach(pattern -> own.add(pattern, policy));
        try {
            own.build();
            return true;
        } catch (InvalidCorsPolicyException e) {
            e.problems().forEach(problem -> problems.add(new PolicyProblem(name + "." + PATHS, problem.value(),
                    problem.rule(), problem.message())));
            return false;
        }
    }

    private static CorsPolicy build(Map<String, String> params, String prefix, ResolverInstances resolvers,
                                    List<PolicyProblem> problems) {
        int before = problems.size();
        CorsPolicy.Builder builder = CorsPolicy.builder()
                .allowedOrigins(list(params.get(ALLOWED_ORIGINS)))
                .allowedMethods(list(params.get(ALLOWED_METHODS)))
                .allowedHeaders(list(params.get(ALLOWED_HEADERS)))
                .exposedHeaders(list(params.get(EXPOSED_HEADERS)))
                .allowCredentials(bool(params, prefix, ALLOW_CREDENTIALS, problems))
                .allowPrivateNetwork(bool(params, prefix, ALLOW_PRIVATE_NETWORK, problems))
                .timingAllowOrigin(bool(params, prefix, TIMING_ALLOW_ORIGIN, problems))
                .debugMode(bool(params, prefix, DEBUG, problems))
                .requestAttributes(bool(params, prefix, REQUEST_ATTRIBUTES, problems))
                .webSocketOriginCheck(bool(params, prefix, WEBSOCKET_ORIGIN_CHECK, problems));
        if (bool(params, prefix, ALLOW_NULL_ORIGIN, problems)) {
            builder.allowNullOrigin();
        }
        if (bool(params, prefix, INSECURE_ORIGINS, problems)) {
            builder.dangerouslyAllowInsecureOriginsWithCredentials();
        }
        if (bool(params, prefix, PUBLIC_SUFFIX_WILDCARDS, problems)) {
            builder.dangerouslyAllowPublicSuffixWildcardsWithCredentials();
        }
        Long maxAge = number(params, prefix, MAX_AGE, problems);
        if (maxAge != null) {
            builder.maxAge(Duration.ofSeconds(maxAge));
        }
        Long status = number(params, prefix, PREFLIGHT_STATUS, problems);
        if (status != null) {
            builder.preflightStatus(status.intValue());
        }
        resolver(params, prefix, resolvers, builder, problems);
        try {
            CorsPolicy policy = builder.build();
            return problems.size() == before ? policy : null;
        } catch (InvalidCorsPolicyException e) {
            e.problems().forEach(problem -> problems.add(new PolicyProblem(
                    prefix + SETTING_NAMES.getOrDefault(problem.setting(), problem.setting()), problem.value(),
                    problem.rule(), problem.message())));
            return null;
        }
    }

    /** Sets the resolver class named by {@code origin-resolver}, which needs a public no-arg constructor. */
    private static void resolver(Map<String, String> params, String prefix, ResolverInstances resolvers,
                                 CorsPolicy.Builder builder, List<PolicyProblem> problems) {
        String className = params.get(ORIGIN_RESOLVER);
        Long seconds = number(params, prefix, ORIGIN_RESOLVER_CACHE_SECONDS, problems);
        Long size = number(params, prefix, ORIGIN_RESOLVER_CACHE_SIZE, problems);
        if (className == null) {
            if (seconds != null || size != null) {
                problems.add(new PolicyProblem(prefix + ORIGIN_RESOLVER, "", PolicyRule.INIT_PARAM_INVALID,
                        "a resolver cache is configured but no " + ORIGIN_RESOLVER + " class"));
            }
            return;
        }
        OriginResolver resolver;
        try {
            resolver = resolvers.instance(className);
        } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
            problems.add(new PolicyProblem(prefix + ORIGIN_RESOLVER, className, PolicyRule.INIT_PARAM_INVALID,
                    ORIGIN_RESOLVER + " \"" + className + "\" is not a class implementing " + OriginResolver.class.getName()
                            + " with a public no-arg constructor (" + LogText.describe(e) + ")"));
            return;
        }
        if (seconds == null && size == null) {
            builder.originResolver(resolver);
        } else {
            builder.originResolver(resolver, Duration.ofSeconds(seconds == null ? 60 : seconds),
                    size == null ? 10_000 : size.intValue());
        }
    }

    /**
     * Reports the names that are not {@code known}, each with the closest known name, or else {@code knownText}.
     * Past {@link #MAX_UNKNOWN_LISTED}, the rest are counted in one problem rather than listed, so that a file
     * full of another tool's settings makes a message of bounded size.
     */
    private static void reportUnknown(Map<String, String> params, Set<String> known, String knownText,
                                      String namePrefix, Function<String, String> describe,
                                      List<PolicyProblem> problems) {
        Set<String> candidates = withFilterNames(known);
        List<String> unknown = new TreeSet<>(params.keySet()).stream().filter(name -> !known.contains(name)).toList();
        int listed = unknown.size() > MAX_UNKNOWN_LISTED + 1 ? MAX_UNKNOWN_LISTED : unknown.size();
        for (String name : unknown.subList(0, listed)) {
            String value = params.get(name);
            String hint = ClosestName.among(name, candidates)
                    .map(closest -> "did you mean \"" + namePrefix + closest + "\"?")
                    .orElseGet(() -> "the known ones are " + knownText);
            problems.add(new PolicyProblem(name, value == null ? "" : value, PolicyRule.INIT_PARAM_UNKNOWN,
                    "unknown " + describe.apply(name) + "; " + hint));
        }
        if (listed < unknown.size()) {
            String first = unknown.get(listed);
            problems.add(new PolicyProblem(first, "", PolicyRule.INIT_PARAM_UNKNOWN, "unknown " + describe.apply(first)
                    + " and " + (unknown.size() - listed - 1) + " more unknown names after it, not listed"));
        }
    }

    /** The names a filter configured by name reads itself before the settings get here, added to {@code names}. */
    private static Set<String> withFilterNames(Set<String> names) {
        Set<String> all = new TreeSet<>(names);
        all.add(ConfigurationSources.CONFIG_FILE);
        all.add(ConfigurationSources.WATCH_SECONDS);
        return all;
    }

    /** The names of a per-path configuration as a rule, rather than each policy's names one by one. */
    private static String perPathNames(List<String> policyNames) {
        List<String> sorted = new TreeSet<>(policyNames).stream().toList();
        List<String> shown = new ArrayList<>(sorted.subList(0, Math.min(sorted.size(), MAX_POLICIES_SHOWN)));
        if (sorted.size() > MAX_POLICIES_SHOWN) {
            shown.add("and " + (sorted.size() - MAX_POLICIES_SHOWN) + " more");
        }
        return POLICIES + " and, for each policy it names (" + shown + "), <policy>." + PATHS
                + " and <policy>.<setting> for the settings " + new TreeSet<>(POLICY_NAMES) + "; and "
                + ConfigurationSources.CONFIG_FILE + ", " + ConfigurationSources.WATCH_SECONDS;
    }

    private static void throwIfAny(List<PolicyProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidCorsPolicyException(problems);
        }
    }

    /** Splits a comma-separated setting; white space around elements and empty elements are ignored. */
    static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(element -> !element.isEmpty()).toList();
    }

    /** Reads {@code true} or {@code false}; absent is false. */
    private static boolean bool(Map<String, String> params, String prefix, String name, List<PolicyProblem> problems) {
        String value = params.get(name);
        if (value == null || value.strip().equals("false")) {
            return false;
        }
        if (value.strip().equals("true")) {
            return true;
        }
        problems.add(new PolicyProblem(prefix + name, value, PolicyRule.INIT_PARAM_INVALID,
                prefix + name + " is \"" + value + "\"; write true or false"));
        return false;
    }

    /** Reads a whole number within the setting's {@link Range}; null when absent or after reporting a problem. */
    static Long number(Map<String, String> params, String prefix, String name, List<PolicyProblem> problems) {
        String value = params.get(name);
        if (value == null) {
            return null;
        }
        String written = value.strip();
        if (!WHOLE_NUMBER.matcher(written).matches()) {
            problems.add(new PolicyProblem(prefix + name, value, PolicyRule.INIT_PARAM_INVALID,
                    prefix + name + " is \"" + value + "\"; write a whole number"));
            return null;
        }
        Range range = RANGES.get(name);
        BigInteger number = new BigInteger(written);
        long min = range.limits().min();
        long max = range.limits().max();
        if (number.compareTo(BigInteger.valueOf(min)) < 0 || number.compareTo(BigInteger.valueOf(max)) > 0) {
            problems.add(new PolicyProblem(prefix + name, written, range.rule(), prefix + name + " is \"" + written
                    + "\"; write " + range.what() + " from " + min + " to " + max + range.why()));
            return null;
        }
        return number.longValueExact();
    }
}
