#!/usr/bin/env bash
# Sets up and runs Gatehouse: installs packages, builds, starts gatehouse-server with the demo data on
# http://127.0.0.1:8080 and, when a display is present, opens Gatehouse Admin connected to it.
set -euo pipefail
cd "$(dirname "$0")/.."
with_app=1
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then with_app=0; fi
if [ $with_app -eq 1 ]; then scripts/deps.sh app; else scripts/deps.sh server; fi
if [ $with_app -eq 1 ]; then scripts/build.sh -DGATEHOUSE_BUILD_TESTS=OFF; else scripts/build.sh -DGATEHOUSE_BUILD_APP=OFF -DGATEHOUSE_BUILD_TESTS=OFF; fi

mkdir -p var
server=build/backend/gatehouse-server
"$server" --demo --listen 127.0.0.1:8080 --db sqlite:var/gatehouse.db &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT INT TERM
for _ in $(seq 1 100); do
  curl -fs http://127.0.0.1:8080/healthz >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { echo "gatehouse-server did not start" >&2; exit 1; }
  sleep 0.2
done
echo
echo "Gatehouse portal: http://127.0.0.1:8080/   (stop with Ctrl+C)"
if [ $with_app -eq 1 ] && [ -x build/app/gatehouse-admin ]; then
  build/app/gatehouse-admin --server http://127.0.0.1:8080 &
fi
wait $pid
