#!/bin/sh
# Renders every screen (ui_shots) and compares each with its golden PNG:
# a pixel counts as different beyond a 10% colour fuzz, and a screen fails
# when more than 0.5% of its pixels differ. usage: compare_goldens.sh UI_SHOTS GOLDEN_DIR OUT_DIR
set -u
shots=${1:?}
golden=${2:?}
out=${3:?}
rm -rf "$out"
mkdir -p "$out"
"$shots" "$out" || { echo "ui_shots failed"; exit 1; }
status=0
n=0
for g in "$golden"/*.png; do
    [ -e "$g" ] || { echo "no goldens in $golden (run tools/regen-ui-goldens.sh)"; exit 1; }
    name=$(basename "$g" .png)
    bmp="$out/$name.bmp"
    if [ ! -f "$bmp" ]; then
        echo "FAIL $name: not rendered"; status=1; continue
    fi
    total=$(identify -format '%[fx:w*h]' "$g")
    diff=$(compare -metric AE -fuzz 10% "$g" "$bmp" "$out/$name-diff.png" 2>&1 >/dev/null | cut -d' ' -f1)
    limit=$((total / 200))
    case "$diff" in
        ''|*[!0-9.e+]*) echo "FAIL $name: compare said '$diff'"; status=1; continue ;;
    esac
    diff=${diff%.*}
    if [ "$diff" -gt "$limit" ]; then
        echo "FAIL $name: $diff pixels differ (limit $limit); see $out/$name-diff.png"
        status=1
    else
        n=$((n + 1))
    fi
done
for b in "$out"/*.bmp; do
    name=$(basename "$b" .bmp)
    [ -f "$golden/$name.png" ] || { echo "FAIL $name: no golden (run tools/regen-ui-goldens.sh)"; status=1; }
done
[ $status -eq 0 ] && echo "ui goldens: $n screens match"
exit $status
