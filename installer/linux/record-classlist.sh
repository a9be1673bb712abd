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
export JAVA_TOOL_OPTIONS="-XX:DumpLoadedClassList=$work/classes.lst -Djavafx.cachedir=$work/javafx -Dpdfbox.fontcache=$work/pdfbox ${JAVA_TOOL_OPTIONS:-}"
if ! out=$(timeout 180 "${run[@]}" "$image/bin/Rebound" --smoke --data-dir "$work/data" 2>&1) \
    || ! grep -q '^first frame: ' <<<"$out"; then
  echo "$out" >&2
  echo "[installer] the app image did not start under --smoke" >&2
  exit 1
fi
mv "$work/classes.lst" "$list"
echo "[installer] recorded $(grep -vc '^[#@]' "$list") classes for the start-up archive: $list"
