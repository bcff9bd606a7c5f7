#!/bin/sh
# Runs the save tests of save_tool.c: kill during save, full disk (a 64 KiB
# tmpfs when it can be mounted, which needs root), file-size limit, and a
# directory that may not be written (as nobody when running as root).
# Exit status: 0 every check ran and passed, 1 a check failed, 77 a check
# could not run here (ctest reports the test as skipped). With CI=true a check
# that cannot run is a failure: CI must run them all.
# Usage: run_save.sh SAVE_TOOL WORK_DIR [ROUNDS]
set -u
tool=$1
base=$2
rounds=${3:-200}
failures=0
skips=0
mkdir -p "$base"
work=$(mktemp -d "$base/save.XXXXXX")
mnt=""
cleanup() {
    [ -n "$mnt" ] && umount "$mnt" 2>/dev/null
    chmod -R u+rwx "$work" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT INT TERM
skip() { # skip WHY: a check that cannot run here
    if [ "${CI:-}" = true ]; then
        echo "FAIL (CI=true, nothing may skip): $*"; failures=$((failures + 1))
    else
        echo "SKIP: $*"; skips=$((skips + 1))
    fi
}

run() { # NAME COMMAND...
    name=$1; shift
    "$@"
    status=$?
    case $status in
        0) echo "PASS: $name" ;;
        77) skip "$name: the tool could not set it up here" ;;
        *) echo "FAIL: $name (exit $status)"; failures=$((failures + 1)) ;;
    esac
}

mkdir "$work/kill"
run "kill during save, $rounds rounds" "$tool" kill "$work/kill" "$rounds"

mkdir "$work/fsize"
run "file-size limit (EFBIG)" "$tool" fsize "$work/fsize"

mkdir "$work/full"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=64k ka-full "$work/full" 2>/dev/null; then
    mnt="$work/full"
    run "full disk (64 KiB tmpfs, ENOSPC)" "$tool" full "$work/full"
    umount "$mnt" && mnt=""
else
    skip "full disk: cannot mount a small tmpfs here (needs root and CAP_SYS_ADMIN);" \
         "the file-size limit test covers the same path"
fi

mkdir "$work/ro"
"$tool" write-old "$work/ro" || failures=$((failures + 1))
chmod 644 "$work/ro/settings.json"   # saves are created 0600 (mkstemp); let nobody read it
chmod 555 "$work/ro"
if [ "$(id -u)" -ne 0 ]; then
    run "unwritable directory" "$tool" unwritable "$work/ro"
elif command -v setpriv >/dev/null 2>&1 && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
    chmod 755 "$work"
    cp "$tool" "$work/save_tool" && chmod 755 "$work/save_tool"
    run "unwritable directory (as nobody)" \
        setpriv --reuid=65534 --regid=65534 --clear-groups "$work/save_tool" unwritable "$work/ro"
else
    skip "unwritable directory: running as root and setpriv cannot drop to nobody" \
         "(setpriv is in the Debian package util-linux)"
fi

[ "$failures" -eq 0 ] || exit 1
[ "$skips" -eq 0 ] || exit 77
exit 0
