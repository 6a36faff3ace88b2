package dev.corsfilter.internal;

import org.slf4j.LoggerFactory;

/**
 * Logs the warnings of code that also runs without SLF4J: building a policy, which the {@code Explain} command
 * does with the library's jar alone ({@code java -jar cors-filter.jar}). Through SLF4J when it is on the class
 * path, like every other line the library logs; otherwise through the JDK's {@code System.Logger}, whose default
 * handler prints warnings on standard error.
 */
public final class Warnings {

    private static final boolean SLF4J = isPresent("org.slf4j.LoggerFactory");

    private Warnings() {
    }

    /**
     * Logs a warning.
     *
     * @param source the class that warns, which names the logger
     * @param message the warning, formatted
     */
    public static void warn(Class<?> source, String message) {
        if (SLF4J) {
            Slf4j.warn(source, message);
        } else {
            System.getLogger(source.getName()).log(System.Logger.Level.WARNING, message);
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, Warnings.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The only code that touches SLF4J, loaded only when SLF4J is there. */
    private static final class Slf4j {

        static void warn(Class<?> source, String message) {
            LoggerFactory.getLogger(source).warn(message);
        }
    }
}
