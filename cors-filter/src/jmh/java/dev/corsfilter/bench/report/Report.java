package dev.corsfilter.bench.report;

import dev.corsfilter.bench.Scenario;
import dev.corsfilter.bench.impl.Impl;
import dev.corsfilter.bench.report.Measurements.Key;
import dev.corsfilter.bench.report.Measurements.Metric;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The suite's results as Markdown: for the fakes of each container, the times and allocations of every
 * implementation, then cors-filter against the targets of docs/performance.md. Times are medians over every
 * iteration of every round; ratios are taken between medians of one run. Targets are judged on CPU time,
 * which waiting for a core on a busy machine does not inflate; wall-clock ratios are given beside them.
 */
final class Report {

    /** cors-filter / the fastest servlet-filter peer, with an {@code Origin}; and without. */
    static final double PEER_LIMIT = 0.8;
    static final double NO_ORIGIN_PEER_LIMIT = 1.25;
    /** cors-filter / the floor, with an {@code Origin}; and without. */
    static final double FLOOR_LIMIT = 2.0;
    static final double NO_ORIGIN_FLOOR_LIMIT = 1.5;
    /** cors-filter / Jetty's core handler, with an {@code Origin}, on Jetty's costs. */
    static final double HANDLER_LIMIT = 1.0;
    static final double SCALE_LIMIT = 1.2;
    static final double HOSTILE_LIMIT = 5.0;
    /** Below this, a B/op figure is JMH's own bookkeeping spread over the operations. */
    private static final double NO_BYTES = 0.5;

    private static final List<Impl> COLUMNS = List.of(Impl.CORS_FILTER, Impl.FLOOR, Impl.EMPTY, Impl.TOMCAT,
            Impl.SPRING, Impl.JETTY_FILTER, Impl.JETTY_HANDLER);
    private static final List<String> CONTAINERS = List.of("JETTY", "TOMCAT");

    private final Measurements measured;
    private final List<String> failures = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();

    private Report(Measurements measured) {
        this.measured = measured;
    }

    /**
     * Renders a report.
     *
     * @param measured the results
     * @param settings how JMH ran, for the reader
     * @return the Markdown text
     */
    static String render(Measurements measured, String settings) {
        Report report = new Report(measured);
        report.line("Settings: " + settings + "; " + measured.rounds() + " round(s), pooled.").line();
        for (String container : CONTAINERS) {
            report.container(container);
        }
        report.line("**Targets not met:** " + (report.failures.isEmpty() ? "none" : String.join("; ", report.failures)));
        return report.out.toString();
    }

    /** The allocation cors-filter may add to what the floor allocates, or -1 where only a bound is asked for. */
    static int bytesLimit(Scenario scenario) {
        return switch (scenario.kind()) {
            case NON_CORS, DISALLOWED -> 48;
            case PREFLIGHT -> 160;
            case ACTUAL -> 128;
            case HOSTILE -> -1;
        };
    }

    private void container(String container) {
        String name = container.equals("JETTY") ? "Jetty" : "Tomcat";
        line("### On fakes that cost what " + name + " costs").line();
        for (Metric metric : List.of(Metric.CPU, Metric.WALL)) {
            line("#### " + (metric == Metric.CPU ? "CPU time" : "Wall-clock time") + " per request (median ns/op)")
                    .line();
            table(container, key -> time(measured.median(key, metric)));
        }
        line("#### Allocation per request (B/op, JMH `-prof gc`)").line();
        table(container, key -> bytes(measured.bytes(key)));
        targets(container);
        scale(container);
    }

    private void table(String container, Function<Key, String> cell) {
        StringBuilder header = new StringBuilder("| scenario |");
        for (Impl impl : COLUMNS) {
            header.append(' ').append(impl.label()).append(" |");
        }
        line(header.toString()).line("|---|" + "---|".repeat(COLUMNS.size()));
        for (Scenario scenario : Scenario.values()) {
            StringBuilder row = new StringBuilder("| " + scenario.description() + " |");
            for (Impl impl : COLUMNS) {
                row.append(' ').append(impl.supports(scenario)
                        ? cell.apply(Measurements.key(impl, scenario, container)) : "n/a").append(" |");
            }
            line(row.toString());
        }
        line();
    }

    private void targets(String container) {
        line("#### cors-filter against the targets (CPU, wall in brackets)").line();
        line("| scenario | cors-filter CPU ns/op (min–max) | vs floor | vs fastest servlet-filter peer | "
                + "vs Jetty CrossOriginHandler | B/op beyond the floor's (limit) | vs floor, per round | verdict |");
        line("|---|---|---|---|---|---|---|---|");
        for (Scenario scenario : Scenario.values()) {
            Key ours = Measurements.key(Impl.CORS_FILTER, scenario, container);
            Key floor = Measurements.key(Impl.FLOOR, scenario, container);
            if (measured.median(ours, Metric.CPU) == null) {
                continue;
            }
            boolean origin = scenario.origin() != null;
            List<String> missed = new ArrayList<>();
            String vsFloor = judged(ours, floor, origin ? FLOOR_LIMIT : NO_ORIGIN_FLOOR_LIMIT, "vs floor", missed);
            Impl peer = fastestServletPeer(scenario, container);
            String vsPeer = peer == null ? "n/a" : peer.label() + ": " + judged(ours,
                    Measurements.key(peer, scenario, container), origin ? PEER_LIMIT : NO_ORIGIN_PEER_LIMIT,
                    "vs " + peer.label(), missed);
            Key handler = Measurements.key(Impl.JETTY_HANDLER, scenario, container);
            String vsHandler = !origin || !container.equals("JETTY") ? ratios(ours, handler) + " (no target)"
                    : judged(ours, handler, HANDLER_LIMIT, "vs Jetty CrossOriginHandler", missed);
            String own = ownBytes(scenario, container, missed);
            double[] range = measured.range(ours, Metric.CPU);
            line("| " + scenario.description() + " | " + time(measured.median(ours, Metric.CPU)) + " ("
                    + time(range[0]) + "–" + time(range[1]) + ") | " + vsFloor + " | " + vsPeer + " | " + vsHandler
                    + " | " + own + " | " + perRound(ours, floor) + " | "
                    + (missed.isEmpty() ? "PASS" : "**FAIL** (" + String.join("; ", missed) + ")") + " |");
            missed.forEach(what -> failures.add(container + " " + scenario + ": " + what));
        }
        line();
    }

    private void scale(String container) {
        line("#### Scale and hostile input (cors-filter, CPU; wall in brackets)").line();
        line("| comparison | ratio | limit | verdict |").line("|---|---|---|---|");
        scaleRow(container, "1,000 exact origins / one origin", Scenario.ORIGINS_1K, Scenario.ACTUAL, SCALE_LIMIT);
        scaleRow(container, "10,000 exact origins / one origin", Scenario.ORIGINS_10K, Scenario.ACTUAL, SCALE_LIMIT);
        scaleRow(container, "1,000 subdomain patterns / one origin", Scenario.PATTERNS_1K, Scenario.ACTUAL,
                SCALE_LIMIT);
        scaleRow(container, "1,000 subdomain patterns / one pattern", Scenario.PATTERNS_1K, Scenario.SUBDOMAIN,
                SCALE_LIMIT);
        scaleRow(container, "8 KiB of commas / normal pre-flight", Scenario.HOSTILE_COMMAS, Scenario.PREFLIGHT,
                HOSTILE_LIMIT);
        scaleRow(container, "8 KiB of names / normal pre-flight", Scenario.HOSTILE_NAMES, Scenario.PREFLIGHT,
                HOSTILE_LIMIT);
        Double empty = measured.bytes(Measurements.key(Impl.EMPTY, Scenario.ACTUAL, container));
        line().line("Harness check: the empty filter allocates " + bytes(empty) + " B/op.").line();
        if (empty != null && empty > NO_BYTES) {
            failures.add(container + ": the fakes allocate by themselves");
        }
    }

    private void scaleRow(String container, String label, Scenario scenario, Scenario base, double limit) {
        Key key = Measurements.key(Impl.CORS_FILTER, scenario, container);
        Key baseKey = Measurements.key(Impl.CORS_FILTER, base, container);
        if (measured.median(key, Metric.CPU) == null || measured.median(baseKey, Metric.CPU) == null) {
            return;
        }
        List<String> missed = new ArrayList<>();
        String ratio = judged(key, baseKey, limit, label, missed);
        line("| " + label + " | " + ratio + " | ≤ " + number(limit) + "x | " + (missed.isEmpty() ? "PASS" : "**FAIL**")
                + " |");
        missed.forEach(what -> failures.add(container + ": " + what));
    }

    /** The ratio of two medians, CPU then wall; adds {@code what} to {@code missed} when CPU is over the limit. */
    private String judged(Key ours, Key other, double limit, String what, List<String> missed) {
        Double cpu = ratio(ours, other, Metric.CPU);
        if (cpu != null && cpu > limit) {
            missed.add(what + " " + number(cpu) + "x > " + number(limit) + "x");
        }
        return ratios(ours, other);
    }

    private String ratios(Key ours, Key other) {
        Double cpu = ratio(ours, other, Metric.CPU);
        Double wall = ratio(ours, other, Metric.WALL);
        return cpu == null ? "n/a" : number(cpu) + "x (" + (wall == null ? "n/a" : number(wall) + "x") + ")";
    }

    private Double ratio(Key ours, Key other, Metric metric) {
        Double a = measured.median(ours, metric);
        Double b = measured.median(other, metric);
        return a == null || b == null ? null : a / b;
    }

    /** The lowest and highest ratio of the rounds' medians, CPU time. */
    private String perRound(Key ours, Key other) {
        List<Double> a = measured.roundMedians(ours, Metric.CPU);
        List<Double> b = measured.roundMedians(other, Metric.CPU);
        if (a.isEmpty() || a.size() != b.size()) {
            return "n/a";
        }
        double low = Double.MAX_VALUE;
        double high = 0;
        for (int i = 0; i < a.size(); i++) {
            low = Math.min(low, a.get(i) / b.get(i));
            high = Math.max(high, a.get(i) / b.get(i));
        }
        return number(low) + "–" + number(high) + "x";
    }

    private Impl fastestServletPeer(Scenario scenario, String container) {
        Impl fastest = null;
        Double best = null;
        for (Impl impl : Impl.values()) {
            if (impl.peer() && impl.servletFilter() && impl.supports(scenario)) {
                Double time = measured.median(Measurements.key(impl, scenario, container), Metric.CPU);
                if (time != null && (best == null || time < best)) {
                    best = time;
                    fastest = impl;
                }
            }
        }
        return fastest;
    }

    private String ownBytes(Scenario scenario, String container, List<String> missed) {
        Double ours = measured.bytes(Measurements.key(Impl.CORS_FILTER, scenario, container));
        Double floor = measured.bytes(Measurements.key(Impl.FLOOR, scenario, container));
        if (ours == null || floor == null) {
            return "n/a";
        }
        double own = ours - floor;
        int limit = bytesLimit(scenario);
        if (limit < 0) {
            Double preflight = measured.bytes(Measurements.key(Impl.CORS_FILTER, Scenario.PREFLIGHT, container));
            if (preflight != null && ours > preflight + NO_BYTES) {
                missed.add("allocates more than a normal pre-flight");
            }
            return bytes(own) + " (bounded: at most a pre-flight's)";
        }
        if (own > limit + NO_BYTES) {
            missed.add(bytes(own) + " B > " + limit + " B");
        }
        return bytes(own) + " (" + limit + ")";
    }

    private static String time(Double nanos) {
        if (nanos == null) {
            return "n/a";
        }
        return nanos >= 100 ? String.format(Locale.ROOT, "%,.0f", nanos) : String.format(Locale.ROOT, "%.1f", nanos);
    }

    private static String bytes(Double value) {
        return value == null ? "n/a" : value < NO_BYTES ? "0" : String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private Report line(String text) {
        out.append(text).append('\n');
        return this;
    }

    private Report line() {
        return line("");
    }
}
