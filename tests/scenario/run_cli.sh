#!/bin/sh
# Checks the validate command's options, exit statuses and output forms.
# usage: run_cli.sh VALIDATOR SOURCE_DIR
set -u
v=$1
cd "$2" || exit 1
fail=0
expect() { # expect STATUS DESCRIPTION -- command...
    want=$1; what=$2; shift 3
    "$@" >/tmp/ka_cli_out.$$ 2>/tmp/ka_cli_err.$$
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL: $what: exit $got, expected $want"; cat /tmp/ka_cli_out.$$ /tmp/ka_cli_err.$$; fail=1
    fi
}
contains() { # contains FILE TEXT
    if ! grep -qF -- "$2" "$1"; then echo "FAIL: '$2' not in output:"; cat "$1"; fail=1; fi
}
expect 2 "no files" -- "$v" validate
contains /tmp/ka_cli_err.$$ "usage: keyaccounts validate"
expect 2 "unknown option" -- "$v" validate --bogus valid/minimal.json
contains /tmp/ka_cli_err.$$ "unknown option '--bogus'"
expect 0 "valid file" -- "$v" validate valid/minimal.json
contains /tmp/ka_cli_err.$$ "0 errors, 0 warnings in 1 file"
expect 1 "missing file" -- "$v" validate no/such.json
contains /tmp/ka_cli_out.$$ "no/such.json: error [KA100]: cannot read the file: No such file or directory"
expect 1 "directory" -- "$v" validate broken
contains /tmp/ka_cli_out.$$ "broken: error [KA100]"
expect 0 "warnings only" -- "$v" validate broken/lint-warnings.json
expect 1 "--strict" -- "$v" validate --strict broken/lint-warnings.json
contains /tmp/ka_cli_err.$$ "0 errors, 5 warnings in 1 file"
expect 1 "two files" -- "$v" validate valid/minimal.json broken/bad-enum.json
contains /tmp/ka_cli_err.$$ "2 errors, 0 warnings in 2 files"
expect 1 "--json" -- "$v" validate --json broken/latin1-bytes.json broken/empty-file.json
contains /tmp/ka_cli_out.$$ '{"files":[{"file":"broken/latin1-bytes.json","diagnostics":[{"severity":"error","code":"KA102","line":32,"column":23,"path":"","message":"byte 0xE9'
contains /tmp/ka_cli_out.$$ '{"file":"broken/empty-file.json","diagnostics":[{"severity":"error","code":"KA105","line":null,"column":null,'
if [ "$(wc -l </tmp/ka_cli_out.$$)" -ne 1 ]; then echo "FAIL: --json printed more than one line"; fail=1; fi
# After a syntax error the rest is still checked, in --json too: all three problems, located.
expect 1 "--json after a syntax error" -- "$v" validate --json broken/recovery-every-problem.json
contains /tmp/ka_cli_out.$$ '"code":"KA103","line":33,"column":40,"path":"","message":"a comma is missing here'
contains /tmp/ka_cli_out.$$ '"code":"KA302","line":41,"column":22,"path":"accounts[0].contacts[0].refers[0]"'
contains /tmp/ka_cli_out.$$ '"code":"KA201","line":48,"column":11,"path":"accounts[0].contacts[1]"'
contains /tmp/ka_cli_out.$$ "did you mean 'influence'? (found after recovering from the syntax error at 33:40)"
contains /tmp/ka_cli_err.$$ "3 errors, 0 warnings in 1 file"
expect 1 "--strict after a syntax error" -- "$v" validate --strict broken/recovery-every-problem.json
contains /tmp/ka_cli_err.$$ "3 errors, 0 warnings in 1 file"
rm -f /tmp/ka_cli_out.$$ /tmp/ka_cli_err.$$
exit $fail
