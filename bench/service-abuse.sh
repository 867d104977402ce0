#!/usr/bin/env bash
# Abuse probe of the reference service host (docs/service-host.md, "Hostile clients"): starts
# bin/worldforge-service on a loopback port and measures how /healthz answers while
#
#   1. slow clients trickle request headers at 1 byte/s (4, then 20 connections), and
#   2. single oversized workflow requests arrive (POST /workflows/generate with
#      duration_seconds 1e5, 1e308 and 1e7).
#
#   bench/service-abuse.sh [--slow-seconds S] [--slow-clients "4 20"] [--sizes "100000 1e308 10000000"]
#                          [--watch-seconds S]
#
# For each slow-client round it prints the slowest /healthz probe (curl, one probe every 0.5 s
# while the slow clients are connected, each waiting up to 70 s) and how many took longer than
# 1 s; for each size the
# status, time and body size of the generate answer, a /healthz probe right after it and the heap
# in use (from /metrics); then, every 5 s for --watch-seconds (default 60), /healthz and the heap
# again, which shows whether work the host gave up on keeps running. The JVM
# runs with -Xmx1g unless WORLDFORGE_JAVA_OPTS says otherwise, so an unbounded request cannot take
# the machine's memory. Measured, never asserted; not part of ./mvnw verify (the bounded,
# asserting version is ServiceHostAbuseTest).
set -euo pipefail
case "${BASH_SOURCE[0]}" in
  */*) here="${BASH_SOURCE[0]%/*}" ;;
  *) here=. ;;
esac
root="$(CDPATH="" cd -- "$here/.." && pwd)"
slow_seconds=20
slow_rounds="4 20"
sizes="100000 1e308 10000000"
watch_seconds=60
while [ $# -gt 0 ]; do
  case "$1" in
    --slow-seconds) slow_seconds="$2"; shift 2 ;;
    --slow-clients) slow_rounds="$2"; shift 2 ;;
    --sizes) sizes="$2"; shift 2 ;;
    --watch-seconds) watch_seconds="$2"; shift 2 ;;
    *) echo "usage: bench/service-abuse.sh [--slow-seconds S] [--slow-clients \"4 20\"] [--sizes \"100000 1e308 10000000\"] [--watch-seconds S]" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d)"
service_pid=""
slow_pids=()
cleanup() {
  for pid in "${slow_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ -n "$service_pid" ]; then kill -KILL "$service_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

export WORLDFORGE_JAVA_OPTS="${WORLDFORGE_JAVA_OPTS:--Xmx1g}"
"$root/bin/worldforge-service" --host 127.0.0.1 --port 0 --provider mock \
  --state-dir "$work/worlds" >"$work/service.out" 2>"$work/service.log" &
service_pid=$!
port=""
for _ in $(seq 1 600); do
  if grep -q "listening on" "$work/service.out" 2>/dev/null; then
    port="$(sed -n 's#.*http://127.0.0.1:\([0-9]*\).*#\1#p' "$work/service.out" | head -1)"
    break
  fi
  if ! kill -0 "$service_pid" 2>/dev/null; then
    echo "service exited early:" >&2; cat "$work/service.log" >&2; exit 1
  fi
  sleep 0.1
done
if [ -z "$port" ]; then echo "service did not start" >&2; exit 1; fi
base="http://127.0.0.1:$port"
echo "service pid $service_pid on 127.0.0.1:$port ($(nproc) CPUs, JVM options: $WORLDFORGE_JAVA_OPTS); $(uptime | sed 's/.*load/load/')"

# One /healthz probe: "<status> <seconds>" (status 000 when nothing came back in time).
probe() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}' --max-time "${1:-30}" "$base/healthz" || true
}

# The heap in use in MiB, from the Prometheus text (empty when /metrics does not answer in 5 s).
heap() {
  curl -s --max-time 5 "$base/metrics" 2>/dev/null \
    | awk '/^jvm_memory_used_bytes\{area="heap"/ { sum += $NF } END { if (sum > 0) printf "%.0f MiB", sum / 1048576; else print "(no answer)" }' || true
}

# A client that sends a request one byte a second and never finishes its headers in time.
slow_client() {
  local request i
  request=$'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: '"$(printf 'a%.0s' $(seq 1 400))"$'\r\n\r\n'
  exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 0
  for ((i = 0; i < ${#request}; i++)); do
    printf '%s' "${request:i:1}" >&3 2>/dev/null || exit 0
    sleep 1
  done
}

echo
echo "== slow clients (1 byte/s) =="
for count in $slow_rounds; do
  slow_pids=()
  for _ in $(seq 1 "$count"); do
    slow_client &
    slow_pids+=($!)
  done
  sleep 1
  probes=0 slow=0 failed=0 worst=0 codes=""
  end=$((SECONDS + slow_seconds))
  while [ "$SECONDS" -lt "$end" ]; do
    read -r code took <<<"$(probe 70)"
    probes=$((probes + 1))
    if [ "$code" != 200 ]; then failed=$((failed + 1)); codes="$codes $code"; fi
    if awk -v t="$took" 'BEGIN { exit !(t > 1.0) }'; then slow=$((slow + 1)); fi
    worst="$(awk -v a="$worst" -v b="$took" 'BEGIN { print (b > a ? b : a) }')"
    sleep 0.5
  done
  for pid in "${slow_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait "${slow_pids[@]}" 2>/dev/null || true
  slow_pids=()
  printf '%2d slow clients, %ss: %d /healthz probes, slowest %.3f s, %d over 1 s, %d not 200%s\n' \
    "$count" "$slow_seconds" "$probes" "$worst" "$slow" "$failed" "${codes:+ (status:$codes)}"
done

echo
echo "== oversized generate requests =="
for duration in $sizes; do
  rm -f "$work/generate.body"
  out="$(curl -s -o "$work/generate.body" -w '%{http_code} %{time_total} %{size_download}' --max-time 60 \
    -H 'Content-Type: application/json' --data "{\"duration_seconds\": $duration}" "$base/workflows/generate" || true)"
  read -r code took size <<<"$out"
  message="$(head -c 160 "$work/generate.body" 2>/dev/null | tr -d '\n' || true)"
  read -r hcode htook <<<"$(probe 5)"
  printf 'duration_seconds %-9s -> %s in %s s, %s bytes: %s\n' "$duration" "$code" "$took" "${size:-0}" "$message"
  printf '    then /healthz -> %s in %s s; heap in use %s\n' "$hcode" "$htook" "$(heap)"
done
if [ -n "$sizes" ]; then
  for ((waited = 5; waited <= watch_seconds; waited += 5)); do
    sleep 5
    printf '%3ds later: /healthz -> %s; heap in use %s\n' "$waited" "$(probe 5 | tr ' ' '/')" "$(heap)"
  done
fi
if kill -0 "$service_pid" 2>/dev/null; then
  echo "service process alive; its OutOfMemoryError lines: $(grep -c OutOfMemoryError "$work/service.log" || true)"
  echo "final /healthz: $(probe 5)"
else
  echo "service process exited"
fi
