#!/bin/sh
# Goldens of `keyaccounts map`: each page must equal golden/NAME.html byte for
# byte, be the same bytes when drawn twice, and pass check_map.py (well-formed,
# self-contained, everything of the scenario on it, warnings where they
# belong). Then the command's errors: usage, a scenario with errors, a folder
# that cannot be written (nothing written, an old page left as it was).
# With --regen, rewrites the goldens instead (review the diff like code).
# usage: run_golden.sh KEYACCOUNTS SOURCE_DIR [--regen]
set -u
bin=${1:?usage: run_golden.sh KEYACCOUNTS SOURCE_DIR [--regen]}
src=${2:?}
regen=${3:-}
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
here=$src/tests/map
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export KEYACCOUNTS_SCENARIOS="$src/scenarios"
fail=0
no() { echo "FAIL: $*"; fail=1; }

# NAME  SCENARIO  [OPTIONS]
while read -r name scn opts; do
    # shellcheck disable=SC2086
    out=$("$bin" map "$scn" --out "$tmp/$name.html" $opts 2>&1)
    st=$?
    [ "$st" -eq 0 ] || { no "$name: exit $st: $out"; continue; }
    case $out in "wrote $tmp/$name.html"*) ;; *) no "$name: said '$out'" ;; esac
    if [ "$regen" = --regen ]; then
        cp "$tmp/$name.html" "$here/golden/$name.html"
        continue
    fi
    # shellcheck disable=SC2086
    "$bin" map "$scn" --out "$tmp/$name.again.html" $opts > /dev/null 2>&1
    cmp -s "$tmp/$name.html" "$tmp/$name.again.html" || no "$name: two runs differ"
    if ! diff -u "$here/golden/$name.html" "$tmp/$name.html" > "$tmp/diff" 2>&1; then
        no "$name: differs from golden/$name.html (tools/regen-map-goldens.sh regenerates; review the diff)"
        head -40 "$tmp/diff"
    fi
    case $scn in /*) json=$scn ;; *) json=$src/scenarios/$scn.json ;; esac
    python3 "$here/check_map.py" "$tmp/$name.html" "$json" || fail=1
done <<LIST
first-steps first-steps
massive-lubricants.ru massive-lubricants.ru
warnings $here/warnings.json
warnings.ru $here/warnings.json --lang ru
LIST
[ "$regen" = --regen ] && { echo "goldens written to $here/golden"; exit $fail; }

# the warnings are counted on the terminal
out=$("$bin" map "$here/warnings.json" --out "$tmp/w.html" 2>&1)
[ "$out" = "wrote $tmp/w.html (6 warnings, shown on the map)" ] || no "warnings count: '$out'"
# the page's words follow --lang, the scenario's text does not change
grep -q 'Предупреждения validate' "$tmp/warnings.ru.html" || no "--lang ru: no Russian heading"
grep -q 'Warnings from validate' "$tmp/warnings.html" || no "English scenario: no English heading"
grep -q '<script>' "$tmp/warnings.html" && no "the scenario's <script> reached the page unescaped"

# usage and errors
"$bin" map > /dev/null 2>&1; [ $? -eq 2 ] || no "no file: exit is not 2"
"$bin" map first-steps --lang de > /dev/null 2>&1; [ $? -eq 2 ] || no "--lang de: exit is not 2"
"$bin" map first-steps --bogus > /dev/null 2>&1; [ $? -eq 2 ] || no "--bogus: exit is not 2"
"$bin" map first-steps nordpak-three-accounts > /dev/null 2>&1; [ $? -eq 2 ] || no "two files: exit is not 2"
"$bin" map --help | grep -q 'usage: keyaccounts map' || no "--help"
echo old > "$tmp/keep.html"
err=$("$bin" map "$src/tests/scenario/broken/bad-enum.json" --out "$tmp/keep.html" 2>&1)
[ $? -eq 1 ] || no "a scenario with errors: exit is not 1"
case $err in *"error [KA"*"no map written"*) ;; *) no "a scenario with errors: said '$err'" ;; esac
[ "$(cat "$tmp/keep.html")" = old ] || no "a scenario with errors replaced the old page"
err=$("$bin" map "$tmp/nothing-here.json" --out "$tmp/x.html" 2>&1)
[ $? -eq 1 ] || no "a missing file: exit is not 1"
case $err in *"cannot read"*) ;; *) no "a missing file: said '$err'" ;; esac
err=$("$bin" map first-steps --out "$tmp/no/such/folder/map.html" 2>&1)
[ $? -eq 1 ] || no "an unwritable path: exit is not 1"
case $err in *"cannot write $tmp/no/such/folder/map.html"*) ;; *) no "an unwritable path: said '$err'" ;; esac
# the default: map.html in the current folder
(cd "$tmp" && "$bin" map first-steps > said.txt 2>&1) || no "default --out failed"
[ "$(cat "$tmp/said.txt")" = "wrote map.html" ] || no "default --out said '$(cat "$tmp/said.txt")'"
cmp -s "$tmp/map.html" "$tmp/first-steps.html" || no "default --out wrote another page"

[ $fail -eq 0 ] && echo "map goldens and checks pass"
exit $fail
