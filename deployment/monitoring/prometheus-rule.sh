#!/usr/bin/env bash
# Prints a PrometheusRule (Prometheus Operator) holding the groups of prometheus/alerts.yml:
#   deployment/monitoring/prometheus-rule.sh | kubectl apply -n monitoring -f -
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
release_label=${RELEASE_LABEL:-kube-prometheus-stack}
cat <<YAML
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: delivery-platform
  labels:
    release: ${release_label}
spec:
YAML
# the rule file's top-level "groups:" becomes spec.groups (indented by two spaces, comments dropped)
grep -v '^\s*#' "$here/prometheus/alerts.yml" | sed 's/^/  /'
