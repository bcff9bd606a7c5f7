#!/bin/sh
# validate --watch: validates at once, again after each save of the file, and
# ends with exit status 0 on Ctrl-C (SIGINT). Waits are bounded loops on the
# watcher's output, never fixed sleeps.
set -u
bin=${1:?usage: check_validate_watch.sh KEYACCOUNTS SOURCE_DIR}
src=${2:?}
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
say() { echo "FAIL: $*"; fail=1; }
file="$tmp/scn.json"
cp "$src/scenarios/first-steps.json" "$file"

# wait_for N: until the watcher has said "watching" N times
wait_for() {
    tries=0
    while [ "$(grep -c '^watching ' "$tmp/err")" -lt "$1" ]; do
        tries=$((tries + 1))
        [ "$tries" -gt 1000 ] && { say "no run $1 of the watcher"; return 1; }
        sleep 0.01
    done
}

"$bin" validate --watch "$file" > "$tmp/out" 2> "$tmp/err" &
pid=$!
wait_for 1
grep -q "^watching $file; Ctrl-C to stop$" "$tmp/err" || say "no line saying what is watched"
grep -q "^0 errors" "$tmp/err" || say "the first run does not report the clean file"

# first edit: break it (an unknown key)
sed 's/"weeks":/"wekes":/' "$src/scenarios/first-steps.json" > "$tmp/new" && mv "$tmp/new" "$file"
wait_for 2
grep -q "error \[KA" "$tmp/out" || say "the broken file's error is not printed after the save"
# second edit: mend it, written in place
cat "$src/scenarios/first-steps.json" > "$file"
wait_for 3
[ "$(grep -c '^0 errors' "$tmp/err")" -eq 2 ] || say "the mended file is not reported clean"

kill -s INT "$pid"
wait "$pid"
st=$?
pid=""
[ "$st" -eq 0 ] || say "exit status $st after Ctrl-C, expected 0"
[ "$fail" -eq 0 ] && echo "validate --watch follows the file"
exit "$fail"
