#!/bin/sh
# Every screen of the guide at the two sizes a clinic's screens have (1024x700, 1600x1000), with
# each truncated label, button or header printed ("truncated in programme.png: ..."). The same
# program as docs/make-screenshots.sh (GuideScreenshots), with the main window resized before each
# picture.
#
#   docs/make-size-screenshots.sh OUTPUT_FOLDER     (pictures go to OUTPUT_FOLDER/1024x700/ and /1600x1000/)
set -eu
cd "$(dirname "$0")/.."
out="$1"

mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/screenshots-classpath.txt \
    -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/screenshots-classpath.txt)"

for size in 1024x700 1600x1000; do
    mkdir -p "$out/$size"
    xvfb-run -a -s "-screen 0 1700x1100x24" \
        java -Duser.language=en -Duser.country=GB -Dprism.order=sw -Dprism.lcdtext=false \
        -Djava.awt.headless=false -Drebound.shots.size="$size" -cp "$cp" app.rebound.docs.GuideScreenshots \
        "$out/$size"
done
