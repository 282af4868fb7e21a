#!/usr/bin/env bash
# Issue 14's arena on-sale: 10,000 customers hold out a 60,000-seat show through the gateway of a running platform
# while seat-map streams follow it; prints how long it took, the attempts' rate and latency, the local stack's CPU per
# hold process by process, whether every stream kept up, and the oversell check (exit status 1 on an oversold seat or
# a stream that fell behind). Every option is passed on: ./benchmarks/run-arena-benchmark.sh --help. See
# run-benchmark.sh and benchmarks/README.md.
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" arena "$@"
