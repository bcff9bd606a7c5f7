#!/bin/sh
# Results are created exclusively: sixty games by the same trainee with the
# same seed, finishing in the same second, leave sixty result files, each
# whole and each reproducing its score (none overwrote another).
# usage: check_concurrent_saves.sh KEYACCOUNTS SOURCE_DIR
set -u
bin=${1:?usage: check_concurrent_saves.sh KEYACCOUNTS SOURCE_DIR}
src=${2:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export KEYACCOUNTS_DATA_DIR="$tmp/data" KEYACCOUNTS_SCENARIOS="$src/scenarios" SOURCE_DATE_EPOCH=1767225600
fail=0
games=60
i=0
while [ $i -lt $games ]; do
    "$bin" play --text --seed 3 --name "Same Name" first-steps < "$src/tests/cli/play/first-steps-whole.in" \
        > "$tmp/play-$i.out" 2>&1 &
    i=$((i + 1))
done
wait
saved=$(grep -h '^Result saved: ' "$tmp"/play-*.out | sort -u | wc -l)
files=$(ls "$tmp/data/results"/*.json | grep -vc '\.xapi\.json$')
[ "$saved" -eq $games ] || { echo "FAIL: $saved distinct 'Result saved' lines, want $games"; fail=1; }
[ "$files" -eq $games ] || { echo "FAIL: $files result files, want $games"; fail=1; }
for f in "$tmp/data/results"/*.json; do
    case "$f" in *.xapi.json) continue ;; esac
    "$bin" replay "$f" > /dev/null 2>&1 || { echo "FAIL: $f does not replay"; fail=1; }
done
leftover=$(ls -a "$tmp/data/results" | grep -c '\.tmp')
[ "$leftover" -eq 0 ] || { echo "FAIL: $leftover temporary files left"; fail=1; }
[ $fail -eq 0 ] && echo "concurrent saves: $games games, $files result files, all replay"
exit $fail
