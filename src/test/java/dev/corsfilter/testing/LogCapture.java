package dev.corsfilter.testing;

import org.eclipse.jetty.logging.JettyLevel;
import org.eclipse.jetty.logging.JettyLogger;
import org.eclipse.jetty.logging.StdErrAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Captures what the library logs, through the test class path's SLF4J provider (jetty-slf4j-impl), so that
 * tests can check what the library warns about, and the log lines quoted in the documentation are the
 * ones the code writes.
 */
public final class LogCapture {

    /** jetty-slf4j-impl's line: {@code time:LEVEL:logger:thread: message}. */
    private static final Pattern LINE = Pattern.compile("^\\S+ \\S+:(\\w+)\\s*:([^:]+):([^:]*): (.*)$");

    /**
     * One captured line.
     *
     * @param level e.g. {@code DEBUG}
     * @param message the message as the code formatted it
     */
    public record Line(String level, String message) {
    }

    private LogCapture() {
    }

    /**
     * Runs {@code action} with the {@code dev.corsfilter} loggers at debug level and returns their lines.
     *
     * @param action what to do
     * @return the captured lines of {@code dev.corsfilter} loggers, in order
     * @throws Exception whatever the action throws
     */
    public static List<Line> capture(Callable<?> action) throws Exception {
        JettyLogger logger = (JettyLogger) LoggerFactory.getLogger("dev.corsfilter");
        List<JettyLogger> loggers = List.of(logger, (JettyLogger) LoggerFactory.getLogger("dev.corsfilter.CorsFilter"),
                (JettyLogger) LoggerFactory.getLogger("dev.corsfilter.CorsPolicy"));
        List<JettyLevel> levels = loggers.stream().map(JettyLogger::getLevel).toList();
        StdErrAppender appender = (StdErrAppender) logger.getAppender();
        PrintStream original = appender.getStream();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        synchronized (LogCapture.class) {
            appender.setStream(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            loggers.forEach(each -> each.setLevel(JettyLevel.DEBUG));
            try {
                action.call();
            } finally {
                appender.setStream(original);
                for (int i = 0; i < loggers.size(); i++) {
                    loggers.get(i).setLevel(levels.get(i));
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8).lines()
                .map(LINE::matcher)
                .filter(Matcher::matches)
                .filter(line -> line.group(2).startsWith("dc.") || line.group(2).startsWith("dev.corsfilter"))
                .map(line -> new Line(line.group(1), line.group(4)))
                .toList();
    }
}
