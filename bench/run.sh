#!/usr/bin/env bash
# The JMH suite (docs/performance.md): builds -Pbench in a snapshot, runs the sanity check, runs every
# implementation on every scenario with `-prof gc`, and writes target/bench/report.md.
#
#   bench/run.sh                   # the documented settings, about 6 minutes
#   BENCH_ROUNDS=3 bench/run.sh    # repeat the whole suite 3 times and pool the iterations (less noise)
#   bench/run.sh 'CorsFilterBench|FloorBench' -p scenario=ACTUAL   # extra JMH arguments (filters, -p ...)
#
# Settings (override with BENCH_JMH_OPTS): 1 fork per (implementation, scenario), 3 warm-up iterations of
# 500 ms, 5 measured iterations of 400 ms, average time in ns/op, heap fixed at 1 GiB, Parallel GC (see
# FilterBenchmark); profilers: gc (B/op)
# and dev.corsfilter.bench.CpuTimeProfiler (CPU ns/op, robust to a machine busier than its cores).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${BENCH_ROUNDS:-1}
JMH_OPTS=${BENCH_JMH_OPTS:--f 1 -wi 3 -w 500ms -i 5 -r 400ms}
# Every fork: fixed 1 GiB heap, Parallel GC; BENCH_FRESH=1 gives every request new header value strings (see
# FakeHttpServletRequest) to check that cached String hash codes do not decide a comparison.
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

results=()
for round in $(seq 1 "$ROUNDS"); do
  echo "== JMH round $round of $ROUNDS"
  json="$BENCH_OUT/jmh-$round.json"
  # -foe true: a trial whose @Setup sanity check fails stops the run.
  # shellcheck disable=SC2086
  # Without arguments, the suite: every *Bench.request (not the diagnosis benchmarks such as OriginLookupBench).
  args=("$@")
  [ ${#args[@]} -eq 0 ] && args=('dev\.corsfilter\.bench\.[A-Za-z]+Bench\.request$')
  java -cp "$BENCH_CP" org.openjdk.jmh.Main $JMH_OPTS -jvmArgsAppend "$FORK_ARGS" \
    -prof gc -prof dev.corsfilter.bench.CpuTimeProfiler -foe true -rf json -rff "$json" "${args[@]}" \
    > "$BENCH_OUT/jmh-$round.log" 2>&1 || { tail -40 "$BENCH_OUT/jmh-$round.log"; exit 1; }
  grep -E '^(Benchmark|[A-Za-z]+Bench\.request )' "$BENCH_OUT/jmh-$round.log" | grep -v ':' || true
  results+=("$json")
done

python3 "$ROOT/bench/report.py" "$BENCH_OUT/report.md" "${results[@]}"
echo "Report: $BENCH_OUT/report.md (raw: ${results[*]}; machine: $BENCH_OUT/machine.md)"
