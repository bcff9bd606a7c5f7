#!/bin/sh
# A result records the scenario bytes that were played, not the file as it is
# when the result is saved: a terminal game whose scenario file is edited
# (one space appended) while it runs saves the hash of the original bytes, so
# replay never takes the edited file for the scenario played, and replay with
# the original bytes reproduces the score.
# usage: check_played_bytes.sh KEYACCOUNTS SOURCE_DIR
set -u
bin=${1:?usage: check_played_bytes.sh KEYACCOUNTS SOURCE_DIR}
src=${2:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export KEYACCOUNTS_DATA_DIR="$tmp/data" KEYACCOUNTS_SCENARIOS="$src/scenarios"
fail=0
no() { echo "FAIL: $*"; fail=1; }

cp "$src/scenarios/first-steps.json" "$tmp/played.json"
cp "$src/scenarios/first-steps.json" "$tmp/original.json"
mkfifo "$tmp/in"
SOURCE_DATE_EPOCH=1767225600 "$bin" play --text --seed 3 --name Tester "$tmp/played.json" < "$tmp/in" \
    > "$tmp/play.out" 2>&1 &
pid=$!
exec 3> "$tmp/in"
echo "meet paul" >&3
# The game has read the scenario (it answered the first command): edit the file.
n=0
until grep -q "You meet Paul Meier" "$tmp/play.out" 2>/dev/null; do
    n=$((n + 1))
    [ $n -le 200 ] || { no "the game did not answer its first command"; break; }
    sleep 0.1
done
printf ' ' >> "$tmp/played.json"
for _ in 1 2 3 4 5; do echo end >&3; done
exec 3>&-
wait $pid || no "play exit $?"
result=$(sed -n 's/^Result saved: //p' "$tmp/play.out")
[ -f "$result" ] || { no "no result saved: $(tail -3 "$tmp/play.out")"; exit 1; }

# Replay looks the scenario up by id and the hash of the bytes played: the
# edited file is not used (the shipped copy with the same bytes is, and the OK
# line names it); with no other copy at hand the scenario is unknown.
"$bin" replay --scenario "$tmp/played.json" "$result" > "$tmp/edited.out" 2> "$tmp/edited.err" \
    || no "replay beside an edited file fails: $(cat "$tmp/edited.out" "$tmp/edited.err")"
grep -q ": OK: .* replayed on $src/scenarios/first-steps.json " "$tmp/edited.out" \
    || no "replay does not name the shipped file it used: $(cat "$tmp/edited.out")"
mkdir "$tmp/empty"
KEYACCOUNTS_SCENARIOS="$tmp/empty" "$bin" replay --scenario "$tmp/played.json" "$result" > "$tmp/edited.out" 2>&1
[ $? -eq 1 ] || no "replay with only the edited file does not fail"
grep -q "scenario unknown: no file holds 'first-steps' with the hash" "$tmp/edited.out" \
    && grep -q "$tmp/played.json holds another version" "$tmp/edited.out" \
    || no "replay with only the edited file: $(cat "$tmp/edited.out")"
KEYACCOUNTS_SCENARIOS="$tmp/empty" "$bin" replay --scenario "$tmp/original.json" "$result" > "$tmp/orig.out" \
    2> "$tmp/orig.err" || no "replay against the original bytes fails: $(cat "$tmp/orig.out" "$tmp/orig.err")"
grep -q ": OK: .* replayed on $tmp/original.json " "$tmp/orig.out" \
    || no "replay against the original bytes is not OK: $(cat "$tmp/orig.out")"

# Special files never make the readers wait: a FIFO among the results given to
# report, and a FIFO given as the scenario to replay (nobody writes to either).
mkdir "$tmp/class"
cp "$result" "$tmp/class/"
mkfifo "$tmp/class/waiting.json" "$tmp/waiting-scenario.json"
mkdir "$tmp/class-report"
timeout 20 "$bin" report "$tmp/class" --out "$tmp/class-report" > "$tmp/report.out" 2> "$tmp/report.err"
[ $? -eq 124 ] && no "report waited on a FIFO"
grep -q "waiting.json.*not a regular file" "$tmp/report.err" || no "report does not name the FIFO: $(cat "$tmp/report.err")"
[ -s "$tmp/class-report/report.html" ] || no "report wrote no report.html beside the FIFO"
timeout 20 "$bin" replay --scenario "$tmp/waiting-scenario.json" "$result" > /dev/null 2> "$tmp/fifo.err"
[ $? -eq 124 ] && no "replay waited on a FIFO scenario"
grep -q "not a regular file" "$tmp/fifo.err" || no "replay does not say the scenario is a FIFO: $(cat "$tmp/fifo.err")"
[ $fail -eq 0 ] && echo "a result records the bytes that were played; special files are refused at once"
exit $fail
