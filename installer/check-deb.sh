#!/usr/bin/env bash
# Checks the .deb as a clinic's computer would get it, as root: installs it with dpkg, starts the
# installed launcher's window under Xvfb (--smoke) for a new user, runs headless commands from the
# installed launcher, then purges the package and checks that the user's records are still there.
# Usage (as root): installer/check-deb.sh [PACKAGE.deb]   (default: the one in target/installer)
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls -t target/installer/rebound_*.deb 2>/dev/null | head -1)}
[ -f "$deb" ] || { echo "check-deb: no .deb (build it with mvn -B -Pinstaller -DskipTests package)"; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "check-deb: run as root (it installs and removes the package)"; exit 1; }
app=/opt/rebound
launcher=$app/bin/Rebound
fail() { echo "check-deb: FAILED: $*"; exit 1; }
# On failure the package does not stay behind on the machine.
trap '[ $? -eq 0 ] || dpkg --purge rebound >/dev/null 2>&1 || true' EXIT

size=$(du -m "$deb" | cut -f1)
echo "check-deb: $deb ($size MB)"
[ "$size" -lt 100 ] || fail "the package is $size MB, over 100 MB"

if dpkg-query -W rebound >/dev/null 2>&1; then
  echo "check-deb: removing the rebound package already installed"
  dpkg --purge rebound >/dev/null
fi

# What the package depends on must be there for dpkg -i; a clean machine gets it from apt.
missing=()
for dep in $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/[ (].*//; /^$/d' | sort -u); do
  dpkg -s "$dep" >/dev/null 2>&1 || missing+=("$dep")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "check-deb: installing the package's dependencies: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dpkg -i "$deb" >/dev/null
[ -x "$launcher" ] || fail "no launcher at $launcher"
[ -f $app/lib/rebound.jsa ] || fail "postinst made no start-up archive ($app/lib/rebound.jsa)"
desktop=$(grep -l "^Exec=$launcher" /usr/share/applications/*.desktop 2>/dev/null | head -1)
[ -n "$desktop" ] || fail "no desktop entry in /usr/share/applications"
grep -qx 'Name=Rebound' "$desktop" || fail "the desktop entry is not named Rebound"
grep -qx "Icon=$app/lib/Rebound.png" "$desktop" && [ -f $app/lib/Rebound.png ] || fail "the desktop entry has no icon"

# A new user: her own home folder, so the default data folder (~/.rebound) is a new one. Java takes
# user.home from the password file, not from HOME, so it is set for the JVM too.
work=$(mktemp -d /tmp/rebound-check-deb.XXXXXX)
export HOME=$work/home
mkdir -p "$HOME"
export JAVA_TOOL_OPTIONS="-Duser.home=$HOME ${JAVA_TOOL_OPTIONS:-}"
data=$HOME/.rebound
[ ! -e "$data" ] || fail "$data exists already"

# A new folder shows the set-up window; then the clinic is set up with init, and --smoke signs in.
out=$(timeout 180 xvfb-run -a "$launcher" --smoke 2>&1) || { echo "$out"; fail "--smoke did not exit 0"; }
grep -E '^first frame: [0-9]+ ms$' <<<"$out" || { echo "$out"; fail "--smoke printed no first frame"; }
export REBOUND_USER=check REBOUND_PASSWORD="check the installed package"
"$launcher" init --clinic "Check clinic" --user check | grep -Eq '^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$' \
  || fail "init printed no recovery key"
[ -f "$data/rebound.mv.db" ] || fail "no database in the default data folder $data"
out=$(timeout 180 xvfb-run -a "$launcher" --smoke 2>&1) || { echo "$out"; fail "--smoke (signed in) did not exit 0"; }
grep -E '^patients shown: [0-9]+ ms$' <<<"$out" || { echo "$out"; fail "--smoke did not sign in"; }

# The start-up archive is mapped: the launcher's own classes come from it.
JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classes.log $JAVA_TOOL_OPTIONS" "$launcher" --help >/dev/null 2>&1 \
  || fail "Rebound --help did not exit 0"
grep -q 'app.rebound.app.Launcher source: shared objects file' "$work/classes.log" \
  || fail "the start-up archive was not used"

# Headless commands from the installed launcher: H2, Flyway, jOOQ, Jackson, PDFBox, picocli, Logback.
"$launcher" demo-data --patients 5 --add >/dev/null 2>&1 || fail "demo-data did not exit 0"
"$launcher" export --out "$work/all.json" >/dev/null || fail "export did not exit 0"
patient=$(grep -o '"id" *: *"[0-9a-f-]\{36\}"' "$work/all.json" | head -1 | grep -o '[0-9a-f-]\{36\}')
[ -n "$patient" ] || fail "the export holds no patient"
"$launcher" report --patient "$patient" --out "$work/report.pdf" >/dev/null || fail "report did not exit 0"
head -c 5 "$work/report.pdf" | grep -q '%PDF-' || fail "report wrote no PDF"
ls "$data"/logs/* >/dev/null 2>&1 || fail "no log files in $data/logs"
echo "check-deb: window, demo-data, export and report ran from $launcher"

dpkg --purge rebound >/dev/null
[ ! -e $app ] || fail "$app is still there after purge"
[ -z "$(grep -l "^Exec=$launcher" /usr/share/applications/*.desktop 2>/dev/null)" ] \
  || fail "the desktop entry is still there after purge"
[ -f "$data/rebound.mv.db" ] || fail "purging the package removed the user's records"
rm -rf "$work"
echo "check-deb: all good (installed, started, purged; the user's records were left alone)"
