#!/usr/bin/env bash
# Sets up and runs every test: installs packages, builds (warnings are errors under CI=true), runs CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh all
scripts/build.sh
cd build
ctest --output-on-failure --timeout 900 -j "$(nproc)"
