#!/bin/sh
# Regenerates the goldens of `keyaccounts map` (tests/map/golden) from a build.
# Review the diff like code before committing.
# usage: tools/regen-map-goldens.sh [BUILD_DIR]   (default: build)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
sh tests/map/run_golden.sh "$PWD/$build/keyaccounts" "$PWD" --regen
git status --short tests/map
