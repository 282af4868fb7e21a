#!/usr/bin/env bash
# Measures browse and search through the gateway of a running platform (local stack or a deployment) and prints
# the numbers; every option is passed on: ./benchmarks/run-catalog-benchmark.sh --help. See run-benchmark.sh.
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" catalog "$@"
