#!/usr/bin/env bash
# The chaos audit: an on-sale rush through the gateway while services, databases, Redis and the Kafka broker of the
# local stack are killed, paused, made read-only or closed; then the settled platform is audited (no seat sold twice,
# every paid hold booked or refunded, seat maps equal to booking's inventory, no unsent outbox row, no consumer lag,
# no dead letter, ...). Exit status 1 when an invariant is broken. Drives only a stack on this machine (it sends
# signals). Every option is passed on: ./benchmarks/run-chaos.sh --help. See run-benchmark.sh and benchmarks/README.md.
exec "$(dirname "${BASH_SOURCE[0]}")/run-benchmark.sh" chaos "$@"
