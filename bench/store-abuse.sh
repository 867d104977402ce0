#!/usr/bin/env bash
# Hostile-input checks of the local world store through the real launcher (issue 14, items 4 and 7):
#   1. N concurrent `world add-object` commands on one world: how many objects survive?
#   2. `world import` of a world whose metadata nests D levels deep: exit code and first error line.
# Usage: bench/store-abuse.sh [--launcher PATH] [--writers N] [--depth D]
# Prints one JSON object; runs in a fresh temporary directory that it removes afterwards.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
launcher="$root/bin/worldforge"
writers=8
depth=5000
while [ $# -gt 0 ]; do
  case "$1" in
    --launcher) launcher="$2"; shift 2 ;;
    --writers) writers="$2"; shift 2 ;;
    --depth) depth="$2"; shift 2 ;;
    *) echo "usage: bench/store-abuse.sh [--launcher PATH] [--writers N] [--depth D]" >&2; exit 2 ;;
  esac
done
launcher="$(cd "$(dirname "$launcher")" && pwd)/$(basename "$launcher")"
work="$(mktemp -d "${TMPDIR:-/tmp}/wf-store-abuse.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$launcher" --help >/dev/null # builds the distribution on first use, outside the timed part
id="$("$launcher" world create shared | sed -n 's/.*"id": "\(world_[0-9a-f]*\)".*/\1/p' | head -n 1)"
pids=()
for i in $(seq 1 "$writers"); do
  "$launcher" world add-object "$id" cube --x 0 --y 0.5 --z 0 --object-id "cube-$i" >"out-$i" 2>"err-$i" &
  pids+=($!)
done
ok=0
for pid in "${pids[@]}"; do
  if wait "$pid"; then ok=$((ok + 1)); fi
done
survived="$("$launcher" world objects "$id" | grep -c '"id": "cube-' || true)"
# A world whose metadata nests $depth levels deep.
{
  printf '{"schema_version":1,"state":{"schema_version":1,"id":"deep","name":"deep","provider":"mock","metadata":'
  for _ in $(seq 1 "$depth"); do printf '{"k":'; done
  printf '1'
  for _ in $(seq 1 "$depth"); do printf '}'; done
  printf '}}'
} >deep.json
set +e
"$launcher" world import deep.json >import.out 2>import.err
import_code=$?
set -e
first_error="$(head -n 1 import.err | cut -c1-160 | sed 's/\\/\\\\/g; s/"/\\"/g')"
printf '{"writers": %d, "writers_exit_0": %d, "objects_survived": %d, "import_depth": %d, "import_exit": %d, "import_first_stderr_line": "%s"}\n' \
  "$writers" "$ok" "$survived" "$depth" "$import_code" "$first_error"
