package dev.corsfilter.bench;

import dev.corsfilter.bench.impl.Impl;
import dev.corsfilter.bench.impl.ServletTarget;
import dev.corsfilter.testing.ContainerCosts;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * The sanity check: runs every implementation on every scenario it supports, on the fakes of each container,
 * a few times on the same reused fakes, and fails (exit status 1) unless each wrote what {@link Expectations}
 * demands. bench/run.sh runs it before JMH, and every benchmark trial repeats its own check in {@code @Setup},
 * so a misconfigured peer is never measured.
 *
 * <p>It also checks the harness itself: the empty filter must allocate nothing per operation (the fakes' own
 * bookkeeping is free, only the accessors a filter calls cost what the container's cost), and cors-filter's
 * allocation per operation is printed as a cross-check of JMH's {@code -prof gc}.
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
     * @param costs the container whose costs the fakes reproduce
     * @param target the target
     * @throws Exception when the target throws
     * @throws IllegalStateException when it answered wrongly
     */
    public static void checkOrFail(Impl impl, Scenario scenario, ContainerCosts costs, Target target) throws Exception {
        for (int i = 0; i < REPEATS; i++) {
            target.invoke();
            Observed observed = target.observe();
            List<String> problems = Expectations.check(impl, scenario, observed);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("sanity check failed: " + impl.label() + " on " + scenario + " ("
                        + costs + ", run " + (i + 1) + "): " + problems + "; got " + observed.headers().stream()
                        .map(line -> line[0] + ": " + abbreviate(line[1])).toList()
                        + ", status " + observed.status() + ", application ran " + observed.chainCalls() + "x");
            }
        }
    }

    /**
     * Runs the check and prints the matrix of answers and the allocation cross-check.
     *
     * @param args none
     * @throws Exception when something cannot even be configured
     */
    public static void main(String[] args) throws Exception {
        List<String> failures = new ArrayList<>();
        for (ContainerCosts costs : ContainerCosts.values()) {
            System.out.print(matrix(costs, failures));
            long emptyBytes = bytesPerOperation(Impl.EMPTY.create(Scenario.ACTUAL, costs));
            System.out.printf("%nharness allocation (empty filter, ACTUAL, %s fakes): %d B/op%n", costs, emptyBytes);
            if (emptyBytes > 0 && !ServletTarget.FRESH_VALUES) {
                failures.add("the " + costs + " fakes allocate " + emptyBytes + " B per operation by themselves");
            }
            for (Scenario scenario : Scenario.values()) {
                System.out.printf("cors-filter allocation, %-14s %s fakes: %d B/op%n", scenario, costs,
                        bytesPerOperation(Impl.CORS_FILTER.create(scenario, costs)));
            }
            System.out.println();
        }
        if (!failures.isEmpty()) {
            failures.forEach(failure -> System.out.println("FAILED: " + failure));
            System.exit(1);
        }
        System.out.println("sanity check passed");
    }

    private static String matrix(ContainerCosts costs, List<String> failures) {
        StringBuilder matrix = new StringBuilder(String.format("%s fakes%n%-16s", costs, "scenario"));
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
                        Target target = impl.create(scenario, costs);
                        checkOrFail(impl, scenario, costs, target);
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
        return matrix.toString();
    }

    /** Allocated bytes per operation after warming up, rounded down; a cross-check of JMH's -prof gc. */
    private static long bytesPerOperation(Target target) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        int ops = 200_000;
        for (int i = 0; i < ops; i++) {
            target.invoke();
        }
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
