package dev.corsfilter.docs;

import dev.corsfilter.CorsPolicy;
import dev.corsfilter.PathPolicies;

import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reaches the package-private configuration code of {@code dev.corsfilter} (init-params, configuration
 * sources, the Explain command), so that the documentation's web.xml, properties and command-line examples
 * are run by the very code the filter runs.
 */
final class Internals {

    /**
     * What a filter configured by name enforces.
     *
     * @param policy one policy for every path, or null
     * @param paths policies by path, or null
     */
    record Configuration(CorsPolicy policy, PathPolicies paths) {
    }

    private Internals() {
    }

    /** {@code InitParameters.toConfiguration(params)}. */
    static Configuration toConfiguration(Map<String, String> params) {
        Object configuration = invoke(method("dev.corsfilter.InitParameters", "toConfiguration", Map.class), null, params);
        return new Configuration((CorsPolicy) invoke(method(configuration.getClass(), "policy"), configuration),
                (PathPolicies) invoke(method(configuration.getClass(), "paths"), configuration));
    }

    /** {@code new ConfigurationSources(initParams, environment, systemProperties).load()}, then the configuration. */
    @SuppressWarnings("unchecked")
    static Configuration fromSources(Map<String, String> initParams, Map<String, String> environment,
                                     Map<String, String> systemProperties) {
        try {
            Constructor<?> constructor = Class.forName("dev.corsfilter.ConfigurationSources")
                    .getDeclaredConstructor(Map.class, Map.class, Map.class);
            constructor.setAccessible(true);
            Object sources = constructor.newInstance(initParams, environment, systemProperties);
            return toConfiguration((Map<String, String>) invoke(method(sources.getClass(), "load"), sources));
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code Explain.run(args, out, err)}: the command line without {@code System.exit}. */
    static int explain(List<String> args, PrintStream out, PrintStream err) {
        return (int) invoke(method("dev.corsfilter.Explain", "run", List.class, PrintStream.class, PrintStream.class),
                null, args, out, err);
    }

    /** Every setting name the filter reads: one policy's names, and the filter-level ones. */
    @SuppressWarnings("unchecked")
    static Set<String> settingNames() {
        Set<String> names = new TreeSet<>((Set<String>) field("dev.corsfilter.InitParameters", "POLICY_NAMES"));
        names.add((String) field("dev.corsfilter.InitParameters", "POLICIES"));
        names.add((String) field("dev.corsfilter.ConfigurationSources", "CONFIG_FILE"));
        names.add((String) field("dev.corsfilter.ConfigurationSources", "WATCH_SECONDS"));
        return names;
    }

    /** The per-policy name of a per-path configuration's path patterns ({@code paths}). */
    static String pathsName() {
        return (String) field("dev.corsfilter.InitParameters", "PATHS");
    }

    private static Object field(String className, String name) {
        try {
            Field field = Class.forName(className).getDeclaredField(name);
            field.setAccessible(true);
            return field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method method(String className, String name, Class<?>... parameters) {
        try {
            return method(Class.forName(className), name, parameters);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Method method(Class<?> type, String name, Class<?>... parameters) {
        try {
            Method method = type.getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object invoke(Method method, Object target, Object... args) {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw rethrow(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException rethrow(InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException runtime) {
            return runtime;
        }
        if (e.getCause() instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(e.getCause());
    }
}
