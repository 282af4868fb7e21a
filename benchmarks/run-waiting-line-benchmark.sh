#!/usr/bin/env bash
# The waiting line under load: every seat of one show held, hundreds of customers long-polling its waiting line, the
# holds released at a fixed rate (or all at once); prints how long each offer took to reach its waiter after the
# release, the long polls it took, and the first-come-first-served checks (exit status 1 when broken). Every option
# is passed on: ./benchmarks/run-waiting-line-benchmark.sh --help. See run-benchmark.sh and benchmarks/README.md.
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" waiting-line "$@"
