#!/usr/bin/env bash
# Runs one of the benchmarks against the gateway of a running platform (local stack or a deployment) and prints the
# numbers: ./benchmarks/run-benchmark.sh catalog|hot-show|waiting-line|chaos|hold-rate|arena [options]; --help lists
# the benchmarks, <benchmark> --help a benchmark's options. Builds the harness first when its jar is missing or older
# than its sources; set MAVEN_ARGS=-o to build offline.
# run-catalog-benchmark.sh, run-hot-show-benchmark.sh, run-waiting-line-benchmark.sh, run-chaos.sh,
# run-hold-rate-benchmark.sh and run-arena-benchmark.sh call this with their benchmark's name.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$HERE")"
# the harness's executable jar, whatever the project's version: the newest one a build left in target/
newest_jar() { ls -t "$HERE"/target/benchmarks-*-exec.jar 2>/dev/null | head -n 1 || true; }
JAR="$(newest_jar)"

java_at_least_21() { # is the given java binary version 21 or newer?
  "$1" -version 2>&1 | awk -F'"' '/version "/ {split($2, v, "."); major = (v[1] == 1 ? v[2] : v[1]); found = 1}
                                  END {exit !(found && major >= 21)}'
}

JAVA=""
for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" \
                 $(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | sort -rV); do
  if [[ -n "$candidate" && -x "$candidate" ]] && java_at_least_21 "$candidate"; then JAVA="$candidate"; break; fi
done
if [[ -z "$JAVA" ]]; then
  echo "run-benchmark: no JDK 21 or newer found (set JAVA_HOME)" >&2
  exit 1
fi
export JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$JAVA")")")"

if [[ -z "$JAR" || -n "$(find "$HERE/pom.xml" "$HERE/src/main" -newer "$JAR" -print -quit)" ]]; then
  echo "Building the benchmarks module (./mvnw -q -DskipTests -pl benchmarks -am package) ..." >&2
  (cd "$ROOT" && ./mvnw -q -DskipTests -pl benchmarks -am package)
  JAR="$(newest_jar)"
fi

# TICKETING_BENCHMARK_JAVA_OPTS: JVM flags for the harness, split at spaces (its collections logged, say:
# -Xlog:gc:file=harness-gc.log), to tell its own pauses from the platform's in the latencies it measures
# shellcheck disable=SC2086
exec "$JAVA" ${TICKETING_BENCHMARK_JAVA_OPTS:-} -jar "$JAR" "$@"
