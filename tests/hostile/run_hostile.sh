#!/bin/sh
# Runs `keyaccounts validate` on every hostile file of cases.txt, each under
# `timeout 10` and a memory limit, in text and in --json, and checks the exit
# status, the diagnostic code and message, that --json output is valid JSON,
# and that no sanitizer reported anything. The referral cycle is also played
# to the end by every reference strategy (simulate).
# Exit status: 0 every case ran and passed, 1 a case failed, 77 a case could
# not run here (ctest reports a skip); with CI=true that is a failure too.
# Usage: run_hostile.sh KEYACCOUNTS HOSTILE_DIR [sanitized]
set -u
ka=$1
dir=$(cd "$2" && pwd)
mode=${3:-plain}
mem_mb=512           # address space for a plain build (ulimit -v)
asan_rss_mb=1024     # resident memory for a sanitizer build (ASan cannot run under ulimit -v)
time_limit=10

work=$(mktemp -d "${TMPDIR:-/tmp}/ka-hostile.XXXXXX")
cleanup() { chmod -R u+rwx "$work" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM
chmod 755 "$work"

python3 "$dir/gen_hostile.py" big "$work/big" || { echo "FAIL: cannot generate the big files"; exit 1; }
ln -s "$dir/files" "$work/files"
mkdir -p "$work/special/directory.json"
printf '{"format_version": 1}\n' > "$work/special/unreadable.json"
chmod 000 "$work/special/unreadable.json"
ln -s /dev/zero "$work/special/dev-zero"
mkfifo "$work/special/fifo.json"   # nobody writes to it: must not wait for ever
# A private copy of the program, so that an unprivileged user can run it.
cp "$ka" "$work/keyaccounts" && chmod 755 "$work/keyaccounts"
ka="$work/keyaccounts"

if [ "$mode" = sanitized ]; then
    ASAN_OPTIONS="hard_rss_limit_mb=$asan_rss_mb:detect_leaks=1:abort_on_error=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
    export ASAN_OPTIONS
    limit="ASan hard_rss_limit_mb=$asan_rss_mb"
else
    limit="ulimit -v $((mem_mb * 1024)) KiB"
fi
have_time=no
[ -x /usr/bin/time ] && /usr/bin/time -f %M true >/dev/null 2>&1 && have_time=yes

# run_limited OUT ERR ARGS...: runs the program with the time and memory
# limits (as nobody when RUN_AS is set), returns its exit status.
run_limited() {
    out=$1; err=$2; shift 2
    (
        [ "$mode" = sanitized ] || ulimit -v $((mem_mb * 1024))
        if [ "$have_time" = yes ]; then
            exec /usr/bin/time -f "%e %M" -o "$work/usage" timeout $time_limit $RUN_AS "$ka" "$@"
        else
            exec timeout $time_limit $RUN_AS "$ka" "$@"
        fi
    ) > "$out" 2> "$err"
}

failures=0
skips=0
cases=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

sanitizer_report() { grep -qE 'Sanitizer|runtime error:|LeakSanitizer' "$1"; }

check_case() { # FILE EXIT CODE TEXT
    file=$1; want=$2; code=$3; text=$4
    RUN_AS=""
    if [ "$file" = special/unreadable.json ] && [ "$(id -u)" -eq 0 ]; then
        if command -v setpriv >/dev/null 2>&1 \
            && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
            RUN_AS="setpriv --reuid=65534 --regid=65534 --clear-groups"
        else
            why="$file: running as root and setpriv (Debian package util-linux) cannot drop to nobody,"
            why="$why so no file is unreadable"
            if [ "${CI:-}" = true ]; then
                fail "(CI=true, nothing may skip) $why"
            else
                echo "SKIP: $why"; skips=$((skips + 1))
            fi
            return
        fi
    fi
    cases=$((cases + 1))
    start=$(date +%s%N)
    run_limited "$work/out" "$work/err" validate "$file"
    status=$?
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    usage=""
    [ "$have_time" = yes ] && [ -s "$work/usage" ] \
        && usage=$(tail -n 1 "$work/usage" | awk '{printf "%s s, max RSS %d MiB", $1, $2 / 1024}')
    [ "$status" -eq 124 ] && fail "$file: still running after ${time_limit} s"
    [ "$status" -eq "$want" ] || fail "$file: exit status $status, expected $want"
    if sanitizer_report "$work/err"; then
        fail "$file: sanitizer report"; cat "$work/err"
    fi
    if [ "$code" != - ] && ! grep -q "\[$code\]" "$work/out"; then
        fail "$file: no [$code] in the output"; head -c 2000 "$work/out"
    fi
    if [ -n "$text" ] && ! cat "$work/out" "$work/err" | grep -qF -- "$text"; then
        fail "$file: the output does not contain: $text"; head -c 2000 "$work/out" "$work/err"
    fi
    # The same through --json: valid JSON, same exit status, same code.
    run_limited "$work/jout" "$work/jerr" validate --json "$file"
    jstatus=$?
    [ "$jstatus" -eq "$want" ] || fail "$file: --json exit status $jstatus, expected $want"
    sanitizer_report "$work/jerr" && fail "$file: sanitizer report with --json"
    # Checked all at once at the end (one Python start instead of one per case).
    cases_json="$cases_json $work/json/$cases.json:$code:$file"
    cp "$work/jout" "$work/json/$cases.json"
    [ -s "$work/jout" ] || fail "$file: --json printed nothing"
    printf '%-40s exit %s  %-6s %5d ms  %s\n' "$file" "$status" "$code" "$ms" "$usage"
}

cd "$work" || exit 1
mkdir json
cases_json=""
while read -r file want code text; do
    case "$file" in ''|'#'*) continue ;; esac
    check_case "$file" "$want" "$code" "$text"
done < "$dir/cases.txt"

# Every --json output: valid JSON holding the expected code.
python3 - $cases_json <<'PY' || failures=$((failures + 1))
import json, sys
bad = 0
for arg in sys.argv[1:]:
    path, code, name = arg.split(":", 2)
    try:
        doc = json.load(open(path, encoding="utf-8"))
        codes = {d["code"] for f in doc["files"] for d in f["diagnostics"]}
    except (ValueError, KeyError, TypeError) as e:
        print("FAIL: %s: --json output is not valid: %s" % (name, e))
        bad += 1
        continue
    if code != "-" and code not in codes:
        print("FAIL: %s: --json output lacks %s" % (name, code))
        bad += 1
sys.exit(1 if bad else 0)
PY

# A referral cycle must not make any strategy loop: play every one to the end.
RUN_AS=""
run_limited "$work/out" "$work/err" simulate files/referral-cycle.json --runs 50 --strategy all
status=$?
if [ "$status" -gt 1 ] || ! grep -q "Balance verdict" "$work/out" || sanitizer_report "$work/err"; then
    fail "simulate on the referral cycle: exit $status"; cat "$work/err"
fi
cases=$((cases + 1))

echo "hostile files: $cases checked under $limit and ${time_limit} s each, $failures failed, $skips skipped"
[ "$failures" -eq 0 ] || exit 1
[ "$skips" -eq 0 ] || exit 77
exit 0
