#!/usr/bin/env bash
# Issue 14's measuring harness: CPU ms per operation of every process of the local stack, next to req/s and latency,
# for a no-op straight to reservation-service and through the gateway, holds, refused holds and seat-map reads, driven
# by wrk with generated Lua scripts. Runs on the machine of the stack (it reads /proc) and needs wrk 4.x (apt-get
# install wrk) and TICKETING_RESERVATION_NO_OP_ENDPOINT=true (benchmarks/README.md). Every option is passed on:
# ./benchmarks/run-hold-rate-benchmark.sh --help. See run-benchmark.sh.
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" hold-rate "$@"
