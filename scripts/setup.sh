#!/usr/bin/env bash
# Installs what Valkey Explainer needs, only where it is missing, and says what it does first.
# Used by ./run and ./test. Idempotent: a second run installs nothing.
#   Java 17+        required; we do not install a JDK for you (we say how instead)
#   Maven           apt / Homebrew, when `mvn` is absent
#   valkey-server   bookworm-backports on Debian 12, the main archive on Debian 13 / Ubuntu 24.04+,
#                   Homebrew on macOS; skipped when VALKEY_SERVER points to a binary
#   fonts           fonts-dejavu-core on Linux (JavaFX refuses to start with no fonts at all)
#   GTK 3           libgtk-3-0 on Linux, with --window only (./run): JavaFX's window needs it
set -euo pipefail

say() { printf '[setup] %s\n' "$*"; }
die() { printf '[setup] ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi

OS="$(uname -s)"
APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "no apt-get here: install '$*' with your package manager, then run again."
  if [ "$APT_UPDATED" = 0 ]; then say "running apt-get update"; $SUDO apt-get update -qq; APT_UPDATED=1; fi
  say "installing with apt-get: $*"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
brew_install() {
  command -v brew >/dev/null 2>&1 || die "Homebrew not found: install '$1' yourself (or Homebrew from brew.sh), then run again."
  say "installing with Homebrew: $1"
  brew install "$1"
}

# --- Java ---------------------------------------------------------------------------------------
if ! command -v java >/dev/null 2>&1; then
  die "Java 17 or newer is required and 'java' is not on PATH. Debian/Ubuntu: apt-get install openjdk-17-jdk; macOS: brew install openjdk@17."
fi
JAVA_MAJOR="$(java -version 2>&1 | awk -F'"' '/version/ {print $2}' | awk -F. '{ if ($1 == "1") print $2; else print $1 }')"
if [ -z "$JAVA_MAJOR" ] || [ "$JAVA_MAJOR" -lt 17 ]; then
  die "Java 17 or newer is required; 'java' is version '${JAVA_MAJOR:-unknown}'."
fi

# --- Maven --------------------------------------------------------------------------------------
if ! command -v mvn >/dev/null 2>&1; then
  say "Maven is missing"
  if [ "$OS" = "Darwin" ]; then brew_install maven; else apt_install maven; fi
fi

# --- valkey-server ------------------------------------------------------------------------------
if [ -n "${VALKEY_SERVER:-}" ]; then
  [ -x "$VALKEY_SERVER" ] || die "VALKEY_SERVER=$VALKEY_SERVER is not an executable file."
elif ! command -v valkey-server >/dev/null 2>&1; then
  say "valkey-server is missing"
  if [ "$OS" = "Darwin" ]; then
    brew_install valkey
  else
    [ -r /etc/os-release ] || die "cannot tell which Linux this is: install valkey-server yourself or set VALKEY_SERVER."
    . /etc/os-release
    if [ "${ID:-}" = "debian" ] && [ "${VERSION_CODENAME:-}" = "bookworm" ]; then
      # Debian 12 has valkey only in bookworm-backports.
      if ! grep -rqs "bookworm-backports" /etc/apt/sources.list /etc/apt/sources.list.d/; then
        say "adding the bookworm-backports suite (/etc/apt/sources.list.d/bookworm-backports.list)"
        echo "deb http://deb.debian.org/debian bookworm-backports main" | $SUDO tee /etc/apt/sources.list.d/bookworm-backports.list >/dev/null
        APT_UPDATED=0
      fi
      apt_install -t bookworm-backports valkey-server
    else
      apt_install valkey-server
    fi
  fi
  command -v valkey-server >/dev/null 2>&1 || die "valkey-server still not on PATH after installing it."
fi

# --- fonts (Linux) ------------------------------------------------------------------------------
if [ "$OS" = "Linux" ] && [ ! -d /usr/share/fonts/truetype/dejavu ]; then
  say "no DejaVu fonts found (JavaFX needs at least one font)"
  apt_install fonts-dejavu-core fontconfig
fi

# --- GTK 3 (Linux, only for the window: ./run passes --window) ------------------------------------
# JavaFX draws its window through GTK 3; the tests and the screenshot mode do not need it.
if [ "${1:-}" = "--window" ] && [ "$OS" = "Linux" ]; then
  # Not `| grep -q`: under pipefail, grep -q exits at the first match, ldconfig gets SIGPIPE and the
  # pipeline "fails" although GTK is there. Read ldconfig's whole output first.
  libs="$(ldconfig -p 2>/dev/null || true)"
  if ! grep 'libgtk-3.so.0' >/dev/null <<<"$libs"; then
    say "GTK 3 is missing (JavaFX needs it to open a window)"
    apt_install libgtk-3-0 2>/dev/null || apt_install libgtk-3-0t64
  fi
fi

# --- Xvfb (Linux, only for ./bench without a display: it measures real windows) ----------------------
if [ "${1:-}" = "--bench" ] && [ "$OS" = "Linux" ] && [ -z "${DISPLAY:-}" ] && ! command -v xvfb-run >/dev/null 2>&1; then
  say "xvfb-run is missing (./bench measures real windows; with no display it uses a virtual one)"
  apt_install xvfb xauth
fi
if [ "${1:-}" = "--bench" ] && [ "$OS" = "Linux" ]; then
  libs="$(ldconfig -p 2>/dev/null || true)"
  if ! grep 'libgtk-3.so.0' >/dev/null <<<"$libs"; then apt_install libgtk-3-0 2>/dev/null || apt_install libgtk-3-0t64; fi
fi

exit 0
