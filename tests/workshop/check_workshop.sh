#!/bin/sh
# A simulated class of ten: their result files merge into a report (HTML
# well-formed and complete, CSV readable by a spreadsheet), every result
# replays to its recorded score, tampered and corrupt results are caught,
# the terminal game saves results and remembers the name, history shows
# best/latest/change.
set -u
bin=${1:?usage: check_workshop.sh KEYACCOUNTS MAKE_CLASS SOURCE_DIR}
make_class=${2:?}
src=${3:?}
here=$(dirname "$0")
export KEYACCOUNTS_SCENARIOS="$src/scenarios"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export KEYACCOUNTS_DATA_DIR="$tmp/data"
fail=0
no() { echo "FAIL: $*"; fail=1; }

# --- the class -----------------------------------------------------------------
mkdir -p "$tmp/class" "$tmp/out"
"$make_class" "$src/scenarios/massive-lubricants.json" "$tmp/class" > "$tmp/class.tsv" || no "make_class"
[ "$(ls "$tmp/class"/*.json | wc -l)" -eq 10 ] || no "the class did not write ten results"
"$bin" report "$tmp/class" --out "$tmp/out" > "$tmp/report.log" 2>&1 || { no "report exit $?"; cat "$tmp/report.log"; }
grep -q "10 results, 1 scenario" "$tmp/report.log" || no "report summary: $(cat "$tmp/report.log")"
python3 "$here/check_report.py" "$tmp/out" "$tmp/class"/*.json || fail=1
# Excel with Russian regional settings splits at ';': --csv-sep, and by default for Russian results.
mkdir -p "$tmp/out-sc" "$tmp/ru" "$tmp/out-ru"
"$bin" report "$tmp/class" --out "$tmp/out-sc" --csv-sep ';' > /dev/null 2>&1 || no "report --csv-sep ';'"
CSV_SEP=';' python3 "$here/check_report.py" "$tmp/out-sc" "$tmp/class"/*.json || fail=1
yes end | head -12 | KEYACCOUNTS_DATA_DIR="$tmp/ru" "$bin" play --text --name "Ольга Ивановна" massive-lubricants.ru \
    > /dev/null 2>&1 || no "a Russian game"
"$bin" report "$tmp/ru/results" --out "$tmp/out-ru" > /dev/null 2>&1 || no "report of a Russian result"
head -c 40 "$tmp/out-ru/report.csv" | grep -q "^.*rank;trainee;" || no "a Russian report's CSV does not use ';'"
grep -q "Ольга Ивановна" "$tmp/out-ru/report.csv" || no "the Russian name is not in the CSV"

# --- replay: every result reproduces; tampered ones do not -------------------------
for f in "$tmp/class"/*.json; do
    "$bin" replay "$f" > "$tmp/replay" 2>&1 || { no "replay $(basename "$f"): exit $?"; cat "$tmp/replay"; }
    grep -q ": OK: " "$tmp/replay" || no "replay $(basename "$f") does not say OK"
done
python3 - "$tmp/class/result-01.json" "$tmp/tampered-score.json" "$tmp/tampered-command.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
t = json.loads(json.dumps(r))
# a better score, claimed consistently in the final score and the last week
bump = 1 if t["score"]["total"] < 100 else -1
t["score"]["total"] += bump
t["weeks"][-1]["total"] += bump
t["score"]["passed"] = t["score"]["total"] >= t["scenario"]["pass_mark"]
json.dump(t, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
# one command changed: the first referral asked becomes a meeting
t = json.loads(json.dumps(r))
for c in t["commands"]:
    if c["do"] == "referral":
        c["do"] = "meet"
        break
else:
    sys.exit("the first trainee never asked for a referral")
json.dump(t, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
PY
[ $? -eq 0 ] || no "cannot write the tampered results"
"$bin" replay "$tmp/tampered-score.json" > "$tmp/replay" 2>&1
[ $? -eq 1 ] || no "a tampered score replays with exit other than 1"
grep -q "DIVERGED in week" "$tmp/replay" || { no "tampered score: no divergence week"; cat "$tmp/replay"; }
"$bin" replay "$tmp/tampered-command.json" > "$tmp/replay" 2>&1
[ $? -eq 1 ] || no "a tampered command replays with exit other than 1"
grep -q "DIVERGED" "$tmp/replay" || { no "tampered command: no divergence"; cat "$tmp/replay"; }
"$bin" replay > /dev/null 2>&1; [ $? -eq 2 ] || no "replay without a file is not a usage error"
"$bin" replay --watch "$tmp/class/result-02.json" > "$tmp/watch" 2>&1 || no "replay --watch"
grep -q "^> " "$tmp/watch" && grep -q "=== Week 2 ===" "$tmp/watch" || no "replay --watch shows no steps"
# an edited copy of the scenario given with --scenario is not the scenario played: the shipped file is
sed 's/"Massive Lubricants"/"Massive Lubricants (edited)"/' "$src/scenarios/massive-lubricants.json" > "$tmp/edited.json"
"$bin" replay --scenario "$tmp/edited.json" "$tmp/class/result-01.json" > "$tmp/replay" 2>&1 \
    || { no "replay beside an edited scenario: exit $?"; cat "$tmp/replay"; }
grep -q "replayed on $src/scenarios/massive-lubricants.json reproduces" "$tmp/replay" \
    || { no "replay does not name the file it used"; cat "$tmp/replay"; }

# --- corrupt results: located KA5xx errors, left out of reports --------------------
r1="$tmp/class/result-01.json"
head -c 300 "$r1" > "$tmp/bad-cut.json"
sed 's/"seed":/"sed":/' "$r1" > "$tmp/bad-key.json"
sed 's/"finished_at":\t"[^"]*"/"finished_at":\t"yesterday"/' "$r1" > "$tmp/bad-time.json"
sed 's/"keyaccounts-result"/"keyaccounts-session"/' "$r1" > "$tmp/bad-kind.json"
sed '0,/"total":\t[0-9]*/s//"total":\t"high"/' "$r1" > "$tmp/bad-type.json"
for case in "bad-cut KA501" "bad-key KA507" "bad-time KA508" "bad-kind KA502" "bad-type KA504"; do
    set -- $case
    "$bin" replay "$tmp/$1.json" > "$tmp/replay" 2> "$tmp/$1.err"
    [ $? -eq 1 ] || no "$1: replay exit is not 1"
    grep -Eq "$1.json:[0-9]+:[0-9]+: error \[$2\]" "$tmp/$1.err" || { no "$1: no located $2"; cat "$tmp/$1.err"; }
done
# a misspelt key names the key it should be
grep -q "error \[KA507\]: .*unknown key 'sed'; did you mean 'seed'?" "$tmp/bad-key.err" \
    || { no "bad-key: no did-you-mean for 'sed'"; cat "$tmp/bad-key.err"; }
mkdir -p "$tmp/mixed" && cp "$tmp/class"/*.json "$tmp/bad-key.json" "$tmp/mixed/"
"$bin" report "$tmp/mixed" --out "$tmp/out" > "$tmp/report.log" 2>&1 || no "report with one bad file: exit $?"
grep -q "1 file left out" "$tmp/report.log" || no "report does not say a file was left out"

# --- the terminal game: saves results, remembers the name, history --------------------
game="$src/tests/cli/play/first-steps-whole.in"
SOURCE_DATE_EPOCH=1767225600 "$bin" play --text --seed 3 --name "Мария" first-steps < "$game" > "$tmp/play1" 2>&1 \
    || no "play 1"
grep -q "Result saved: $tmp/data/results/first-steps-20260101-000000-Мария-seed3.json" "$tmp/play1" \
    || no "play 1: no result path: $(tail -2 "$tmp/play1")"
[ "$(cat "$tmp/data/trainee.txt")" = "Мария" ] || no "the name is not remembered"
[ "$(stat -c %a "$tmp/data")" = 700 ] || no "the data folder is not private (0700)"
SOURCE_DATE_EPOCH=1767229200 "$bin" play --text --seed 1 first-steps < "$src/tests/cli/play/mistakes.in" > /dev/null 2>&1 \
    || no "the game of mistakes: exit $?"
printf 'end\nend\nend\nend\nend\n' | SOURCE_DATE_EPOCH=1767232800 "$bin" play --text --seed 3 first-steps > "$tmp/play2" 2>&1 \
    || no "play 2: exit $?"
f2=$(ls "$tmp/data/results" | grep 020000 | grep -v "\.xapi\.json$")
[ -n "$f2" ] && grep -q '"trainee":	"Мария"' "$tmp/data/results/$f2" || no "the remembered name is not used"
"$bin" replay "$tmp/data/results/first-steps-20260101-000000-Мария-seed3.json" > /dev/null 2>&1 \
    || no "a game's own result does not replay"
"$bin" history > "$tmp/history" 2>&1 || no "history exit $?"
for w in "2 attempts" "best" "latest" "change first -> latest: score -"; do
    grep -q "$w" "$tmp/history" || { no "history lacks '$w'"; cat "$tmp/history"; }
done
"$bin" history no-such-scenario > "$tmp/history" 2>&1 || no "history of an unplayed scenario: exit $?"
grep -q "No results for no-such-scenario" "$tmp/history" || no "history of an unplayed scenario: $(cat "$tmp/history")"
# an unwritable data folder: a clear message, the game still ends normally
KEYACCOUNTS_DATA_DIR=/proc/keyaccounts "$bin" play --text --seed 3 --name X first-steps < "$game" > "$tmp/play3" 2> "$tmp/err3"
[ $? -eq 0 ] || no "an unwritable folder changes the exit status"
grep -q "Could not save the result: cannot create the folder /proc/keyaccounts" "$tmp/err3" || no "unwritable: $(cat "$tmp/err3")"
grep -q "Next time" "$tmp/play3" || no "unwritable: the debrief was lost"
n_results=$(ls "$tmp/data/results" | wc -l)
"$bin" play --text --seed 3 --no-save first-steps < "$game" > "$tmp/play4" 2>&1 || no "--no-save: exit $?"
grep -q "Next time" "$tmp/play4" || no "--no-save: the game did not reach its debrief"
grep -q "Result saved" "$tmp/play4" && no "--no-save saved a result"
[ "$(ls "$tmp/data/results" | wc -l)" -eq "$n_results" ] || no "--no-save wrote a file into the results folder"

[ "$fail" -eq 0 ] && echo "workshop checks passed"
exit $fail
