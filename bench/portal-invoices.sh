#!/usr/bin/env bash
# The portal's invoice list under load, against nginx serving the same response bytes as a static
# file, in the same run on the same machine (issue 16's speed goal: >= 0.30x nginx's requests/s,
# p99 <= 10 ms, no errors, page 500 within 1.2x page 1's latency).
#   bench/portal-invoices.sh [seconds per run, default 15] [gatehouse-server binary]
# Needs the large demo data; it is built once into bench/data/large.db (about 1.5 GB; git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
connections=64
server=${2:-build/backend/gatehouse-server}
extra=(${GATEHOUSE_SET:-}) # e.g. GATEHOUSE_SET="--set gatehouse.http.maxThreads=160" for an older server
[ -x "$server" ] || { echo "build first (scripts/build.sh)" >&2; exit 1; }
command -v wrk >/dev/null && command -v nginx >/dev/null || scripts/deps.sh all

mkdir -p bench/data
db=bench/data/large.db
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

port_of() { grep -o 'Listening on http://127.0.0.1:[0-9]*' "$1" | grep -o '[0-9]*$'; }

if [ ! -s "$db" ]; then
  echo "Building the large demo data into $db (once)..."
  "$server" --demo --demo-scale large --db "sqlite:$db" --listen 127.0.0.1:0 >"$work/build.log" 2>&1 &
  pid=$!
  until grep -q "Listening on" "$work/build.log"; do kill -0 $pid 2>/dev/null || { cat "$work/build.log"; exit 1; }; sleep 1; done
  kill -TERM $pid; wait $pid || true
fi

"$server" --db "sqlite:$db" --listen 127.0.0.1:0 --set gatehouse.log.access=false \
  "${extra[@]}" >"$work/server.log" 2>&1 &
pids+=($!)
until grep -q "Listening on" "$work/server.log"; do sleep 0.2; done
gport=$(port_of "$work/server.log")
base="http://127.0.0.1:$gport/api/portal/v1"

curl -fsS -c "$work/cookies" -H 'Content-Type: application/json' \
  -d '{"email":"alice@demo.test","password":"Demo-Passw0rd"}' "$base/session" >/dev/null
cookie=$(awk '$6 == "gh_session" { print $7 }' "$work/cookies")
[ -n "$cookie" ] || { echo "sign-in failed" >&2; exit 1; }
page1="$base/customers/C100001/invoices?page=1"
page500="$base/customers/C100001/invoices?page=500"
curl -fsS -H "Cookie: gh_session=$cookie" "$page1" >"$work/invoices.json"
total=$(grep -o '"total":[0-9]*' "$work/invoices.json" | head -1)
curl -fsS -o /dev/null -H "Cookie: gh_session=$cookie" "$page500"

# nginx serves the very same bytes as a static file, configured for the same keep-alive load.
mkdir -p "$work/www" "$work/nginx"
cp "$work/invoices.json" "$work/www/invoices.json"
chmod a+rx "$work" "$work/www" && chmod a+r "$work/www/invoices.json" # nginx workers run unprivileged
nport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') # a free port
cat >"$work/nginx/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 1000000;
  client_body_temp_path $work/nginx; proxy_temp_path $work/nginx; fastcgi_temp_path $work/nginx;
  uwsgi_temp_path $work/nginx; scgi_temp_path $work/nginx;
  server {
    listen 127.0.0.1:$nport;
    root $work/www;
    default_type application/json;
  }
}
CONF
nginx -c "$work/nginx/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$nport/invoices.json" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fsS "http://127.0.0.1:$nport/invoices.json" | cmp -s - "$work/invoices.json" ||
  { echo "nginx does not serve the same bytes" >&2; cat "$work/nginx/error.log" >&2; exit 1; }

run() { # name url [cookie]
  local out="$work/$1.txt"
  if [ -n "${3:-}" ]; then wrk -t2 -c$connections -d"${duration}s" --latency -H "Cookie: gh_session=$3" "$2" >"$out"
  else wrk -t2 -c$connections -d"${duration}s" --latency "$2" >"$out"; fi
  cat "$out" >&2
}
rps() { awk '/Requests\/sec/ { print $2 }' "$work/$1.txt"; }
ms() { # percentile line (50%, 99%) in ms
  awk -v p="$2" '$1 == p { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; print v }' "$work/$1.txt"
}
errors() { awk '/Non-2xx|Socket errors/ { print }' "$work/$1.txt"; }

run nginx "http://127.0.0.1:$nport/invoices.json"
run page1 "$page1" "$cookie"
run page500 "$page500" "$cookie"

echo
echo "date:        $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine:     $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB RAM"
echo "load:        wrk -t2 -c$connections -d${duration}s, keep-alive; C100001 invoice list ($total), $(stat -c %s "$work/invoices.json") bytes"
printf 'nginx:       %10.0f req/s   p50 %6.2f ms   p99 %6.2f ms\n' "$(rps nginx)" "$(ms nginx 50%)" "$(ms nginx 99%)"
printf 'page 1:      %10.0f req/s   p50 %6.2f ms   p99 %6.2f ms\n' "$(rps page1)" "$(ms page1 50%)" "$(ms page1 99%)"
printf 'page 500:    %10.0f req/s   p50 %6.2f ms   p99 %6.2f ms\n' "$(rps page500)" "$(ms page500 50%)" "$(ms page500 99%)"
awk -v g="$(rps page1)" -v n="$(rps nginx)" 'BEGIN { printf "ratio:       %.2fx nginx (goal >= 0.30)\n", g / n }'
awk -v a="$(ms page500 50%)" -v b="$(ms page1 50%)" 'BEGIN { printf "page 500:    %.2fx page 1 median latency (goal <= 1.2)\n", a / b }'
e="$(errors nginx)$(errors page1)$(errors page500)"
echo "errors:      ${e:-none}"
