#!/usr/bin/env bash
# Builds a self-contained .rpm of Tidemark with jpackage (JDK 17) for RHEL, Rocky, Fedora and SUSE: its own trimmed
# runtime, a menu entry, and the launchers /opt/tidemark/bin/tidemark (window) and /opt/tidemark/bin/tidemark-cli
# (commands, C1 only). Usage: installers/linux/build-rpm.sh (after mvn -B -DskipTests package). Needs rpmbuild
# (dnf install rpm-build, or apt-get install rpm on Debian). Install: sudo dnf install ./installers/out/tidemark-*.rpm,
# then for cron: sudo ln -s /opt/tidemark/bin/tidemark-cli /usr/local/bin/tidemark
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/app/target/tidemark.jar"
out="$root/installers/out"
[ -f "$jar" ] || { echo "Build the jar first: mvn -B -DskipTests package" >&2; exit 1; }
version="$(unzip -p "$jar" io/tidemark/version.properties | sed -n 's/^version=//p')"
rm -rf "$out/rpm" && mkdir -p "$out/rpm/input"
cp "$jar" "$here/resources/tidemark-archive.xml" "$out/rpm/input/"
jlink --add-modules "$(cat "$root/installers/runtime-modules.txt")" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$out/rpm/runtime"
jpackage --type rpm --name tidemark --app-version "${version%%-*}" \
  --vendor "Tidemark" --description "Storage, logs, archive, purge and VACUUM console for multi-tenant platforms" \
  --input "$out/rpm/input" --main-jar tidemark.jar --main-class io.tidemark.Launcher \
  --runtime-image "$out/rpm/runtime" --dest "$out" \
  --add-launcher tidemark-cli="$here/cli-launcher.properties" \
  --linux-shortcut --linux-menu-group "System;Monitor" --linux-app-category "Applications/System" \
  --linux-package-deps gtk3 --icon "$here/resources/tidemark.png"
ls -l "$out"/*.rpm
