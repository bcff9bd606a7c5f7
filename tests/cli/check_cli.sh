#!/bin/sh
# The command line as a user meets it: help, version, usage errors and their
# exit codes, byte-identical simulate output, and the balance verdict of every
# shipped scenario.
set -u
bin=${1:?usage: check_cli.sh KEYACCOUNTS SOURCE_DIR}
src=${2:?}
export KEYACCOUNTS_SCENARIOS="$src/scenarios"
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

expect() { # expect CODE DESCRIPTION -- COMMAND...
    want=$1; what=$2; shift 3
    "$@" > "$tmp/out" 2> "$tmp/err" < /dev/null
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $what: exit $got, expected $want"; cat "$tmp/err" | head -5; fail=1
    fi
}

expect 0 "--help" -- "$bin" --help
grep -q "keyaccounts validate" "$tmp/out" || { echo "FAIL: --help does not list validate"; fail=1; }
expect 0 "--version" -- "$bin" --version
grep -Eq '^keyaccounts [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out" || { echo "FAIL: --version output"; fail=1; }
expect 2 "unknown option" -- "$bin" --frobnicate
expect 2 "validate without files" -- "$bin" validate
expect 2 "simulate without a file" -- "$bin" simulate
expect 2 "simulate with an unknown strategy" -- "$bin" simulate first-steps --strategy lucky
grep -q "unknown strategy 'lucky'" "$tmp/err" || { echo "FAIL: unknown strategy message"; fail=1; }
expect 2 "simulate with a bad --runs" -- "$bin" simulate first-steps --runs many
expect 1 "simulate a missing file" -- "$bin" simulate "$tmp/none.json"
grep -q "cannot read the scenario" "$tmp/err" || { echo "FAIL: missing file message"; fail=1; }
expect 1 "play a directory" -- "$bin" play --text "$tmp"
grep -q "is a directory" "$tmp/err" || { echo "FAIL: directory message"; fail=1; }
printf '{"format_version": 1,}' > "$tmp/broken.json"
expect 1 "play a broken scenario" -- "$bin" play --text "$tmp/broken.json"
grep -q "broken.json:1:" "$tmp/err" || { echo "FAIL: broken scenario is not located"; fail=1; }

# The same arguments print the same bytes.
for fmt in "" "--json"; do
    expect 0 "simulate $fmt (1)" -- "$bin" simulate first-steps --runs 300 --seed 5 $fmt
    cp "$tmp/out" "$tmp/a"
    expect 0 "simulate $fmt (2)" -- "$bin" simulate first-steps --runs 300 --seed 5 $fmt
    cp "$tmp/out" "$tmp/b"
    [ -s "$tmp/a" ] || { echo "FAIL: simulate $fmt printed nothing"; fail=1; }
    cmp -s "$tmp/a" "$tmp/b" || { echo "FAIL: simulate $fmt differs between runs"; fail=1; }
done
expect 0 "simulate --seed 6" -- "$bin" simulate first-steps --runs 300 --seed 6
cp "$tmp/out" "$tmp/c"
expect 0 "simulate --seed 5" -- "$bin" simulate first-steps --runs 300 --seed 5
cp "$tmp/out" "$tmp/a"
cmp -s "$tmp/a" "$tmp/c" && { echo "FAIL: a different seed printed the same distributions"; fail=1; }
python3 - "$tmp/b" <<'EOF' || { echo "FAIL: simulate --json is not the documented document"; fail=1; }
import json, sys
d = json.load(open(sys.argv[1]))
assert d["runs"] == 300 and d["seed"] == 5 and len(d["strategies"]) == 5, d.keys()
subs = {"revenue", "penetration", "coverage", "depth", "referrals", "ideas", "resilience"}
for group, n in (("strategies", 5), ("constrained", 4), ("optimum", 5)):
    assert len(d[group]) == n, (group, len(d[group]))
    for st in d[group]:
        assert set(st["subscores"]) == subs and 0 <= st["pass_rate"] <= 1, st
assert [s["constraint"] for s in d["constrained"]] == ["never_propose", "never_refer", "no_new_people", "one_action"]
assert all(s["optimised"] for s in d["optimum"]) and d["optimum"][0]["constraint"] == "none"
b = d["balance"]
assert "passed" in b and len(b["lines"]) == 11 and b["optimum_median"] >= 0, b
EOF

# Every shipped scenario teaches its lesson.
for f in "$src"/scenarios/*.json "$src"/docs/examples/*.json; do
    "$bin" simulate "$f" --runs 400 --seed 1 > "$tmp/sim" 2>&1
    st=$?
    if [ $st -ne 0 ] || ! grep -q "^Balance verdict: PASSED" "$tmp/sim"; then
        echo "FAIL: balance verdict for $(basename "$f") (exit $st)"; tail -3 "$tmp/sim"; fail=1
    fi
done
# validate --balance: the verdict, and why a lazy scenario fails it.
expect 0 "validate --balance on a balanced scenario" -- "$bin" validate --balance "$src/docs/examples/alpine-hotels.json"
grep -q "balance: PASSED" "$tmp/out" || { echo "FAIL: --balance does not print the verdict"; fail=1; }
expect 1 "validate --balance on a lazy scenario" -- "$bin" validate --balance "$src/tests/cli/balance/lazy.json"
# The main contact sponsors and approves everything and never leaves: a
# player who never reaches anyone new passes, and the line says what to change.
grep -q "KA410.*the lesson is not needed: a player who never reaches anyone new passes in [0-9.]*% of seeds.*never leaves.*alone can approve" "$tmp/out" \
    || { echo "FAIL: --balance does not say why the lazy scenario fails"; cat "$tmp/out"; fail=1; }
grep -q "KA410.*too easy: single_thread passes" "$tmp/out" \
    || { echo "FAIL: --balance does not call the lazy scenario too easy"; cat "$tmp/out"; fail=1; }
# --json carries the verdict with its numbers, passing or not.
for f in "$src/docs/examples/alpine-hotels.json" "$src/tests/cli/balance/lazy.json"; do
    "$bin" validate --balance --json "$f" > "$tmp/vj" 2>/dev/null
    python3 - "$tmp/vj" "$(basename "$f")" <<'EOF' || { echo "FAIL: validate --balance --json for $(basename "$f")"; fail=1; }
import json, sys
b = json.load(open(sys.argv[1]))["files"][0]["balance"]
lazy = sys.argv[2] == "lazy.json"
assert b["passed"] is (not lazy), b["passed"]
assert len(b["lines"]) == 11 and all({"rule", "failed", "passes", "runs", "limit_pct", "text"} <= set(l) for l in b["lines"])
failed = {(l["rule"], l["constraint"]) for l in b["lines"] if l["failed"]}
assert (("constrained_optimum", "no_new_people") in failed) is lazy, failed
assert isinstance(b["optimum_median"], int) and isinstance(b["expander_of_optimum_pct"], int)
EOF
done

# Without a display, `keyaccounts SCENARIO` says so and plays in the terminal.
echo quit | env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER KEYACCOUNTS_DATA_DIR="$tmp/data" \
    "$bin" first-steps > "$tmp/out" 2> "$tmp/err"
code=$?
[ "$code" -eq 0 ] || { echo "FAIL: no-display start exited $code"; cat "$tmp/err"; fail=1; }
grep -q "Key Accounts — First steps" "$tmp/out" || { echo "FAIL: no-display start did not play in the terminal"; fail=1; }

# "Next time" gives each piece of advice once: this game draws both the
# competitor note and the never-met-the-economic-buyer note, which share a tip.
KEYACCOUNTS_DATA_DIR="$tmp/data" "$bin" play --text --no-save --seed 1 first-steps \
    < "$src/tests/cli/play/first-steps-whole.in" > "$tmp/out" 2> "$tmp/err" || { echo "FAIL: next-time game"; fail=1; }
grep -q "A competitor courted" "$tmp/out" && grep -q "You never engaged the economic buyer" "$tmp/out" \
    || { echo "FAIL: the next-time game no longer draws both notes"; fail=1; }
[ "$(sed -n '/^Next time/,$p' "$tmp/out" | grep -c "economic buyer")" -eq 1 ] \
    || { echo "FAIL: Next time repeats the economic-buyer advice"; sed -n '/^Next time/,$p' "$tmp/out"; fail=1; }

# The authoring tutorial's example is a clean, strict scenario.
expect 0 "validate --strict the tutorial example" -- "$bin" validate --strict "$src/docs/examples/alpine-hotels.json"

[ "$fail" -eq 0 ] && echo "command line checks passed"
exit $fail
