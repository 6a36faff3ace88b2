package dev.corsfilter.bench.report;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The hottest frames of a Java Flight Recorder file's method samples (bench/profile.sh): self time by method
 * and line, and inclusive time by method. Arguments: the {@code .jfr} file, and how many rows (default 25).
 */
public final class HotMethods {

    private HotMethods() {
    }

    /**
     * Prints the tables.
     *
     * @param args the file[, rows]
     * @throws IOException when the file cannot be read
     */
    public static void main(String[] args) throws IOException {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 25;
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> inclusive = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            RecordedStackTrace stack = event.getStackTrace();
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || stack == null
                    || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            RecordedFrame top = stack.getFrames().get(0);
            self.merge(method(top) + ":" + top.getLineNumber(), 1, Integer::sum);
            Set<String> methods = new HashSet<>();
            stack.getFrames().forEach(frame -> methods.add(method(frame)));
            methods.forEach(method -> inclusive.merge(method, 1, Integer::sum));
        }
        System.out.println(samples + " samples");
        print("self (method:line)", self, samples, rows);
        print("inclusive (method)", inclusive, samples, rows);
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(String title, Map<String, Integer> counts, int samples, int rows) {
        System.out.println(title);
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(rows)
                .forEach(entry -> System.out.printf("  %5.1f%%  %s%n", 100.0 * entry.getValue() / samples,
                        entry.getKey()));
    }
}
