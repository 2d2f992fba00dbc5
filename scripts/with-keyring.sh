#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring (Secret Service) and a
# throwaway HOME, so keychain tests never touch the user's real keyring and never show a prompt.
set -euo pipefail
exec dbus-run-session -- bash -c '
  export HOME="$(mktemp -d)"
  export XDG_RUNTIME_DIR="$(mktemp -d)"
  export XDG_DATA_HOME="$HOME/.local/share"
  eval "$(printf pd-test-keyring | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
  "$@"; rc=$?
  rm -rf "$HOME" "$XDG_RUNTIME_DIR"
  exit $rc
' keyring-wrapper "$@"
