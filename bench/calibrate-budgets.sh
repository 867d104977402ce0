#!/usr/bin/env bash
# The reference's scripts/calibrate_benchmark_budgets.py: candidate benchmark budgets from preserved
# benchmark JSON reports (e.g. .worldforge/runs/<id>/reports/report.json), with headroom, the
# observed baseline and a diff against the current budget, written for human review to
# .worldforge/benchmark-calibration/<timestamp>/ (budget-calibration.json, candidate-budgets.json,
# budget-calibration.md). The current budget file is never modified.
#
#   bench/calibrate-budgets.sh --report .worldforge/runs/<id>/reports/report.json \
#       --current-budget examples/benchmark-budget.json [--output DIR --overwrite] [--headroom-ratio 0.25]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "${1:-}" in -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
"$root/bin/worldforge" --version >/dev/null # builds the distribution on first use
java=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; fi
exec "$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
  -cp "$root/worldforge-cli/target/worldforge.jar" ai.worldforge.cli.CalibrateBudgets "$@"
