package dev.corsfilter.bench;

import dev.corsfilter.bench.impl.Impl;
import dev.corsfilter.testing.ContainerCosts;

/**
 * Runs one implementation on one scenario in a loop for a while, for a profiler to watch (bench/profile.sh
 * records it with Java Flight Recorder). Arguments: implementation, scenario, seconds, and optionally the
 * container whose costs the fakes reproduce ({@code JETTY}, the default, or {@code TOMCAT}).
 */
public final class ProfileLoop {

    private ProfileLoop() {
    }

    /**
     * Runs the loop.
     *
     * @param args implementation, scenario, seconds[, container]
     * @throws Exception what the implementation throws
     */
    public static void main(String[] args) throws Exception {
        Impl impl = Impl.valueOf(args[0]);
        Scenario scenario = Scenario.valueOf(args[1]);
        long seconds = Long.parseLong(args[2]);
        ContainerCosts costs = ContainerCosts.valueOf(args.length > 3 ? args[3] : "JETTY");
        Target target = impl.create(scenario, costs);
        Sanity.checkOrFail(impl, scenario, costs, target);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long ops = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                sink += target.invoke();
            }
            ops += 10_000;
        }
        System.out.printf("%s %s: %,d operations in %d s (%d)%n", impl, scenario, ops, seconds, sink & 1);
    }
}
