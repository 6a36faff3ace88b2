#!/usr/bin/env bash
# Earlier revisions of the library beside this tree, in one JMH run (docs/performance.md, "What decision
# listeners cost"): each revision's cors-filter/src/main is compiled into its own packages
# (r<commit>.dev.corsfilter), and dev.corsfilter.bench.report.RevisionComparison runs ListenerCostBenchmark
# for every revision, this tree without a listener (HEAD) and with one that does nothing (HEAD+listener), round
# after round in a rotating order, and writes target/bench/revisions.md.
#
#   bench/revisions.sh                      # 2d56c34 (before decision events) and 271fcf9 (with them) beside HEAD
#   BENCH_ROUNDS=5 bench/revisions.sh 2d56c34 HEAD
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ROUNDS=${BENCH_ROUNDS:-3}
JMH_OPTS=${BENCH_JMH_OPTS:--f 1 -wi 3 -w 300ms -i 5 -r 300ms}
revisions=("$@")
[ ${#revisions[@]} -eq 0 ] && revisions=(2d56c34 271fcf9 HEAD HEAD+listener)

bench_build
REVISIONS_DIR="$BENCH_BUILD_DIR/revisions"
for revision in "${revisions[@]}"; do
  case "$revision" in HEAD|HEAD+listener) continue ;; esac
  commit=$(git -C "$ROOT" rev-parse --short=7 "$revision^{commit}")
  [ "$commit" = "$revision" ] || { echo "give revisions as 7-digit commits: $revision is $commit" >&2; exit 2; }
  echo "== compiling $revision into r$revision.dev.corsfilter" >&2
  src="$REVISIONS_DIR/src/$revision"
  mkdir -p "$src"
  git -C "$ROOT" archive "$revision" cors-filter/src/main | tar -C "$src" -xf -
  main="$src/cors-filter/src/main"
  rm -f "$main/java/module-info.java"
  # Packages, imports, logger names and resource paths all move under the revision's own prefix.
  find "$main/java" -name '*.java' -exec sed -i -E \
    -e "s/\bdev\.corsfilter\b/r$revision.dev.corsfilter/g" -e "s#\bdev/corsfilter/#r$revision/dev/corsfilter/#g" {} +
  mkdir -p "$REVISIONS_DIR/classes/r$revision"
  javac -nowarn -encoding UTF-8 --release 17 -cp "$BENCH_CP" -d "$REVISIONS_DIR/classes" \
    $(find "$main/java" -name '*.java')
  [ -d "$main/resources/dev" ] && cp -r "$main/resources/dev" "$REVISIONS_DIR/classes/r$revision/"
done

{ echo "Machine:"; bench_machine; } | tee "$BENCH_OUT/machine.md"
list=$(IFS=,; echo "${revisions[*]}")
# shellcheck disable=SC2086
java -Dbench.revisions="$list" -Dbench.rounds="$ROUNDS" -Dbench.out="$BENCH_OUT" \
  -cp "$BENCH_CP:$REVISIONS_DIR/classes" dev.corsfilter.bench.report.RevisionComparison \
  $JMH_OPTS -jvmArgsAppend "-Xms1g -Xmx1g -XX:+UseParallelGC" -prof gc -prof dev.corsfilter.bench.CpuTimeProfiler \
  -foe true > "$BENCH_OUT/revisions.log" 2>&1 || { tail -40 "$BENCH_OUT/revisions.log"; exit 1; }
echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$BENCH_OUT/machine.md"
cat "$BENCH_OUT/revisions.md"
