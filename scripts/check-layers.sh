#!/usr/bin/env bash
# The layering rules that a compiler cannot see (the include roots in backend/CMakeLists.txt make a
# wrong-way include fail to build): SQL text only in backend/store/, and backend/http never includes
# store/ headers (it speaks to the services). Exits 1 and names the lines otherwise.
#   scripts/check-layers.sh
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
if grep -nE '"(SELECT|INSERT|UPDATE|DELETE|WITH|CREATE|DROP|PRAGMA) ' backend/core backend/services backend/http \
  backend/jobs backend/server -r; then
  echo "SQL outside backend/store/ (above)" >&2
  status=1
fi
if grep -rn '#include "store/' backend/http; then
  echo "backend/http includes store/ headers (above): go through a service" >&2
  status=1
fi
exit $status
