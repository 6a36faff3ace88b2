#!/usr/bin/env python3
"""Turns JMH JSON results of the cors-filter suite into Markdown tables and target verdicts.

Usage: report.py OUT.md JMH.json [JMH.json ...]

Several JSON files (rounds of the same suite) are merged: a benchmark's iterations from all rounds are
pooled and the median taken. Two times are reported per request:
  - wall: JMH's score, the median over measurement iterations of ns/op (wall clock);
  - cpu:  the median over iterations of cpu.time.norm (CpuTimeProfiler: process CPU ns/op), which does not
          count time the benchmark thread spent waiting for a core on an overloaded machine.
B/op is JMH's gc.alloc.rate.norm (-prof gc), averaged over rounds. Ratios are computed from medians, and
every target is judged on both times.
"""
import json
import statistics
import sys

IMPLS = [  # (JMH class, label, is peer)
    ("CorsFilterBench", "cors-filter", False),
    ("FloorBench", "floor", False),
    ("EmptyBench", "empty", False),
    ("TomcatBench", "Tomcat CorsFilter", True),
    ("SpringBench", "Spring CorsFilter", True),
    ("JettyFilterBench", "Jetty CrossOriginFilter", True),
    ("JettyHandlerBench", "Jetty CrossOriginHandler", True),
]
SCENARIOS = [  # (name, description, has Origin)
    ("NON_CORS", "no Origin (same-origin GET)", False),
    ("ACTUAL", "allowed actual GET", True),
    ("PREFLIGHT", "allowed pre-flight (PUT, 2 headers)", True),
    ("DISALLOWED", "disallowed origin", True),
    ("SUBDOMAIN", "subdomain pattern `https://*.example.com`", True),
    ("ORIGINS_1K", "1,000 exact origins", True),
    ("ORIGINS_10K", "10,000 exact origins", True),
    ("PATTERNS_1K", "1,000 subdomain patterns", True),
    ("HOSTILE_COMMAS", "pre-flight, ACRH = 8 KiB of commas", True),
    ("HOSTILE_NAMES", "pre-flight, ACRH = 8 KiB of names", True),
]
ALLOWED_ACTUAL = {"ACTUAL", "SUBDOMAIN", "ORIGINS_1K", "ORIGINS_10K", "PATTERNS_1K"}
METRICS = [("wall", "wall-clock"), ("cpu", "CPU time")]

SPEEDUP_VS_PEERS = 4.0
MAX_VS_FLOOR = 2.0
MAX_WRAPPER_BYTES = 32
SCALE_LIMIT = 1.2
HOSTILE_LIMIT = 5.0
ZERO_BYTES = 0.5  # JMH shows a few hundredths of a byte of its own bookkeeping spread over the operations


def load(paths):
    iterations = {"wall": {}, "cpu": {}}
    alloc = {}
    for path in paths:
        with open(path) as f:
            for result in json.load(f):
                key = (result["benchmark"].split(".")[-2], result["params"]["scenario"])
                for fork in result["primaryMetric"]["rawData"]:
                    iterations["wall"].setdefault(key, []).extend(fork)
                for name, metric in result.get("secondaryMetrics", {}).items():
                    if name.endswith("cpu.time.norm"):
                        for fork in metric.get("rawData", []):
                            iterations["cpu"].setdefault(key, []).extend(fork)
                    elif name.endswith("gc.alloc.rate.norm"):
                        alloc.setdefault(key, []).append(metric["score"])
    medians = {m: {k: statistics.median(v) for k, v in d.items()} for m, d in iterations.items()}
    spread = {m: {k: (min(v), max(v), len(v)) for k, v in d.items()} for m, d in iterations.items()}
    return medians, spread, {k: statistics.mean(v) for k, v in alloc.items()}


def ns(x):
    if x is None:
        return "n/a"
    return f"{x:,.0f}" if x >= 100 else f"{x:,.1f}"


def bytes_text(x):
    if x is None:
        return "n/a"
    return "0" if x < ZERO_BYTES else f"{x:,.0f}"


def verdict(ok):
    return "PASS" if ok else "**FAIL**"


def main():
    out_path, paths = sys.argv[1], sys.argv[2:]
    medians, spread, alloc = load(paths)
    lines, failures = [], []
    header = "| scenario | " + " | ".join(label for _, label, _ in IMPLS) + " |"
    rule = "|" + "---|" * (len(IMPLS) + 1)

    for metric, metric_name in METRICS:
        if not medians[metric]:
            continue
        lines.append(f"### Time per request, {metric_name} (median ns/op; lower is better)\n")
        lines += [header, rule]
        for scenario, desc, _ in SCENARIOS:
            lines.append(f"| {desc} | " + " | ".join(ns(medians[metric].get((cls, scenario)))
                                                     for cls, _, _ in IMPLS) + " |")
        lines.append("")

    lines.append("### Allocation per request (B/op, JMH `-prof gc` `gc.alloc.rate.norm`)\n")
    lines += [header, rule]
    for scenario, desc, _ in SCENARIOS:
        lines.append(f"| {desc} | " + " | ".join(bytes_text(alloc.get((cls, scenario))) for cls, _, _ in IMPLS) + " |")

    lines.append("\n### Targets per scenario\n")
    lines.append(f"speed-up = fastest peer's time / cors-filter's (target ≥ {SPEEDUP_VS_PEERS:g}x where the request has "
                 f"an `Origin`); vs floor = cors-filter's time / the floor's (target ≤ {MAX_VS_FLOOR:g}x); each given "
                 f"as wall / CPU. B/op target: 0, or ≤ {MAX_WRAPPER_BYTES} for allowed actual requests (the response "
                 "wrapper). The min–max range of cors-filter's iterations shows the noise. ceiling = fastest peer's "
                 "time / the floor's: the speed-up a filter would get if deciding cost nothing, i.e. the most any "
                 "servlet filter writing these headers can reach on this harness.\n")
    lines.append("| scenario | cors-filter wall ns/op (min–max) | cors-filter CPU ns/op (min–max) | vs floor | "
                 "fastest peer (wall) | speed-up | ceiling | B/op | verdict |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for scenario, desc, has_origin in SCENARIOS:
        ours_b = alloc.get(("CorsFilterBench", scenario))
        cells = [desc]
        for metric, _ in METRICS:
            value = medians[metric].get(("CorsFilterBench", scenario))
            lo, hi, n = spread[metric].get(("CorsFilterBench", scenario), (None, None, 0))
            cells.append(f"{ns(value)} ({ns(lo)}–{ns(hi)})" if value is not None else "n/a")
        bad = []
        vs_floor, speedups, ceilings, fastest_wall = [], [], [], None
        for metric, metric_name in METRICS:
            ours = medians[metric].get(("CorsFilterBench", scenario))
            floor = medians[metric].get(("FloorBench", scenario))
            peers = [(medians[metric][(cls, scenario)], label) for cls, label, peer in IMPLS
                     if peer and (cls, scenario) in medians[metric]]
            if ours is None:
                vs_floor.append(None)
                speedups.append(None)
                continue
            fastest = min(peers) if peers else None
            if metric == "wall":
                fastest_wall = fastest
            vs_floor.append(ours / floor if floor else None)
            speedups.append(fastest[0] / ours if fastest else None)
            ceilings.append(fastest[0] / floor if fastest and floor else None)
            if floor and ours / floor > MAX_VS_FLOOR:
                bad.append(f"vs floor ({metric})")
            if has_origin and fastest and fastest[0] / ours < SPEEDUP_VS_PEERS:
                bad.append(f"speed-up ({metric}, vs {fastest[1]})")
        limit = MAX_WRAPPER_BYTES if scenario in ALLOWED_ACTUAL else ZERO_BYTES
        if ours_b is not None and ours_b > limit + ZERO_BYTES:
            bad.append("B/op")
        cells.append(" / ".join("n/a" if x is None else f"{x:.2f}x" for x in vs_floor))
        cells.append(f"{fastest_wall[1]} {ns(fastest_wall[0])}" if fastest_wall else "n/a")
        cells.append(" / ".join("n/a" if x is None else f"{x:.1f}x" for x in speedups)
                     + ("" if has_origin else " (no target)"))
        cells.append(" / ".join("n/a" if x is None else f"{x:.1f}x" for x in ceilings))
        cells.append(bytes_text(ours_b))
        if medians["wall"].get(("CorsFilterBench", scenario)) is None:
            cells.append("n/a")
        else:
            cells.append(verdict(not bad) + (" (" + "; ".join(bad) + ")" if bad else ""))
            failures += [f"{scenario}: {x}" for x in bad]
        lines.append("| " + " | ".join(cells) + " |")

    lines.append("\n### Scale and hostile input (cors-filter)\n")
    lines.append("| comparison | wall | CPU | target | verdict |")
    lines.append("|---|---|---|---|---|")

    def ratio_row(name, scenario, base, limit, key):
        cells, bad = [name], False
        for metric, _ in METRICS:
            x = medians[metric].get(("CorsFilterBench", scenario))
            y = medians[metric].get(("CorsFilterBench", base))
            if x is None or y is None:
                cells.append("n/a")
                continue
            cells.append(f"{x / y:.2f}x ({ns(x)} / {ns(y)})")
            bad = bad or x / y > limit
        if bad:
            failures.append(key)
        measured = any(cell != "n/a" for cell in cells[1:])
        cells += [f"≤ {limit:g}x", verdict(not bad) if measured else "n/a"]
        lines.append("| " + " | ".join(cells) + " |")

    ratio_row("1,000 exact origins / one origin", "ORIGINS_1K", "ACTUAL", SCALE_LIMIT, "scale: 1,000 origins")
    ratio_row("10,000 exact origins / one origin", "ORIGINS_10K", "ACTUAL", SCALE_LIMIT, "scale: 10,000 origins")
    ratio_row("1,000 subdomain patterns / one origin", "PATTERNS_1K", "ACTUAL", SCALE_LIMIT,
              "scale: 1,000 patterns vs one origin")
    ratio_row("1,000 subdomain patterns / one pattern", "PATTERNS_1K", "SUBDOMAIN", SCALE_LIMIT,
              "scale: 1,000 patterns vs one pattern")
    ratio_row("8 KiB of commas / normal pre-flight", "HOSTILE_COMMAS", "PREFLIGHT", HOSTILE_LIMIT, "hostile: commas")
    ratio_row("8 KiB of names / normal pre-flight", "HOSTILE_NAMES", "PREFLIGHT", HOSTILE_LIMIT, "hostile: names")

    empty = [alloc[("EmptyBench", s)] for s, _, _ in SCENARIOS if ("EmptyBench", s) in alloc]
    harness_ok = all(x < ZERO_BYTES for x in empty)
    if not harness_ok:
        failures.append("harness allocates")
    lines.append(f"\nHarness check: the empty filter allocates {'0' if harness_ok else '**more than 0**'} B/op in "
                 "every scenario, so the fakes allocate nothing and each B/op above is the implementation's own.")
    lines.append("\n**Targets not met:** " + ("; ".join(failures) if failures else "none") + "\n")
    text = "\n".join(lines) + "\n"
    with open(out_path, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
