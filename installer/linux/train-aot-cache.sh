#!/usr/bin/env bash
# Makes the start-up cache the .deb ships when its runtime is Java 25 or later: an AOT cache (JEP 483
# classes loaded and linked ahead of time, JEP 515 method profiles), IMAGE/lib/rebound.aot, by one
# training run (JEP 514: -XX:AOTCacheOutput) of app.rebound.app.AotTraining with the app image's own
# runtime, the launcher's own Java options and exactly the launcher's class path (the JVM uses a
# cache only with the class path it was made for; the jars are matched by their place relative to
# the common folder, so the image may move to /opt/rebound-clinic as a whole, and by size and
# modification time, which the .deb keeps). The run does, in a made-up clinic in a temporary folder,
# what a clinic does first: init, demo-data, export, readiness, handout and report; then the window:
# the sign-in window, signed in, the main window with its patient list, a patient, her latest visit,
# its programme, and a set-up window (AotTraining says more).
# Needs a display: uses $DISPLAY if set, else xvfb-run. Without either it warns and makes no cache,
# and the package then starts without one (only more slowly).
# Usage: train-aot-cache.sh IMAGE_DIR      (e.g. target/installer/image/Rebound)
set -euo pipefail
image=$(cd "${1:?usage: train-aot-cache.sh IMAGE_DIR}" && pwd)
cache="$image/lib/rebound.aot"
cfg="$image/lib/app/Rebound.cfg"
java="$image/lib/runtime/bin/java"
rm -f "$cache"

run=()
if [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    run=(xvfb-run -a)
  else
    echo "[installer] WARNING: no DISPLAY and no xvfb-run: no AOT cache, so the package starts more slowly" >&2
    exit 0
  fi
fi

# the launcher's class path and Java options, as its .cfg gives them ($APPDIR is the folder of the .cfg)
appdir="$image/lib/app"
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\\\$APPDIR|$appdir|" | paste -s -d: -)
mapfile -t options < <(sed -n 's/^java-options=//p' "$cfg" | sed "s|\\\$APPDIR|$appdir|" \
  | grep -v -e '^-XX:AOTCache=' -e '^-XX:+VerifySharedSpaces$' -e '^-Xlog:aot\*=off$')
[ -n "$classpath" ] || { echo "[installer] no app.classpath in $cfg" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The JavaFX and PDFBox caches go to the temporary folder too, so a build leaves nothing in HOME.
started=$SECONDS
if ! out=$(JAVA_TOOL_OPTIONS="-Djavafx.cachedir=$work/javafx -Dpdfbox.fontcache=$work/pdfbox ${JAVA_TOOL_OPTIONS:-}" \
    timeout 900 "${run[@]}" "$java" "${options[@]}" -XX:AOTCacheOutput="$cache" \
    -cp "$classpath" app.rebound.app.AotTraining "$work/training" 2>&1) \
    || ! grep -q '^set-up window shown: ' <<<"$out" || [ ! -s "$cache" ]; then
  echo "$out" >&2
  echo "[installer] the training run for the AOT cache failed" >&2
  exit 1
fi
# classes Java cannot keep in the cache (old class files, JFR's) are loaded as before: listed, not fatal
skipped=$(grep -c '\[aot\] Skipping ' <<<"$out" || true)
echo "[installer] AOT cache trained in $((SECONDS - started)) s: $cache ($(du -m "$cache" | cut -f1) MB;" \
  "$skipped classes left to load at start-up, see -Xlog:aot)"
