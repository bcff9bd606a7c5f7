#!/bin/sh
# Golden test of one broken scenario: runs the validator on broken/NAME.json
# from the tests/scenario folder (so the file name prints as broken/NAME.json)
# and compares its output byte for byte with broken/NAME.expected.
# The exit status must be 1 when an error is expected, else 0.
# usage: run_golden.sh VALIDATOR SOURCE_DIR NAME
set -u
validator=$1
cd "$2" || exit 1
name=$3
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
"$validator" validate "broken/$name.json" >"$actual" 2>/dev/null
status=$?
if ! diff -u "broken/$name.expected" "$actual"; then
    echo "golden mismatch for broken/$name.json (regenerate with tools/regen-golden-diagnostics.sh and review the diff)"
    exit 1
fi
if grep -q ' error \[' "broken/$name.expected"; then want=1; else want=0; fi
if [ "$status" -ne "$want" ]; then
    echo "broken/$name.json: exit status $status, expected $want"
    exit 1
fi
exit 0
