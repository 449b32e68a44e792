#!/usr/bin/env bash
# Configures and builds into build/. Usage: scripts/build.sh [extra cmake arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [ "${CI:-}" = "true" ]; then args+=(-DGATEHOUSE_WERROR=ON); fi
cmake -S . -B build "${args[@]}" "$@" >/dev/null
cmake --build build --parallel "$(nproc)"
