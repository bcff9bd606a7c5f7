#!/bin/sh
# xAPI against the real thing (docs/xapi.md), run by tools/test.sh:
#  1. every statement of a class of results (English and Russian) and of a
#     terminal game passes xapi-validation (npm);
#  2. a real LRS (npm xapi-statements, in memory, on 127.0.0.1) receives the
#     class across a simulated network cut: answers lost mid-request, wrong
#     credentials, the network down while results are sent and a game is
#     saved; the statements stay queued; when the network is back a flush
#     sends them, and every statement id is in the LRS exactly once with
#     nothing left in the queue.
# Without npm and node: skips with a message, except with CI=true, where that
# is a failure (CI must run these checks; tools/deps.sh test installs both).
# usage: run.sh KEYACCOUNTS MAKE_CLASS SOURCE_DIR
set -u
bin=${1:?usage: run.sh KEYACCOUNTS MAKE_CLASS SOURCE_DIR}
make_class=${2:?}
src=${3:?}
here=$(cd "$(dirname "$0")" && pwd)
case $bin in /*) ;; *) bin=$(pwd)/$bin ;; esac
case $make_class in /*) ;; *) make_class=$(pwd)/$make_class ;; esac

sh "$here/setup.sh"
case $? in
0) ;;
3) if [ "${CI:-}" = true ]; then
       echo "FAIL: xAPI: npm and node are not installed (Debian packages nodejs and npm), and with CI=true"
       echo "      nothing may skip: install them (tools/deps.sh test, or apt-get install nodejs npm)"
       exit 1
   fi
   echo "xAPI: SKIPPED: npm and node are not installed, so statements were not checked with xapi-validation"
   echo "      nor sent to a real LRS (apt-get install nodejs npm, then run tools/test.sh again)"
   exit 0 ;;
*) echo "FAIL: cannot install the npm packages of tests/xapi"; exit 1 ;;
esac

tmp=$(mktemp -d)
lrs_pid=""
proxy_pid=""
stop() { # stop PID: ends one process this script started
    [ -n "$1" ] && kill "$1" 2>/dev/null && wait "$1" 2>/dev/null
    return 0
}
cleanup() { stop "$proxy_pid"; stop "$lrs_pid"; rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 1' INT TERM
export KEYACCOUNTS_DATA_DIR="$tmp/data" KEYACCOUNTS_SCENARIOS="$src/scenarios"
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY
export NO_PROXY=127.0.0.1,localhost no_proxy=127.0.0.1,localhost
fail=0
no() { echo "FAIL: $*"; fail=1; }
queued() { ls "$tmp/data/xapi-queue" 2>/dev/null | grep -c '\.json$'; }
wait_file() { # wait_file FILE: up to 20 s
    i=0
    while [ ! -s "$1" ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
    [ -s "$1" ]
}

# --- 1. statements of a class, validated ---------------------------------------------
mkdir -p "$tmp/class" "$tmp/class-ru"
"$make_class" "$src/scenarios/massive-lubricants.json" "$tmp/class" > /dev/null || no "make_class"
"$make_class" "$src/scenarios/massive-lubricants.ru.json" "$tmp/class-ru" > /dev/null || no "make_class ru"
"$bin" xapi write "$tmp/class"/result-*.json "$tmp/class-ru"/result-*.json > "$tmp/write.log" 2>&1 \
    || { no "xapi write exit $?"; cat "$tmp/write.log"; }
[ "$(ls "$tmp/class"/*.xapi.json | wc -l)" -eq 10 ] || no "xapi write did not write ten statement files"
# a terminal game writes its statements beside its result even without an LRS
game="$src/tests/cli/play/first-steps-whole.in"
SOURCE_DATE_EPOCH=1767225600 "$bin" play --text --seed 3 --name "Мария" first-steps < "$game" > "$tmp/play0" 2> "$tmp/play0.err" \
    || no "play without an LRS"
[ -s "$tmp/play0.err" ] && no "a game without an LRS printed: $(cat "$tmp/play0.err")"
ls "$tmp/data/results"/*-Мария-seed3.xapi.json > /dev/null 2>&1 || no "the game wrote no statements beside its result"
node "$here/validate.js" "$tmp/class"/*.xapi.json "$tmp/class-ru"/*.xapi.json "$tmp/data/results"/*.xapi.json \
    || no "xapi-validation found problems"
# the same result gives the same statements (ids and all)
mv "$tmp/class/result-01.xapi.json" "$tmp/first.xapi.json"
"$bin" xapi write "$tmp/class/result-01.json" > "$tmp/write.log" 2>&1 \
    || { no "xapi write of one result: exit $?"; cat "$tmp/write.log"; }
cmp -s "$tmp/first.xapi.json" "$tmp/class/result-01.xapi.json" || no "statements differ between two runs"
# the report and history do not mistake statement files for results
mkdir -p "$tmp/report"
"$bin" report "$tmp/class" --out "$tmp/report" > "$tmp/report.log" 2>&1 || no "report with statement files beside"
grep -q "10 results, 1 scenario" "$tmp/report.log" || no "report: $(cat "$tmp/report.log")"

# --- 2. a real LRS, and the network between ------------------------------------------
mkdir -p "$tmp/lrs"
auth="key:pw-7Hq2x-secret" # must never be printed
node "$here/lrs.js" "$tmp/lrs.port" "$tmp/lrs" "$auth" > "$tmp/lrs.log" 2>&1 &
lrs_pid=$!
wait_file "$tmp/lrs.port" || { no "the LRS did not start"; cat "$tmp/lrs.log"; exit 1; }
lrs_port=$(cat "$tmp/lrs.port")
start_proxy() { # start_proxy PORT MODE
    rm -f "$tmp/proxy.port"
    node "$here/proxy.js" "$tmp/proxy.port" "$1" "$lrs_port" "$2" >> "$tmp/proxy.log" 2>&1 &
    proxy_pid=$!
    wait_file "$tmp/proxy.port" || { no "the proxy did not start"; cat "$tmp/proxy.log"; exit 1; }
}
start_proxy 0 pass
port=$(cat "$tmp/proxy.port")
url="http://127.0.0.1:$port/xAPI"
echo "xAPI: LRS (xapi-statements) on 127.0.0.1:$lrs_port, reached through 127.0.0.1:$port"
c=$tmp/class

step() { # step NAME EXPECTED_EXIT COMMAND...: runs it, shows its messages
    name=$1 want=$2
    shift 2
    "$@" > "$tmp/out" 2> "$tmp/err"
    got=$?
    cat "$tmp/out" "$tmp/err" >> "$tmp/all-output"
    printf '  %-44s exit %d, queue %d: %s\n' "$name" "$got" "$(queued)" "$(cat "$tmp/out" "$tmp/err" | head -1)"
    [ "$got" -eq "$want" ] || { no "$name: exit $got, want $want"; cat "$tmp/out" "$tmp/err"; }
}

step "network up: results 1-2" 0 "$bin" xapi send --lrs "$url" --lrs-auth "$auth" "$c/result-01.json" "$c/result-02.json"
[ "$(queued)" -eq 0 ] || no "results 1-2 left something in the queue"
step "wrong secret: result 3" 1 "$bin" xapi send --lrs "$url" --lrs-auth key:wrong "$c/result-03.json"
grep -q "refused the credentials (HTTP 401)" "$tmp/err" || no "401 is not explained"
[ "$(queued)" -eq 1 ] || no "result 3 is not queued after a 401"

stop "$proxy_pid"
start_proxy "$port" drop-answers
step "answers lost mid-request: results 4-6" 1 "$bin" xapi send --lrs "$url" --lrs-auth "$auth" \
    "$c/result-04.json" "$c/result-05.json" "$c/result-06.json"
grep -q "cut before it answered" "$tmp/err" || no "a lost answer is not explained"
[ "$(queued)" -eq 4 ] || no "results 3-6 are not all queued"
grep -q "the answer is lost" "$tmp/proxy.log" || no "the proxy lost no answer: the cut was not exercised"

stop "$proxy_pid"
proxy_pid=""
step "network down: results 7-10" 1 "$bin" xapi send --lrs "$url" --lrs-auth "$auth" \
    "$c/result-07.json" "$c/result-08.json" "$c/result-09.json" "$c/result-10.json"
grep -q "cannot connect to the LRS" "$tmp/err" || no "a refused connection is not explained"
step "network down: remember the LRS" 0 "$bin" xapi status --lrs "$url" --lrs-auth "$auth" --remember
[ "$(stat -c %a "$tmp/data/lrs.conf")" = 600 ] || no "lrs.conf is not private (0600)"
step "network down: a terminal game (lrs.conf)" 0 sh -c "SOURCE_DATE_EPOCH=1767229200 '$bin' play --text --seed 3 \
    --name 'Анна' first-steps < '$game'"
grep -q "Result saved" "$tmp/out" || no "the game did not save its result"
grep -q "xAPI: not sent: cannot connect" "$tmp/err" || no "the game did not say the statements wait"
step "network down: flush" 1 "$bin" xapi flush
[ "$(queued)" -eq 9 ] || no "the queue does not hold the 9 unsent sessions"

start_proxy "$port" pass
step "network back: flush" 0 "$bin" xapi flush
[ "$(queued)" -eq 0 ] || no "the queue is not empty after the network came back"
step "flush again" 0 "$bin" xapi flush
grep -q "nothing waits" "$tmp/out" || no "a second flush sent something"
step "network up: a game with --lrs/--lrs-auth" 0 sh -c "SOURCE_DATE_EPOCH=1767232800 '$bin' play --text \
    --seed 5 --name 'Олег' --lrs '$url' --lrs-auth '$auth' first-steps < '$game'"
grep -q "xAPI: [0-9]* statements (1 session) sent to $url" "$tmp/err" || no "the game did not send: $(cat "$tmp/err")"
# two anonymous trainees start the same scenario with the same seed in the
# same second: each session's random id keeps their statements apart
for who in first second; do
    step "same second, anonymous ($who)" 0 sh -c "SOURCE_DATE_EPOCH=1767236400 '$bin' play --text --seed 7 \
        --name '' --lrs '$url' --lrs-auth '$auth' first-steps < '$game'"
    grep -q "xAPI: [0-9]* statements (1 session) sent to $url" "$tmp/err" || no "the $who anonymous game did not send"
done
[ "$(ls "$tmp/data/results"/*seed7*.xapi.json | wc -l)" -eq 2 ] || no "the two anonymous games did not save two results"
step "result 1 sent again" 0 "$bin" xapi send "$c/result-01.json"
# the same ids with other content (another actor home page): the LRS keeps
# its statements (409); that is a conflict, not a delivery: the session stays
# queued and the exit status says so
step "result 2 again, other content (409)" 1 "$bin" xapi send --homepage https://lms.example.org/people "$c/result-02.json"
grep -q "conflict: the LRS holds [0-9]* statements of .* with other content" "$tmp/err" || no "a 409 conflict is not reported"
[ "$(queued)" -eq 1 ] || no "a conflicting session left the queue"
# an LRS that answers 409 to a statement it holds identical (the proxy turns
# every write into a 409): fetched back, the same content: delivered
stop "$proxy_pid"
start_proxy "$port" conflict
step "result 2 as first sent, answered 409" 0 "$bin" xapi send "$c/result-02.json"
[ "$(queued)" -eq 0 ] || no "an identical statement answered 409 was not counted as delivered"
grep -q "PUT /xAPI/statements?statementId=.* -> 204" "$tmp/proxy.log" || no "the 409 path was not exercised"
grep -q "GET /xAPI/statements?statementId=.* -> 200" "$tmp/proxy.log" || no "a 409 statement was not fetched back"
stop "$proxy_pid"
start_proxy "$port" pass

# --- 3. reports and history read from the LRS ------------------------------------------
# a second class on another scenario, a month later, sent with the secret
# from the environment; two forged `completed` statements beside them
cb=$tmp/class-b
mkdir -p "$cb"
"$make_class" "$src/scenarios/first-steps.json" "$cb" > /dev/null || no "make_class first-steps"
for f in "$cb"/result-*.json; do
    sed 's/2026-03-05T/2026-04-02T/g' "$f" > "$f.tmp" && mv "$f.tmp" "$f"
done
step "class B, secret from the environment" 0 env KEYACCOUNTS_DATA_DIR="$tmp/data-b" KEYACCOUNTS_LRS_AUTH="$auth" \
    "$bin" xapi send --lrs "$url" "$cb"/result-??.json
python3 - "$lrs_port" "$auth" "$c/result-03.xapi.json" <<'PY' || no "cannot store the forged statements"
import base64, json, sys, urllib.request, uuid
port, auth, path = sys.argv[1:]
st = [s for s in json.load(open(path, encoding="utf-8")) if s["verb"]["id"].endswith("/completed")][0]
ext = "https://keyaccounts.invalid/xapi/extensions/result"
tampered = json.loads(json.dumps(st))
tampered["id"] = "0f0f0f0f-0000-4000-8000-000000000001"
tampered["result"]["extensions"][ext]["commands"].pop(0)      # a command taken out of the log
malformed = json.loads(json.dumps(st))
malformed["id"] = "0f0f0f0f-0000-4000-8000-000000000002"
malformed["result"]["extensions"][ext] = {"format_version": 1}  # not a result
req = urllib.request.Request(f"http://127.0.0.1:{port}/xAPI/statements", method="POST",
                             data=json.dumps([tampered, malformed]).encode(),
                             headers={"Authorization": "Basic " + base64.b64encode(auth.encode()).decode(),
                                      "X-Experience-API-Version": "1.0.3", "Content-Type": "application/json"})
urllib.request.urlopen(req, timeout=20).read()
PY
printf '%s\n' "$auth" > "$tmp/lrs-auth"
csv_same() { # csv_same A B: the same rows, but for the last column (file or LRS statement)
    python3 - "$1" "$2" <<'PY'
import csv, sys
tables = [list(csv.reader(open(p, encoding="utf-8-sig", newline=""))) for p in sys.argv[1:]]
# every column but the file's (a path, or the LRS statement it came from)
rows = [[[v for k, v in enumerate(r) if t[0][k] != "file"] for r in t] for t in tables]
sys.exit(0 if rows[0] == rows[1] and len(rows[0]) > 1 else 1)
PY
}
mkdir -p "$tmp/r-files-a" "$tmp/r-lrs-a" "$tmp/r-files-b" "$tmp/r-lrs-b"
export SOURCE_DATE_EPOCH=1777593600 # the report's "generated at" (2026-05-01, after both classes)
"$bin" report "$c"/result-??.json --out "$tmp/r-files-a" > /dev/null 2>&1 || no "report of class A's files"
"$bin" report "$cb"/result-??.json --out "$tmp/r-files-b" > /dev/null 2>&1 || no "report of class B's files"
step "report --lrs --scenario-id (pages of 4)" 0 "$bin" report --lrs "$url" --lrs-auth-file "$tmp/lrs-auth" \
    --scenario-id massive-lubricants --lrs-page-size 4 --out "$tmp/r-lrs-a"
csv_same "$tmp/r-lrs-a/report.csv" "$tmp/r-files-a/report.csv" || no "report --lrs --scenario-id differs from the files"
grep -q "^10 results, 1 scenario: 10 verified; 2 statements left out" "$tmp/out" || no "report --lrs: $(cat "$tmp/out")"
grep -q "(3 pages of statements; 2 skipped" "$tmp/out" || no "report --lrs did not read 3 pages: $(cat "$tmp/out")"
grep -q "cursor=" "$tmp/proxy.log" || no "no 'more' link was followed"
grep -q "statement 0f0f0f0f-0000-4000-8000-000000000001: skipped: .*does not belong" "$tmp/err" \
    || no "the statement with a tampered command log is not reported"
grep -q "statement 0f0f0f0f-0000-4000-8000-000000000002: skipped: .*not a valid result" "$tmp/err" \
    || no "the statement with a malformed result is not reported"
step "report --lrs --since (lrs.conf)" 0 "$bin" report --lrs "$url" --since 2026-04-01 --out "$tmp/r-lrs-b"
csv_same "$tmp/r-lrs-b/report.csv" "$tmp/r-files-b/report.csv" || no "report --lrs --since differs from the files"
"$bin" history first-steps --trainee "Li Wei" --dir "$cb" > "$tmp/hist-files" 2>&1 || no "history of class B's files"
step "history --lrs (secret from the environment)" 0 env KEYACCOUNTS_DATA_DIR="$tmp/data-b" \
    KEYACCOUNTS_LRS_AUTH="$auth" "$bin" history first-steps --trainee "Li Wei" --lrs "$url" --since 2026-04-01
tail -n +2 "$tmp/out" | cmp -s - "$tmp/hist-files" || no "history --lrs differs from the files: $(cat "$tmp/out")"
unset SOURCE_DATE_EPOCH
# the secret is never printed: not from a URL that carries it, not in errors
step "status with the secret in the URL" 0 "$bin" xapi status --lrs "http://$auth@127.0.0.1:$port/xAPI"
grep -q "^LRS: http://127.0.0.1:$port/xAPI$" "$tmp/out" || no "status shows the URL with its user information"
step "an unreachable LRS, secret in the URL" 1 "$bin" history --lrs "http://$auth@127.0.0.1:1/xAPI"
grep -q "cannot connect to the LRS at http://127.0.0.1:1/xAPI" "$tmp/err" || no "the error does not name the LRS"
step "plain http to another machine" 0 "$bin" xapi status --lrs http://lrs.example.invalid/xapi --lrs-auth "$auth"
grep -q "warning: http://lrs.example.invalid/xapi is plain http" "$tmp/err" || no "no warning for plain http"
grep -q "plain http" "$tmp/all-output" && [ "$(grep -c "plain http" "$tmp/all-output")" -ne 1 ] \
    && no "plain http to 127.0.0.1 was warned about"
pw=${auth#key:}
grep -q -- "$pw" "$tmp/all-output" && no "the secret was printed: $(grep -- "$pw" "$tmp/all-output" | head -1)"

# --- 4. what the LRS holds ------------------------------------------------------------------
python3 - "$lrs_port" "$auth" "$c"/result-*.xapi.json "$cb"/result-*.xapi.json "$tmp/data/results"/*Анна*.xapi.json \
    "$tmp/data/results"/*Олег*.xapi.json "$tmp/data/results"/*seed7*.xapi.json <<'PY' || fail=1
import base64, json, sys, urllib.error, urllib.request
port, auth, files = sys.argv[1], sys.argv[2], sys.argv[3:]
want = []
for f in files:
    want += [s["id"] for s in json.load(open(f, encoding="utf-8"))]
head = {"Authorization": "Basic " + base64.b64encode(auth.encode()).decode(), "X-Experience-API-Version": "1.0.3"}
def get(url):
    req = urllib.request.Request(f"http://127.0.0.1:{port}{url}", headers=head)
    return json.load(urllib.request.urlopen(req, timeout=20))
# One page holds everything: the in-memory LRS's "more" cursor can skip
# statements stored in the same millisecond at a page boundary.
got, url = [], "/xAPI/statements?limit=5000"
while url:
    page = get(url)
    got += [s["id"] for s in page["statements"]]
    url = page.get("more") or ""
missing = set(want) - set(got)
# Each id the listing lacks is asked for by itself before it counts as missing.
for i in sorted(missing):
    try:
        if get(f"/xAPI/statements?statementId={i}").get("id") == i:
            got.append(i)
    except urllib.error.HTTPError:
        pass
missing = set(want) - set(got)
twice = {i for i in got if got.count(i) > 1} if len(got) != len(set(got)) else set()
extra = set(got) - set(want) - {"0f0f0f0f-0000-4000-8000-000000000001", "0f0f0f0f-0000-4000-8000-000000000002"}
print(f"  LRS holds {len(got)} statements ({len(set(got))} ids); {len(want)} sent from {len(files)} sessions: "
      f"{len(missing)} missing, {len(twice)} stored twice, {len(extra)} unexpected")
ok = not missing and not twice and not extra and len(got) == len(want) + 2 and len(want) == len(set(want))
sys.exit(0 if ok else 1)
PY

[ "$fail" -eq 0 ] && echo "xAPI checks passed"
exit $fail
