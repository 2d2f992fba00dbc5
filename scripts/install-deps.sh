#!/usr/bin/env bash
# Installs every build, test and run dependency of ParcelDesk from Debian 12 packages.
# Idempotent: quiet and quick when everything is already present. Uses sudo when not root.
set -euo pipefail

packages=(
  # build
  cmake g++ ninja-build pkg-config dpkg-dev file ccache clang-format make git
  # Qt 6 and libraries
  qt6-base-dev qt6-base-dev-tools qt6-charts-dev qtkeychain-qt6-dev
  libqt6sql6-sqlite libqt6sql6-psql libsqlite3-dev
  # field-level encryption of customer data in the console's cache (docs/architecture.md)
  libsodium-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
  qt6-httpserver-dev qt6-websockets-dev qt6-svg-dev libqt6svg6
  # the server's HTTP request parser (Boost.Beast, header-only; docs/server.md "Limits and overload")
  libboost1.81-dev
  # PBKDF2 for the server's password hashes (OpenSSL's libcrypto: ~6× Qt's QPasswordDigestor)
  libssl-dev
  # attachments: the content type from the bytes (libmagic) and location data removed from photos (Exiv2)
  libmagic-dev libexiv2-dev
  libqt6opengl6-dev libxkbcommon-dev libvulkan-dev libgl-dev libgl1-mesa-dri libxlsxwriter-dev
  # fuzzing (libFuzzer from clang)
  clang libclang-rt-14-dev
  # tests, screenshots, keychain
  xvfb xauth xfonts-base fonts-noto-cjk dbus dbus-x11 gnome-keyring libsecret-1-0 libsecret-tools
  imagemagick poppler-utils unzip openssl tmux
  # translation maintenance (scripts/i18n.py)
  python3 opencc
  # Qt's own strings (dialog buttons) in Chinese
  qt6-translations-l10n
  # multi-instance server mode (libpq-dev: the bulk writes use libpq directly)
  postgresql libpq-dev
  # package checks (tests/packaging)
  lintian
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "install-deps: installing ${#missing[@]} package(s): ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
