#!/usr/bin/env bash
# Start-up of the installed launcher with and without its start-up cache (the AOT cache of a Java 25
# package, or the AppCDS archive of a Java 17 one): the median of N runs
# (default 5) of "first frame: N ms" from --smoke under Xvfb, on a data folder that already holds
# 200 made-up patients (the everyday case), the two kinds taking turns; also the CPU time of each
# run (needs GNU time, package time). As root, with the .deb installed; puts the archive back.
# Usage: measure-startup.sh [RUNS]
set -euo pipefail
runs=${1:-5}
launcher=/opt/rebound-clinic/bin/Rebound
archive=/opt/rebound-clinic/lib/rebound.aot
[ -f "$archive" ] || archive=/opt/rebound-clinic/lib/rebound.jsa
[ -f "$archive" ] || { echo "no start-up cache in /opt/rebound-clinic/lib: install the .deb first"; exit 1; }
work=$(mktemp -d)
trap 'mv -f "$work/cache" "$archive" 2>/dev/null || true; rm -rf "$work"' EXIT
export HOME=$work/home JAVA_TOOL_OPTIONS="-Duser.home=$work/home ${JAVA_TOOL_OPTIONS:-}"
data=$work/data

# One run: "first frame in ms" and the CPU seconds of the whole --smoke run (user + system, from GNU
# time). The CPU time depends far less on what else the machine is doing than the wall clock does.
first_frame() {
  timeout 180 xvfb-run -a /usr/bin/time -f 'cpu %U %S' "$launcher" --smoke --data-dir "$data" 2>&1 \
    | awk '/^first frame: [0-9]+ ms$/ { ms = $3 } /^cpu / { cpu = $2 + $3 } END { print ms "/" cpu }'
}
median() { tr ' ' '\n' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
report() { # label, runs as ms/cpu
  local label=$1; shift
  echo "$label first frame median $(printf '%s\n' "${@%/*}" | median) ms, CPU median $(printf '%s\n' "${@#*/}" | median) s (runs, ms/CPU s: $*)"
}

"$launcher" demo-data --patients 200 --data-dir "$data" >/dev/null 2>&1   # a small clinic
first_frame >/dev/null   # unpacks JavaFX's cache and warms the disk cache
# The two kinds of run take turns, so a machine that gets busier or quieter meanwhile touches both alike.
with=() without=()
for _ in $(seq "$runs"); do
  with+=("$(first_frame)")
  mv "$archive" "$work/cache"
  without+=("$(first_frame)")
  mv "$work/cache" "$archive"
done
report "with the archive:   " "${with[@]}"
report "without the archive:" "${without[@]}"
