#!/usr/bin/env bash
# "Forgot password" time, known against unknown addresses (API.md: the same time whether or not the
# account exists). Interleaves POST /password-resets for demo users' addresses and for addresses
# nobody has, over one keep-alive connection, and prints the median and p90 of each in ms. Each known
# address is asked for once, so every known request is one that (by the rules) mails a reset link.
#   bench/password-resets.sh [requests per kind, default 1000] [server binary, default build/...]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
server=${2:-build/backend/gatehouse-server}
[ -x "$server" ] || { echo "build first (scripts/build.sh)" >&2; exit 1; }

work=$(mktemp -d)
"$server" --demo --db "sqlite:$work/g.db" --listen 127.0.0.1:0 --set gatehouse.log.access=false \
  >"$work/server.log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
until grep -q "Listening on" "$work/server.log"; do sleep 0.2; done
port=$(grep -o 'Listening on http://127.0.0.1:[0-9]*' "$work/server.log" | grep -o '[0-9]*$')
echo "date:    $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server:  $server"
python3 - "$port" "$n" <<'PY'
import http.client, json, statistics, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
conn = http.client.HTTPConnection("127.0.0.1", port)
# Known addresses: n portal users made through the admin API, so each request below is the first for
# its address and (before the hourly cap) one that sends a mail.
conn.request("POST", "/api/admin/v1/session", json.dumps({"email": "admin@demo.test", "password": "Demo-Passw0rd"}),
             {"Content-Type": "application/json"})
r = conn.getresponse(); token = json.loads(r.read())["token"]
known = []
for i in range(n):
    email = f"known{i}@bench.test"
    conn.request("POST", "/api/admin/v1/portal-users", json.dumps({
        "email": email, "firstName": "Known", "lastName": str(i), "customerNumber": "C100010",
        "assignedCustomers": ["C100010"], "sections": ["invoices.view"], "isAdmin": False, "makePayment": False,
        "invite": False}), {"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
    r = conn.getresponse(); r.read()
    assert r.status == 201, (r.status, email)
    known.append(email)
def ask(email):
    body = json.dumps({"email": email})
    start = time.perf_counter()
    conn.request("POST", "/api/portal/v1/password-resets", body, {"Content-Type": "application/json"})
    r = conn.getresponse(); r.read()
    took = (time.perf_counter() - start) * 1000
    assert r.status == 202, r.status
    return took
for i in range(200):  # warm up
    ask(f"warm{i}@nowhere.test")
times = {"known": [], "unknown": []}
for i in range(n):
    times["known"].append(ask(known[i]))
    times["unknown"].append(ask(f"nobody{i}@nowhere.test"))
for kind, t in times.items():
    t.sort()
    print(f"{kind:8} median {statistics.median(t):.3f} ms   p90 {t[int(len(t) * 0.9)]:.3f} ms   ({len(t)} requests)")
PY
