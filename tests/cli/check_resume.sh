#!/bin/sh
# A terminal game stopped by a signal mid-game resumes exactly: the game is
# saved after every command (autosave.json in the data folder), SIGTERM and
# SIGINT end it with a line saying how to go on, and `--resume` goes on from
# the same week and score, so the finished game's debrief (score, week by week,
# coaching) is the one of the same commands played without a stop. Also: the
# piped game saves nothing unless asked, and --resume without a saved game fails.
set -u
bin=${1:?usage: check_resume.sh KEYACCOUNTS SOURCE_DIR}
src=${2:?}
export KEYACCOUNTS_SCENARIOS="$src/scenarios"
export SOURCE_DATE_EPOCH=1767225600
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
say() { echo "FAIL: $*"; fail=1; }
game="$src/tests/cli/play/first-steps-whole.in"
lines=$(wc -l < "$game")

# The reference: the whole game in one go, from the debrief's score on.
export KEYACCOUNTS_DATA_DIR="$tmp/ref"
"$bin" play --text --seed 3 --no-save first-steps < "$game" > "$tmp/ref.out" 2>&1
sed -n '/^Score .*PASSED\|^Score .*FAILED/,/^Next time/p' "$tmp/ref.out" > "$tmp/ref.debrief"
[ -s "$tmp/ref.debrief" ] || say "the reference game printed no debrief"
[ -e "$tmp/ref/autosave.json" ] && say "a piped game without --new/--resume wrote an autosave"

# A piped game saves nothing as it goes unless asked.
export KEYACCOUNTS_DATA_DIR="$tmp/plain"
head -n 5 "$game" | "$bin" play --text --seed 3 first-steps > /dev/null 2>&1
[ -e "$tmp/plain/autosave.json" ] && say "a piped game without --new wrote an autosave"
"$bin" play --text --resume first-steps < /dev/null > "$tmp/none.out" 2>&1
[ $? -eq 1 ] || say "--resume without a saved game should exit 1"
grep -q "no unfinished game" "$tmp/none.out" || say "--resume without a saved game does not say so"

# stopped_game SIGNAL FIRST_LINES: plays the first lines through a pipe kept
# open, waits until they are saved, sends the signal, checks the stop.
stopped_game() {
    sig=$1; first=$2; shift 2
    rm -f "$tmp/fifo"
    mkfifo "$tmp/fifo"
    "$bin" play --text "$@" first-steps < "$tmp/fifo" > "$tmp/stop.out" 2>&1 &
    pid=$!
    exec 3> "$tmp/fifo"
    head -n "$first" "$game" >&3
    # each prompt is flushed after the command before it was applied and
    # saved: wait for the prompt after the last line
    tries=0
    while [ "$(grep -c '^> ' "$tmp/stop.out")" -le "$first" ]; do
        tries=$((tries + 1))
        [ "$tries" -gt 1000 ] && { say "the game did not take $first lines"; break; }
        sleep 0.01
    done
    kill -s "$sig" "$pid"
    wait "$pid"
    st=$?
    pid=""
    exec 3>&-
    case $sig in TERM) want_st=143 ;; INT) want_st=130 ;; *) want_st=-1 ;; esac
    [ "$st" -eq "$want_st" ] || say "SIG$sig: exit $st, expected $want_st"
    grep -qF "$want_line" "$tmp/stop.out" || { say "SIG$sig: no line '$want_line'"; tail -3 "$tmp/stop.out"; }
}

# a piped game that saves nothing says so when stopped
want_line="Stopped; this game was not saved."
export KEYACCOUNTS_DATA_DIR="$tmp/unsaved"
stopped_game TERM 5 --seed 3
[ -e "$KEYACCOUNTS_DATA_DIR/autosave.json" ] && say "a stopped piped game without --new wrote an autosave"

want_line="Stopped. Your game is saved; to go on: keyaccounts play --text --resume first-steps"

for sig in TERM INT; do
    export KEYACCOUNTS_DATA_DIR="$tmp/$sig"
    cut=9
    stopped_game "$sig" "$cut" --seed 3 --new
    [ -f "$KEYACCOUNTS_DATA_DIR/autosave.json" ] || say "SIG$sig: no autosave.json"
    # where the stopped game stood, from its last board
    stood=$(grep -o 'Week [0-9]* of [0-9]*' "$tmp/stop.out" | tail -1)
    # go on with the rest of the commands
    tail -n "+$((cut + 1))" "$game" | "$bin" play --text --resume first-steps > "$tmp/resumed.out" 2>&1 \
        || say "SIG$sig: the resumed game failed"
    grep -q "Going on with your saved game: week" "$tmp/resumed.out" || say "SIG$sig: not resumed"
    grep -q "$stood" "$tmp/resumed.out" || say "SIG$sig: resumed elsewhere than $stood"
    sed -n '/^Score .*PASSED\|^Score .*FAILED/,/^Next time/p' "$tmp/resumed.out" > "$tmp/resumed.debrief"
    diff -u "$tmp/ref.debrief" "$tmp/resumed.debrief" > "$tmp/diff" || { say "SIG$sig: the resumed game ended differently"; head -20 "$tmp/diff"; }
    [ -e "$KEYACCOUNTS_DATA_DIR/autosave.json" ] && say "SIG$sig: a finished game left an autosave"
    [ -f "$KEYACCOUNTS_DATA_DIR/last-session.json" ] || say "SIG$sig: no last-session.json after the end"
    ls "$KEYACCOUNTS_DATA_DIR/results/"*.json > /dev/null 2>&1 || say "SIG$sig: no result saved"
done

[ "$lines" -gt 9 ] || say "the game's input is too short for the test"
[ "$fail" -eq 0 ] && echo "stopped games resume exactly"
exit "$fail"
