#!/bin/sh
# Bounded fuzzing of the scenario loader and of session/result files with
# libFuzzer (clang -fsanitize=fuzzer,address,undefined).
# Usage: tools/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
# Builds build-fuzz/ with CC=clang -DKA_FUZZ=ON, then runs each target for the
# given time over a working corpus (build-fuzz/corpus/<target>, kept between
# runs) seeded from the shipped scenarios, the golden broken ones, the hostile
# files and tests/fuzz/corpus. A crash, leak, timeout (10 s per input) or
# memory blow-up (2 GB) fails the run; the input is left in
# build-fuzz/artifacts/ and the line to reproduce it is printed.
# Exit status: 0 clean, 1 a finding or a build failure; prints SKIP and exits 0
# when clang's libFuzzer is not available.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build-fuzz

if ! command -v clang >/dev/null 2>&1; then
    echo "SKIP: fuzzing: clang is not installed (tools/deps.sh test installs it)"
    exit 0
fi
probe=$(mktemp -d "${TMPDIR:-/tmp}/ka-fuzzprobe.XXXXXX")
trap 'rm -rf "$probe"' EXIT
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$probe/p.c"
if ! clang -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" >/dev/null 2>&1; then
    echo "SKIP: fuzzing: clang cannot link -fsanitize=fuzzer (libFuzzer missing: install libclang-rt-dev)"
    exit 0
fi

echo "== fuzz build (clang, libFuzzer, ASan, UBSan) =="
CC=clang cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DKA_FUZZ=ON -DKA_BUILD_UI=OFF >/dev/null
cmake --build "$build" -j"$(nproc)" --target fuzz_scenario fuzz_session >/dev/null

# Seeds: copied into the working corpus so that libFuzzer adds its finds there
# and never writes into the source tree.
mkdir -p "$build/corpus/scenario" "$build/corpus/session" "$build/artifacts"
cp scenarios/*.json tests/scenario/broken/*.json tests/scenario/valid/*.json \
   tests/hostile/files/* "$build/corpus/scenario/"
cp tests/fuzz/corpus/session/* "$build/corpus/session/"
[ -d tests/fuzz/corpus/scenario ] && find tests/fuzz/corpus/scenario -type f -exec cp {} "$build/corpus/scenario/" \;

status=0
for target in scenario session; do
    echo "== fuzz_$target for $seconds s =="
    log="$build/fuzz_$target.log"
    if ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 \
        UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
        "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
            -rss_limit_mb=2048 -max_len=1048576 -print_final_stats=1 \
            -artifact_prefix="$build/artifacts/$target-" "$build/corpus/$target" > "$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz_$target: $runs inputs in $seconds s, nothing found (corpus: $(ls "$build/corpus/$target" | wc -l) files)"
    else
        status=1
        echo "FAIL: fuzz_$target found a problem:"
        grep -E 'ERROR|SUMMARY|invariant|runtime error' "$log" | head -20
        echo "reproduce with: $build/tests/fuzz/fuzz_$target $(ls -t "$build/artifacts/$target-"* 2>/dev/null | head -1)"
        echo "or as a test:   build/tests/fuzz/fuzz_${target}_replay FILE; full log: $log"
    fi
done
exit $status
