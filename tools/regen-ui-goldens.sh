#!/bin/sh
# Regenerates the golden screenshots of the game window (tests/ui/golden) and
# the screenshots in docs/screenshots. Review the new images before committing:
#   tools/regen-ui-goldens.sh [BUILD_DIR]
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
cmake --build "$build" --target ui_shots >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
SDL_VIDEODRIVER=dummy SDL_RENDER_DRIVER=software KEYACCOUNTS_SCENARIOS="$root/scenarios" \
    "$build/tests/ui/ui_shots" "$out"
mkdir -p "$root/tests/ui/golden" "$root/docs/screenshots"
rm -f "$root/tests/ui/golden"/*.png
for b in "$out"/*.bmp; do
    name=$(basename "$b" .bmp)
    convert "$b" -strip "PNG24:$root/tests/ui/golden/$name.png"
done
cp "$root/tests/ui/golden/en-board-massive-lubricants.png" "$root/docs/screenshots/board.png"
cp "$root/tests/ui/golden/ru-board-massive-lubricants.ru.png" "$root/docs/screenshots/board-ru.png"
cp "$root/tests/ui/golden/en-debrief-timeline.png" "$root/docs/screenshots/debrief.png"
cp "$root/tests/ui/golden/en-pitch-result.png" "$root/docs/screenshots/pitch.png"
cp "$root/tests/ui/golden/en-history.png" "$root/docs/screenshots/history.png"
cp "$root/tests/ui/golden/en-debrief-next.png" "$root/docs/screenshots/next-time.png"
cp "$root/tests/ui/golden/ru-name.png" "$root/docs/screenshots/name-ru.png"
cp "$root/tests/ui/golden/en-reload-errors.png" "$root/docs/screenshots/reload-errors.png"
cp "$root/tests/ui/golden/en-replay.png" "$root/docs/screenshots/replay.png"
echo "goldens: $(ls "$root/tests/ui/golden" | wc -l) screens in tests/ui/golden"
