package dev.corsfilter.javax;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * Loads chosen classes of the core's test-jar (the browser harness's servlet and filters) with
 * {@code jakarta.servlet} renamed to {@code javax.servlet}, as the cors-filter-javax jar itself is built, so
 * that the tests on Tomcat 9 run the very application the core's tests run. Every other class comes from the
 * parent: the library (the relocated jar), and the harness's servlet-free classes such as {@code RequestLog},
 * whose static state the tests read.
 */
public final class RelocatingClassLoader extends ClassLoader {

    private static final String JAKARTA = "jakarta/servlet/";
    private static final String JAVAX = "javax/servlet/";

    /** Renames the servlet API in type names, descriptors and string constants (such as error attribute names). */
    private static final Remapper TO_JAVAX = new Remapper() {
        @Override
        public String map(String internalName) {
            return internalName.startsWith(JAKARTA) ? JAVAX + internalName.substring(JAKARTA.length()) : internalName;
        }

        @Override
        public Object mapValue(Object value) {
            if (value instanceof String text && text.startsWith(JAKARTA.replace('/', '.'))) {
                return JAVAX.replace('/', '.') + text.substring(JAKARTA.length());
            }
            return super.mapValue(value);
        }
    };

    static {
        registerAsParallelCapable();
    }

    private final Set<String> relocated;

    /**
     * Prepares the loader.
     *
     * @param parent where every other class comes from, and where the relocated ones are read
     * @param classNames the classes to relocate, by binary name; their nested classes are relocated too
     */
    public RelocatingClassLoader(ClassLoader parent, String... classNames) {
        super("javax-harness", parent);
        this.relocated = Set.of(classNames);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        int nested = name.indexOf('$');
        if (!relocated.contains(nested < 0 ? name : name.substring(0, nested))) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                byte[] bytes = relocate(name);
                loaded = defineClass(name, bytes, 0, bytes.length);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private byte[] relocate(String name) throws ClassNotFoundException {
        try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            ClassWriter writer = new ClassWriter(0);
            new ClassReader(in).accept(new ClassRemapper(writer, TO_JAVAX), 0);
            return writer.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
