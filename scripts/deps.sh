#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages Gatehouse needs, then checks the versions the build and the tests rely on.
# Usage: scripts/deps.sh [--missing|--versions] [server|app|all]
#   server: build and run gatehouse-server;  app: plus the desktop app;  all: plus everything the tests use.
#   --missing: only print the packages not installed yet (one line), install nothing.
#   --versions: only print the versions found (Node, npm, Chromium, CMake, Qt, Poco), install and check nothing.
set -euo pipefail
mode=install
case "${1:-}" in
  --missing) mode=missing; shift ;;
  --versions) mode=versions; shift ;;
esac
what=${1:-all}

# The oldest versions that work. Debian 12 ships Node 18.20, CMake 3.25, Qt 6.4.2, Poco 1.11.0, Chromium 1xx;
# Ubuntu 24.04 ships Node 18.19. Node's minimum is tests/js/package.json's "engines" (checked there per package).
min_cmake=3.22   # CMakeLists.txt: cmake_minimum_required
min_qt=6.4       # find_package(Qt6 6.4), qt_add_translations' TS_FILES form
min_poco=1.11    # find_package(Poco 1.11)
min_node=18.19
min_npm=9        # npm ci with a version 3 lock file
min_chromium=110 # playwright-core 1.61 speaks its DevTools protocol

server=(build-essential cmake ninja-build pkg-config libpoco-dev libsqlite3-dev libargon2-dev sqlite3 curl ca-certificates)
app=(qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-webengine-dev libqt6sql6-sqlite
     libqt6opengl6-dev libgl-dev fonts-dejavu-core qt6-qpa-plugins qt6-translations-l10n librsvg2-bin icoutils)
tests=(xvfb xauth openssl chromium nginx-light wrk postgresql python3 python3-aiosmtpd nodejs npm
       dpkg-dev fakeroot file lintian appstream desktop-file-utils msitools wixl libxml2-utils python3-yaml adduser)

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

# Version of each tool as a dotted number, or empty when it is not there.
found() {
  case "$1" in
    cmake) cmake --version 2>/dev/null | sed -n '1s/^cmake version \([0-9.]*\).*/\1/p' ;;
    qt) pkg-config --modversion Qt6Core 2>/dev/null || true ;;
    poco) sed -n 's/^#define POCO_VERSION 0x\(..\)\(..\)\(..\).*/\1 \2 \3/p' /usr/include/Poco/Version.h 2>/dev/null |
            { read -r a b c && printf '%d.%d.%d\n' "0x$a" "0x$b" "0x$c"; } || true ;;
    node) node --version 2>/dev/null | sed 's/^v//' || true ;;
    npm) npm --version 2>/dev/null || true ;;
    chromium) chromium --version 2>/dev/null | sed -n 's/^Chromium \([0-9.]*\).*/\1/p' || true ;;
  esac
}
checked=(cmake poco)
case "$what" in app) checked+=(qt) ;; all) checked+=(qt node npm chromium) ;; esac
if [ $mode = versions ]; then
  for tool in node npm chromium cmake qt poco; do printf '%-9s %s\n' "$tool" "$(found $tool || true)"; done
  exit 0
fi
if [ $mode = missing ]; then echo "${missing[*]}"; exit 0; fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Stop here, naming what is too old, rather than let a build or a test fail later for a reason it cannot say.
too_old=()
for tool in "${checked[@]}"; do
  min_var="min_$tool"; min=${!min_var}; have=$(found "$tool" || true)
  if [ -z "$have" ]; then too_old+=("$tool: not found (need $min or newer)")
  elif [ "$(printf '%s\n%s\n' "$min" "$have" | sort -V | head -n1)" != "$min" ]; then
    too_old+=("$tool $have is too old: Gatehouse needs $min or newer")
  fi
done
if [ ${#too_old[@]} -gt 0 ]; then
  printf 'scripts/deps.sh: %s\n' "${too_old[@]}" >&2
  echo "Install newer versions from your distribution (Debian 12 and Ubuntu 24.04 have them) and run this again." >&2
  exit 1
fi
