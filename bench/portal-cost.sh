#!/usr/bin/env bash
# Server CPU time per request, endpoint by endpoint, on the large demo data: what each layer of a
# portal request costs (HTTP alone, + session and access, + the invoice list, + a deep page).
#   bench/portal-cost.sh [seconds per endpoint, default 5] [gatehouse-server binary]
#   (GH_SERVER=path works too)
# Needs bench/data/large.db (bench/portal-invoices.sh builds it once). The CPU time is read from
# /proc for the server process alone, so the load generator's share is not in it.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-5}
server=${2:-${GH_SERVER:-build/backend/gatehouse-server}}
extra=(${GATEHOUSE_SET:-}) # e.g. GATEHOUSE_SET="--set gatehouse.http.maxThreads=160" for an older server
db=bench/data/large.db
[ -x "$server" ] || { echo "build first (scripts/build.sh)" >&2; exit 1; }
[ -s "$db" ] || { echo "no $db yet: run bench/portal-invoices.sh once" >&2; exit 1; }
command -v wrk >/dev/null || scripts/deps.sh all

work=$(mktemp -d)
"$server" --db "sqlite:$db" --listen 127.0.0.1:0 --set gatehouse.log.access=false \
  "${extra[@]}" >"$work/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until grep -q "Listening on" "$work/server.log"; do sleep 0.2; done
port=$(grep -o 'Listening on http://127.0.0.1:[0-9]*' "$work/server.log" | grep -o '[0-9]*$')
base="http://127.0.0.1:$port/api/portal/v1"
curl -fsS -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"email":"alice@demo.test","password":"Demo-Passw0rd"}' "$base/session" >/dev/null
cookie=$(awk '$6 == "gh_session" { print $7 }' "$work/cookies")
tick=$(getconf CLK_TCK)
cpu() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; } # utime + stime, in ticks
switches() { cat /proc/"$pid"/task/*/status | awk '/ctxt_switches/ { s += $2 } END { print s }'; } # all threads

echo "date:    $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for url in "http://127.0.0.1:$port/healthz" "$base/me" "$base/customers/C100001/invoices?page=1" \
  "$base/customers/C100001/invoices?page=500"; do
  wrk -t2 -c64 -d1s -H "Cookie: gh_session=$cookie" "$url" >/dev/null # warm up
  before=$(cpu); sw0=$(switches)
  out=$(wrk -t2 -c64 -d"${secs}s" --latency -H "Cookie: gh_session=$cookie" "$url")
  after=$(cpu); sw1=$(switches)
  requests=$(awk '/requests in/ { print $1 }' <<<"$out")
  rps=$(awk '/Requests\/sec/ { print $2 }' <<<"$out")
  p99=$(awk '$1 == "99%" { print $2 }' <<<"$out")
  awk -v a="$before" -v b="$after" -v r="$requests" -v t="$tick" -v rps="$rps" -v p="$p99" -v u="${url#http://127.0.0.1:$port}" \
    -v s="$((sw1 - sw0))" \
    'BEGIN { printf "%-44s %7.0f req/s  p99 %-8s CPU %6.1f us/req  %5.2f switches/req\n", u, rps, p, (b - a) / t * 1e6 / r, s / r }'
  grep -E "Non-2xx|Socket errors" <<<"$out" || true
done
