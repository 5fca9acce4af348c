#!/bin/bash
# Installs what Attest needs on Debian 12 (bookworm), only what is missing.
# Usage: build-aux/deps.sh [build|test]
set -euo pipefail

BUILD_PKGS=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libgtk-4-bin libadwaita-1-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libsqlite3-dev
  libgnutls28-dev zlib1g-dev libpoppler-glib-dev libcairo2-dev libpng-dev
  libxlsxwriter-dev
  librsvg2-common adwaita-icon-theme desktop-file-utils appstream iso-codes
  fonts-noto-color-emoji
)
TEST_PKGS=(
  xvfb xauth dbus gnome-keyring libsecret-tools at-spi2-core python3 python3-dogtail openssl
  imagemagick xdotool clang-format
  python3-stdnum python3-shortuuid
  python3-pyld
  python3-openpyxl poppler-utils
)

pkgs=("${BUILD_PKGS[@]}")
if [ "${1:-build}" = test ]; then
  pkgs+=("${TEST_PKGS[@]}")
fi

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "All ${#pkgs[@]} packages are installed."
  exit 0
fi

SUDO=
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
