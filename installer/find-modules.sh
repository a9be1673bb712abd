#!/usr/bin/env bash
# Prints the JDK modules that the jar and its libraries use, as jdeps finds them: the start of the
# installer profile's installer.modules in pom.xml. Run after mvn -B package -DskipTests.
# Each jar is unpacked into one folder without its module-info, so jdeps reads the libraries that
# are modules (jOOQ, Jackson, JavaFX...) as plain class-path code, as the app runs them.
set -euo pipefail
cd "$(dirname "$0")/../target"
classes=$(mktemp -d)
trap 'rm -rf "$classes"' EXIT
for jar in rebound.jar lib/*.jar; do
  unzip -q -o "$jar" -d "$classes"
done
find "$classes" -name module-info.class -delete
jdeps -q --multi-release 17 --ignore-missing-deps -summary "$classes" | sed -n 's/.* -> \(j[a-z.]*\)$/\1/p' | sort -u | paste -sd, -
