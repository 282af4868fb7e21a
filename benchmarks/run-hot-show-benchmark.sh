#!/usr/bin/env bash
# The on-sale rush: hundreds of customers hold the 2,000 seats of one show through the gateway of a running
# platform, then the same requests go to a no-op endpoint; prints both and the oversell check (exit status 1 when
# a seat was oversold). Every option is passed on: ./benchmarks/run-hot-show-benchmark.sh --help. See
# run-benchmark.sh; the platform needs TICKETING_RESERVATION_NO_OP_ENDPOINT=true (benchmarks/README.md).
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" hot-show "$@"
