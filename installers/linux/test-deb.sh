#!/usr/bin/env bash
# Installs the built .deb on this machine and checks it as an administrator would use it, then removes it:
#   apt-get install ./tidemark_*.deb (dpkg with its dependencies); `tidemark --version` and `tidemark profiles` from the PATH; the window opens the demo under Xvfb
#   (screenshot in installers/out/installed-window.png); the archive file type is registered; dpkg -r leaves no
#   /usr/bin/tidemark behind. Needs root and: apt-get install -y xvfb x11-utils imagemagick libgtk-3-0 xdg-utils
# Usage: installers/linux/test-deb.sh [DEB]   (default: the one build-deb.sh made)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(cd "$here/../.." && pwd)/installers/out"
deb="${1:-$(ls "$out"/tidemark_*.deb | head -n 1)}"
fail() { echo "test-deb: FAILED: $*" >&2; exit 1; }

dpkg -r tidemark >/dev/null 2>&1 || true
# apt installs the package's dependencies (libgtk-3-0, xdg-utils) with it, as an administrator would.
apt-get install -y "$(realpath "$deb")" >/dev/null || fail "apt-get install $deb"
dpkg -s tidemark | grep -q '^Status: install ok installed' || fail "the package is not configured"
trap 'dpkg -r tidemark >/dev/null 2>&1 || true; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT

[ "$(command -v tidemark)" = /usr/bin/tidemark ] || fail "tidemark is not on the PATH"
tidemark --version | grep -q '^Tidemark ' || fail "tidemark --version"
tidemark profiles | grep -q '^xivo ' || fail "tidemark profiles"
grep -q 'TieredStopAtLevel=1' /opt/tidemark/lib/app/tidemark-cli.cfg || fail "the command-line launcher lacks the C1 option"
if command -v xdg-mime >/dev/null 2>&1 && [ -d /usr/share/mime/packages ]; then
  [ -f /usr/share/mime/packages/tidemark-archive.xml ] || fail "the archive file type is not registered"
fi
echo "test-deb: the command line runs from the PATH: $(tidemark --version | head -n 1)"

# The window, on a throwaway home so the demo is built fresh and nothing of the user's is touched.
export TIDEMARK_HOME="$(mktemp -d)"
Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
export DISPLAY=:97
/opt/tidemark/bin/tidemark --demo >"$TIDEMARK_HOME/window.log" 2>&1 &
app=$!
for _ in $(seq 1 180); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"Tidemark'; then break; fi
  kill -0 "$app" 2>/dev/null || { cat "$TIDEMARK_HOME/window.log" >&2; fail "the window process ended"; }
  sleep 1
done
xwininfo -root -tree | grep -q '"Tidemark' || fail "no Tidemark window after 180 s"
# Painted once the demo platform is open: the title then names it.
for _ in $(seq 1 180); do
  xwininfo -root -tree | grep -q 'Demo platform' && break
  sleep 1
done
sleep 3 # let the first frame with the figures reach the screen before the capture
import -window root "$out/installed-window.png"
echo "test-deb: the window opened: $(xwininfo -root -tree | grep -o '"Tidemark[^"]*"' | head -n 1)"
kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
rm -rf "$TIDEMARK_HOME"

dpkg -r tidemark >/dev/null || fail "dpkg -r"
[ ! -e /usr/bin/tidemark ] || fail "/usr/bin/tidemark is left after removal"
echo "test-deb: installed, ran and removed cleanly ($(du -h "$deb" | cut -f1) package)"
