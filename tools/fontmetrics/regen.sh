#!/bin/sh
# Regenerates src/scenario/fontmetrics.c from assets/fonts (needs libsdl2-ttf-dev).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cc -O1 -o "$tmp/gen" "$root/tools/fontmetrics/gen_fontmetrics.c" $(pkg-config --cflags --libs SDL2_ttf)
"$tmp/gen" "$root/assets/fonts/DejaVuSans.ttf" "$root/assets/fonts/DejaVuSans-Bold.ttf" \
    > "$root/src/scenario/fontmetrics.c"
echo "wrote src/scenario/fontmetrics.c"
