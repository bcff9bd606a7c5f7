#!/bin/sh
# What the program prints and writes when the text it shows is hostile, and
# when its output cannot be written (docs/hardening.md, "Output"):
# - control characters and ANSI escapes in a scenario title, a person's name,
#   an idea's title, an unknown key and a trainee's name come out escaped from
#   validate, play --text, replay (also --watch), history and report;
# - report.html isolates names (<bdi>), replaces what XML forbids with U+FFFD,
#   stays well-formed XML, and report.html/report.csv are mode 0644;
# - 1e300 and -1e300 in a result or a session are located errors;
# - a full stdout (/dev/full) makes every command exit non-zero;
# - history exits 1 when no result could be read;
# - seeds beyond 2^64-1 are usage errors.
# Usage: run_output.sh KEYACCOUNTS HOSTILE_DIR
set -u
ka=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
dir=$(cd "$2" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/ka-output.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export KEYACCOUNTS_DATA_DIR="$work/data"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
failures=0
checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { checks=$((checks + 1)); }

python3 "$dir/gen_hostile.py" output "$work/s" || { echo "FAIL: cannot generate the files"; exit 1; }
cd "$work" || exit 1

# raw FILE WHAT: FILE must hold no raw control character (C0 but \n, DEL, C1,
# bidi controls) and no sanitizer report.
raw() {
    if python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="surrogateescape").read()
bad = re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]", text)
sys.exit(1 if bad else 0)
PY
    then ok; else fail "$2: a raw control character in the output"; fi
    if grep -qE 'runtime error:|Sanitizer' "$1"; then fail "$2: sanitizer report"; cat "$1"; fi
}
# has FILE TEXT WHAT
has() { if grep -qF -- "$2" "$1"; then ok; else fail "$3: no '$2' in the output"; head -c 3000 "$1"; fi; }

# --- control characters, escaped on the terminal
"$ka" validate s/control-key.json > out.txt 2>&1
raw out.txt "validate (unknown key)"
has out.txt "unknown key 'ti\\x1b[31mtle\\u202e'" "validate (unknown key)"

name="Eve$(printf '\342\200\256') 95"   # a right-to-left override in the trainee's name
{ echo ideas; echo people; i=0; while [ $i -lt 60 ]; do echo end; i=$((i + 1)); done; } \
    | "$ka" play --text s/control-text.json --name "$name" --seed 5 > play.txt 2>&1
raw play.txt "play --text"
has play.txt 'Evil\x1b[2J\x1b[31m\x07\x0d\u0085\u202e' "play --text (title)"
has play.txt 'Anna\x1b[2J' "play --text (name)"
has play.txt 'Bulk\x1b[2J' "play --text (idea)"
result=$(ls data/results/minimal-*.json 2>/dev/null | grep -v xapi | head -n 1)
# the trainer's copy of the scenario, where replay, history and report look for it
mkdir -p data/scenarios && cp s/control-text.json data/scenarios/
if [ -z "$result" ]; then
    fail "play --text saved no result"; cat play.txt | tail -n 20
else
    "$ka" replay "$result" > replay.txt 2>&1
    status=$?
    [ $status -eq 0 ] || fail "replay: exit $status"
    raw replay.txt "replay"
    has replay.txt 'Evil\x1b[2J\x1b[31m\x07\x0d\u0085\u202e\x0ax.json: OK: forged' "replay (title on one line)"
    has replay.txt 'by Eve\u202e 95' "replay (trainee)"
    [ "$(grep -c 'OK' replay.txt)" -eq 1 ] && ok || fail "replay: a forged OK line"
    "$ka" replay "$result" --watch --text > watch.txt 2>&1
    raw watch.txt "replay --watch --text"
    "$ka" history > history.txt 2>&1
    raw history.txt "history"
    has history.txt 'Evil\x1b[2J' "history (title)"

    # --- report.html: <bdi>, U+FFFD, well-formed XML, modes 0644
    mkdir -p rep
    cp "$result" rep/a.json
    long=$(python3 -c 'print("W" * 200)')
    python3 - "$result" rep/b.json "$long" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc["trainee"] = sys.argv[3]
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
doc["trainee"] = "Nonchar\uffff end"
json.dump(doc, open(sys.argv[2].replace("b.json", "c.json"), "w", encoding="utf-8"), ensure_ascii=False)
PY
    "$ka" report rep --out rep > report.txt 2>&1 || { fail "report: exit $?"; cat report.txt; }
    raw report.txt "report"
    python3 - rep/report.html "$long" <<'PY' && ok || failures=$((failures + 1))
import sys
import xml.etree.ElementTree as ET
path, long = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
bad = []
try:
    ET.fromstring(text.split("\n", 1)[1])  # after <!DOCTYPE html>
except ET.ParseError as e:
    bad.append("not well-formed XML: %s" % e)
if "<bdi>Eve\u202e 95</bdi>" not in text:
    bad.append("the name with U+202E is not isolated in <bdi>")
if "\uffff" in text or "Nonchar\ufffd end" not in text:
    bad.append("U+FFFF is not replaced by U+FFFD")
if "<bdi>" + long + "</bdi>" not in text or "overflow-wrap:anywhere" not in text:
    bad.append("the 200-character name is not isolated or cannot break")
for b in bad:
    print("FAIL: report.html: " + b)
sys.exit(1 if bad else 0)
PY
    for f in rep/report.html rep/report.csv; do
        mode=$(stat -c %a "$f" 2>/dev/null)
        [ "$mode" = 644 ] && ok || fail "$f: mode $mode, expected 644"
    done

    # --- numbers far out of range in a result and a session: located errors
    for n in 1e300 -1e300; do
        python3 - "$result" big.json "$n" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8").read()
key = '"pass_mark":'
at = text.index(key) + len(key)
end = text.index(",", at)
open(sys.argv[2], "w", encoding="utf-8").write(text[:at] + " " + sys.argv[3] + text[end:])
PY
        "$ka" replay big.json > big.txt 2>&1
        status=$?
        [ $status -eq 1 ] || fail "replay with pass_mark $n: exit $status"
        grep -qE 'big.json:[0-9]+:[0-9]+: error \[KA5[0-9][0-9]\]: scenario.pass_mark' big.txt && ok \
            || { fail "replay with pass_mark $n: no located error"; cat big.txt; }
        raw big.txt "replay with pass_mark $n"
    done

    # --- a full disk on stdout: exit non-zero, say so on stderr
    for args in "validate s/control-key.json" "simulate s/control-text.json --runs 3 --optimiser-runs 0" \
        "replay $result" "history" "report rep --out rep"; do
        # shellcheck disable=SC2086
        "$ka" $args > /dev/full 2> full.txt
        status=$?
        [ $status -ne 0 ] && ok || fail "$args > /dev/full: exit 0"
        has full.txt "cannot write the output" "$args > /dev/full"
    done
fi

# --- history with nothing readable: exit 1
mkdir -p bad/results
echo '{"format_version": 1' > bad/results/broken.json
KEYACCOUNTS_DATA_DIR="$work/bad" "$ka" history > hist-bad.txt 2>&1
status=$?
[ $status -eq 1 ] && ok || { fail "history with only unreadable files: exit $status"; cat hist-bad.txt; }

# --- seeds beyond 2^64-1: usage errors
"$ka" simulate s/control-text.json --seed 99999999999999999999 > seed.txt 2>&1
[ $? -eq 2 ] && ok || fail "simulate --seed 99999999999999999999: not a usage error"
echo quit | "$ka" play --text s/control-text.json --no-save --seed 99999999999999999999 > seed.txt 2>&1
[ $? -eq 2 ] && ok || fail "play --seed 99999999999999999999: not a usage error"

echo "output cases: $checks checks passed, $failures failed"
[ "$failures" -eq 0 ]
