#!/bin/sh
# Installs the Debian packages Key Accounts needs, when any is missing.
# Usage: tools/deps.sh [build|test]   (test adds the tools the tests use)
# test: the screen tests (xvfb, imagemagick), valgrind, fuzzing (clang-14 with
# its own libFuzzer runtime, libclang-rt-14-dev: tools/fuzz.sh uses clang-14),
# and the xAPI checks (nodejs and npm: tests/xapi/run.sh).
set -eu
need="build-essential cmake pkg-config libcjson-dev libcurl4-openssl-dev libsdl2-dev libsdl2-ttf-dev libedit-dev libcsv-dev fonts-dejavu-core"
if [ "${1:-build}" = test ]; then
    need="$need xvfb xauth imagemagick valgrind clang-14 libclang-rt-14-dev python3 nodejs npm chromium"
fi
missing=""
for p in $need; do
    case $p in
        # node and npm from elsewhere (nodesource's nodejs carries npm and
        # conflicts with Debian's npm package) serve as well
        nodejs) command -v node >/dev/null 2>&1 && continue ;;
        npm) command -v npm >/dev/null 2>&1 && continue ;;
    esac
    # dpkg-query fails for a package it has never heard of: missing too
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "Installing missing packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
else
    echo "error: these Debian packages are missing and I am not root:$missing" >&2
    echo "       run this script as root, or install them with apt-get." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing
