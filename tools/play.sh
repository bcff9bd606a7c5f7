#!/bin/sh
# Builds Key Accounts and starts the game on its default scenario.
# Extra arguments go to the game, e.g. tools/play.sh play --text first-steps
set -eu
cd "$(dirname "$0")/.."
tools/deps.sh build
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
exec build/keyaccounts "$@"
