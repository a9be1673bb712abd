#!/usr/bin/env bash
# Records the classes Rebound's window loads at start-up, for the class-data-sharing archive that
# the .deb's postinst makes: starts the app image's own launcher with --smoke on a fresh data folder
# and -XX:DumpLoadedClassList, and writes the list to IMAGE/lib/rebound.classlist.
# Needs a display: uses $DISPLAY if set, else xvfb-run. Without either it warns and writes nothing,
# and the package then installs without the archive (Rebound starts, only more slowly).
# Usage: record-classlist.sh IMAGE_DIR      (e.g. target/installer/image/Rebound)
set -euo pipefail
image=${1:?usage: record-classlist.sh IMAGE_DIR}
list="$image/lib/rebound.classlist"
rm -f "$list"

run=()
if [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    run=(xvfb-run -a)
  else
    echo "[installer] WARNING: no DISPLAY and no xvfb-run: no class list, so no start-up archive" >&2
    exit 0
  fi
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The JavaFX and PDFBox caches go to the temporary folder too, so a build leaves nothing in HOME.
# Three runs, their lists merged: the set-up window of a new folder; then, on a clinic set up with
# init, the sign-in window, the records and the main window (--smoke signs in from the environment);
# and a headless command (sign-in, database, report PDF).
base="-Djavafx.cachedir=$work/javafx -Dpdfbox.fontcache=$work/pdfbox ${JAVA_TOOL_OPTIONS:-}"
record() {
  local name=$1; shift
  JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/$name.lst $base" "$@"
}
if ! out=$(record setup timeout 180 "${run[@]}" "$image/bin/Rebound" --smoke --data-dir "$work/new" 2>&1) \
    || ! grep -q '^first frame: ' <<<"$out"; then
  echo "$out" >&2
  echo "[installer] the app image did not start under --smoke" >&2
  exit 1
fi
export REBOUND_USER=classlist REBOUND_PASSWORD="recording the start-up classes"
JAVA_TOOL_OPTIONS="$base" "$image/bin/Rebound" init --clinic "Class list" --user classlist --data-dir "$work/clinic" >/dev/null
JAVA_TOOL_OPTIONS="$base" "$image/bin/Rebound" demo-data --patients 3 --data-dir "$work/clinic" >/dev/null
if ! out=$(record window timeout 180 "${run[@]}" "$image/bin/Rebound" --smoke --data-dir "$work/clinic" 2>&1) \
    || ! grep -q '^patients shown: ' <<<"$out"; then
  echo "$out" >&2
  echo "[installer] the app image did not sign in under --smoke" >&2
  exit 1
fi
JAVA_TOOL_OPTIONS="$base" "$image/bin/Rebound" export --out "$work/all.json" --data-dir "$work/clinic" >/dev/null
patient=$(grep -o '"id" *: *"[0-9a-f-]\{36\}"' "$work/all.json" | head -1 | grep -o '[0-9a-f-]\{36\}')
record command "$image/bin/Rebound" report --patient "$patient" --out "$work/report.pdf" --data-dir "$work/clinic" >/dev/null
unset REBOUND_USER REBOUND_PASSWORD
# one list: each class once, in the order first seen
cat "$work/setup.lst" "$work/window.lst" "$work/command.lst" | awk '!seen[$0]++' > "$list"
echo "[installer] recorded $(grep -vc '^[#@]' "$list") classes for the start-up archive: $list"
