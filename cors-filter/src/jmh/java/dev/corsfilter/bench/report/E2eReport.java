package dev.corsfilter.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The end-to-end report (bench/e2e.sh): from one line per run ({@code round label requests req/s p50 p99
 * cpu-ns allocated-bytes}), the server's CPU time and allocation per request for each server, and
 * cors-filter's against the constant-headers filter's, round by round. Rounds are short and alternate the
 * servers, so a change in the machine's load falls on neighbouring runs of every server; each round's ratio
 * compares runs seconds apart, and the spread of those ratios says how far one run can be trusted.
 *
 * <p>Arguments: the runs file, the report file, and a line describing the settings.
 */
public final class E2eReport {

    /** cors-filter's CPU per request over the constant-headers filter's, unless the spread is larger. */
    static final double TARGET = 1.02;

    private record Run(int round, String label, long requests, double perSecond, String p50, String p99,
                       long cpuNanos, long allocatedBytes) {

        double cpuMicrosPerRequest() {
            return cpuNanos / 1000.0 / requests;
        }

        double bytesPerRequest() {
            return (double) allocatedBytes / requests;
        }
    }

    private E2eReport() {
    }

    /**
     * Writes the report.
     *
     * @param args runs file, report file, settings
     * @throws IOException when a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        Map<String, Map<Integer, Run>> runs = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            String[] f = line.split("\t");
            Run run = new Run(Integer.parseInt(f[0]), f[1], Long.parseLong(f[2]), Double.parseDouble(f[3]), f[4],
                    f[5], Long.parseLong(f[6]), Long.parseLong(f[7]));
            runs.computeIfAbsent(run.label(), label -> new TreeMap<>()).put(run.round(), run);
        }
        StringBuilder out = new StringBuilder();
        out.append("Settings: ").append(args[2]).append("\n\n");
        out.append("| server | CPU µs per request, median (quartiles) | allocated B per request, median | "
                + "requests/s, median | p50 / p99 latency, median run |\n|---|---|---|---|---|\n");
        for (Map.Entry<String, Map<Integer, Run>> server : runs.entrySet()) {
            List<Run> list = new ArrayList<>(server.getValue().values());
            List<Double> cpu = list.stream().map(Run::cpuMicrosPerRequest).toList();
            Run typical = list.get(list.size() / 2);
            out.append(String.format(Locale.ROOT, "| %s | %.2f (%.2f–%.2f) | %,.0f | %,.0f | %s / %s |%n",
                    server.getKey(), quantile(cpu, 0.5), quantile(cpu, 0.25), quantile(cpu, 0.75),
                    quantile(list.stream().map(Run::bytesPerRequest).toList(), 0.5),
                    quantile(list.stream().map(Run::perSecond).toList(), 0.5), typical.p50(), typical.p99()));
        }
        out.append("\nRatios of CPU time per request, round by round (each round runs every server once):\n\n");
        out.append("| ratio | median | quartiles | min–max | 95% interval of the median | rounds |\n"
                + "|---|---|---|---|---|---|\n");
        String verdict = "";
        for (String[] pair : List.of(new String[] {"cors", "constant"}, new String[] {"cors", "none"},
                new String[] {"constant", "none"}, new String[] {"empty", "none"})) {
            List<Double> ratios = ratios(runs.get(pair[0]), runs.get(pair[1]));
            if (ratios.isEmpty()) {
                continue;
            }
            double median = quantile(ratios, 0.5);
            double[] interval = bootstrapMedian(ratios);
            out.append(String.format(Locale.ROOT, "| %s / %s | %.3f | %.3f–%.3f | %.3f–%.3f | %.3f–%.3f | %d |%n",
                    pair[0], pair[1], median, quantile(ratios, 0.25), quantile(ratios, 0.75),
                    Collections.min(ratios), Collections.max(ratios), interval[0], interval[1], ratios.size()));
            if (pair[1].equals("constant")) {
                verdict = verdict(median, (quantile(ratios, 0.75) - quantile(ratios, 0.25)) / 2, ratios.size());
            }
        }
        out.append(verdict);
        Files.writeString(Path.of(args[1]), out.toString());
        System.out.print(out);
    }

    /**
     * The target's verdict: within 2% of the constant-headers filter, or, when the rounds themselves differ by
     * more than that, within their spread (half the interquartile range of the rounds' ratios), said as such.
     */
    private static String verdict(double median, double spread, int rounds) {
        String measured = String.format(Locale.ROOT, "%ncors-filter's CPU time per request is %.1f%% of the "
                + "constant-headers filter's (median of %d rounds); the rounds' ratios spread ±%.1f%% (half the "
                + "interquartile range). ", 100 * median, rounds, 100 * spread);
        if (median <= TARGET) {
            return measured + "Target, within 2%: **PASS**.\n";
        }
        if (spread > TARGET - 1 && median - 1 <= spread) {
            return measured + "Target: not within 2%, but within the rounds' spread, which is larger: **PASS by "
                    + "the spread rule** (see the interval of the median above).\n";
        }
        return measured + "Target, within 2% or the spread if larger: **FAIL**.\n";
    }

    /** Each round's ratio of CPU time per request, for the rounds that ran both servers. */
    private static List<Double> ratios(Map<Integer, Run> a, Map<Integer, Run> b) {
        List<Double> ratios = new ArrayList<>();
        if (a == null || b == null) {
            return ratios;
        }
        for (Map.Entry<Integer, Run> run : a.entrySet()) {
            Run other = b.get(run.getKey());
            if (other != null) {
                ratios.add(run.getValue().cpuMicrosPerRequest() / other.cpuMicrosPerRequest());
            }
        }
        return ratios;
    }

    /** A 95% bootstrap interval of the median (10,000 resamples, fixed seed, so a report can be re-made). */
    private static double[] bootstrapMedian(List<Double> values) {
        Random random = new Random(13);
        List<Double> medians = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            List<Double> sample = new ArrayList<>(values.size());
            for (int j = 0; j < values.size(); j++) {
                sample.add(values.get(random.nextInt(values.size())));
            }
            medians.add(quantile(sample, 0.5));
        }
        return new double[] {quantile(medians, 0.025), quantile(medians, 0.975)};
    }

    /** A quantile by linear interpolation between the sorted values. */
    static double quantile(List<Double> values, double q) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double position = q * (sorted.size() - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted.get(low) + (sorted.get(high) - sorted.get(low)) * (position - low);
    }
}
