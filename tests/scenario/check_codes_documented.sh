#!/bin/sh
# Every diagnostic code in the sources ("KAnnn" in src/) has its section
# "### KAnnn" in docs/diagnostics.md, and every section names a code that
# the sources still emit.
# usage: check_codes_documented.sh SOURCE_ROOT
set -u
root=$1
emitted=$(grep -rhoE '"KA[0-9]{3}"' "$root/src" | tr -d '"' | sort -u)
documented=$(grep -oE '^### KA[0-9]{3}' "$root/docs/diagnostics.md" | cut -c5- | sort -u)
fail=0
for code in $emitted; do
    if ! printf '%s\n' "$documented" | grep -qx "$code"; then
        echo "FAIL: $code is emitted by the sources but has no '### $code' section in docs/diagnostics.md"
        fail=1
    fi
done
for code in $documented; do
    if ! printf '%s\n' "$emitted" | grep -qx "$code"; then
        echo "FAIL: docs/diagnostics.md documents $code, which no source emits"
        fail=1
    fi
done
[ -n "$emitted" ] || { echo "FAIL: no codes found in $root/src"; fail=1; }
[ "$fail" -eq 0 ] && echo "$(printf '%s\n' "$emitted" | wc -l) codes, each documented"
exit $fail
