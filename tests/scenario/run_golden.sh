#!/bin/sh
# Golden test of one broken scenario: runs the validator on broken/NAME.json
# from the tests/scenario folder (so the file name prints as broken/NAME.json)
# and compares its output byte for byte with broken/NAME.expected.
# The exit status must be 1 when an error is expected, else 0, and the
# summary on stderr must count the errors and warnings of the golden.
# usage: run_golden.sh VALIDATOR SOURCE_DIR NAME
set -u
validator=$1
cd "$2" || exit 1
name=$3
actual=$(mktemp)
errout=$(mktemp)
trap 'rm -f "$actual" "$errout"' EXIT
"$validator" validate "broken/$name.json" >"$actual" 2>"$errout"
status=$?
if ! diff -u "broken/$name.expected" "$actual"; then
    echo "golden mismatch for broken/$name.json (regenerate with tools/regen-golden-diagnostics.sh and review the diff)"
    cat "$errout"
    exit 1
fi
errors=$(grep -c ' error \[' "broken/$name.expected")
warnings=$(grep -c ' warning \[' "broken/$name.expected")
if [ "$errors" -gt 0 ]; then want=1; else want=0; fi
if [ "$status" -ne "$want" ]; then
    echo "broken/$name.json: exit status $status, expected $want"
    cat "$errout"
    exit 1
fi
plural() { [ "$1" -eq 1 ] || printf s; }
summary="$errors error$(plural "$errors"), $warnings warning$(plural "$warnings") in 1 file"
if [ "$(cat "$errout")" != "$summary" ]; then
    echo "broken/$name.json: stderr is not the summary '$summary':"
    cat "$errout"
    exit 1
fi
exit 0
