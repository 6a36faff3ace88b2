package dev.corsfilter.bench.report;

import dev.corsfilter.bench.ListenerCostBenchmark;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs {@link ListenerCostBenchmark} for several revisions side by side (bench/revisions.sh): in each round every
 * revision once, in an order that rotates from round to round, so that a drift of a shared machine's load
 * falls on all of them alike; then writes a table of CPU and wall time and bytes per request, with each
 * revision's CPU time as a ratio to the first one's, pooled and round by round.
 *
 * <p>Arguments: JMH's own command line. System properties: {@code bench.revisions} (comma-separated, the
 * baseline first), {@code bench.rounds} (default 3), {@code bench.out} (default {@code target/bench}).
 */
public final class RevisionComparison {

    private RevisionComparison() {
    }

    /** The iterations of one revision on one (scenario, container), by round. */
    private static final class Cell {
        final Map<Integer, List<Double>> cpu = new TreeMap<>();
        final List<Double> wall = new ArrayList<>();
        final List<Double> bytes = new ArrayList<>();
    }

    /**
     * Runs the rounds and writes {@code revisions.md}.
     *
     * @param args JMH's command line
     * @throws Exception when JMH fails, or a variant's sanity check does
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        List<String> revisions = Arrays.asList(System.getProperty("bench.revisions",
                ListenerCostBenchmark.HEAD + "," + ListenerCostBenchmark.HEAD_LISTENER).split(","));
        int rounds = Integer.getInteger("bench.rounds", 3);
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        Map<String, Map<String, Cell>> cells = new TreeMap<>();
        for (int round = 1; round <= rounds; round++) {
            List<String> order = new ArrayList<>(revisions);
            Collections.rotate(order, -(round - 1));
            for (String revision : order) {
                System.out.printf("== round %d of %d: %s%n", round, rounds, revision);
                OptionsBuilder options = new OptionsBuilder();
                options.parent(commandLine).include(ListenerCostBenchmark.class.getName() + ".request$")
                        .param("revision", revision);
                for (RunResult result : new Runner(options.build()).run()) {
                    String key = result.getParams().getParam("scenario") + " on "
                            + result.getParams().getParam("container") + "'s costs";
                    add(cells.computeIfAbsent(key, k -> new LinkedHashMap<>())
                            .computeIfAbsent(revision, r -> new Cell()), round, result);
                }
            }
        }
        String report = render(revisions, rounds, cells);
        Files.writeString(out.resolve("revisions.md"), report);
        System.out.println(report);
    }

    private static void add(Cell cell, int round, RunResult result) {
        for (BenchmarkResult fork : result.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                cell.wall.add(iteration.getPrimaryResult().getScore());
                for (Map.Entry<String, Result> secondary : iteration.getSecondaryResults().entrySet()) {
                    if (secondary.getKey().endsWith("cpu.time.norm")) {
                        cell.cpu.computeIfAbsent(round, r -> new ArrayList<>()).add(secondary.getValue().getScore());
                    } else if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                        cell.bytes.add(secondary.getValue().getScore());
                    }
                }
            }
        }
    }

    private static String render(List<String> revisions, int rounds, Map<String, Map<String, Cell>> cells) {
        String baseline = revisions.get(0);
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d round(s); medians over all iterations; CPU ratio to %s pooled, and per round"
                + " in brackets%n%n", rounds, baseline));
        out.append("| request | revision | CPU ns/op | wall ns/op | B/op | CPU / ").append(baseline).append(" |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (Map.Entry<String, Map<String, Cell>> row : cells.entrySet()) {
            Cell base = row.getValue().get(baseline);
            for (String revision : revisions) {
                Cell cell = row.getValue().get(revision);
                if (cell == null) {
                    continue;
                }
                double cpu = Measurements.median(all(cell.cpu));
                double bytes = cell.bytes.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                out.append(String.format("| %s | %s | %.1f | %.1f | %.0f | %s |%n", row.getKey(), revision, cpu,
                        Measurements.median(cell.wall), bytes, base == null ? "" : ratios(cell, base, cpu)));
            }
        }
        return out.toString();
    }

    private static String ratios(Cell cell, Cell base, double cpu) {
        StringBuilder perRound = new StringBuilder();
        for (Map.Entry<Integer, List<Double>> round : cell.cpu.entrySet()) {
            List<Double> baseRound = base.cpu.get(round.getKey());
            if (baseRound != null) {
                perRound.append(perRound.length() == 0 ? "" : ", ")
                        .append(String.format("%.2f",
                                Measurements.median(round.getValue()) / Measurements.median(baseRound)));
            }
        }
        return String.format("%.2fx (%s)", cpu / Measurements.median(all(base.cpu)), perRound);
    }

    private static List<Double> all(Map<Integer, List<Double>> byRound) {
        return byRound.values().stream().flatMap(List::stream).toList();
    }
}
