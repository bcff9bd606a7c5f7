#!/bin/sh
# Every diagnostic code the program can emit ("KAnnn" in a source file) has
# its own section in docs/diagnostics.md ("### KAnnn ...").
# usage: check_codes_documented.sh SOURCE_DIR
set -u
cd "$1" || exit 1
fail=0
for code in $(grep -rhoE '"KA[0-9]{3}"' src | tr -d '"' | sort -u); do
    if ! grep -qE "^### $code( |$)" docs/diagnostics.md; then
        echo "FAIL: $code is emitted (src/) but has no '### $code' section in docs/diagnostics.md"
        fail=1
    fi
done
exit $fail
