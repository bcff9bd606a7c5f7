#!/bin/sh
# Goldens of `keyaccounts new`: the example (English, Russian), a skeleton
# from docs/examples/people.csv, one from an Excel-style sheet (byte order
# mark, ';', CRLF, Russian headers, quoted cells with ';', '""' and line
# breaks), sheets with mistakes (located errors, nothing written), and a file
# that exists (never replaced). Every file written must pass validate; the
# examples must be clean under --strict.
# usage: check_new.sh KEYACCOUNTS SOURCE_DIR [--regen]
set -u
k=$1
src=$2
regen=${3:-}
golden=$src/tests/cli/new
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$golden"/*.csv "$src/docs/examples/people.csv" "$work"/
cd "$work" || exit 1
fail=0

# run NAME ARGS...: the output and exit status into NAME.out, compared with NAME.expected
run() {
    name=$1; shift
    status=0
    "$k" new "$@" >"$name.out" 2>&1 || status=$?
    echo "exit $status" >>"$name.out"
    compare "$name.out" "$name.expected"
}
# compare FILE GOLDEN (GOLDEN is a name under tests/cli/new)
compare() {
    if [ "$regen" = --regen ]; then
        cp "$1" "$golden/$2"
    elif ! cmp -s "$1" "$golden/$2"; then
        echo "FAIL: $1 differs from tests/cli/new/$2 (check_new.sh ... --regen, then review the diff):"
        diff "$golden/$2" "$1" | head -20
        fail=1
    fi
}
validates() { # validates [--strict] FILE
    if ! "$k" validate "$@" >/dev/null 2>&1; then
        echo "FAIL: validate $* does not pass:"; "$k" validate "$@"; fail=1
    fi
}

run example
compare example.json example.json.expected
validates --strict example.json
run example-ru --lang ru
compare example.ru.json example-ru.json.expected
validates --strict example.ru.json
run people --from people.csv
compare people.json people.json.expected
validates people.json
run excel-ru --from excel-ru.csv --lang ru --out клиент.json
compare клиент.json excel-ru.json.expected
validates клиент.json
run mistakes --from mistakes.csv
run no-influence --from no-influence.csv
for f in mistakes.json no-influence.json; do
    if [ -e "$f" ]; then echo "FAIL: $f was written from a sheet with mistakes"; fail=1; fi
done
cp example.json before.json
run exists
if ! cmp -s example.json before.json; then echo "FAIL: an existing example.json was changed"; fail=1; fi
run usage --lang fr
# the walk-through's finished scenario (docs/authoring.md) stays clean
validates --strict "$src/docs/examples/nordhafen.json"
exit $fail
