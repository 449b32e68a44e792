#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Gatehouse needs. Usage: scripts/deps.sh [--missing] [server|app|all]
#   server: build and run gatehouse-server;  app: plus the desktop app;  all: plus everything the tests use.
#   --missing: only print the packages not installed yet (one line), install nothing.
set -euo pipefail
list_only=0
if [ "${1:-}" = "--missing" ]; then list_only=1; shift; fi
what=${1:-all}

server=(build-essential cmake ninja-build pkg-config libpoco-dev libsqlite3-dev libargon2-dev libcsv-dev sqlite3 curl ca-certificates)
app=(qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-webengine-dev libqt6sql6-sqlite
     libqt6opengl6-dev libgl-dev fonts-dejavu-core)
tests=(xvfb xauth openssl chromium nginx-light wrk postgresql python3 python3-aiosmtpd nodejs npm)

case "$what" in
  server) wanted=("${server[@]}") ;;
  app) wanted=("${server[@]}" "${app[@]}") ;;
  all) wanted=("${server[@]}" "${app[@]}" "${tests[@]}") ;;
  *) echo "usage: $0 [server|app|all]" >&2; exit 64 ;;
esac

missing=()
for pkg in "${wanted[@]}"; do
  # node may come from elsewhere than Debian (nodesource, nvm): accept any working node + npm.
  if [[ $pkg == nodejs || $pkg == npm ]] && command -v node >/dev/null && command -v npm >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ $list_only -eq 1 ]; then echo "${missing[*]}"; exit 0; fi
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
