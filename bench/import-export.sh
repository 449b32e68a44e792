#!/usr/bin/env bash
# CSV import and export of 1,000,000 portal users (issue 11's speed and memory goals), side by side with
# the sqlite3 shell in the same run on the same machine:
#   import: upload + Check Data + run through the admin API  vs  sqlite3 `.import --csv` of the same
#           file into one table with a unique e-mail index (goal <= 2.0x, aim 1.5x);
#   server RSS: peak (VmHWM) over the whole import and export (goal < 256 MB);
#   export: POST /exports until its file is downloaded  vs  sqlite3 `.mode csv` of the same rows
#           (goal <= 2.0x).
#   bench/import-export.sh [rows, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
server=build/backend/gatehouse-server
[ -x "$server" ] || { echo "build first (scripts/build.sh)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell (scripts/deps.sh server)" >&2; exit 1; }
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
now() { date +%s.%N; }
secs() { python3 -c "print(f'{$2 - $1:.2f}')"; }

# The file: the demo's 200 customers, 9 columns, about 150 bytes a row.
python3 - "$rows" "$work/users.csv" <<'PY'
import sys
n, path = int(sys.argv[1]), sys.argv[2]
sections = ["account.summary|invoices.view|orders.view|deliveries.view", "invoices.view|statements.download",
            "account.summary|account.addresses|orders.view|deliveries.view|invoices.view|payments.view"]
with open(path, "w", newline="") as f:
    f.write("email,first_name,last_name,customer_number,is_admin,make_payment,allowed_sections,assigned_customers,status\r\n")
    for i in range(n):
        c = 100001 + i % 200
        f.write(f"user{i:07d}.portal@bench-example.test,Firstname{i % 977},Lastname-{i % 1013} Example,C{c},"
                f"{'Yes' if i % 10 == 0 else 'No'},{'Yes' if i % 3 == 0 else 'No'},{sections[i % 3]},"
                f"C{c}|C{100001 + (i + 1) % 200},{'active' if i % 2 else 'invited'}\r\n")
PY
size=$(stat -c %s "$work/users.csv")
echo "file: $rows rows, $size bytes"

# sqlite3 shell: one table, unique e-mail index, the same file.
t0=$(now)
sqlite3 "$work/shell.db" <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE users (email TEXT NOT NULL, first_name TEXT, last_name TEXT, customer_number TEXT, is_admin TEXT,
  make_payment TEXT, allowed_sections TEXT, assigned_customers TEXT, status TEXT);
CREATE UNIQUE INDEX users_email ON users(email);
.import --csv --skip 1 $work/users.csv users
SQL
t1=$(now)
shell_import=$(secs "$t0" "$t1")
t0=$(now)
sqlite3 "$work/shell.db" ".headers on" ".mode csv" ".output $work/shell-export.csv" "SELECT * FROM users ORDER BY email;"
t1=$(now)
shell_export=$(secs "$t0" "$t1")
echo "sqlite3 .import: ${shell_import} s; .mode csv export: ${shell_export} s"

"$server" --demo --db "sqlite:$work/gh.db" --listen 127.0.0.1:0 --set gatehouse.log.access=false \
  --set "gatehouse.dataDir=$work/var" >"$work/server.log" 2>&1 &
pid=$!
until grep -q "Listening on" "$work/server.log"; do kill -0 $pid || { cat "$work/server.log"; exit 1; }; sleep 0.2; done
port=$(grep -o 'Listening on http://127.0.0.1:[0-9]*' "$work/server.log" | grep -o '[0-9]*$')
api="http://127.0.0.1:$port/api/admin/v1"
token=$(curl -fsS -H 'Content-Type: application/json' -d '{"email":"admin@demo.test","password":"Demo-Passw0rd"}' \
  "$api/session" | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
auth=(-H "Authorization: Bearer $token")
field() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }

t0=$(now)
id=$(curl -fsS "${auth[@]}" -H 'Content-Type: text/csv' --data-binary "@$work/users.csv" \
  "$api/imports?entity=portal-users" | field '["id"]')
t1=$(now)
valid=$(curl -fsS "${auth[@]}" -X POST "$api/imports/$id/check" | field '["valid"]')
t2=$(now)
curl -fsS "${auth[@]}" -X POST "$api/imports/$id/run" >/dev/null
while true; do
  status=$(curl -fsS "${auth[@]}" "$api/imports/$id" | field '["status"]')
  [ "$status" = running ] || break
  sleep 0.2
done
t3=$(now)
counts=$(curl -fsS "${auth[@]}" "$api/imports/$id" | field '["created"], d["status"]' 2>/dev/null || true)
created=$(curl -fsS "${auth[@]}" "$api/imports/$id" | python3 -c 'import sys, json; d = json.load(sys.stdin); print(d["status"], "created", d["created"], "errors", d["errorCount"])')
upload=$(secs "$t0" "$t1"); check=$(secs "$t1" "$t2"); run=$(secs "$t2" "$t3"); total=$(secs "$t0" "$t3")
echo "gatehouse import: upload ${upload} s + check ${check} s (valid: $valid) + run ${run} s = ${total} s ($created)"
echo "  ratio to sqlite3 .import: $(python3 -c "print(f'{$total / $shell_import:.2f}x')")"

t0=$(now)
eid=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' -d '{"entity":"portal-users"}' "$api/exports" | field '["id"]')
while true; do
  status=$(curl -fsS "${auth[@]}" "$api/exports/$eid" | field '["status"]')
  [ "$status" = queued ] || [ "$status" = running ] || break
  sleep 0.2
done
curl -fsS "${auth[@]}" -o "$work/export.csv" "$api/exports/$eid/file"
t1=$(now)
export_time=$(secs "$t0" "$t1")
echo "gatehouse export: ${export_time} s ($status, $(($(wc -l <"$work/export.csv") - 1)) rows, $(stat -c %s "$work/export.csv") bytes)"
echo "  ratio to sqlite3 .mode csv: $(python3 -c "print(f'{$export_time / $shell_export:.2f}x')")"
echo "server peak RSS (VmHWM, whole run incl. demo data): $(grep VmHWM /proc/$pid/status | awk '{print $2, $3}')"
