#!/usr/bin/env python3
"""Prints the hottest frames of `jfr print --events jdk.ExecutionSample` output: self time by method and
line, and inclusive time by method. Usage: jfr_top.py SAMPLES.txt [N]"""
import collections
import re
import sys

FRAME = re.compile(r"^\s+([\w.$<>]+)\(.*?\)\s+line: (\d+)", re.M)


def main():
    text = open(sys.argv[1]).read()
    top_n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    self_time, inclusive = collections.Counter(), collections.Counter()
    samples = 0
    for event in text.split("jdk.ExecutionSample")[1:]:
        frames = FRAME.findall(event)
        if not frames:
            continue
        samples += 1
        self_time[f"{frames[0][0]}:{frames[0][1]}"] += 1
        for method in {name for name, _ in frames}:
            inclusive[method] += 1
    print(f"{samples} samples")
    print("self (method:line)")
    for frame, count in self_time.most_common(top_n):
        print(f"  {100 * count / samples:5.1f}%  {frame}")
    print("inclusive (method)")
    for method, count in inclusive.most_common(top_n):
        print(f"  {100 * count / samples:5.1f}%  {method}")


if __name__ == "__main__":
    main()
