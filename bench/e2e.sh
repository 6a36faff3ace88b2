#!/usr/bin/env bash
# End-to-end load test (docs/performance.md): embedded Jetty over loopback, with vs without cors-filter
# (plus, to attribute the difference, an empty filter, and a filter setting the same headers from
# constants, with and without wrapping the response), driven by wrk in a separate process with allowed
# CORS GETs; writes target/bench/e2e.md.
#
#   bench/e2e.sh                          # 2 warm-up runs per server, then 6 rounds of 10 s per server,
#                                         # the order of the servers reversed every other round
#   E2E_ROUNDS=10 E2E_SECONDS=15 bench/e2e.sh
#
# Every wrk run is bounded (-d), and the server exits by itself after E2E_SERVER_LIFETIME seconds even if
# this script dies. Only 127.0.0.1 is contacted.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${E2E_ROUNDS:-6}
SECONDS_PER_RUN=${E2E_SECONDS:-10}
WARMUP_SECONDS=${E2E_WARMUP_SECONDS:-5}
CONNECTIONS=${E2E_CONNECTIONS:-16}
THREADS=${E2E_THREADS:-1}
LIFETIME=${E2E_SERVER_LIFETIME:-$(( (ROUNDS * 5 * SECONDS_PER_RUN) + (10 * WARMUP_SECONDS) + 300 ))}
ORIGIN="https://app.example.com"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
bench_build
{ echo "Machine:"; bench_machine; echo "- wrk: $(wrk --version 2>&1 | head -1)"; } | tee "$BENCH_OUT/e2e-machine.md"

ports_file="$BENCH_OUT/e2e-ports.txt"
rm -f "$ports_file"
java -Xms512m -Xmx512m -cp "$BENCH_CP" dev.corsfilter.bench.e2e.LoadServer "$ports_file" "$LIFETIME" \
  > "$BENCH_OUT/e2e-server.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
  [ -s "$ports_file" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$BENCH_OUT/e2e-server.log"; echo "server died" >&2; exit 1; }
  sleep 0.5
done
[ -s "$ports_file" ] || { echo "server not ready" >&2; exit 1; }
declare -A port
labels=()
while read -r label p; do
  port[$label]=$p
  labels+=("$label")
done < "$ports_file"
reversed=()
for ((i = ${#labels[@]} - 1; i >= 0; i--)); do reversed+=("${labels[i]}"); done
grep -E '^(without|empty|floor|wrapped|with):' "$BENCH_OUT/e2e-server.log"

CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { # utime + stime of the server process, in clock ticks
  awk '{print $14 + $15}' "/proc/$server_pid/stat"
}

results="$BENCH_OUT/e2e-runs.tsv"
: > "$results"
run() { # label seconds record
  local out ticks_before ticks_after
  ticks_before=$(cpu_ticks)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" --timeout 2s --latency -H "Origin: $ORIGIN" \
    "http://127.0.0.1:${port[$1]}/api/items")
  if echo "$out" | grep -qE 'Non-2xx|Socket errors'; then
    echo "$out" >&2
    echo "wrk saw errors against $1" >&2
    exit 1
  fi
  ticks_after=$(cpu_ticks)
  local rps p50 p99 requests cpu_us
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  # server CPU time (user + system, all threads) per request, in microseconds
  cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$CLK_TCK" -v n="$requests" 'BEGIN {printf "%.2f", t * 1e6 / hz / n}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  echo "$1 ${rps} req/s (p50 $p50, p99 $p99), server CPU ${cpu_us} us/request"
  if [ "$3" = record ]; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$1" "$rps" "$p50" "$p99" "$cpu_us" >> "$results"
  fi
}

echo "== warm-up (${WARMUP_SECONDS} s per run, not recorded)"
round=0
for _ in 1 2; do
  for label in "${labels[@]}"; do run "$label" "$WARMUP_SECONDS" skip; done
done

echo "== $ROUNDS rounds of ${SECONDS_PER_RUN} s per server, order reversed every other round"
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then order=("${labels[@]}"); else order=("${reversed[@]}"); fi
  for label in "${order[@]}"; do run "$label" "$SECONDS_PER_RUN" record; done
done

python3 "$ROOT/bench/e2e_report.py" "$results" "$BENCH_OUT/e2e.md" \
  "wrk -t$THREADS -c$CONNECTIONS -d${SECONDS_PER_RUN}s, $ROUNDS rounds"
