#!/bin/sh
# Renders every screen (ui_shots) and compares each with its golden PNG
# exactly: same size, not one pixel different (image_compare.sh says why).
# A screen without a golden, or a golden no screen rendered, fails too.
# usage: compare_goldens.sh UI_SHOTS GOLDEN_DIR OUT_DIR
set -u
shots=${1:?usage: compare_goldens.sh UI_SHOTS GOLDEN_DIR OUT_DIR}
golden=${2:?}
out=${3:?}
. "$(dirname "$0")/image_compare.sh"
rm -rf "$out"
mkdir -p "$out"
"$shots" "$out" || { echo "FAIL: ui_shots exited $?"; exit 1; }
status=0
n=0
for g in "$golden"/*.png; do
    [ -e "$g" ] || { echo "FAIL: no goldens in $golden (run tools/regen-ui-goldens.sh)"; exit 1; }
    name=$(basename "$g" .png)
    bmp="$out/$name.bmp"
    if [ ! -f "$bmp" ]; then
        echo "FAIL $name: not rendered"; status=1; continue
    fi
    why=$(image_compare "$g" "$bmp" "$out/$name-diff.png")
    case $? in
        0) n=$((n + 1)) ;;
        1) echo "FAIL $name: $why"; status=1 ;;
        *) echo "FAIL $name: cannot compare: $why"; status=1 ;;
    esac
done
for b in "$out"/*.bmp; do
    [ -e "$b" ] || { echo "FAIL: ui_shots rendered nothing into $out"; exit 1; }
    name=$(basename "$b" .bmp)
    [ -f "$golden/$name.png" ] || { echo "FAIL $name: no golden (run tools/regen-ui-goldens.sh)"; status=1; }
done
if [ $status -eq 0 ]; then
    echo "ui goldens: $n screens match exactly"
else
    echo "a screen changed: if the change is intended, run tools/regen-ui-goldens.sh and review the new images"
fi
exit $status
