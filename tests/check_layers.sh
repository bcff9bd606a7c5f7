#!/bin/sh
# The core links libc only and does no I/O: no SDL, no cJSON, no files, no
# clock, no process-wide randomness. Checks both the sources and the symbols
# the built library needs.
set -u
root=${1:?usage: check_layers.sh SOURCE_DIR [LIBCORE]}
lib=${2:-}
status=0
# a moved folder would leave nothing to check: that is a failure, not a pass
for d in core text; do
    ls "$root"/src/$d/*.c > /dev/null || { echo "no sources in $root/src/$d"; exit 1; }
done
bad=$(grep -nE '#include *[<"](SDL|cjson/|cJSON)' "$root"/src/core/*.c "$root"/src/core/*.h \
      "$root"/src/text/*.c)
if [ -n "$bad" ]; then
    echo "core/text include SDL or cJSON:"; echo "$bad"; status=1
fi
bad=$(grep -nE '\b(fopen|fprintf|printf|puts|fputs|fwrite|fread|time|clock|rand|srand|getenv|exit)\s*\(' \
      "$root"/src/core/*.c | grep -v '^\s*/\*')
if [ -n "$bad" ]; then
    echo "core does I/O, reads the clock or uses global randomness:"; echo "$bad"; status=1
fi
if [ -n "$lib" ]; then
    # readelf reads the real symbol tables (nm would show only the LTO ones
    # of link-time-optimised objects, which omit calls into libc).
    command -v readelf > /dev/null || { echo "readelf is not installed (Debian package binutils)"; exit 1; }
    syms=$(readelf -s --wide "$lib" | awk '$7 == "UND" && $8 != "" {print $8}' | sort -u)
    [ -n "$syms" ] || { echo "no symbols read from $lib"; status=1; }
    bad=$(echo "$syms" | grep -E '^(SDL_|TTF_|cJSON_|fopen|fwrite|fread|printf|fprintf|puts|time|clock_gettime|rand|srand|getenv|open|read|write)$')
    if [ -n "$bad" ]; then
        echo "libcore needs forbidden symbols:"; echo "$bad"; status=1
    fi
fi
[ $status -eq 0 ] && echo "layers: core is clean"
exit $status
