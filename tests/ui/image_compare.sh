# Exact comparison of two images with ImageMagick, for the screen goldens.
# Sourced by compare_goldens.sh and check_compare.sh (POSIX sh functions).
#
# Every screen renders pixel-exact under the dummy video driver and the
# software renderer, so a screen matches its golden only when it has the same
# size and not one pixel differs (no colour fuzz, no pixel allowance): a score
# one too high changes a few hundred pixels, and any allowance large enough to
# hide noise would hide that too.

# ae_parse TEXT: prints ImageMagick's absolute-error count (`compare -metric
# AE`) as a whole number. ImageMagick prints large counts in scientific
# notation ("1.1e+06" for 1,100,000) unless told a precision, and version 7
# adds the normalised error in brackets ("5 (7.6e-06)"): only the first word
# counts. Returns 1, printing nothing, when TEXT is not a count.
ae_parse() {
    case $1 in *"
"*) return 1 ;; esac # more than one line: a warning, not only a count
    ae_word=$(printf '%s\n' "$1" | awk '{ print $1 }')
    printf '%s\n' "$ae_word" | grep -Eqx '[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?' || return 1
    awk -v v="$ae_word" 'BEGIN { printf "%.0f\n", v + 0 }'
}

# image_compare GOLDEN IMAGE DIFF_PNG: compares IMAGE with GOLDEN exactly and
# prints one line saying why they differ. Returns 0 when both have the same
# size and identical pixels, 1 when they differ (DIFF_PNG then shows where),
# 2 when they cannot be compared (a file is missing or unreadable, or
# ImageMagick printed something that is not a count).
image_compare() {
    ic_golden=$1 ic_image=$2 ic_diff=$3
    for ic_tool in compare identify; do
        command -v "$ic_tool" > /dev/null 2>&1 || {
            echo "ImageMagick's $ic_tool is not installed (Debian package imagemagick)"; return 2; }
    done
    ic_gsize=$(identify -format '%wx%h' "$ic_golden" 2>&1) || { echo "cannot read $ic_golden: $ic_gsize"; return 2; }
    ic_isize=$(identify -format '%wx%h' "$ic_image" 2>&1) || { echo "cannot read $ic_image: $ic_isize"; return 2; }
    if [ "$ic_gsize" != "$ic_isize" ]; then
        # compare would look for the smaller image inside the larger one
        echo "size $ic_isize, golden $ic_gsize"
        return 1
    fi
    # -precision 15: the count in full, not rounded to six digits
    ic_out=$(compare -metric AE -precision 15 "$ic_golden" "$ic_image" "$ic_diff" 2>&1)
    ic_status=$?
    if ! ic_count=$(ae_parse "$ic_out") || [ "$ic_status" -gt 1 ]; then
        echo "compare exited $ic_status and said: $ic_out"
        return 2
    fi
    if [ "$ic_count" -ne 0 ]; then
        echo "$ic_count pixels differ; see $ic_diff"
        return 1
    fi
    if [ "$ic_status" -ne 0 ]; then
        echo "compare exited $ic_status for 0 differing pixels"
        return 2
    fi
    return 0
}
