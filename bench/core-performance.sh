#!/usr/bin/env bash
# The reference's core performance check (scripts/check_core_performance.py): times five
# checkout-safe core paths once each in a fresh JVM — world persistence, benchmark fixture
# loading, provider catalog diagnostics, evidence bundle creation, report rendering — against
# millisecond budgets (250/100/250/500/250 by default) and prints the JSON verdict.
# Exit 0 when every budget holds, 1 when one fails, 2 for bad arguments or a bad budget file.
#
#   bench/core-performance.sh                                # temporary workspace, JSON on stdout
#   bench/core-performance.sh --output perf.json             # write the JSON instead
#   bench/core-performance.sh --workspace-dir .worldforge/perf   # keep the artefacts (adds a run each time)
#   bench/core-performance.sh --budget-file budgets.json     # {"world_persistence": 100, ...}
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "${1:-}" in -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
"$root/bin/worldforge" --version >/dev/null # builds the distribution on first use
java=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then java="$JAVA_HOME/bin/java"; fi
jar="$root/worldforge-cli/target/worldforge.jar"
jsa="$root/worldforge-cli/target/worldforge.jsa"
# The same start-up flags as bin/worldforge (C1, serial GC, the distribution's class-data archive):
# a one-shot check is a short-lived process like any CLI command.
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -Xlog:disable -Xlog:all=warning:stderr)
if [ "$jsa" -nt "$jar" ]; then flags+=("-XX:SharedArchiveFile=$jsa"); fi
exec "$java" "${flags[@]}" -cp "$jar" ai.worldforge.cli.CorePerformanceCheck \
  --fixture "$root/examples/benchmark-inputs.json" "$@"
