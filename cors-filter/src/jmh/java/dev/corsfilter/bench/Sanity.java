package dev.corsfilter.bench;

import dev.corsfilter.bench.impl.Impl;
import dev.corsfilter.bench.impl.ServletTarget;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The sanity check: runs every implementation on every scenario it supports, a few times on the same
 * reused fakes, and fails (exit status 1) unless each wrote what {@link Expectations} demands. bench/run.sh
 * runs it before JMH, and every benchmark trial repeats its own check in {@code @Setup}, so a misconfigured
 * peer is never measured.
 *
 * <p>It also checks the harness itself: the empty filter must allocate nothing per operation (proving that
 * the fakes allocate nothing, so JMH's B/op is the code under test alone), and cors-filter's allocation per
 * operation is printed as a quick cross-check of JMH's {@code -prof gc}.
 */
public final class Sanity {

    private static final int REPEATS = 3;

    private Sanity() {
    }

    /**
     * Invokes a target {@value #REPEATS} times and checks each result.
     *
     * @param impl the implementation
     * @param scenario the scenario
     * @param target the target
     * @throws Exception when the target throws
     * @throws IllegalStateException when it answered wrongly
     */
    public static void checkOrFail(Impl impl, Scenario scenario, Target target) throws Exception {
        for (int i = 0; i < REPEATS; i++) {
            target.invoke();
            List<String> problems = Expectations.check(impl, scenario, target.observe());
            if (!problems.isEmpty()) {
                throw new IllegalStateException("sanity check failed: " + impl.label() + " on " + scenario + " (run "
                        + (i + 1) + "): " + problems + "; got " + target.observe().headers().stream()
                        .map(line -> line[0] + ": " + abbreviate(line[1])).toList()
                        + ", status " + target.observe().status() + ", application ran "
                        + target.observe().chainCalls() + "x");
            }
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> failures = new ArrayList<>();
        StringBuilder matrix = new StringBuilder();
        matrix.append(String.format("%-16s", "scenario"));
        for (Impl impl : Impl.values()) {
            matrix.append(String.format(" | %-28s", impl.label()));
        }
        matrix.append('\n');
        for (Scenario scenario : Scenario.values()) {
            matrix.append(String.format("%-16s", scenario));
            for (Impl impl : Impl.values()) {
                String cell;
                if (!impl.supports(scenario)) {
                    cell = "n/a (no patterns)";
                } else {
                    try {
                        Target target = impl.create(scenario);
                        checkOrFail(impl, scenario, target);
                        cell = "ok " + target.observe().describe();
                        if (impl == Impl.CORS_FILTER && scenario.kind() == Scenario.Kind.ACTUAL) {
                            Object seen = ((ServletTarget) target).responseSeenByApplication();
                            cell += " (" + seen.getClass().getSimpleName() + ")";
                        }
                    } catch (Exception | AssertionError e) {
                        failures.add(e.getMessage());
                        cell = "FAILED";
                    }
                }
                matrix.append(String.format(" | %-28s", abbreviate(cell)));
            }
            matrix.append('\n');
        }
        System.out.print(matrix);

        long emptyBytes = bytesPerOperation(Impl.EMPTY.create(Scenario.ACTUAL));
        System.out.printf("%nharness allocation (empty filter, ACTUAL): %d B/op%n", emptyBytes);
        if (emptyBytes > 0 && !dev.corsfilter.bench.fakes.FakeHttpServletRequest.FRESH_VALUES) {
            failures.add("the fakes allocate " + emptyBytes + " B per operation; B/op would not be the filter's own");
        }
        for (Scenario scenario : Scenario.values()) {
            System.out.printf("cors-filter allocation, %-14s: %d B/op%n", scenario,
                    bytesPerOperation(Impl.CORS_FILTER.create(scenario)));
        }

        if (!failures.isEmpty()) {
            System.out.println();
            failures.forEach(failure -> System.out.println("FAILED: " + failure));
            System.exit(1);
        }
        System.out.println("\nsanity check passed");
    }

    /** Allocated bytes per operation after warming up, rounded down; a rough cross-check of JMH's -prof gc. */
    private static long bytesPerOperation(Target target) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 200_000; i++) {
            target.invoke();
        }
        int ops = 200_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < ops; i++) {
            target.invoke();
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        return (after - before) / ops;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
