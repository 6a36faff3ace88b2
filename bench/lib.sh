# Shared by bench/run.sh and bench/e2e.sh: builds the bench profile in a private snapshot of the work tree.
#
# Other builds (IDE, `mvn test`, CI) may rewrite or clean target/ while a benchmark runs, and JMH forks
# load classes lazily, so the suite never runs from the work tree's target/: it copies the tree (without
# target/ and .git; the benchmarks use the test doubles of cors-filter/src/test) to $BENCH_BUILD_DIR,
# builds the library module there with -Pbench, and runs from there.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_BUILD_DIR=${BENCH_BUILD_DIR:-${TMPDIR:-/tmp}/cors-filter-bench-build}
BENCH_OUT=${BENCH_OUT:-$ROOT/target/bench}

bench_build() {
  echo "== building a snapshot of $ROOT in $BENCH_BUILD_DIR (mvn -Pbench test-compile)" >&2
  rm -rf "$BENCH_BUILD_DIR"
  mkdir -p "$BENCH_BUILD_DIR" "$BENCH_OUT"
  tar -C "$ROOT" --exclude=target --exclude=./.git -cf - . \
    | tar -C "$BENCH_BUILD_DIR" -xf -
  (cd "$BENCH_BUILD_DIR" && mvn -q -B -Pbench -DskipTests -pl cors-filter -am test-compile)
  local module="$BENCH_BUILD_DIR/cors-filter"
  BENCH_CP="$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench.classpath")"
  export BENCH_CP
  echo "$BENCH_CP" > "$BENCH_BUILD_DIR/classpath.txt"
  git -C "$ROOT" rev-parse --short HEAD 2>/dev/null > "$BENCH_OUT/commit.txt" || echo unknown > "$BENCH_OUT/commit.txt"
  if [ -n "$(git -C "$ROOT" status --porcelain -- cors-filter/src/main 2>/dev/null)" ]; then
    echo "(with uncommitted changes in cors-filter/src/main)" >> "$BENCH_OUT/commit.txt"
  fi
}

bench_machine() {
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), nproc $(nproc)"
  echo "- Memory: $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "- Java: $(java -version 2>&1 | head -1); $(java -version 2>&1 | sed -n 3p)"
  echo "- OS: $(uname -sr)"
  echo "- Load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Commit: $(tr '\n' ' ' < "$BENCH_OUT/commit.txt")"
}
