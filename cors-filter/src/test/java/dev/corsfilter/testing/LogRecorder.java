package dev.corsfilter.testing;

import org.eclipse.jetty.logging.JettyLevel;
import org.eclipse.jetty.logging.JettyLogger;
import org.eclipse.jetty.logging.StdErrAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records what the library logs, on any thread, through the test class path's SLF4J provider
 * (jetty-slf4j-impl), so that tests check the lines the code really writes: level, message and stack trace.
 * Open it with {@link #start(String...)} in a try-with-resources block; closing it restores the output.
 */
public final class LogRecorder implements AutoCloseable {

    /** jetty-slf4j-impl's line: {@code time:LEVEL:logger:thread: message}; a stack trace follows on more lines. */
    private static final Pattern LINE = Pattern.compile("^\\S+ \\S+:(\\w+)\\s*:([^:]+):([^:]*): (.*)$");
    /** The library's loggers, by full or condensed name ({@code dc.CorsFilter}, {@code dci.DynamicOrigins}). */
    private static final Pattern OURS = Pattern.compile("dev\\.corsfilter\\.|dci?\\.");
    /** One recording at a time: the appender's stream is shared by every logger. */
    private static final ReentrantLock RECORDING = new ReentrantLock();

    /**
     * One logged line.
     *
     * @param level e.g. {@code WARN}
     * @param message the message as the code formatted it
     * @param trace the lines of the stack trace printed with it, empty for none
     */
    public record Entry(String level, String message, List<String> trace) {

        /**
         * Whether a stack trace was printed with the message.
         *
         * @return true when there are trace lines
         */
        public boolean hasStackTrace() {
            return !trace.isEmpty();
        }
    }

    private final StdErrAppender appender;
    private final PrintStream original;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final List<JettyLogger> debugLoggers;
    private final List<JettyLevel> debugLevels;

    private LogRecorder(List<String> debugLoggerNames) {
        JettyLogger root = (JettyLogger) LoggerFactory.getLogger("dev.corsfilter");
        appender = (StdErrAppender) root.getAppender();
        original = appender.getStream();
        debugLoggers = debugLoggerNames.stream().map(name -> (JettyLogger) LoggerFactory.getLogger(name)).toList();
        debugLevels = debugLoggers.stream().map(JettyLogger::getLevel).toList();
        appender.setStream(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        debugLoggers.forEach(logger -> logger.setLevel(JettyLevel.DEBUG));
    }

    /**
     * Starts recording.
     *
     * @param debugLoggers loggers to set to DEBUG while recording (others log at INFO and above)
     * @return the recorder; close it to stop
     */
    public static LogRecorder start(String... debugLoggers) {
        RECORDING.lock();
        try {
            return new LogRecorder(List.of(debugLoggers));
        } catch (RuntimeException e) {
            RECORDING.unlock();
            throw e;
        }
    }

    /**
     * The lines of the library's loggers ({@code dev.corsfilter…}) recorded so far, in order.
     *
     * @return the entries
     */
    public List<Entry> entries() {
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<Entry> entries = new ArrayList<>();
        List<String> trace = null;
        for (String line : text.lines().toList()) {
            Matcher matcher = LINE.matcher(line);
            if (matcher.matches()) {
                boolean ours = OURS.matcher(matcher.group(2)).lookingAt();
                trace = ours ? new ArrayList<>() : null;
                if (ours) {
                    entries.add(new Entry(matcher.group(1), matcher.group(4), trace));
                }
            } else if (trace != null) {
                trace.add(line);
            }
        }
        return entries.stream().map(entry -> new Entry(entry.level(), entry.message(), List.copyOf(entry.trace())))
                .toList();
    }

    /**
     * The recorded entries of one level.
     *
     * @param level e.g. {@code WARN}
     * @return those entries, in order
     */
    public List<Entry> entries(String level) {
        return entries().stream().filter(entry -> entry.level().equals(level)).toList();
    }

    @Override
    public void close() {
        try {
            appender.setStream(original);
            for (int i = 0; i < debugLoggers.size(); i++) {
                debugLoggers.get(i).setLevel(debugLevels.get(i));
            }
        } finally {
            RECORDING.unlock();
        }
    }
}
