#!/bin/sh
# Golden transcripts of scripted terminal games: for each NAME.in in DIR,
# `keyaccounts play --text $(cat NAME.args) < NAME.in` must print exactly
# NAME.expected. With --regen, rewrites the .expected files instead.
set -u
bin=${1:?usage: run_play_golden.sh KEYACCOUNTS DIR [--regen]}
dir=${2:?}
regen=${3:-}
export KEYACCOUNTS_SCENARIOS="$dir/../../../scenarios"
# Finished games write result files: into a temporary data folder, at a fixed
# time, so nothing lands in the home folder and the printed paths are stable.
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export KEYACCOUNTS_DATA_DIR="$data"
export SOURCE_DATE_EPOCH=1767225600
status=0
count=0
for input in "$dir"/*.in; do
    name=${input%.in}
    # shellcheck disable=SC2046
    "$bin" play --text $(cat "$name.args") < "$input" > "$data/transcript" 2>&1
    st=$?
    actual=$(sed "s|$data|\$DATA|g" "$data/transcript"; echo "exit $st")
    count=$((count + 1))
    if [ "$regen" = --regen ]; then
        printf '%s\n' "$actual" > "$name.expected"
        continue
    fi
    if ! printf '%s\n' "$actual" | diff -u "$name.expected" - > /tmp/ka-golden-diff.$$ 2>&1; then
        echo "MISMATCH: $(basename "$name")"
        head -60 /tmp/ka-golden-diff.$$
        status=1
    fi
    rm -f /tmp/ka-golden-diff.$$
done
[ "$count" -gt 0 ] || { echo "no transcripts in $dir"; exit 1; }
[ "$status" -eq 0 ] && echo "$count transcripts match"
exit $status
