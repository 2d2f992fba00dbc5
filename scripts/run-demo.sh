#!/usr/bin/env bash
# `make run`: start the console on this user's local cache. Once parceldesk-server can serve, this script also
# starts it in demo mode on loopback and points the console at it.
set -euo pipefail
build_dir="${1:-build}"
console="$build_dir/app/parceldesk"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  echo "make run: no display found (DISPLAY/WAYLAND_DISPLAY unset)." >&2
  echo "  On a headless machine: xvfb-run -a -s '-screen 0 1600x1000x24' make run" >&2
  exit 1
fi

exec "$console" "${@:2}"
