#!/usr/bin/env bash
# Start-up of the installed launcher with and without the start-up archive: the median of N runs
# (default 5) of "first frame: N ms" from --smoke under Xvfb, on a data folder that already holds
# records (the everyday case). As root, with the .deb installed; puts the archive back afterwards.
# Usage: measure-startup.sh [RUNS]
set -euo pipefail
runs=${1:-5}
launcher=/opt/rebound/bin/Rebound
archive=/opt/rebound/lib/rebound.jsa
[ -f "$archive" ] || { echo "no $archive: install the .deb first"; exit 1; }
work=$(mktemp -d)
trap 'mv -f "$work/rebound.jsa" "$archive" 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME=$work/home
data=$work/data

first_frame() { timeout 180 xvfb-run -a "$launcher" --smoke --data-dir "$data" 2>&1 | sed -n 's/^first frame: \([0-9]*\) ms$/\1/p'; }
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

first_frame >/dev/null   # makes the records (and the JavaFX cache), and warms the disk cache
for mode in with without; do
  [ $mode = without ] && mv "$archive" "$work/rebound.jsa"
  times=()
  for _ in $(seq "$runs"); do times+=("$(first_frame)"); done
  echo "$mode archive: first frame median $(printf '%s\n' "${times[@]}" | median) ms (runs: ${times[*]})"
done
