#!/usr/bin/env bash
# Builds the libFuzzer targets (GATEHOUSE_FUZZ=ON: clang, ASan + UBSan) in a build folder of their own and
# runs each for a while on its checked-in corpus. New inputs go to a scratch folder, not into the corpus.
# Exit 0 when every target ran without a finding, 1 on a finding (the crash file is named in the log),
# 77 when no clang with libFuzzer is available (CTest counts that as skipped).
# Usage: tests/fuzz/run.sh [--build DIR] [--seconds N] [--compiler CLANGXX] [--only NAME] [--jobs N]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="$root/build-fuzz"; seconds=20; compiler=""; only=""; jobs=1
while [ $# -gt 0 ]; do
  case "$1" in
    --build) build=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --compiler) compiler=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 64 ;;
  esac
done
if [ -z "$compiler" ] || [ "$compiler" = "GATEHOUSE_CLANGXX-NOTFOUND" ]; then
  compiler=$(command -v clang++-14 || command -v clang++ || true)
fi
if [ -z "$compiler" ]; then echo "no clang++: fuzzing skipped"; exit 77; fi
# libFuzzer ships in libclang-rt-14-dev; without it -fsanitize=fuzzer does not link.
probe=$(mktemp -d)
echo 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }' > "$probe/p.cpp"
if ! "$compiler" -fsanitize=fuzzer "$probe/p.cpp" -o "$probe/p" 2>/dev/null; then
  rm -rf "$probe"; echo "$compiler cannot link libFuzzer: fuzzing skipped"; exit 77
fi
rm -rf "$probe"

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache); fi
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER="$compiler" \
  -DGATEHOUSE_FUZZ=ON -DGATEHOUSE_BUILD_APP=OFF -DGATEHOUSE_BUILD_TESTS=OFF "${launcher[@]}" >/dev/null
targets=()
for source in "$here"/fuzz_*.cpp; do
  name=$(basename "$source" .cpp); name=${name#fuzz_}
  if [ -n "$only" ] && [ "$only" != "$name" ]; then continue; fi
  targets+=("$name")
done
cmake --build "$build" --target "${targets[@]/#/fuzz_}" >/dev/null

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for name in "${targets[@]}"; do
  scratch="$build/fuzz-work/$name"; mkdir -p "$scratch" "$build/fuzz-findings"
  log="$build/fuzz-$name.log"
  echo "fuzz_$name: ${seconds}s (log $log)"
  if ! "$build/tests/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=25 -rss_limit_mb=4096 -jobs="$jobs" \
        -workers="$jobs" -artifact_prefix="$build/fuzz-findings/$name-" -print_final_stats=1 \
        "$scratch" "$here/corpus/$name" >"$log" 2>&1; then
    echo "fuzz_$name: FINDING"; grep -E "ERROR|SUMMARY|Test unit written|abort" "$log" | head -20; status=1
  else
    grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE" "$log" | tail -2
  fi
done
exit $status
