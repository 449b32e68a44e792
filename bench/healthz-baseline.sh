#!/usr/bin/env bash
# /healthz against a bare Poco server writing the same bytes (bench/poco-healthz.cpp), in the same run:
# requests/s, p99, server CPU and context switches per request (from /proc, server threads only).
#   bench/healthz-baseline.sh [seconds per run, default 10] [gatehouse-server binary]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
server=${2:-build/backend/gatehouse-server}
[ -x "$server" ] || { echo "build first (scripts/build.sh)" >&2; exit 1; }
[ -x build/bench/poco-healthz ] || cmake --build build --target poco-healthz >/dev/null
command -v wrk >/dev/null || scripts/deps.sh all

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
port_of() { grep -o 'Listening on http://127.0.0.1:[0-9]*' "$1" | grep -o '[0-9]*$'; }

"$server" --demo --db "sqlite:$work/demo.db" --listen 127.0.0.1:0 --set gatehouse.log.access=false >"$work/g.log" 2>&1 &
gpid=$!; pids+=($gpid)
build/bench/poco-healthz 0 >"$work/p.log" 2>&1 &
ppid=$!; pids+=($ppid)
until grep -q "Listening on" "$work/g.log" && grep -q "Listening on" "$work/p.log"; do sleep 0.2; done
tick=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
switches() { cat /proc/"$1"/task/*/status | awk '/ctxt_switches/ { s += $2 } END { print s }'; }

measure() { # name pid port
  wrk -t2 -c64 -d1s "http://127.0.0.1:$3/healthz" >/dev/null
  local c0 s0 out c1 s1 n
  c0=$(cpu "$2"); s0=$(switches "$2")
  out=$(wrk -t2 -c64 -d"${secs}s" --latency "http://127.0.0.1:$3/healthz")
  c1=$(cpu "$2"); s1=$(switches "$2")
  n=$(awk '/requests in/ { print $1 }' <<<"$out")
  awk -v name="$1" -v rps="$(awk '/Requests\/sec/ { print $2 }' <<<"$out")" -v p="$(awk '$1 == "99%" { print $2 }' <<<"$out")" \
    -v c="$((c1 - c0))" -v t="$tick" -v s="$((s1 - s0))" -v n="$n" \
    'BEGIN { printf "%-14s %8.0f req/s  p99 %-8s server CPU %6.1f us/request  %5.2f context switches/request\n", name, rps, p, c / t * 1e6 / n, s / n }'
  grep -E "Non-2xx|Socket errors" <<<"$out" || true
}
echo "date:    $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "load:    wrk -t2 -c64 -d${secs}s, keep-alive"
measure "bare Poco" "$ppid" "$(port_of "$work/p.log")"
measure "Gatehouse" "$gpid" "$(port_of "$work/g.log")"
