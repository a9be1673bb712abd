#!/usr/bin/env bash
# Makes Rebound's icon files from rebound.svg: PNGs for Linux (and the window), rebound.ico for
# Windows, rebound.icns for macOS. The outputs are committed, so a build never needs these tools;
# run this again after changing the SVG. Needs rsvg-convert (librsvg2-bin) and ImageMagick's
# convert (imagemagick). ImageMagick 6 cannot write .icns, so icns() below writes the container:
# "icns", the file's length, then one chunk per size (a 4-letter type, its length, a PNG).
set -euo pipefail
cd "$(dirname "$0")"
out=png
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# At 32 px and below a 56-unit stroke is under 3.5 px: draw the small sizes from a copy whose tile
# reaches the edge, whose mark is 16 % larger with a bolder stroke, and whose arrowhead's left arm
# is shorter (at full length it runs into the curve), so the mark stays crisp instead of a blob.
sed -e 's/stroke-width="56"/stroke-width="62"/' \
    -e 's/x="16" y="16" width="480" height="480" rx="108"/x="0" y="0" width="512" height="512" rx="112"/' \
    -e 's|transform="translate(-6 40)"|transform="translate(256 256) scale(1.16) translate(-256 -256) translate(-6 40)"|' \
    -e 's|M262 170 L 384 150 L 400 272|M282 166 L 384 150 L 398 254|' \
    rebound.svg > "$tmp/small.svg"
grep -q 'scale(1.16)' "$tmp/small.svg" && grep -q 'M282 166' "$tmp/small.svg" \
  || { echo "make-icons: rebound.svg changed: update the small-size edits in make-icons.sh"; exit 1; }

render() { # size file
  local src=rebound.svg
  [ "$1" -le 32 ] && src="$tmp/small.svg"
  rsvg-convert --width "$1" --height "$1" --keep-aspect-ratio "$src" -o "$2"
}

for size in 16 24 32 48 64 128 256 512; do
  render "$size" "$out/rebound-$size.png"
done
render 1024 "$tmp/rebound-1024.png"

# Windows: every size Explorer and the taskbar ask for, in one .ico (256 stored as PNG).
convert "$out/rebound-16.png" "$out/rebound-24.png" "$out/rebound-32.png" "$out/rebound-48.png" \
        "$out/rebound-64.png" "$out/rebound-128.png" "$out/rebound-256.png" rebound.ico

be32() { # a number as 4 big-endian bytes
  printf "\\x$(printf %02x $(( ($1 >> 24) & 255 )))\\x$(printf %02x $(( ($1 >> 16) & 255 )))"
  printf "\\x$(printf %02x $(( ($1 >> 8) & 255 )))\\x$(printf %02x $(( $1 & 255 )))"
}

icns() { # output, then type=png pairs
  local output=$1 body="$tmp/icns-body" type png
  shift
  : > "$body"
  for pair in "$@"; do
    type=${pair%%=*} png=${pair#*=}
    { printf '%s' "$type"; be32 $(( $(stat -c %s "$png") + 8 )); cat "$png"; } >> "$body"
  done
  { printf 'icns'; be32 $(( $(stat -c %s "$body") + 8 )); cat "$body"; } > "$output"
}

# macOS: icp4/icp5 16 and 32 px, ic07-ic09 128-512 px, ic10-ic14 the Retina (@2x) versions.
icns rebound.icns \
  icp4="$out/rebound-16.png" icp5="$out/rebound-32.png" icp6="$out/rebound-64.png" \
  ic07="$out/rebound-128.png" ic08="$out/rebound-256.png" ic09="$out/rebound-512.png" \
  ic10="$tmp/rebound-1024.png" ic11="$out/rebound-32.png" ic12="$out/rebound-64.png" \
  ic13="$out/rebound-256.png" ic14="$out/rebound-512.png"

ls -l "$out" rebound.ico rebound.icns
