#!/bin/sh
# The map in a real browser: headless Chromium renders the pages of a Russian
# scenario and of an English one with warnings; each screenshot must not be
# blank (ImageMagick: the standard deviation of the pixels and the number of
# colours are well above a blank or single-colour page).
# Without chromium: skips with a message and exit 77 (ctest: skipped), except
# with CI=true, where that is a failure (tools/deps.sh test installs it).
# usage: check_render.sh KEYACCOUNTS SOURCE_DIR
set -u
bin=${1:?usage: check_render.sh KEYACCOUNTS SOURCE_DIR}
src=${2:?}
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    if [ "${CI:-}" = true ]; then
        echo "FAIL: map: chromium is not installed (Debian package chromium), and with CI=true nothing may skip:"
        echo "      install it (tools/deps.sh test, or apt-get install chromium)"
        exit 1
    fi
    echo "map: SKIPPED: chromium is not installed, so the map was not rendered in a browser"
    echo "     (apt-get install chromium, then run the tests again)"
    exit 77
fi
command -v identify > /dev/null || { echo "FAIL: ImageMagick's identify is missing (tools/deps.sh test)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export KEYACCOUNTS_SCENARIOS="$src/scenarios" HOME="$tmp"
fail=0
for scn in massive-lubricants.ru "$src/tests/map/warnings.json"; do
    name=$(basename "$scn" .json)
    "$bin" map "$scn" --out "$tmp/$name.html" > /dev/null || { echo "FAIL: map $scn"; fail=1; continue; }
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$tmp/profile" --screenshot="$tmp/$name.png" --window-size=1400,1000 \
        "file://$tmp/$name.html" > "$tmp/log" 2>&1
    if [ ! -s "$tmp/$name.png" ]; then
        echo "FAIL: chromium made no screenshot of $name"
        tail -5 "$tmp/log"
        fail=1
        continue
    fi
    # a blank page has deviation 0 and 1 colour; text, cards and arrows give far more
    dev=$(identify -format '%[fx:int(standard_deviation*1000)]' "$tmp/$name.png")
    colours=$(identify -format '%k' "$tmp/$name.png")
    if [ "$dev" -lt 50 ] || [ "$colours" -lt 64 ]; then
        echo "FAIL: the screenshot of $name looks blank (deviation $dev/1000, $colours colours)"
        fail=1
    else
        echo "map $name: rendered, deviation $dev/1000, $colours colours"
    fi
done
exit $fail
