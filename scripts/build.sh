#!/usr/bin/env bash
# Configures and builds into build/. Usage: scripts/build.sh [extra cmake arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
# Every option is passed each time: CMake remembers -D values in its cache, so a server-only build by
# run.sh must not leave the next test build without its tests. Later arguments override these.
args=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGATEHOUSE_BUILD_APP=ON -DGATEHOUSE_BUILD_TESTS=ON -DGATEHOUSE_WERROR=OFF)
if [ "${CI:-}" = "true" ]; then args+=(-DGATEHOUSE_WERROR=ON); fi
cmake -S . -B build "${args[@]}" "$@" >/dev/null
cmake --build build --parallel "$(nproc)"
