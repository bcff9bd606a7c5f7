#!/bin/sh
# The screen-golden comparison must fail when a screen is wrong: a golden is
# altered in a temporary copy (a handful of pixels, one pixel by one colour
# level, a crop) and compare_goldens.sh and image_compare.sh must reject it;
# ImageMagick's counts must be read right ("1.1e+06" is 1,100,000, not 1).
# usage: check_compare.sh GOLDEN_DIR
set -u
golden=${1:?usage: check_compare.sh GOLDEN_DIR}
here=$(cd "$(dirname "$0")" && pwd)
. "$here/image_compare.sh"
for t in convert compare identify; do
    command -v $t > /dev/null 2>&1 || { echo "FAIL: ImageMagick's $t is not installed (Debian package imagemagick)"; exit 1; }
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ka-compare.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=1; }

# --- the parser --------------------------------------------------------------------
parses() { # parses TEXT WANT
    got=$(ae_parse "$1") || { no "ae_parse '$1' refused, want $2"; return; }
    [ "$got" = "$2" ] || no "ae_parse '$1' gave $got, want $2"
}
refuses() { # refuses TEXT
    got=$(ae_parse "$1") && no "ae_parse accepted '$1' as $got"
}
parses 0 0
parses 205 205
parses 1100000 1100000
parses 1.1e+06 1100000
parses 1.23457e+06 1234570
parses 4.608E+03 4608
parses "5 (7.62939e-06)" 5
parses " 12 " 12
refuses ""
refuses "-3"
refuses "1,100,000"
refuses "compare-im6.q16: unable to open image 'x.png'"
refuses "12
compare-im6.q16: some warning"

# --- image_compare on altered copies of one golden ---------------------------------
g="$golden/en-board.png"
[ -f "$g" ] || { echo "FAIL: $g is missing"; exit 1; }
size=$(identify -format '%wx%h' "$g")
w=${size%x*}
h=${size#*x}

expect() { # expect STATUS WHAT IMAGE [TEXT]: image_compare of the golden and IMAGE
    why=$(image_compare "$g" "$3" "$tmp/diff.png")
    got=$?
    if [ "$got" -ne "$1" ]; then
        no "$2: image_compare returned $got, want $1 ($why)"
    elif [ -n "${4:-}" ] && ! printf '%s\n' "$why" | grep -qF -- "$4"; then
        no "$2: image_compare said '$why', want '$4'"
    else
        echo "ok: $2: ${why:-identical}"
    fi
}
# The shots are BMP files, the goldens PNG: the same pixels in another format match.
convert "$g" "BMP3:$tmp/same.bmp"
expect 0 "the golden itself as BMP" "$tmp/same.bmp"
# Five pixels in a colour the screens do not use.
convert "$g" -fill '#fe01fd' -draw 'point 10,10' -draw 'point 640,360' -draw 'point 1279,719' \
    -draw 'point 200,40' -draw 'point 900,500' "BMP3:$tmp/five.bmp"
expect 1 "five pixels changed" "$tmp/five.bmp" "5 pixels differ"
# One pixel, one level of blue: no colour fuzz.
rgb=$(convert "$g" -format '%[fx:int(255*p{320,200}.r+0.5)],%[fx:int(255*p{320,200}.g+0.5)],%[fx:int(255*p{320,200}.b+0.5)]' info:)
r=${rgb%%,*} rest=${rgb#*,}
gr=${rest%%,*} b=${rest#*,}
b=$(( b == 255 ? 254 : b + 1 ))
convert "$g" -fill "rgb($r,$gr,$b)" -draw 'point 320,200' "BMP3:$tmp/onelevel.bmp"
expect 1 "one pixel one colour level off (rgb($r,$gr,$b))" "$tmp/onelevel.bmp" "1 pixels differ"
# A screen one row short, and a corner of it: compare alone would find the
# smaller image inside the golden and call it a match.
convert "$g" -crop "${w}x$((h - 1))+0+0" +repage "BMP3:$tmp/short.bmp"
expect 1 "one row short" "$tmp/short.bmp" "size ${w}x$((h - 1)), golden $size"
convert "$g" -crop 16x16+0+0 +repage "BMP3:$tmp/corner.bmp"
expect 1 "a 16x16 corner" "$tmp/corner.bmp" "size 16x16"
expect 2 "a missing screen" "$tmp/none.bmp" "cannot read"

# --- a megapixel of difference is counted in full -----------------------------------
convert -size 1100x1000 xc:white "$tmp/white.png"
convert -size 1100x1000 xc:black "$tmp/black.png"
why=$(image_compare "$tmp/white.png" "$tmp/black.png" "$tmp/mega-diff.png")
got=$?
[ "$got" -eq 1 ] && [ "$why" = "1100000 pixels differ; see $tmp/mega-diff.png" ] \
    || no "1,100,000 different pixels: returned $got, said '$why'"
raw=$(compare -metric AE "$tmp/white.png" "$tmp/black.png" null: 2>&1)
n=$(ae_parse "$raw") && [ "$n" -eq 1100000 ] || no "compare's own '$raw' parses as '${n:-nothing}', want 1100000"

# --- compare_goldens.sh end to end, with a stand-in for ui_shots --------------------
mkdir -p "$tmp/golden" "$tmp/src"
cp "$g" "$golden/en-week.png" "$tmp/golden/"
convert "$golden/en-week.png" "BMP3:$tmp/src/en-week.bmp"
cp "$tmp/five.bmp" "$tmp/src/en-board.bmp"
cat > "$tmp/shots" <<EOF
#!/bin/sh
cp "$tmp/src"/*.bmp "\$1/"
EOF
chmod +x "$tmp/shots"
sh "$here/compare_goldens.sh" "$tmp/shots" "$tmp/golden" "$tmp/out" > "$tmp/log" 2>&1
got=$?
if [ "$got" -ne 1 ] || ! grep -q "^FAIL en-board: 5 pixels differ" "$tmp/log" || grep -q "FAIL en-week" "$tmp/log"; then
    no "compare_goldens.sh with five changed pixels on one screen: exit $got"; cat "$tmp/log"
fi
convert "$g" "BMP3:$tmp/src/en-board.bmp"
sh "$here/compare_goldens.sh" "$tmp/shots" "$tmp/golden" "$tmp/out" > "$tmp/log" 2>&1 \
    || { no "compare_goldens.sh with both screens unchanged: exit $?"; cat "$tmp/log"; }
grep -q "2 screens match exactly" "$tmp/log" || { no "compare_goldens.sh did not count 2 matching screens"; cat "$tmp/log"; }
convert "$g" "BMP3:$tmp/src/en-extra.bmp"
sh "$here/compare_goldens.sh" "$tmp/shots" "$tmp/golden" "$tmp/out" > "$tmp/log" 2>&1
[ $? -eq 1 ] && grep -q "FAIL en-extra: no golden" "$tmp/log" || { no "a screen without a golden passed"; cat "$tmp/log"; }

[ "$fail" -eq 0 ] && echo "golden comparison checks passed"
exit $fail
