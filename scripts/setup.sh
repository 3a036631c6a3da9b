#!/usr/bin/env bash
# Set up briefgen on a fresh Debian machine: system libraries (as root) and a virtual
# environment at .venv/ with briefgen installed in editable mode, plus the dev tools.
# Safe to run again: it only does what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# Run-time libraries: Pango/HarfBuzz for WeasyPrint, and what Qt needs to start
# (offscreen and under X11). See ../shared/TECH.md.
APT_PACKAGES=(
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0
  libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfreetype6 libfontconfig1 libdbus-1-3
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxkbcommon-x11-0 libx11-xcb1
  fonts-dejavu-core
)
# Extra tools the tests use to look at output (PDF pages to PNG), and LibreOffice, which opens
# and saves a Word draft in the test that briefgen's quotation marks survive a word processor
# (about 264 MB; docs/decisions/0100).
if [ "${BRIEFGEN_DEV:-0}" = "1" ]; then
  APT_PACKAGES+=(poppler-utils libreoffice-writer-nogui)
fi

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv"
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.briefgen-installed
extras=""
[ "${BRIEFGEN_DEV:-0}" = "1" ] && extras="[dev]"
want="$(sha256sum pyproject.toml | cut -c1-16)$extras"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing briefgen$extras into .venv"
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$extras"
  echo "$want" > "$stamp"
fi
# Byte-compile briefgen's own modules: an editable install does not, and a command-line build
# spends most of its time importing. Only changed files are recompiled.
.venv/bin/python -m compileall -q src >/dev/null
