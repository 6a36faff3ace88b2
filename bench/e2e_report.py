#!/usr/bin/env python3
"""Summarises bench/e2e.sh runs: throughput per round for each server, medians, and ratios to the server
without a filter. The target is judged on cors-filter ("with").

Usage: e2e_report.py RUNS.tsv OUT.md SETTINGS
"""
import statistics
import sys

TARGET = 0.97
LABELS = [("without", "no filter"), ("empty", "empty filter"), ("floor", "constant headers"),
          ("wrapped", "constant headers + wrapper"), ("with", "cors-filter")]


def main():
    runs_path, out_path, settings = sys.argv[1], sys.argv[2], sys.argv[3]
    rounds = {}
    with open(runs_path) as f:
        for line in f:
            rnd, label, rps, p50, p99, cpu = line.rstrip("\n").split("\t")
            rounds.setdefault(int(rnd), {})[label] = (float(rps), p50, p99, float(cpu))
    labels = [(k, name) for k, name in LABELS if any(k in r for r in rounds.values())]
    lines = [f"### End to end: embedded Jetty 12, loopback, {settings}\n",
             "Requests/s per run (p50 / p99 latency; server CPU time per request); each round runs every server "
             "once, in reversed order every other round.\n",
             "| round | " + " | ".join(name for _, name in labels) + " |",
             "|---|" + "---|" * len(labels)]
    per_label = {k: [] for k, _ in labels}
    per_label_cpu = {k: [] for k, _ in labels}
    for rnd in sorted(rounds):
        cells = []
        for k, _ in labels:
            rps, p50, p99, cpu = rounds[rnd][k]
            per_label[k].append(rps)
            per_label_cpu[k].append(cpu)
            cells.append(f"{rps:,.0f} ({p50} / {p99}; {cpu:.1f} µs)")
        lines.append(f"| {rnd} | " + " | ".join(cells) + " |")
    medians = {k: statistics.median(v) for k, v in per_label.items()}
    lines.append("| **median req/s** | " + " | ".join(f"**{medians[k]:,.0f}**" for k, _ in labels) + " |")
    base = medians["without"]
    lines.append("| **vs no filter** | " + " | ".join(f"**{medians[k] / base:.1%}**" for k, _ in labels) + " |")
    cpu_medians = {k: statistics.median(v) for k, v in per_label_cpu.items()}
    lines.append("| **median server CPU µs/request** | " + " | ".join(f"**{cpu_medians[k]:.2f}**" for k, _ in labels)
                 + " |")
    lines.append("| **CPU per request vs no filter** | "
                 + " | ".join(f"**{cpu_medians[k] / cpu_medians['without']:.1%}**" for k, _ in labels) + " |")
    per_round = [rounds[r]["with"][0] / rounds[r]["without"][0] for r in sorted(rounds)]
    ratio = medians["with"] / base
    lines.append("")
    lines.append(f"Throughput with cors-filter is {ratio:.1%} of throughput without a filter (ratio of medians; "
                 f"per-round ratios range {min(per_round):.1%}–{max(per_round):.1%}, median "
                 f"{statistics.median(per_round):.1%}). Target: at least {TARGET:.0%}: "
                 f"**{'PASS' if ratio >= TARGET else 'FAIL'}**. Server CPU time per request with cors-filter is "
                 f"{cpu_medians['with'] / cpu_medians['without']:.1%} of that without (read it with care: on a "
                 "shared machine CPU time per request also rises and falls with other work, through contention "
                 "for caches and sibling hyper-threads).")
    text = "\n".join(lines) + "\n"
    with open(out_path, "w") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
