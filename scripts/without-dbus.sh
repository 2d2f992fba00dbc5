#!/usr/bin/env bash
# Runs a command with no D-Bus session at all: the "no keychain on this computer" case.
set -euo pipefail
export HOME="$(mktemp -d)"
trap 'rm -rf "$HOME"' EXIT
env -u DBUS_SESSION_BUS_ADDRESS -u GNOME_KEYRING_CONTROL DBUS_SESSION_BUS_ADDRESS=unix:path=/nonexistent/bus \
  PD_TEST_HOME="$HOME" "$@"
