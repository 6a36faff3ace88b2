package dev.corsfilter;

import dev.corsfilter.internal.LogText;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The log line of a shadow disagreement, and the report that counts them: which origins a switch to the shadow
 * policy would change, how, and how often. The filter writes one line per disagreement at DEBUG (logger
 * {@code dev.corsfilter.shadow}); {@code Explain shadow-report FILE} reads any log file holding such lines,
 * whatever else the logging layout puts before them, as long as it names the logger ({@code dev.corsfilter.shadow},
 * or an abbreviation ending in {@code .shadow}): a line another logger wrote, which may quote what a client sent,
 * is not counted.
 */
final class ShadowReport {

    /** What starts every line, so that the report finds the lines in any log. */
    static final String MARKER = "CORS shadow disagreement:";

    /** The longest origin or path shown; a longer one, never a browser's origin, is cut and marked so. */
    private static final int MAX_VALUE = 300;
    /**
     * A line of the shadow logger: the logger's name, written before any quote on the line as layouts do, then
     * the marker and the fields.
     */
    private static final Pattern LINE = Pattern.compile("^[^\"]*?(?:^|[\\s\\[:(])(?:dev\\.corsfilter|dev\\.c|d\\.c|dc)\\.shadow\\b[^\"]*?"
            + Pattern.quote(MARKER)
            + " change=(\\w+) origin=(\"(?:[^\"\\\\]|\\\\.)*\"(?:\\.\\.\\. \\(\\d+ chars\\))?) method=(\\S+)"
            + " path=(\"(?:[^\"\\\\]|\\\\.)*\"(?:\\.\\.\\. \\(\\d+ chars\\))?) enforced=(\\w+) shadow=(\\w+)");

    /** One row of the report: an origin and what would change for it. */
    private record Key(String origin, String change, String enforced, String shadow) {
    }

    private final Map<Key, Long> counts = new LinkedHashMap<>();
    private final Map<Key, Map<String, Long>> paths = new LinkedHashMap<>();
    private long lines;

    /**
     * The log line for a disagreement. Every value from the request is quoted and escaped, so the line can
     * neither be forged nor split; the reason, last, is the candidate's, whose request values are escaped too.
     *
     * @param disagreement the disagreement
     * @return the line
     */
    static String line(ShadowDisagreement disagreement) {
        return MARKER + " change=" + disagreement.change() + " origin=" + LogText.quote(disagreement.origin(), MAX_VALUE)
                + " method=" + methodOf(disagreement.request()) + " path=" + LogText.quote(disagreement.path(), MAX_VALUE)
                + " enforced=" + disagreement.enforced().decision() + " shadow=" + disagreement.candidate().decision()
                + "; " + disagreement.candidate().reason();
    }

    /**
     * Counts the disagreement lines of a log.
     *
     * @param log the log, read to its end
     * @return the report
     * @throws IOException when the log cannot be read
     */
    static ShadowReport read(BufferedReader log) throws IOException {
        ShadowReport report = new ShadowReport();
        for (String line = log.readLine(); line != null; line = log.readLine()) {
            Matcher matcher = LINE.matcher(line);
            if (line.contains(MARKER) && matcher.find()) {
                Key key = new Key(matcher.group(2), matcher.group(1), matcher.group(5), matcher.group(6));
                report.counts.merge(key, 1L, Long::sum);
                report.paths.computeIfAbsent(key, ignored -> new TreeMap<>())
                        .merge(matcher.group(3) + " " + matcher.group(4), 1L, Long::sum);
                report.lines++;
            }
        }
        return report;
    }

    /**
     * Prints the rows, the changes that would break users first ({@code WOULD_REFUSE}), each group by count.
     *
     * @param out where to print
     */
    void print(PrintStream out) {
        if (lines == 0) {
            out.println("no shadow disagreements found (lines containing \"" + MARKER + "\"); is DEBUG on for the"
                    + " logger dev.corsfilter.shadow?");
            return;
        }
        out.println(lines + " requests would change with the shadow policy:");
        List<Map.Entry<Key, Long>> rows = new ArrayList<>(counts.entrySet());
        rows.sort(Comparator.<Map.Entry<Key, Long>>comparingInt(row -> rank(row.getKey().change()))
                .thenComparing(Map.Entry.<Key, Long>comparingByValue().reversed())
                .thenComparing(row -> row.getKey().origin()));
        for (Map.Entry<Key, Long> row : rows) {
            Key key = row.getKey();
            out.printf("%8d  %-20s %s  (now %s, shadow %s)%n", row.getValue(), key.change(), key.origin(),
                    key.enforced(), key.shadow());
            paths.get(key).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                    .forEach(path -> out.printf("%8s  %8d  %s%n", "", path.getValue(), path.getKey()));
        }
    }

    /** Breaking changes first, then changed headers, then origins that would be let in. */
    private static int rank(String change) {
        return switch (change) {
            case "WOULD_REFUSE" -> 0;
            case "WOULD_CHANGE_HEADERS" -> 1;
            default -> 2;
        };
    }

    /** The method the browser wants to use: the requested one of a pre-flight. */
    private static String methodOf(CorsRequest request) {
        String method = request.isPreflight() ? request.requestMethod() : request.method();
        return LogText.quote(method).replace(' ', '_');
    }
}
