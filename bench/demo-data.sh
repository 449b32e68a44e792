#!/usr/bin/env bash
# Builds the demo data set at the given scale (default: large) into a fresh database and prints the
# time it took, the database size and the machine. Run on demand; record results in docs/BENCHMARKS.md.
#   bench/demo-data.sh [small|large] [path/to/gatehouse-server]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-large}
server=${2:-build/backend/gatehouse-server}
[ -x "$server" ] || { echo "build first (scripts/build.sh); no $server" >&2; exit 1; }

work=$(mktemp -d)
trap 'kill $pid 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
start=$(date +%s.%N)
"$server" --demo --demo-scale "$scale" --db "sqlite:$work/bench.db" --listen 127.0.0.1:0 \
  --set gatehouse.log.level=debug >"$work/log" 2>&1 &
pid=$!
until grep -q "Listening on" "$work/log"; do
  kill -0 $pid 2>/dev/null || { cat "$work/log"; exit 1; }
  sleep 0.2
done
end=$(date +%s.%N)
kill -TERM $pid; wait $pid || true

echo "date:      $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine:   $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB RAM"
echo "scale:     $scale"
grep -o "Demo data ready in .*" "$work/log"
grep -o "demo data: .*" "$work/log" | sed 's/^/  /'
awk -v s="$start" -v e="$end" 'BEGIN { printf "start-up:  %.1f s until the server listened (migrations and demo data included)\n", e - s }'
echo "database:  $(du -h "$work/bench.db" | cut -f1) ($(stat -c %s "$work/bench.db") bytes)"
