#!/bin/sh
# A trainee's own scenario: the debrief's "play this scenario again" command
# works from any folder (the file's absolute path, quoted for the shell when it
# must be), and `play ID` also finds the data folder's scenarios/ (where the
# suggestion is then the plain ID).
set -u
bin=${1:?usage: check_own_scenario.sh KEYACCOUNTS SOURCE_DIR}
src=${2:?}
export KEYACCOUNTS_SCENARIOS="$src/scenarios"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export KEYACCOUNTS_DATA_DIR="$tmp/data"
fail=0
say() { echo "FAIL: $*"; fail=1; }

# again_arg OUTPUT: what the debrief says to type after `keyaccounts play`
again_arg() {
    sed -n 's/.*Play this scenario again with these in mind (keyaccounts play \(.*\))$/\1/p' "$1"
}

# plays ARG (shell words, as printed) in the terminal game from another folder
plays() {
    (cd / && eval "set -- $1" && echo quit | "$bin" play --text --no-save "$@") > "$tmp/again.out" 2>&1
}

mkdir -p "$tmp/x" "$tmp/with space"
cp "$src/scenarios/first-steps.json" "$tmp/x/logistics-retail.json"
cp "$src/scenarios/first-steps.json" "$tmp/with space/it's mine.json"

# a file elsewhere: its absolute path
(cd "$tmp/x" && echo quit | "$bin" play --text --no-save logistics-retail.json) > "$tmp/out" 2>&1
arg=$(again_arg "$tmp/out")
real=$(cd "$tmp/x" && pwd -P)/logistics-retail.json
[ "$arg" = "$real" ] || say "suggested '$arg', expected '$real'"
plays "$arg" || { say "the suggested command fails"; tail -3 "$tmp/again.out"; }

# a path that needs quoting
echo quit | "$bin" play --text --no-save "$tmp/with space/it's mine.json" > "$tmp/out" 2>&1
arg=$(again_arg "$tmp/out")
case $arg in \'*) ;; *) say "a path with a space and a quote is not quoted: $arg" ;; esac
plays "$arg" || { say "the suggested quoted command fails: $arg"; tail -3 "$tmp/again.out"; }

# in the data folder's scenarios/: `play ID` finds it, and the suggestion is the ID
mkdir -p "$tmp/data/scenarios"
cp "$tmp/x/logistics-retail.json" "$tmp/data/scenarios/"
(cd / && echo quit | "$bin" play --text --no-save logistics-retail) > "$tmp/out" 2>&1 \
    || { say "play logistics-retail does not find the data folder's scenarios/"; tail -3 "$tmp/out"; }
[ "$(again_arg "$tmp/out")" = logistics-retail ] || say "suggested '$(again_arg "$tmp/out")', expected logistics-retail"
# a shipped scenario is still suggested by its name
echo quit | "$bin" play --text --no-save first-steps > "$tmp/out" 2>&1
[ "$(again_arg "$tmp/out")" = first-steps ] || say "suggested '$(again_arg "$tmp/out")' for first-steps"

[ "$fail" -eq 0 ] && echo "own scenarios play again as suggested"
exit "$fail"
