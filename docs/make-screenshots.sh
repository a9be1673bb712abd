#!/bin/sh
# Takes the user guide's and the README's pictures (docs/images/*.png) from the real app:
# app.rebound.docs.GuideScreenshots (test sources) sets up a clinic in a temporary folder with the
# real services and the sample patients, shows the real screens and saves each one once it has
# settled. Never draw or edit these pictures by hand: change the screen, then run this again.
#
#   docs/make-screenshots.sh [OUTPUT_FOLDER]      (default docs/images)
#
# Needs Java 17, Maven (offline is fine once the dependencies are in ~/.m2) and xvfb-run (Debian or
# Ubuntu: apt-get install xvfb). The screen is 1366x900: the main window's default size fits it.
# The same screens give the same pixels, except recovery-key.png: the key is random, as in the app
# (commit it only with a screen change).
set -eu
cd "$(dirname "$0")/.."
out="${1:-docs/images}"

mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/screenshots-classpath.txt \
    -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/screenshots-classpath.txt)"

# Locale, fonts and the render pipeline fixed, so that the same screens give the same pixels.
exec xvfb-run -a -s "-screen 0 1366x900x24" \
    java -Duser.language=en -Duser.country=GB -Dprism.order=sw -Dprism.lcdtext=false \
    -Djava.awt.headless=false -cp "$cp" app.rebound.docs.GuideScreenshots "$out"
