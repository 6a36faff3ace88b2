package dev.corsfilter.javax;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what reaches {@code java.util.logging} under one logger name while it is open: where Tomcat's own log
 * (JULI, {@code catalina.out}) gets its lines, and where the library's SLF4J lines go with the provider the docs
 * name for Tomcat ({@code slf4j-jdk14}).
 */
final class JulRecorder extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level previous;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private JulRecorder(String name, Level level) {
        logger = Logger.getLogger(name);
        previous = logger.getLevel();
        logger.setLevel(level);
        setLevel(Level.ALL);
        logger.addHandler(this);
    }

    /**
     * Starts recording.
     *
     * @param name the logger, e.g. {@code dev.corsfilter}; its children are recorded too
     * @param level the level to set on it while recording, e.g. {@link Level#FINE} for the debug lines
     * @return the recorder; close it to stop
     */
    static JulRecorder start(String name, Level level) {
        return new JulRecorder(name, level);
    }

    /**
     * The messages recorded so far, as formatted by the handler's formatter would show them, with the level.
     *
     * @return lines such as {@code SEVERE CORS filter 'cors' not started: ...}
     */
    List<String> lines() {
        return records.stream().map(record -> record.getLevel() + " " + formatted(record)).toList();
    }

    private static String formatted(LogRecord record) {
        String message = record.getMessage();
        Object[] parameters = record.getParameters();
        return parameters == null || parameters.length == 0 ? message
                : java.text.MessageFormat.format(message, parameters);
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
        logger.setLevel(previous);
    }
}
