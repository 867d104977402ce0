#!/usr/bin/env bash
# Load test of the reference service host (docs/service-host.md, "Load test"): starts
# bin/worldforge-service on a loopback port as one process, runs ai.worldforge.server.LoadGenerator
# as a second one (64 keep-alive connections alternating GET /readyz and POST
# /workflows/mock-predict, 5 s warm-up then 30 s measured), stops the service with SIGTERM and
# prints the generator's report and the service's shutdown record (requests, heap).
#
#   bench/service-load.sh [--connections N] [--duration S] [--warmup S] [--threads N] [--mix mixed|healthz]
#
# --mix healthz sends only GET /healthz: the ceiling of the HTTP stack on this machine.
#
# Measured, never asserted; not part of ./mvnw verify.
set -euo pipefail
case "${BASH_SOURCE[0]}" in
  */*) here="${BASH_SOURCE[0]%/*}" ;;
  *) here=. ;;
esac
root="$(CDPATH="" cd -- "$here/.." && pwd)"
connections=64
duration=30
warmup=5
threads=""
mix=mixed
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --mix) mix="$2"; shift 2 ;;
    *) echo "usage: bench/service-load.sh [--connections N] [--duration S] [--warmup S] [--threads N] [--mix mixed|healthz]" >&2; exit 2 ;;
  esac
done

java=java
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  java="$JAVA_HOME/bin/java"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
service_log="$work/service.log"

# Port 0: the service binds a free port and prints it on its first stdout line.
extra=()
if [ -n "$threads" ]; then extra+=(--threads "$threads"); fi
"$root/bin/worldforge-service" --host 127.0.0.1 --port 0 --provider mock \
  --state-dir "$work/worlds" "${extra[@]}" >"$work/service.out" 2>"$service_log" &
service_pid=$!
port=""
for _ in $(seq 1 600); do
  if grep -q "listening on" "$work/service.out" 2>/dev/null; then
    port="$(sed -n 's#.*http://127.0.0.1:\([0-9]*\).*#\1#p' "$work/service.out" | head -1)"
    break
  fi
  if ! kill -0 "$service_pid" 2>/dev/null; then
    echo "service exited early:" >&2; cat "$service_log" >&2; exit 1
  fi
  sleep 0.1
done
if [ -z "$port" ]; then
  echo "service did not start" >&2; kill "$service_pid" 2>/dev/null || true; exit 1
fi
echo "service pid $service_pid on 127.0.0.1:$port ($(nproc) CPUs); generator: $connections connections, ${warmup}s warm-up, ${duration}s measured"

status=0
"$java" -XX:+UseSerialGC -cp "$root/worldforge-server/target/worldforge-service.jar" \
  ai.worldforge.server.LoadGenerator --url "http://127.0.0.1:$port" \
  --connections "$connections" --duration "$duration" --warmup "$warmup" --mix "$mix" || status=$?

kill -TERM "$service_pid"
wait "$service_pid" || true
echo "service shutdown record:"
grep '"service_stopped"' "$service_log" || echo "(none)"
echo "service log lines: $(wc -l <"$service_log")"
exit "$status"
