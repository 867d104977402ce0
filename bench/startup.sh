#!/usr/bin/env bash
# Start-up benchmark of the worldforge command line: wall time of `bin/worldforge --help` and
# `bin/worldforge doctor`, median, min and max over repeated runs, after one warm-up run.
#
#   bench/startup.sh              # 20 runs per row, with the CDS archive and without
#   bench/startup.sh -n 50        # more runs
#   bench/startup.sh --cds-only   # only the rows with the archive (what bin/worldforge does)
#
# Rows: "app archive" is bin/worldforge as shipped (the archive made by the build),
# "JDK archive only" is WORLDFORGE_CDS=off (the JDK's default CDS archive, no application classes),
# "no CDS" adds -Xshare:off. Runs of the rows are interleaved so that load on the machine affects
# every row alike; a run in which bin/worldforge rebuilt the distribution is repeated. Commands
# run in a temporary directory (nothing is created there unless a command writes), so nothing is
# written into the repository. On a fresh clone the warm-up run builds the distribution first.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-20}"
compare=1
while [ $# -gt 0 ]; do
  case "$1" in
    -n | --runs) runs="$2"; shift 2 ;;
    --cds-only) compare=0; shift ;;
    -h | --help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/startup.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$runs" in '' | *[!0-9]* | 0) echo "bench/startup.sh: runs must be a positive integer" >&2; exit 2 ;; esac

work="$(mktemp -d "${TMPDIR:-/tmp}/worldforge-startup.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work"
wf="$root/bin/worldforge"

# Timer: bash 5's EPOCHREALTIME (no process started), else GNU date (adds about 1 ms per run),
# else python3, which then starts and times each run itself.
if [ -n "${EPOCHREALTIME:-}" ]; then
  timer="EPOCHREALTIME"
  now() { local t="$EPOCHREALTIME"; NOW="${t//[!0-9]/}"; }
elif [ "$(date +%N)" != "%N" ] && [ "$(date +%N)" != "N" ]; then
  timer="date +%s%N"
  now() { NOW=$(($(date +%s%N) / 1000)); }
elif command -v python3 > /dev/null; then
  timer="python3"
else
  echo "bench/startup.sh: no timer (needs bash 5, GNU date or python3)" >&2
  exit 2
fi
py_timed='
import os, subprocess, sys, time
err, assignment, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
env = dict(os.environ)
if assignment:
    key, value = assignment.split("=", 1)
    env[key] = value
with open(err, "w") as stderr:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=stderr, env=env)
    print(int((time.perf_counter() - start) * 1e6))
'

# Rows: label|environment|arguments
rows=("--help|app archive||--help" "doctor|app archive||doctor")
if [ "$compare" = 1 ]; then
  rows=(
    "--help|app archive||--help"
    "--help|JDK archive only|WORLDFORGE_CDS=off|--help"
    "--help|no CDS|WORLDFORGE_JAVA_OPTS=-Xshare:off|--help"
    "doctor|app archive||doctor"
    "doctor|JDK archive only|WORLDFORGE_CDS=off|doctor"
    "doctor|no CDS|WORLDFORGE_JAVA_OPTS=-Xshare:off|doctor"
  )
fi

run() { # $1 = environment assignment or empty, $2 = arguments; stdout discarded, stderr kept
  # shellcheck disable=SC2086 # $2 is one word or several, split on purpose
  if [ -n "$1" ]; then
    env "$1" "$wf" $2 > /dev/null 2> "$work/stderr"
  else
    "$wf" $2 > /dev/null 2> "$work/stderr"
  fi
}

run_row() { # $1 = row; runs it once
  local env args
  IFS='|' read -r _ _ env args <<< "$1"
  run "$env" "$args"
}

time_row() { # $1 = row; runs it once and sets ELAPSED (microseconds)
  local start env args
  IFS='|' read -r _ _ env args <<< "$1"
  if [ "$timer" = python3 ]; then
    # shellcheck disable=SC2086
    ELAPSED="$(python3 -c "$py_timed" "$work/stderr" "$env" "$wf" $args)"
  else
    now
    start="$NOW"
    run "$env" "$args" || true
    now
    ELAPSED=$((NOW - start))
  fi
}

# Warm-up: builds on first use (its output is shown), fills the page cache, checks every row works.
"$wf" --version > /dev/null
for row in "${rows[@]}"; do
  if ! run_row "$row"; then
    echo "bench/startup.sh: failed: $row" >&2
    cat "$work/stderr" >&2
    exit 1
  fi
done
if [ ! "$root/worldforge-cli/target/worldforge.jsa" -nt "$root/worldforge-cli/target/worldforge.jar" ]; then
  echo "bench/startup.sh: warning: no up-to-date CDS archive (worldforge-cli/target/worldforge.jsa);" \
    "the 'app archive' rows run without it" >&2
fi

i=0
for row in "${rows[@]}"; do : > "$work/times.$i"; i=$((i + 1)); done
for ((r = 0; r < runs; r++)); do
  i=0
  for row in "${rows[@]}"; do
    while :; do
      time_row "$row"
      # A run in which bin/worldforge rebuilt the distribution (sources changed meanwhile) is
      # not a start-up: discard it and run again.
      grep -q 'building the distribution' "$work/stderr" || break
    done
    echo "$ELAPSED" >> "$work/times.$i"
    i=$((i + 1))
  done
done

cpus="$(getconf _NPROCESSORS_ONLN 2> /dev/null || echo '?')"
load="$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || uptime | sed 's/.*load averages*: //')"
jdk="$("${JAVA_HOME:+$JAVA_HOME/bin/}java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.runtime\.version = //p')"
echo "bin/worldforge start-up, wall time over $runs runs per row after a warm-up (timer: $timer)"
echo "JDK $jdk, $cpus CPUs, load average $load"
echo
printf '%-26s %-17s %9s %9s %9s\n' "command" "CDS" "median" "min" "max"
i=0
for row in "${rows[@]}"; do
  IFS='|' read -r label mode _ _ <<< "$row"
  sort -n "$work/times.$i" | awk -v label="bin/worldforge $label" -v mode="$mode" '
    { t[NR] = $1 }
    END {
      m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      printf "%-26s %-17s %7.3f s %7.3f s %7.3f s\n", label, mode, m / 1e6, t[1] / 1e6, t[NR] / 1e6
    }'
  i=$((i + 1))
done
