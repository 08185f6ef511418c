#!/usr/bin/env bash
# Builds a self-contained .deb of Tidemark with jpackage (JDK 17): its own trimmed runtime, a desktop entry,
# and the launcher at /opt/tidemark/bin/Tidemark. Usage: installers/linux/build-deb.sh  (after mvn -DskipTests package)
# Needs: fakeroot and dpkg-dev (apt-get install -y fakeroot dpkg-dev binutils).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/app/target/tidemark.jar"
out="$root/installers/out"
version="$(unzip -p "$jar" io/tidemark/version.properties | sed -n 's/^version=//p')"
[ -f "$jar" ] || { echo "Build the jar first: mvn -B -DskipTests package" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out/input"
cp "$jar" "$out/input/"

# The runtime holds only the modules the jar needs (JavaFX itself travels inside the jar).
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,java.scripting,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.unsupported,jdk.jsobject,jdk.xml.dom,jdk.zipfs,jdk.localedata"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

jpackage --type deb --name tidemark --app-version "${version%%-*}" \
  --vendor "Tidemark" --description "Storage, logs, archive, purge and VACUUM console for multi-tenant platforms" \
  --input "$out/input" --main-jar tidemark.jar --main-class io.tidemark.Launcher \
  --runtime-image "$out/runtime" --dest "$out" \
  --linux-shortcut --linux-menu-group "System;Monitor" --linux-app-category admin \
  --linux-package-deps libgtk-3-0 \
  $( [ -f "$root/installers/linux/tidemark.png" ] && echo --icon "$root/installers/linux/tidemark.png" )
ls -l "$out"/*.deb
du -sh "$out/runtime"
