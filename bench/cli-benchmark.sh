#!/usr/bin/env bash
# Throughput of the `worldforge benchmark` command itself, the two figures issue 6 asks for:
#   1. `bin/worldforge benchmark --provider mock --operation predict --iterations 20000 --format json`
#      → the report's throughput_per_second (a fresh JVM each run, so JIT warm-up is included);
#   2. the full mock benchmark, all five operations × 1,000 iterations → wall time of the whole
#      command, start-up included.
# Prints every run and the median of each figure; the reference's figure is 683 samples/s.
#
#   bench/cli-benchmark.sh          # 7 runs of each
#   bench/cli-benchmark.sh -n 15
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=7
while [ $# -gt 0 ]; do
  case "$1" in
    -n | --runs) runs="$2"; shift 2 ;;
    -h | --help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/cli-benchmark.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done
case "$runs" in '' | *[!0-9]* | 0) echo "bench/cli-benchmark.sh: runs must be a positive integer" >&2; exit 2 ;; esac
work="$(mktemp -d "${TMPDIR:-/tmp}/worldforge-cli-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$root/bin/worldforge" --version >/dev/null # builds the distribution on first use

median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }

: >"$work/throughput"
: >"$work/wall"
for i in $(seq "$runs"); do
  "$root/bin/worldforge" benchmark --provider mock --operation predict --iterations 20000 --format json >"$work/report.json"
  tp="$(grep -o '"throughput_per_second":[0-9.e+]*' "$work/report.json" | head -1 | cut -d: -f2)"
  start="$(date +%s.%N)"
  "$root/bin/worldforge" benchmark --provider mock --iterations 1000 --format json >/dev/null
  end="$(date +%s.%N)"
  wall="$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.3f", e - s}')"
  printf 'run %2d: predict x20000 %10.0f samples/s   all 5 ops x1000 %s s wall\n' "$i" "$tp" "$wall"
  echo "$tp" >>"$work/throughput"
  echo "$wall" >>"$work/wall"
done
tp_median="$(median <"$work/throughput")"
printf 'median: predict x20000 %.0f samples/s (%.0fx the reference'"'"'s 683/s); all 5 ops x1000 %s s wall\n' \
  "$tp_median" "$(awk -v t="$tp_median" 'BEGIN {print t / 683}')" "$(median <"$work/wall")"
