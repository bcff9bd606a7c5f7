#!/bin/sh
# Installs the test-only npm packages of tests/xapi (package-lock.json) into
# tests/xapi/node_modules, unless the same lock file was installed already.
# Exit 0 installed, 1 failed, 3 npm is not available.
set -u
cd "$(dirname "$0")"
command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 || exit 3
stamp=node_modules/.keyaccounts-lock
want=$(cksum < package-lock.json)
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && exit 0
# --ignore-scripts: none of these packages needs an install script to run here
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error > npm-ci.log 2>&1 || {
    echo "npm ci failed in tests/xapi:"; tail -20 npm-ci.log; rm -f npm-ci.log; exit 1; }
rm -f npm-ci.log
printf '%s\n' "$want" > "$stamp"
