#!/bin/sh
# Regenerates tests/scenario/broken/*.expected: the exact output of
# `validate` on each broken scenario, run from tests/scenario so the file
# names print as broken/NAME.json. Review the diff like code before committing.
# usage: tools/regen-golden-diagnostics.sh [VALIDATOR]
#   VALIDATOR defaults to the first of build*/keyaccounts or
#   build*/tests/scenario/ka_validate that exists.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
validator=${1:-}
if [ -z "$validator" ]; then
    for candidate in "$root"/build*/keyaccounts "$root"/build*/tests/scenario/ka_validate; do
        if [ -x "$candidate" ]; then
            validator=$candidate
            break
        fi
    done
fi
if [ -z "$validator" ] || [ ! -x "$validator" ]; then
    echo "regen-golden-diagnostics: build keyaccounts first, or pass the validator's path" >&2
    exit 2
fi
case $validator in /*) ;; *) validator=$(pwd)/$validator ;; esac
cd "$root/tests/scenario"
count=0
for json in broken/*.json; do
    # 1 is expected (the file has errors); anything else but 0 is a crash or a usage error
    status=0
    "$validator" validate "$json" >"${json%.json}.expected" 2>"$root/tests/scenario/.regen-err" || status=$?
    if [ "$status" -gt 1 ]; then
        echo "regen-golden-diagnostics: validate $json exited $status:" >&2
        cat "$root/tests/scenario/.regen-err" >&2
        rm -f "$root/tests/scenario/.regen-err"
        exit 1
    fi
    count=$((count + 1))
done
rm -f "$root/tests/scenario/.regen-err"
echo "regenerated $count files with $validator; now review: git diff tests/scenario/broken" >&2
