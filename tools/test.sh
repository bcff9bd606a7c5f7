#!/bin/sh
# Builds Key Accounts and runs every test: once with warnings as errors, once
# more under AddressSanitizer + UndefinedBehaviorSanitizer, then the xAPI
# checks and bounded fuzzing. With CI=true (.ci/run) nothing may skip: a
# missing tool fails the run and names the Debian package.
set -eu
cd "$(dirname "$0")/.."
tools/deps.sh test
jobs=$(nproc)

echo "== build (warnings are errors) =="
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKA_WERROR=ON >/dev/null
cmake --build build -j"$jobs"
echo "== tests =="
ctest --test-dir build --output-on-failure -j"$jobs"

echo "== valgrind memcheck: a whole terminal game, validate =="
valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
    build/keyaccounts play --text --no-save --seed 3 scenarios/first-steps.json \
    < tests/cli/play/first-steps-whole.in > /dev/null
status=0
valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
    build/keyaccounts validate scenarios/*.json tests/scenario/broken/*.json > /dev/null 2>&1 || status=$?
# the broken scenarios make validate exit 1; 0 would mean it missed their errors
if [ "$status" -ne 1 ]; then
    echo "validate under valgrind: exit $status, want 1 (99: valgrind found errors)"; exit 1
fi

echo "== build with AddressSanitizer + UndefinedBehaviorSanitizer =="
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DKA_WERROR=ON -DKA_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$jobs"
echo "== tests under sanitizers =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs"
echo "== xAPI: xapi-validation, and a real LRS across a network cut (npm packages; tests/xapi/run.sh) =="
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    sh tests/xapi/run.sh build-asan/keyaccounts build-asan/tests/workshop/make_class "$(pwd)"
echo "== fuzzing: scenario loader and session/result files, 60 s each (tools/fuzz.sh) =="
tools/fuzz.sh 60
echo "== all tests passed =="
