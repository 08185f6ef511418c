# Builds Tidemark's .msi on Windows with jpackage (JDK 17) and WiX Toolset 3.x (candle.exe and light.exe on the PATH).
# Run from the repository root after: mvn -B -DskipTests package (on Windows: Maven picks the Windows JavaFX)
#   powershell -ExecutionPolicy Bypass -File installers\windows\build-msi.ps1
# The result: installers\out\Tidemark-<version>.msi, with a start-menu entry, a desktop shortcut, archives opening in
# Tidemark, and the command-line launcher tidemark-cli.exe (a console program) for scheduled tasks: call it by its full
# path (%LOCALAPPDATA%\Programs\Tidemark\tidemark-cli.exe for a per-user install) or add that folder to the PATH;
# jpackage does not. jpackage associates one extension, so *.sqlite files are offered to Tidemark (*.archive.sqlite
# among them); a .sqlite file that is no archive is refused.
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
$out = "$root\installers\out"
Remove-Item -Recurse -Force $out -ErrorAction SilentlyContinue
New-Item -ItemType Directory "$out\input" | Out-Null
Copy-Item "$root\app\target\tidemark.jar" "$out\input\"
$version = ((Select-String -Path "$root\pom.xml" -Pattern '<version>([0-9.]+)' | Select-Object -First 1).Matches[0].Groups[1].Value)
$modules = (Get-Content "$root\installers\runtime-modules.txt").Trim()
jlink --add-modules $modules --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out\runtime"
jpackage --type msi --name Tidemark --app-version $version --vendor Tidemark `
  --description "Storage, logs, archive, purge and VACUUM console for multi-tenant platforms" `
  --input "$out\input" --main-jar tidemark.jar --main-class io.tidemark.Launcher --runtime-image "$out\runtime" `
  --dest $out --icon "$root\installers\windows\tidemark.ico" `
  --add-launcher tidemark-cli="$root\installers\windows\cli-launcher.properties" `
  --file-associations "$root\installers\windows\archive-association.properties" `
  --win-menu --win-menu-group Tidemark --win-shortcut --win-dir-chooser --win-per-user-install
