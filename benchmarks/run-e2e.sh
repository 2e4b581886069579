#!/usr/bin/env bash
# Builds the benchmarks jar and runs the end-to-end comparison (Floe vs DuckDB, ~1 GB of timeseries CSV).
#
#   benchmarks/run-e2e.sh                       # defaults: 16 files, ~1 GiB, 5 runs each, data in benchmarks/target/bench-data
#   benchmarks/run-e2e.sh --runs 3 --report benchmarks/results.md
#   SKIP_BUILD=1 benchmarks/run-e2e.sh ...      # reuse an existing benchmarks/target/benchmarks.jar
#
# Every argument goes to dev.floe.benchmarks.EndToEnd (see its --help). The markdown report goes to stdout.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/benchmarks.jar"

if [[ "${SKIP_BUILD:-0}" != 1 || ! -f "$jar" ]]; then
  echo "[e2e] building $jar" >&2
  (cd "$root" && mvn -q -DskipTests -Pbench package)
fi

has_dir=0
for arg in "$@"; do
  [[ "$arg" == --dir ]] && has_dir=1
done
dir_args=()
if [[ $has_dir == 0 ]]; then
  dir_args=(--dir "$here/target/bench-data")
fi

exec java \
  --add-opens=java.base/java.nio=org.apache.arrow.memory.core,ALL-UNNAMED \
  -Xmx4g \
  -Darrow.enable_unsafe_memory_access=true \
  -Darrow.enable_null_check_for_get=false \
  ${JAVA_OPTS:-} \
  -cp "$jar" dev.floe.benchmarks.EndToEnd "${dir_args[@]}" "$@"
