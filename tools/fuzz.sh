#!/bin/sh
# Bounded fuzzing of the scenario loader and of session/result files with
# libFuzzer (clang -fsanitize=fuzzer,address,undefined).
# Usage: tools/fuzz.sh [SECONDS_PER_TARGET]   (default 60)
# The compiler is clang-14 when installed (it matches libclang-rt-14-dev, the
# libFuzzer runtime tools/deps.sh installs), else clang; CC=... chooses another.
# Builds build-fuzz/ with that clang and -DKA_FUZZ=ON, then runs each target for the
# given time over a working corpus (build-fuzz/corpus/<target>, kept between
# runs) seeded from the shipped scenarios, the golden broken ones, the hostile
# files and tests/fuzz/corpus. A crash, leak, timeout (10 s per input) or
# memory blow-up (2 GB) fails the run; the input is left in
# build-fuzz/artifacts/ and the line to reproduce it is printed.
# Exit status: 0 clean, 1 a finding or a build failure. When clang or its
# libFuzzer is not available: prints SKIP and exits 0, except with CI=true,
# where that is an error (exit 1) naming the Debian packages to install.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build-fuzz
packages="clang-14 libclang-rt-14-dev"

unavailable() { # unavailable WHY: no fuzzing here
    if [ "${CI:-}" = true ]; then
        echo "FAIL: fuzzing: $1; with CI=true nothing may skip: install the Debian packages $packages" \
             "(tools/deps.sh test installs them)"
        exit 1
    fi
    echo "SKIP: fuzzing: $1 (install the Debian packages $packages; tools/deps.sh test installs them)"
    exit 0
}

if [ -n "${CC:-}" ]; then
    cc=$CC
elif command -v clang-14 >/dev/null 2>&1; then
    cc=clang-14
else
    cc=clang
fi
command -v "$cc" >/dev/null 2>&1 || unavailable "$cc is not installed"
probe=$(mktemp -d "${TMPDIR:-/tmp}/ka-fuzzprobe.XXXXXX")
trap 'rm -rf "$probe"' EXIT
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' > "$probe/p.c"
if ! "$cc" -fsanitize=fuzzer,address,undefined "$probe/p.c" -o "$probe/p" > "$probe/log" 2>&1; then
    head -5 "$probe/log"
    unavailable "$cc cannot link -fsanitize=fuzzer (its libFuzzer runtime is missing)"
fi

echo "== fuzz build ($cc, libFuzzer, ASan, UBSan) =="
CC=$cc cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Debug -DKA_FUZZ=ON -DKA_BUILD_UI=OFF >/dev/null
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
