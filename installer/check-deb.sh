#!/usr/bin/env bash
# Checks the .deb as a clinic's computer would get it, as root: installs it with apt-get (which
# fetches what it depends on), starts the installed launcher's window under Xvfb (--smoke) for a new
# user, sets up a clinic with init, signs in (--smoke), upgrades the package in place over itself,
# checks that apt leaves it alone (apt-get install --only-upgrade, apt-get -s upgrade, and Debian's
# own `rebound` package, which is another program, if a repository has it), checks that the start-up
# cache is used and that a damaged or missing one only costs speed, runs headless commands from the
# installed launcher, then purges the package and checks that the user's records are still there.
# With LEGACY_DEB=FILE (a build from before the rename, package `rebound`), installs that first and
# checks that installing this one as docs/install.md says (apt-get install ./FILE.deb rebound-)
# takes its place without bringing in Debian's `rebound`.
# Usage (as root): installer/check-deb.sh [PACKAGE.deb]   (default: the newest in target/installer)
set -euo pipefail
cd "$(dirname "$0")/.."
deb=${1:-$(ls -t target/installer/rebound-clinic_*.deb 2>/dev/null | head -1)}
[ -f "$deb" ] || { echo "check-deb: no .deb (build it with mvn -B -Pinstaller -DskipTests package)"; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "check-deb: run as root (it installs and removes the package)"; exit 1; }
deb=$(readlink -f "$deb")
pkg=rebound-clinic
app=/opt/$pkg
launcher=$app/bin/Rebound
export DEBIAN_FRONTEND=noninteractive
fail() { echo "check-deb: FAILED: $*"; exit 1; }
# a build from before the rename: package `rebound` with our maintainer (Debian's `rebound` is not ours)
legacy_installed() {
  local state
  state=$(dpkg-query -W -f '${Status}|${Maintainer}' rebound 2>/dev/null) || return 1
  [[ $state == "install ok installed|"*"<rebound@example.org>" ]]
}
# On failure the package does not stay behind on the machine.
trap '[ $? -eq 0 ] || { dpkg --purge $pkg >/dev/null 2>&1; legacy_installed && dpkg --purge rebound >/dev/null 2>&1; } || true' EXIT

size=$(du -m "$deb" | cut -f1)
echo "check-deb: $deb ($size MB)"
[ "$size" -lt 100 ] || fail "the package is $size MB, over 100 MB"
[ "$(dpkg-deb -f "$deb" Package)" = $pkg ] || fail "the package is not named $pkg"
for field in Replaces Breaks; do
  dpkg-deb -f "$deb" $field | grep -qx 'rebound (<< 1.0~)' || fail "$field is not 'rebound (<< 1.0~)'"
done
# Every file under /opt/rebound-clinic: nothing in the system's bin folder, which Debian's `rebound` uses.
contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
outside=$(grep -v -e "^\./opt/$pkg/" -e '^\./$' -e '^\./opt/$' <<<"$contents" || true)
[ -z "$outside" ] || fail "files outside $app: $outside"
# The bill of materials and the third-party notices ship beside the jar (Apache-2.0 section 4(d), MPL and EPL).
for doc in rebound.cdx.json THIRD-PARTY-NOTICES.txt; do
  grep -qx "\.$app/lib/app/$doc" <<<"$contents" || fail "the package lacks $app/lib/app/$doc"
done
# (read whole before grep: grep -q would close the pipe early, which pipefail counts as a failure)
bom=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO "./${app#/}/lib/app/rebound.cdx.json")
grep -q '"bomFormat" *: *"CycloneDX"' <<<"$bom" || fail "rebound.cdx.json in the package is not a CycloneDX bill of materials"
notices=$(dpkg-deb --fsys-tarfile "$deb" | tar -xO "./${app#/}/lib/app/THIRD-PARTY-NOTICES.txt")
grep -q 'Apache License' <<<"$notices" || fail "THIRD-PARTY-NOTICES.txt in the package holds no licence texts"
if grep -qx "\.$app/lib/rebound.aot" <<<"$contents"; then cache=$app/lib/rebound.aot; kind=aot
else cache=$app/lib/rebound.jsa; kind=cds; fi
echo "check-deb: start-up cache: $cache ($kind)"

if dpkg-query -W $pkg >/dev/null 2>&1; then
  echo "check-deb: removing the $pkg package already installed"
  dpkg --purge $pkg >/dev/null
fi
if [ -n "${LEGACY_DEB:-}" ]; then
  dpkg -i "$LEGACY_DEB" >/dev/null 2>&1 || apt-get install -y -qq --no-install-recommends -f >/dev/null
  legacy_installed || fail "LEGACY_DEB $LEGACY_DEB did not install a package rebound of ours"
fi

# apt-get resolves the dependencies (from the package lists; read them first if a dependency is missing)
for dep in $(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed 's/^ *//; s/[ (].*//; /^$/d' | sort -u); do
  dpkg -s "$dep" >/dev/null 2>&1 || { apt-get update -qq; break; }
done
if [ -n "${LEGACY_DEB:-}" ]; then
  # "rebound-" removes the old build in the same step: without it apt meets Breaks by upgrading
  # `rebound` to Debian's 2.0.0, another program (docs/install.md, "Upgrading from a build named rebound")
  apt-get install -y -qq --no-install-recommends "$deb" rebound- >/dev/null
else
  apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
fi
dpkg-query -W -f '${Status}' $pkg | grep -qx 'install ok installed' || fail "$pkg is not installed"
version=$(dpkg-query -W -f '${Version}' $pkg)
if [ -n "${LEGACY_DEB:-}" ]; then
  ! legacy_installed || fail "the build named rebound is still installed beside $pkg"
  ! dpkg-query -W -f '${Status}' rebound 2>/dev/null | grep -q 'install ok installed' \
    || fail "installing $pkg over the build named rebound installed Debian's rebound"
  [ ! -e /opt/rebound ] || fail "/opt/rebound (the build named rebound) is still there"
  echo "check-deb: $pkg took the place of the build named rebound"
fi
[ -x "$launcher" ] || fail "no launcher at $launcher"
[ -f "$cache" ] || fail "no start-up cache ($cache)"
desktop=$(grep -l "^Exec=$launcher" /usr/share/applications/*.desktop 2>/dev/null | head -1)
[ -n "$desktop" ] || fail "no desktop entry in /usr/share/applications"
[ "$(basename "$desktop")" = "$pkg-Rebound.desktop" ] || fail "the desktop entry is $desktop, not $pkg-Rebound.desktop"
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
! grep -q 'sun.misc.Unsafe\|restricted method\|enable-native-access' <<<"$out" || { echo "$out"; fail "Java warned about JavaFX's use of Unsafe or native access"; }
! grep -qE '^\[[0-9.]+s\]\[' <<<"$out" || { echo "$out"; fail "the JVM printed its log (e.g. about the start-up cache)"; }
export REBOUND_USER=check REBOUND_PASSWORD="check the installed package"
"$launcher" init --clinic "Check clinic" --user check | grep -Eq '^[0-9A-Z]{4}(-[0-9A-Z]{4}){7}$' \
  || fail "init printed no recovery key"
[ -f "$data/rebound.mv.db" ] || fail "no database in the default data folder $data"
signed_in() { # what: --smoke signs in and draws the first page of patients
  out=$(timeout 180 xvfb-run -a "$launcher" --smoke 2>&1) || { echo "$out"; fail "--smoke (signed in, $1) did not exit 0"; }
  grep -E '^patients shown: [0-9]+ ms$' <<<"$out" || { echo "$out"; fail "--smoke did not sign in ($1)"; }
}
signed_in "after init"

# Upgrade in place: the same package over itself (dpkg runs prerm upgrade, then postinst configure).
apt-get install -y -qq --reinstall "$deb" >/dev/null
[ "$(dpkg-query -W -f '${Status} ${Version}' $pkg)" = "install ok installed $version" ] || fail "$pkg is not installed after the upgrade"
[ -f "$cache" ] || fail "no start-up cache after the upgrade"
signed_in "after the upgrade"

# apt leaves it alone: no repository has rebound-clinic, and Debian's `rebound` is a different package.
apt-get install -y -qq --only-upgrade $pkg >/dev/null 2>&1 || true
[ "$(dpkg-query -W -f '${Status} ${Version}' $pkg)" = "install ok installed $version" ] \
  || fail "apt-get install --only-upgrade $pkg changed it"
if apt-get -s upgrade 2>/dev/null | grep -E "^(Inst|Remv|Conf) ($pkg|rebound) "; then
  fail "apt-get -s upgrade would change $pkg or install rebound"
fi
candidate=$(apt-cache policy rebound 2>/dev/null | sed -n 's/^ *Candidate: \([0-9].*\)/\1/p')
if [ -n "$candidate" ]; then
  plan=$(apt-get -s install rebound 2>&1) || { echo "$plan"; fail "apt-get -s install rebound failed"; }
  ! grep -E "^Remv $pkg " <<<"$plan" || fail "installing Debian's rebound $candidate would remove $pkg"
  echo "check-deb: apt-get -s install rebound: Debian's rebound $candidate would install beside $pkg"
else
  echo "check-deb: no repository has Debian's rebound here: that case was not simulated"
fi
echo "check-deb: apt-get install --only-upgrade and apt-get -s upgrade leave $pkg $version alone"

# The start-up cache is used: the JVM opens it and the launcher's own class comes from it.
# (_JAVA_OPTIONS, read after the launcher's own options, turns the JVM's log of it back on.)
if [ $kind = aot ]; then
  _JAVA_OPTIONS="-Xlog:aot=info:file=$work/cache.log -Xlog:class+load=info:file=$work/classes.log" \
    "$launcher" --help >/dev/null 2>&1 || fail "Rebound --help did not exit 0"
  # the launcher names it $APPDIR/../rebound.aot
  grep -qE "Opened AOT cache $app/lib/(app/\.\./)?rebound\.aot" "$work/cache.log" || { cat "$work/cache.log"; fail "the AOT cache was not opened"; }
  grep -q 'Using AOT-linked classes: true' "$work/cache.log" || { cat "$work/cache.log"; fail "the AOT cache's linked classes were not used"; }
else
  JAVA_TOOL_OPTIONS="-Xlog:class+load=info:file=$work/classes.log $JAVA_TOOL_OPTIONS" "$launcher" --help >/dev/null 2>&1 \
    || fail "Rebound --help did not exit 0"
fi
grep -q 'app.rebound.app.Launcher source: shared objects file' "$work/classes.log" \
  || fail "the start-up cache was not used (the launcher's class was not loaded from it)"
echo "check-deb: the start-up cache $cache is used"

# A damaged or missing cache costs speed, never a start (the cache is put back after). The
# launcher does not check the cache at each start (that cost 0.3 s); postinst checks it once and
# removes a damaged one: damage it, run postinst's configure step again, and it must be gone.
cp -p "$cache" "$work/cache.keep"
if [ $kind = aot ]; then
  printf 'damaged!' | dd of="$cache" bs=1 seek=100 conv=notrunc 2>/dev/null
  out=$(/var/lib/dpkg/info/$pkg.postinst configure 2>&1) || { echo "$out"; fail "postinst failed on a damaged start-up cache"; }
  [ ! -e "$cache" ] || fail "postinst kept a damaged start-up cache"
  grep -q 'start-up cache is damaged' <<<"$out" || { echo "$out"; fail "postinst did not say it removed the damaged start-up cache"; }
  cp -p "$work/cache.keep" "$cache"
  out=$(/var/lib/dpkg/info/$pkg.postinst configure 2>&1) || { echo "$out"; fail "postinst failed"; }
  [ -e "$cache" ] || { echo "$out"; fail "postinst removed a whole start-up cache"; }
fi
rm -f "$cache"
out=$("$launcher" readiness --patient 00000000-0000-0000-0000-000000000000 2>&1 || true)
grep -qi 'aot\|shared' <<<"$out" && { echo "$out"; fail "a missing start-up cache was reported to the user"; }
out=$(timeout 180 xvfb-run -a "$launcher" --smoke 2>&1) || { echo "$out"; fail "--smoke failed without the start-up cache"; }
grep -qE '^patients shown: [0-9]+ ms$' <<<"$out" || { echo "$out"; fail "--smoke did not sign in without the start-up cache"; }
cp -p "$work/cache.keep" "$cache"
echo "check-deb: a damaged or missing start-up cache: Rebound still starts and signs in"

# Headless commands from the installed launcher: H2, Flyway, jOOQ, Jackson, PDFBox, picocli, Logback.
"$launcher" demo-data --patients 5 --add >/dev/null 2>&1 || fail "demo-data did not exit 0"
"$launcher" export --out "$work/all.json" >/dev/null || fail "export did not exit 0"
handout=
for patient in $(grep -o '"id" *: *"[0-9a-f-]\{36\}"' "$work/all.json" | grep -o '[0-9a-f-]\{36\}'); do
  if "$launcher" handout --patient "$patient" --out "$work/handout.pdf" >/dev/null 2>&1; then handout=$patient; break; fi
done
[ -n "$handout" ] || fail "handout wrote no handout for any patient in the export"
head -c 5 "$work/handout.pdf" | grep -q '%PDF-' || fail "handout wrote no PDF"
json=$("$launcher" readiness --patient "$handout" --json) || fail "readiness did not exit 0"
[ "${json:0:1}" = "{" ] && grep -q '"criteria"' <<<"$json" || { echo "$json" | head -5; fail "readiness --json printed more than its JSON"; }
"$launcher" report --patient "$handout" --out "$work/report.pdf" >/dev/null || fail "report did not exit 0"
head -c 5 "$work/report.pdf" | grep -q '%PDF-' || fail "report wrote no PDF"
ls "$data"/logs/* >/dev/null 2>&1 || fail "no log files in $data/logs"
echo "check-deb: window, init, demo-data, export, handout, readiness and report ran from $launcher"

dpkg --purge $pkg >/dev/null
[ ! -e $app ] || fail "$app is still there after purge"
[ -z "$(grep -l "^Exec=$launcher" /usr/share/applications/*.desktop 2>/dev/null)" ] \
  || fail "the desktop entry is still there after purge"
[ -f "$data/rebound.mv.db" ] || fail "purging the package removed the user's records"
rm -rf "$work"
echo "check-deb: all good (installed, started, upgraded in place, purged; the user's records were left alone)"
