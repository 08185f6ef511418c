#!/usr/bin/env bash
# Builds a self-contained .deb of Tidemark with jpackage (JDK 17): its own trimmed runtime (jlink), a menu entry, the
# archive file type (*.archive.sqlite[.gz] open in Tidemark), the window launcher /opt/tidemark/bin/tidemark and the
# command-line launcher /opt/tidemark/bin/tidemark-cli, linked as /usr/bin/tidemark for cron.
# Usage: installers/linux/build-deb.sh   (after mvn -B -DskipTests package)
# Needs: fakeroot, dpkg-dev and binutils (apt-get install -y fakeroot dpkg-dev binutils).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/app/target/tidemark.jar"
out="$root/installers/out"
[ -f "$jar" ] || { echo "Build the jar first: mvn -B -DskipTests package" >&2; exit 1; }
version="$(unzip -p "$jar" io/tidemark/version.properties | sed -n 's/^version=//p')"
rm -rf "$out" && mkdir -p "$out/input"
cp "$jar" "$out/input/"
cp "$here/resources/tidemark-archive.xml" "$out/input/"

# The runtime holds only the modules the jar needs (JavaFX itself travels inside the jar).
modules="$(cat "$root/installers/runtime-modules.txt")"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

jpackage --type deb --name tidemark --app-version "${version%%-*}" \
  --vendor "Tidemark" --description "Storage, logs, archive, purge and VACUUM console for multi-tenant platforms" \
  --input "$out/input" --main-jar tidemark.jar --main-class io.tidemark.Launcher \
  --runtime-image "$out/runtime" --dest "$out" --resource-dir "$here/resources" \
  --add-launcher tidemark-cli="$here/cli-launcher.properties" \
  --linux-shortcut --linux-menu-group "System;Monitor" --linux-app-category admin \
  --linux-deb-maintainer "tidemark@example.org" \
  --linux-package-deps libgtk-3-0 \
  --icon "$here/resources/tidemark.png"
ls -l "$out"/*.deb
du -sh "$out/runtime"
