#!/usr/bin/env bash
# Sets up and runs every test: installs packages, builds (warnings are errors under CI=true), runs CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh all
scripts/build.sh
# JS test tools (browser tests, OpenAPI check), pinned by tests/js/package-lock.json.
(cd tests/js && npm ci --no-audit --no-fund --loglevel=error)
cd build
ctest --output-on-failure --timeout 900 -j "$(nproc)"
