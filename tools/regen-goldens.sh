#!/bin/sh
# Regenerates every golden file from the current build: terminal transcripts
# and validate diagnostics. Review the diff like code before committing.
set -eu
cd "$(dirname "$0")/.."
cmake -S . -B build >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
sh tests/cli/run_play_golden.sh build/keyaccounts tests/cli/play --regen
if [ -x tools/regen-golden-diagnostics.sh ]; then
    tools/regen-golden-diagnostics.sh "$PWD/build/keyaccounts"
fi
git status --short tests
