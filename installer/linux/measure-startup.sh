#!/usr/bin/env bash
# Start-up of the installed launcher with and without the start-up archive: the median of N runs
# (default 5) of "first frame: N ms" from --smoke under Xvfb, on a data folder that already holds
# records (the everyday case), the two kinds taking turns. As root, with the .deb installed; puts the archive back afterwards.
# Usage: measure-startup.sh [RUNS]
set -euo pipefail
runs=${1:-5}
launcher=/opt/rebound/bin/Rebound
archive=/opt/rebound/lib/rebound.jsa
[ -f "$archive" ] || { echo "no $archive: install the .deb first"; exit 1; }
work=$(mktemp -d)
trap 'mv -f "$work/rebound.jsa" "$archive" 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME=$work/home JAVA_TOOL_OPTIONS="-Duser.home=$work/home ${JAVA_TOOL_OPTIONS:-}"
data=$work/data

first_frame() { timeout 180 xvfb-run -a "$launcher" --smoke --data-dir "$data" 2>&1 | sed -n 's/^first frame: \([0-9]*\) ms$/\1/p'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

first_frame >/dev/null   # makes the records (and the JavaFX cache), and warms the disk cache
# The two kinds of run take turns, so a machine that gets busier or quieter meanwhile touches both alike.
with=() without=()
for _ in $(seq "$runs"); do
  with+=("$(first_frame)")
  mv "$archive" "$work/rebound.jsa"
  without+=("$(first_frame)")
  mv "$work/rebound.jsa" "$archive"
done
echo "with the archive:    first frame median $(printf '%s\n' "${with[@]}" | median) ms (runs: ${with[*]})"
echo "without the archive: first frame median $(printf '%s\n' "${without[@]}" | median) ms (runs: ${without[*]})"
