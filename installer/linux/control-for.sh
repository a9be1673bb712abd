#!/usr/bin/env bash
# Puts installer/linux/control (the .deb's control file, as jpackage's template with Replaces and
# Breaks added) into the form the given jpackage fills in: JDK 17's template writes the version as
# APPLICATION_VERSION-APPLICATION_RELEASE, later ones as APPLICATION_VERSION_WITH_RELEASE. Reads
# which from the jpackage's own template in its JDK.
# Usage: control-for.sh PATH/TO/jpackage CONTROL_FILE   (rewrites CONTROL_FILE in place)
set -euo pipefail
jpackage=${1:?usage: control-for.sh JPACKAGE CONTROL_FILE}
control=${2:?usage: control-for.sh JPACKAGE CONTROL_FILE}
jdk=$(dirname "$(dirname "$(readlink -f "$jpackage")")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$jdk/bin/jimage" extract --dir "$work" --include 'regex:.*/jdk/jpackage/internal/resources/template\.control' \
  "$jdk/lib/modules"
template=$(find "$work" -name template.control | head -1)
[ -n "$template" ] || { echo "[installer] no template.control in $jdk's jpackage" >&2; exit 1; }
if grep -q APPLICATION_VERSION_WITH_RELEASE "$template"; then
  sed -i 's/APPLICATION_VERSION-APPLICATION_RELEASE/APPLICATION_VERSION_WITH_RELEASE/' "$control"
fi
# every other line of jpackage's template must be in ours, or the package would lose a field
missing=$(grep -vxF -f "$control" "$template" || true)
[ -z "$missing" ] || { echo "[installer] installer/linux/control lacks jpackage's lines: $missing" >&2; exit 1; }
