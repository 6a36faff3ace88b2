#!/usr/bin/env bash
# The JMH suite (docs/performance.md): builds -Pbench in a snapshot, runs the sanity check, runs every
# implementation on every scenario, on fakes costing what Jetty and what Tomcat cost, with `-prof gc` and
# CPU time per operation, and writes target/bench/report.md (dev.corsfilter.bench.report.Suite).
#
#   bench/run.sh                   # one round of the suite, about 6 minutes on a quiet machine
#   BENCH_ROUNDS=4 bench/run.sh    # 4 rounds, each running every benchmark once; iterations pooled
#   bench/run.sh 'CorsFilterBench|FloorBench' -p scenario=ACTUAL -p container=TOMCAT   # any JMH filter/options
#
# Settings (override with BENCH_JMH_OPTS): 1 fork per (implementation, scenario, container) and round,
# 3 warm-up iterations of 300 ms, 5 measured iterations of 300 ms, average time in ns/op, heap fixed at 1 GiB,
# Parallel GC (see FilterBenchmark); profilers: gc (B/op) and dev.corsfilter.bench.CpuTimeProfiler (CPU ns/op,
# which waiting for a core on a busy machine does not inflate).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${BENCH_ROUNDS:-1}
JMH_OPTS=${BENCH_JMH_OPTS:--f 1 -wi 3 -w 300ms -i 5 -r 300ms}
# Every fork: fixed 1 GiB heap, Parallel GC; BENCH_FRESH=1 gives every request new header value strings (see
# FakeRequest.freshHeaderValues) to check that cached String hash codes do not decide a comparison.
FORK_ARGS="-Xms1g -Xmx1g -XX:+UseParallelGC"
SANITY_ARGS=()
if [ -n "${BENCH_FRESH:-}" ]; then
  FORK_ARGS="$FORK_ARGS -Dbench.freshHeaderValues=true"
  SANITY_ARGS=(-Dbench.freshHeaderValues=true)
fi

bench_build
{ echo "Machine:"; bench_machine; } | tee "$BENCH_OUT/machine.md"

echo "== sanity check"
java "${SANITY_ARGS[@]}" -cp "$BENCH_CP" dev.corsfilter.bench.Sanity 2>&1 | grep -v 'WARN' | tee "$BENCH_OUT/sanity.txt"
test "${PIPESTATUS[0]}" -eq 0

# Without arguments, the suite: every *Bench.request (not the diagnosis benchmarks such as OriginLookupBench).
args=("$@")
[ ${#args[@]} -eq 0 ] && args=('dev\.corsfilter\.bench\.[A-Za-z]+Bench\.request$')
# -foe true: a trial whose @Setup sanity check fails stops the run.
# shellcheck disable=SC2086
java -Dbench.rounds="$ROUNDS" -Dbench.out="$BENCH_OUT" -cp "$BENCH_CP" dev.corsfilter.bench.report.Suite \
  $JMH_OPTS -jvmArgsAppend "$FORK_ARGS" -prof gc -prof dev.corsfilter.bench.CpuTimeProfiler -foe true "${args[@]}" \
  > "$BENCH_OUT/jmh.log" 2>&1 || { tail -40 "$BENCH_OUT/jmh.log"; exit 1; }
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$BENCH_OUT/machine.md"
echo "Report: $BENCH_OUT/report.md (raw: $BENCH_OUT/jmh-*.json, log: $BENCH_OUT/jmh.log; machine: $BENCH_OUT/machine.md)"
