#!/usr/bin/env bash
# Writes the Kubernetes PrometheusRule (k8s/components/monitoring/prometheus-rule.yaml) from the platform's one rules
# file, observability/prometheus/rules/ticketing-alerts.yml, which compose's Prometheus loads as it is: the rule
# groups become the PrometheusRule's spec unchanged. Kustomize cannot do this itself (it loads no file from outside
# the component, and a configMapGenerator makes a ConfigMap, not a PrometheusRule), so the generated file is checked
# in and this script keeps it equal.
#
#   observability/prometheus/sync-prometheus-rule.sh           # rewrite the PrometheusRule after editing the rules
#   observability/prometheus/sync-prometheus-rule.sh --check   # exit 1 (and show the diff) if it is out of date
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
rules="observability/prometheus/rules/ticketing-alerts.yml"
target="k8s/components/monitoring/prometheus-rule.yaml"

render() {
  cat <<HEADER
# GENERATED from ${rules} by observability/prometheus/sync-prometheus-rule.sh:
# edit that file, then run the script. Do not edit this one.
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: ticketing-alerts
  labels:
    app.kubernetes.io/part-of: ticketing
spec:
HEADER
  # indent every non-empty line by two spaces: the file's top-level `groups:` becomes spec.groups
  sed -e 's/^./  &/' "${root}/${rules}"
}

case "${1:-}" in
  --check)
    if ! diff -u "${root}/${target}" <(render); then
      echo "${target} is not what ${rules} gives: run observability/prometheus/sync-prometheus-rule.sh" >&2
      exit 1
    fi
    echo "${target} is up to date with ${rules}"
    ;;
  "")
    render > "${root}/${target}"
    echo "wrote ${target}"
    ;;
  *)
    echo "usage: $0 [--check]" >&2
    exit 2
    ;;
esac
