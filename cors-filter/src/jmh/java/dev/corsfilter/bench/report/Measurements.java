package dev.corsfilter.bench.report;

import dev.corsfilter.bench.Scenario;
import dev.corsfilter.bench.impl.Impl;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The iterations of every benchmark of a suite run, by implementation, scenario and container, and by round, so
 * that a report can give medians over all rounds and say how much the rounds differed.
 */
final class Measurements {

    /** A time per operation. */
    enum Metric {
        /** JMH's score: wall-clock ns per operation, which includes waiting for a core. */
        WALL,
        /** {@code cpu.time.norm}: the benchmark JVM's CPU time per operation, which does not. */
        CPU
    }

    /**
     * What was measured: an implementation on a scenario, on one container's fakes.
     *
     * @param impl the implementation
     * @param scenario the scenario
     * @param container {@code JETTY} or {@code TOMCAT}; null for the core handler, which runs on Jetty's classes
     */
    record Key(Impl impl, Scenario scenario, String container) {
    }

    private static final class Samples {
        final Map<Metric, List<Double>> all = new HashMap<>();
        final Map<Metric, Map<Integer, List<Double>>> byRound = new HashMap<>();
        final List<Double> bytes = new ArrayList<>();

        void add(int round, Metric metric, double value) {
            all.computeIfAbsent(metric, m -> new ArrayList<>()).add(value);
            byRound.computeIfAbsent(metric, m -> new TreeMap<>()).computeIfAbsent(round, r -> new ArrayList<>())
                    .add(value);
        }
    }

    private final Map<Key, Samples> samples = new HashMap<>();
    private int rounds;

    /**
     * Adds the results of one round.
     *
     * @param round the round, from 1
     * @param results JMH's results
     */
    void add(int round, Iterable<RunResult> results) {
        rounds = Math.max(rounds, round);
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String type = benchmark.substring(0, benchmark.lastIndexOf('.'));
            Key key = new Key(Impl.measuredBy(type.substring(type.lastIndexOf('.') + 1)),
                    Scenario.valueOf(result.getParams().getParam("scenario")),
                    result.getParams().getParam("container"));
            Samples cell = samples.computeIfAbsent(key, k -> new Samples());
            for (BenchmarkResult fork : result.getBenchmarkResults()) {
                for (IterationResult iteration : fork.getIterationResults()) {
                    cell.add(round, Metric.WALL, iteration.getPrimaryResult().getScore());
                    for (Map.Entry<String, Result> secondary : iteration.getSecondaryResults().entrySet()) {
                        if (secondary.getKey().endsWith("cpu.time.norm")) {
                            cell.add(round, Metric.CPU, secondary.getValue().getScore());
                        } else if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                            cell.bytes.add(secondary.getValue().getScore());
                        }
                    }
                }
            }
        }
    }

    /**
     * How many rounds were added.
     *
     * @return the count
     */
    int rounds() {
        return rounds;
    }

    /**
     * The key of an implementation on a container's fakes; the core handler has one key for both.
     *
     * @param impl the implementation
     * @param scenario the scenario
     * @param container the container
     * @return the key
     */
    static Key key(Impl impl, Scenario scenario, String container) {
        return new Key(impl, scenario, impl.servletFilter() ? container : null);
    }

    /**
     * The median over every iteration of every round.
     *
     * @param key what was measured
     * @param metric which time
     * @return the median in ns/op, or null when not measured
     */
    Double median(Key key, Metric metric) {
        Samples cell = samples.get(key);
        return cell == null || !cell.all.containsKey(metric) ? null : median(cell.all.get(metric));
    }

    /**
     * The medians of each round, in round order.
     *
     * @param key what was measured
     * @param metric which time
     * @return one median per round that measured it
     */
    List<Double> roundMedians(Key key, Metric metric) {
        Samples cell = samples.get(key);
        if (cell == null || !cell.byRound.containsKey(metric)) {
            return List.of();
        }
        return cell.byRound.get(metric).values().stream().map(Measurements::median).toList();
    }

    /**
     * The smallest and largest iteration.
     *
     * @param key what was measured
     * @param metric which time
     * @return {min, max}, or null when not measured
     */
    double[] range(Key key, Metric metric) {
        Samples cell = samples.get(key);
        if (cell == null || !cell.all.containsKey(metric)) {
            return null;
        }
        List<Double> values = cell.all.get(metric);
        return new double[] {Collections.min(values), Collections.max(values)};
    }

    /**
     * The allocation per operation, averaged over iterations.
     *
     * @param key what was measured
     * @return bytes per operation, or null when not measured
     */
    Double bytes(Key key) {
        Samples cell = samples.get(key);
        return cell == null || cell.bytes.isEmpty() ? null
                : cell.bytes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
