#!/usr/bin/env bash
# End-to-end load test (docs/performance.md): embedded Jetty over loopback, four servers in one JVM (no
# filter, an empty filter, a filter setting cors-filter's headers from constants, cors-filter), loaded one at a
# time by wrk in a separate process with allowed CORS GETs, in many short rounds that alternate the servers.
# For every run it reads the server process's CPU time (ns) and its threads' allocated bytes, so the report,
# target/bench/e2e.md (dev.corsfilter.bench.report.E2eReport), gives CPU time and allocation per request
# and cors-filter's ratio to the constant-headers filter round by round, with its spread.
#
#   bench/e2e.sh                                  # 2 warm-up passes, then 40 rounds of 3 s per server
#   E2E_ROUNDS=60 E2E_SECONDS=2 bench/e2e.sh
#
# Every wrk run is bounded (-d), and the server exits by itself after E2E_SERVER_LIFETIME seconds even if
# this script dies. Only 127.0.0.1 is contacted.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${E2E_ROUNDS:-40}
SECONDS_PER_RUN=${E2E_SECONDS:-3}
WARMUP_SECONDS=${E2E_WARMUP_SECONDS:-5}
CONNECTIONS=${E2E_CONNECTIONS:-16}
THREADS=${E2E_THREADS:-1}
LIFETIME=${E2E_SERVER_LIFETIME:-$(( (ROUNDS * 4 * (SECONDS_PER_RUN + 1)) + (8 * (WARMUP_SECONDS + 1)) + 300 ))}
ORIGIN="https://app.example.com"

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is not installed (apt-get install curl)" >&2; exit 1; }
bench_build
{ echo "Machine:"; bench_machine; echo "- wrk: $(wrk --version 2>&1 | head -1)"; } | tee "$BENCH_OUT/e2e-machine.md"

ports_file="$BENCH_OUT/e2e-ports.txt"
rm -f "$ports_file"
java -Xms512m -Xmx512m -XX:+UseParallelGC -cp "$BENCH_CP" dev.corsfilter.bench.e2e.LoadServer "$ports_file" "$LIFETIME" \
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
  [ "$label" = usage ] || labels+=("$label")
done < "$ports_file"
grep -E '^(none|empty|constant|cors):' "$BENCH_OUT/e2e-server.log"

usage() { # CPU ns and allocated bytes of the server process
  curl -s --max-time 5 "http://127.0.0.1:${port[usage]}/usage"
}

results="$BENCH_OUT/e2e-runs.tsv"
: > "$results"
run() { # label seconds record
  local out cpu0 alloc0 cpu1 alloc1 requests rps p50 p99
  read -r cpu0 alloc0 < <(usage)
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${2}s" --timeout 2s --latency -H "Origin: $ORIGIN" \
    "http://127.0.0.1:${port[$1]}/api/items")
  read -r cpu1 alloc1 < <(usage)
  if echo "$out" | grep -qE 'Non-2xx|Socket errors'; then
    echo "$out" >&2
    echo "wrk saw errors against $1" >&2
    exit 1
  fi
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  p50=$(echo "$out" | awk '$1 == "50%" {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  printf '%-8s %8s req/s  %6.2f us CPU/request\n' "$1" "$rps" "$(awk -v c=$((cpu1 - cpu0)) -v n="$requests" 'BEGIN {print c / 1000 / n}')"
  if [ "$3" = record ]; then
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$1" "$requests" "$rps" "$p50" "$p99" \
      "$((cpu1 - cpu0))" "$((alloc1 - alloc0))" >> "$results"
  fi
}

echo "== warm-up (${WARMUP_SECONDS} s per run, not recorded)"
round=0
for _ in 1 2; do
  for label in "${labels[@]}"; do run "$label" "$WARMUP_SECONDS" skip; done
done

# Round r starts at a different server each time and goes backwards every other cycle of rounds, so that
# each server runs in every position, before and after each other one.
n=${#labels[@]}
echo "== $ROUNDS rounds of ${SECONDS_PER_RUN} s per server, the order rotating"
for round in $(seq 1 "$ROUNDS"); do
  order=()
  for ((i = 0; i < n; i++)); do order+=("${labels[$(( (round - 1 + i) % n ))]}"); done
  if [ $(( (round - 1) / n % 2 )) -eq 1 ]; then
    reversed=()
    for ((i = n - 1; i >= 0; i--)); do reversed+=("${order[i]}"); done
    order=("${reversed[@]}")
  fi
  echo "-- round $round: ${order[*]}"
  for label in "${order[@]}"; do run "$label" "$SECONDS_PER_RUN" record; done
done
echo "- Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$BENCH_OUT/e2e-machine.md"

java -cp "$BENCH_CP" dev.corsfilter.bench.report.E2eReport "$results" "$BENCH_OUT/e2e.md" \
  "wrk -t$THREADS -c$CONNECTIONS, $ROUNDS rounds of ${SECONDS_PER_RUN} s per server after 2 warm-up passes of ${WARMUP_SECONDS} s"
