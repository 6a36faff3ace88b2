package dev.corsfilter;

import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * The origin resolvers a filter configured by name creates from class names ({@code origin-resolver}). One
 * instance per class, kept while the configuration in force names that class: a reload of the watched file
 * reuses it, so a resolver that holds resources (a thread refreshing its origins, a connection pool) is not
 * created again at every edit. An instance that is {@link AutoCloseable} is closed once no configuration
 * uses it: when a configuration naming another class is applied, when a configuration it was created for is
 * refused, and when the filter is destroyed.
 *
 * <p>Each build of a configuration asks for its instances, then reports whether the configuration was
 * {@linkplain #applied() applied} or {@linkplain #discarded() discarded}. Requests still running with the
 * previous policy may meet a resolver closed under them; they are refused as for any resolver failure.
 */
final class ResolverInstances implements AutoCloseable {


    /** The instances of the configuration in force, by class name. */
    private final Map<String, OriginResolver> inForce = new HashMap<>();
    /** The instances of the configuration being built, by class name. */
    private final Map<String, OriginResolver> building = new HashMap<>();
    private boolean closed;

    /**
     * The instance of a resolver class for the configuration being built: the one in force, or a new one.
     *
     * @param className the class name as configured, white space around it ignored
     * @return the instance
     * @throws ReflectiveOperationException when the class cannot be found or instantiated
     * @throws ClassCastException when the class is not an {@link OriginResolver}
     */
    synchronized OriginResolver instance(String className) throws ReflectiveOperationException {
        String name = className.strip();
        OriginResolver resolver = building.get(name);
        if (resolver == null) {
            resolver = inForce.get(name);
        }
        if (resolver == null) {
            resolver = create(name);
        }
        building.put(name, resolver);
        return resolver;
    }

    /** The configuration built since the last report is in force: the instances it does not use are closed. */
    synchronized void applied() {
        inForce.forEach((name, resolver) -> {
            if (building.get(name) != resolver) {
                close(resolver);
            }
        });
        inForce.clear();
        inForce.putAll(building);
        building.clear();
        if (closed) {
            close();
        }
    }

    /** The configuration built since the last report was refused: the instances created for it alone are closed. */
    synchronized void discarded() {
        building.forEach((name, resolver) -> {
            if (inForce.get(name) != resolver) {
                close(resolver);
            }
        });
        building.clear();
    }

    /** Closes every instance; any created later is closed as soon as it is reported. */
    @Override
    public synchronized void close() {
        closed = true;
        discarded();
        inForce.values().forEach(ResolverInstances::close);
        inForce.clear();
    }

    /**
     * Creates an instance with the class's public no-arg constructor, loaded by the thread's context class
     * loader (the web application's). The type is checked before anything of the class runs, not even its
     * static initialiser: a class that is no resolver must not start what its constructor starts.
     */
    private static OriginResolver create(String className) throws ReflectiveOperationException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type = Class.forName(className, false, loader != null ? loader : ResolverInstances.class.getClassLoader());
        if (!OriginResolver.class.isAssignableFrom(type)) {
            throw new ClassCastException(type.getName() + " does not implement " + OriginResolver.class.getName());
        }
        return type.asSubclass(OriginResolver.class).getConstructor().newInstance();
    }

    private static void close(OriginResolver resolver) {
        if (resolver instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Looked up here, not held: the Explain command builds configurations without SLF4J on the class path.
                LoggerFactory.getLogger(ResolverInstances.class)
                        .warn("CORS origin resolver {} failed to close", resolver.getClass().getName(), e);
            }
        }
    }
}
