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
    "$validator" validate "$json" >"${json%.json}.expected" 2>/dev/null || true
    count=$((count + 1))
done
echo "regenerated $count files with $validator; now review: git diff tests/scenario/broken" >&2
