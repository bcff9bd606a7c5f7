#!/bin/sh
# Regenerates the goldens of `keyaccounts map` (tests/map/golden) from a build,
# and with chromium the screenshots of the map in docs/screenshots (map.png:
# first-steps; map-ru.png: the people of massive-lubricants.ru). Review the
# diff like code, and look at the images, before committing.
# usage: tools/regen-map-goldens.sh [BUILD_DIR]   (default: build)
set -eu
cd "$(dirname "$0")/.."
build=${1:-build}
sh tests/map/run_golden.sh "$PWD/$build/keyaccounts" "$PWD" --regen
if command -v chromium > /dev/null; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    export KEYACCOUNTS_SCENARIOS="$PWD/scenarios" HOME="$tmp"
    for scn in first-steps massive-lubricants.ru; do
        "$build/keyaccounts" map "$scn" --out "$tmp/$scn.html" > /dev/null
        chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
            --user-data-dir="$tmp/profile" --screenshot="$tmp/$scn.png" --window-size=1400,3000 \
            "file://$tmp/$scn.html" > /dev/null 2>&1
    done
    convert "$tmp/first-steps.png" -crop 1400x1500+0+0 +repage -strip docs/screenshots/map.png
    convert "$tmp/massive-lubricants.ru.png" -crop 1400x1250+0+300 +repage -strip docs/screenshots/map-ru.png
else
    echo "chromium is not installed: docs/screenshots/map*.png left as they are"
fi
git status --short tests/map docs/screenshots
