#!/usr/bin/env bash
# Where does the time go? Runs one implementation on one scenario in a loop under Java Flight Recorder
# (method sampling with -XX:+DebugNonSafepoints, so inlined frames keep their line numbers) and prints the
# hottest frames, self and inclusive (dev.corsfilter.bench.report.HotMethods).
#
#   bench/profile.sh CORS_FILTER ACTUAL [seconds] [JETTY|TOMCAT]
#   BENCH_SKIP_BUILD=1 bench/profile.sh CORS_FILTER PREFLIGHT   # reuse the last snapshot build
set -euo pipefail
source "$(dirname "$0")/lib.sh"
impl=${1:?implementation, e.g. CORS_FILTER}
scenario=${2:?scenario, e.g. ACTUAL}
seconds=${3:-20}
container=${4:-JETTY}
if [ -n "${BENCH_SKIP_BUILD:-}" ] && [ -f "$BENCH_BUILD_DIR/classpath.txt" ]; then
  BENCH_CP=$(cat "$BENCH_BUILD_DIR/classpath.txt")
else
  bench_build
fi
mkdir -p "$BENCH_OUT"
jfr_file="$BENCH_OUT/profile-$impl-$scenario-$container.jfr"
java -Xms1g -Xmx1g -XX:+UseParallelGC -XX:+UnlockDiagnosticVMOptions -XX:+DebugNonSafepoints \
  -XX:StartFlightRecording=filename="$jfr_file",settings=profile -cp "$BENCH_CP" \
  dev.corsfilter.bench.ProfileLoop "$impl" "$scenario" "$seconds" "$container" 2>&1 | grep -v -e WARN -e 'jfr,startup'
java -cp "$BENCH_CP" dev.corsfilter.bench.report.HotMethods "$jfr_file"
