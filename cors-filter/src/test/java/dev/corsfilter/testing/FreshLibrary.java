package dev.corsfilter.testing;

import java.io.IOException;
import java.io.InputStream;

/**
 * Loads the library's classes afresh, as a newly deployed web application gets them: none initialised
 * yet, so a test can see what a first request does to them. Everything else (the JDK, SLF4J, these test
 * helpers) comes from the test class path, shared as a container shares it.
 */
public final class FreshLibrary extends ClassLoader {

    /** Creates a loader that has loaded nothing of the library yet. */
    public FreshLibrary() {
        super(FreshLibrary.class.getClassLoader());
    }

    /**
     * Loads a library class from this loader, by name.
     *
     * @param name e.g. {@code dev.corsfilter.CorsPolicy}
     * @return the class, not initialised
     */
    public Class<?> type(String name) {
        try {
            return loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("dev.corsfilter.") || name.startsWith("dev.corsfilter.testing.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    if (in == null) {
                        throw new ClassNotFoundException(name);
                    }
                    byte[] bytes = in.readAllBytes();
                    loaded = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }
}
