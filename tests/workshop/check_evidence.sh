#!/bin/sh
# A result file is evidence: replay and report recompute it and never believe
# it (docs/workshops.md, docs/hardening.md). An easier copy of the scenario
# handed in beside a result is never used; edited copies of derived parts are
# caught and named; a forged pass mark does not become the class's; a result
# copied under another name is marked on both sides; history shows only the
# replay's numbers; two sessions begun in the same second get their own xAPI
# registration.
# usage: check_evidence.sh KEYACCOUNTS MAKE_CLASS SOURCE_DIR
set -u
bin=${1:?usage: check_evidence.sh KEYACCOUNTS MAKE_CLASS SOURCE_DIR}
make_class=${2:?}
src=${3:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export KEYACCOUNTS_SCENARIOS="$src/scenarios" KEYACCOUNTS_DATA_DIR="$tmp/data"
fail=0
no() { echo "FAIL: $*"; fail=1; }
shipped="$src/scenarios/massive-lubricants.json"

mkdir -p "$tmp/class" "$tmp/easy-class" "$tmp/hand-in"
"$make_class" "$shipped" "$tmp/class" > /dev/null || no "make_class"
# --- an easier copy of the scenario, handed in beside a result ------------------------------
python3 - "$shipped" "$tmp/hand-in/massive-lubricants.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
s["scoring"] = {"pass_mark": 10, "weights": {"revenue": 0, "penetration": 0, "coverage": 100, "depth": 0,
                                             "referrals": 0, "ideas": 0, "resilience": 0}}
json.dump(s, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
"$make_class" "$tmp/hand-in/massive-lubricants.json" "$tmp/easy-class" > /dev/null || no "make_class on the copy"
easy="$tmp/easy-class/result-05.json" # 25, passed, on the copy; 13, failed, on the shipped scenario
# the forger's first try: the copy's hash and path; then the shipped hash with the copy's path
python3 - "$easy" "$shipped" "$tmp/hand-in" <<'PY'
import json, sys, shutil
r = json.load(open(sys.argv[1], encoding="utf-8"))
r["scenario"]["path"] = sys.argv[3] + "/massive-lubricants.json"
json.dump(r, open(sys.argv[3] + "/result.json", "w", encoding="utf-8"), ensure_ascii=False)
data = open(sys.argv[2], "rb").read()
h = 14695981039346656037
for b in data:
    h = ((h ^ b) * 1099511628211) % (1 << 64)
r["scenario"]["hash"] = "%016x" % h
json.dump(r, open(sys.argv[3] + "/result-shipped-hash.json", "w", encoding="utf-8"), ensure_ascii=False)
for k in ("score", "weeks", "behaviour", "coaching"):
    del r[k]
for k in ("title", "pass_mark", "weights", "path"):
    del r["scenario"][k]
json.dump(r, open(sys.argv[3] + "/result-minimal.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
claimed=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["score"]["total"])' "$easy")
"$bin" replay "$tmp/hand-in/result.json" > "$tmp/out" 2>&1
[ $? -eq 1 ] || no "a result played on a handed-in copy replays with exit other than 1: $(cat "$tmp/out")"
grep -q "cannot verify: scenario unknown: no file holds 'massive-lubricants' with the hash" "$tmp/out" \
    || no "a handed-in copy is not 'scenario unknown': $(cat "$tmp/out")"
grep -q "$src/scenarios/massive-lubricants.json holds another version" "$tmp/out" \
    || no "scenario unknown does not name the shipped version: $(cat "$tmp/out")"
"$bin" replay "$tmp/hand-in/result-shipped-hash.json" > "$tmp/out" 2>&1
[ $? -eq 1 ] || no "a result claiming the copy's score on the shipped hash replays OK: $(cat "$tmp/out")"
grep -q "DIVERGED in week 1 (commands 1-[0-9]*): score recorded [0-9]*, replayed [0-9]*" "$tmp/out" \
    || no "the shipped scenario's score is not reported: $(cat "$tmp/out")"
# without copies to compare, the real score is what replay reports, and it names the file it used
"$bin" replay "$tmp/hand-in/result-minimal.json" > "$tmp/out" 2>&1 || no "a minimal result does not replay: $(cat "$tmp/out")"
real=$(sed -n 's/.* replayed on .* scores \([0-9]*\) .*/\1/p' "$tmp/out")
grep -q ": OK: .* replayed on $shipped scores " "$tmp/out" || no "minimal result: $(cat "$tmp/out")"
[ -n "$real" ] && [ "$real" -lt "$claimed" ] || no "the real score ($real) is not below the copy's ($claimed)"
# given on the command line, the copy is still only the scenario it is
"$bin" replay --scenario "$tmp/hand-in/massive-lubricants.json" "$tmp/hand-in/result-minimal.json" > "$tmp/out" 2>&1 \
    || no "minimal result with --scenario copy: $(cat "$tmp/out")"
grep -q "replayed on $shipped scores $real " "$tmp/out" || no "--scenario copy was used: $(cat "$tmp/out")"

# --- edited copies of derived parts: named, not verified -------------------------------------
r1="$tmp/class/result-01.json"
python3 - "$r1" "$tmp" <<'PY'
import json, sys
src, out = sys.argv[1], sys.argv[2]
def edit(name, f):
    r = json.load(open(src, encoding="utf-8"))
    f(r)
    json.dump(r, open(f"{out}/{name}.json", "w", encoding="utf-8"), ensure_ascii=False)
def behaviour(r): r["behaviour"]["referrals_won"] += 3
def coaching(r): r["coaching"][0] = "Excellent work on every front."
def revenue(r): r["score"]["revenue_run_rate"] *= 2
def weights(r): r["scenario"]["weights"]["coverage"] += 1
def title(r): r["scenario"]["title"] = "Massive Lubricants (easy)"
def week(r): r["weeks"][2]["known"] += 1
def future(r): r["started_at"] = "2999-01-01T09:00:00Z"; r["finished_at"] = "2999-01-01T10:00:00Z"
def pass_mark(r):
    r["scenario"]["pass_mark"] = 0
    r["score"]["passed"] = True
for f in (behaviour, coaching, revenue, weights, title, week, future, pass_mark):
    edit("edited-" + f.__name__, f)
PY
for case in "behaviour behaviour.referrals_won: recorded" "coaching coaching\[0\]: recorded \"Excellent" \
            "revenue score.revenue_run_rate: recorded" "weights scenario.weights.coverage: recorded 16, replayed 15" \
            "title scenario.title: recorded" \
            "future finished_at 2999-01-01T10:00:00Z is later than now" \
            "pass_mark scenario.pass_mark: recorded 0, replayed 60"; do
    name=${case%% *}
    want=${case#* }
    "$bin" replay "$tmp/edited-$name.json" > "$tmp/out" 2>&1
    [ $? -eq 1 ] || no "edited $name: replay exit is not 1: $(cat "$tmp/out")"
    grep -q "edited-$name.json: NOT VERIFIED: .*$want" "$tmp/out" || no "edited $name: $(cat "$tmp/out")"
    grep -q ": OK: " "$tmp/out" && no "edited $name replays OK"
done
# a week's copy is compared as the replay goes
"$bin" replay "$tmp/edited-week.json" > "$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q "DIVERGED in week 2 (commands [0-9-]*): contacts engaged/known recorded [0-9]*/[0-9]*, replayed" \
    "$tmp/out" || no "edited week: $(cat "$tmp/out")"
# what is only the trainee's word: an earlier start is not caught (docs/workshops.md)
python3 - "$r1" "$tmp/earlier.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
r["started_at"] = "2026-03-05T08:00:00Z"
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$bin" replay "$tmp/earlier.json" > "$tmp/out" 2>&1 || no "an earlier started_at is not the trainee's word: $(cat "$tmp/out")"

# --- report: forged pass mark, copies, unknown scenario ---------------------------------------
mkdir -p "$tmp/workshop" "$tmp/report"
cp "$tmp/class"/*.json "$tmp/workshop/"
rm "$tmp/workshop/result-09.json" # its trainee hands in a forged one instead
# a forged result whose name sorts first: pass mark 0, claiming a pass
python3 - "$tmp/class/result-09.json" "$tmp/workshop/aaa-forged.json" "$tmp/class/result-04.json" \
    "$tmp/workshop/zz-copy.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
r["trainee"] = "Aaron Forger"
r["scenario"]["pass_mark"] = 0
r["score"]["passed"] = True
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
c = json.load(open(sys.argv[3], encoding="utf-8"))
c["trainee"] = "Carl Copier"
json.dump(c, open(sys.argv[4], "w", encoding="utf-8"), ensure_ascii=False)
PY
cp "$tmp/hand-in/result.json" "$tmp/workshop/unknown.json"
"$bin" report "$tmp/workshop" --out "$tmp/report" > "$tmp/out" 2>&1 || no "report exit $?: $(cat "$tmp/out")"
grep -q "12 results, 1 scenario: 8 verified, 1 not reproducible, 1 scenario unknown, 2 copy" "$tmp/out" \
    || no "report summary: $(cat "$tmp/out")"
python3 - "$tmp/report/report.csv" "$tmp/report/report.html" <<'PY' || fail=1
import csv, io, sys
rows = list(csv.DictReader(io.StringIO(open(sys.argv[1], encoding="utf-8-sig").read(), newline="")))
html = open(sys.argv[2], encoding="utf-8").read()
bad = []
by = {r["file"]: r for r in rows}
if by["aaa-forged.json"]["check"] != "not reproducible" or "scenario.pass_mark: recorded 0, replayed 60" not in by["aaa-forged.json"]["check_detail"]:
    bad.append(f"forged row: {by['aaa-forged.json']}")
if by["aaa-forged.json"]["rank"] != "" or by["aaa-forged.json"]["pass_mark"] != "60":
    bad.append("the forged row is ranked or shows its own pass mark")
for r in rows:
    if r["check"] == "verified" and r["pass_mark"] != "60":
        bad.append(f"pass mark {r['pass_mark']} in a verified row")
copy, orig = by["zz-copy.json"], by["result-04.json"]
if copy["check"] != "copy" or "Li Wei (result-04.json)" not in copy["check_detail"]:
    bad.append(f"the copy does not name the original: {copy['check']} {copy['check_detail']}")
if orig["check"] != "copy" or "Carl Copier (zz-copy.json)" not in orig["check_detail"]:
    bad.append(f"the original does not name the copy: {orig['check']} {orig['check_detail']}")
if copy["rank"] or orig["rank"]:
    bad.append("a copy is ranked")
u = by["unknown.json"]
if u["check"] != "scenario unknown" or u["score"] != "" or "no file holds 'massive-lubricants'" not in u["check_detail"]:
    bad.append(f"unknown scenario row: {u}")
ranked = [r for r in rows if r["rank"]]
if [int(r["rank"]) for r in ranked] != list(range(1, 9)) or any(r["check"] != "verified" for r in ranked):
    bad.append("the ranked rows are not the eight verified results")
if "pass mark 0" in html or "pass mark 60" not in html:
    bad.append("report.html does not show the scenario's pass mark")
if "<b>8</b>results" not in html:
    bad.append("the class's figures count results that are not verified")
for name in ("Aaron Forger", "Carl Copier", "Not verified"):
    if name not in html:
        bad.append(f"report.html lacks {name!r}")
for b in bad:
    print("FAIL:", b)
sys.exit(1 if bad else 0)
PY
# --scenario FILE (repeatable) lets the trainer bring a scenario of their own
"$bin" report "$tmp/hand-in/result.json" --scenario "$tmp/hand-in/massive-lubricants.json" --scenario first-steps \
    --out "$tmp/report" > "$tmp/out" 2>&1 || no "report --scenario: $(cat "$tmp/out")"
grep -q "1 result, 1 scenario: 1 verified" "$tmp/out" || no "report --scenario: $(cat "$tmp/out")"

# --- history: the replay's numbers; a forged attempt is marked --------------------------------
mkdir -p "$tmp/data/results"
cp "$tmp/class/result-01.json" "$tmp/data/results/"
python3 - "$tmp/class/result-03.json" "$tmp/data/results/forged.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
r["trainee"] = "Anna Schmidt"
r["finished_at"] = "2026-03-05T10:00:00Z"
r["scenario"]["pass_mark"] = 0
r["score"]["passed"] = True
json.dump(r, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
"$bin" history --trainee "Anna Schmidt" > "$tmp/out" 2>&1 || no "history exit $?"
grep -q "2 attempts, 1 passed, pass mark 60; 1 not verified" "$tmp/out" || no "history summary: $(cat "$tmp/out")"
grep -q "not reproducible: the file's copy differs from the replay: scenario.pass_mark" "$tmp/out" \
    || no "history does not mark the forged attempt: $(cat "$tmp/out")"

# --- two anonymous sessions begun in the same second: their own session ids ------------------
game="$src/tests/cli/play/first-steps-whole.in"
for n in 1 2; do
    SOURCE_DATE_EPOCH=1767225600 KEYACCOUNTS_DATA_DIR="$tmp/same$n" "$bin" play --text --seed 3 first-steps \
        < "$game" > "$tmp/same$n.out" 2>&1 || no "same-second game $n: $(tail -3 "$tmp/same$n.out")"
done
python3 - "$tmp/same1/results" "$tmp/same2/results" <<'PY' || fail=1
import glob, json, sys
regs, ids = [], []
for d in sys.argv[1:]:
    res = [f for f in glob.glob(d + "/*.json") if not f.endswith(".xapi.json")]
    st = json.load(open(glob.glob(d + "/*.xapi.json")[0], encoding="utf-8"))
    regs.append({s["context"]["registration"] for s in st})
    ids.append({s["id"] for s in st})
    r = json.load(open(res[0], encoding="utf-8"))
    if len(r.get("session_id", "")) != 32:
        print("FAIL: the result has no session id"); sys.exit(1)
if len(regs[0]) != 1 or regs[0] == regs[1] or ids[0] & ids[1]:
    print(f"FAIL: two sessions in the same second share xAPI ids: {regs}"); sys.exit(1)
PY
for n in 1 2; do
    f=$(ls "$tmp/same$n/results/"*.json | grep -v "\.xapi\.json$")
    "$bin" replay "$f" > "$tmp/out" 2>&1 || no "same-second result $n: $(cat "$tmp/out")"
done

[ "$fail" -eq 0 ] && echo "results are evidence: every check passed"
exit $fail
