#!/usr/bin/env bash
# Builds the services' images with Jib: no Docker engine, no Dockerfile (image/README.md).
#
#   image/build.sh --registry registry.example.com/ticketing   # push every service, tagged version and commit
#   image/build.sh --tar                                       # <service>/target/jib-image.tar, an OCI archive
#   image/build.sh --tar --base tar:///path/base.tar catalog-service   # another base image, one service
#
# Each image is tagged with the project's version and with the commit it was built from (12 hex digits, with
# "-dirty" when the clone has uncommitted changes), and carries both as OCI labels.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SERVICES=(gateway-service catalog-service reservation-service booking-service waiting-service payment-service notification-service)
goal="" registry="" base="" selected=()

usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
while (( $# )); do
  case "$1" in
    --registry) goal=build registry="${2:?--registry needs a value}"; shift 2 ;;
    --tar) goal=buildTar; shift ;;
    --base) base="${2:?--base needs a value}"; shift 2 ;;
    -h|--help) usage ;;
    -*) echo "image/build.sh: unknown option $1" >&2; usage 2 ;;
    *) selected+=("$1"); shift ;;
  esac
done
[[ -n "$goal" ]] || { echo "image/build.sh: say where the images go: --registry <registry/prefix> or --tar" >&2; usage 2; }
(( ${#selected[@]} )) || selected=("${SERVICES[@]}")

revision="$(git -C "$ROOT" rev-parse --short=12 HEAD)"
[[ -z "$(git -C "$ROOT" status --porcelain)" ]] || revision="$revision-dirty"
args=(-DskipTests "-Dimage.revision=$revision")
[[ -n "$registry" ]] && args+=("-Dimage.registry=$registry")
[[ -n "$base" ]] && args+=("-Dimage.base=$base")

modules="$(IFS=,; echo "${selected[*]}")"
cd "$ROOT"
# the services and the platform's modules they use, installed for the second run, which only containerizes
./mvnw -pl "$modules" -am "${args[@]}" install
./mvnw -pl "$modules" "${args[@]}" "jib:$goal"
