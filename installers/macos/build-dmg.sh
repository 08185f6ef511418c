#!/usr/bin/env bash
# Builds Tidemark's .dmg on macOS with jpackage (JDK 17). Run from the repository root after:
#   mvn -B -DskipTests package     (on the Mac: Maven picks the macOS JavaFX)
#   installers/macos/build-dmg.sh
# The result: installers/out/Tidemark-<version>.dmg with Tidemark.app; the command line for launchd/cron is
# /Applications/Tidemark.app/Contents/MacOS/tidemark-cli (link it into /usr/local/bin).
# Unsigned unless you add: --mac-sign --mac-signing-key-user-name "Developer ID Application: …"
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/installers/out"
version="$(unzip -p "$root/app/target/tidemark.jar" io/tidemark/version.properties | sed -n 's/^version=//p')"; version="${version%%-*}"
rm -rf "$out" && mkdir -p "$out/input"
cp "$root/app/target/tidemark.jar" "$out/input/"
modules="$(cat "$root/installers/runtime-modules.txt")"
jlink --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"
jpackage --type dmg --name Tidemark --app-version "$version" --vendor Tidemark \
  --description "Storage, logs, archive, purge and VACUUM console for multi-tenant platforms" \
  --input "$out/input" --main-jar tidemark.jar --main-class io.tidemark.Launcher --runtime-image "$out/runtime" \
  --dest "$out" --mac-package-identifier io.tidemark.console \
  --add-launcher tidemark-cli="$root/installers/macos/cli-launcher.properties" \
  --file-associations "$root/installers/windows/archive-association.properties"
