#!/usr/bin/env bash
# Installs the Debian 12 packages Buurtsignaal needs to build, run and test.
# Only what is missing is installed; running it twice is harmless.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6opengl6-dev
  libqt6sql6-sqlite libqt6sql6-psql libgl-dev zlib1g-dev
  sqlite3 libsqlite3-dev libproj-dev postgresql-15 poppler-utils xvfb xauth clang libclang-rt-14-dev
  help2man lintian desktop-file-utils appstream librsvg2-bin fakeroot
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "Installing: ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
