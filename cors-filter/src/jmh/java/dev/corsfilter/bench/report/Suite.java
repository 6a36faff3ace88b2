package dev.corsfilter.bench.report;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Runs the JMH suite (bench/run.sh): the benchmarks named by the command line, as many rounds as asked, each
 * round every benchmark once, so that slow drifts of a shared machine's load fall on every implementation
 * alike; then writes the report of all rounds pooled, and each round's raw results as JMH JSON.
 *
 * <p>Arguments: JMH's own command line. System properties: {@code bench.rounds} (default 1),
 * {@code bench.out} (the directory for {@code report.md} and {@code jmh-N.json}, default {@code target/bench}).
 */
public final class Suite {

    private Suite() {
    }

    /**
     * Runs the rounds and writes the report.
     *
     * @param args JMH's command line
     * @throws Exception when JMH fails, or a benchmark's sanity check does
     */
    public static void main(String[] args) throws Exception {
        CommandLineOptions commandLine = new CommandLineOptions(args);
        int rounds = Integer.getInteger("bench.rounds", 1);
        Path out = Path.of(System.getProperty("bench.out", "target/bench"));
        Files.createDirectories(out);
        Measurements measured = new Measurements();
        for (int round = 1; round <= rounds; round++) {
            System.out.printf("== JMH round %d of %d%n", round, rounds);
            Options options = new OptionsBuilder().parent(commandLine)
                    .resultFormat(ResultFormatType.JSON)
                    .result(out.resolve("jmh-" + round + ".json").toString())
                    .build();
            Collection<RunResult> results = new Runner(options).run();
            measured.add(round, results);
        }
        String report = Report.render(measured, settings(commandLine));
        Files.writeString(out.resolve("report.md"), report);
        System.out.println(report);
        System.out.println("Report: " + out.resolve("report.md"));
    }

    private static String settings(Options options) {
        return String.format("%s fork(s), %s warm-up iteration(s) of %s, %s measured iteration(s) of %s",
                options.getForkCount().orElse(1), options.getWarmupIterations().orElse(3),
                options.getWarmupTime().orElse(null), options.getMeasurementIterations().orElse(5),
                options.getMeasurementTime().orElse(null));
    }
}
