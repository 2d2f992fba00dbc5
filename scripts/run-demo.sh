#!/usr/bin/env bash
# `make run`: start parceldesk-server in demo mode on loopback (embedded SQLite) and the console connected to it.
# The demo users' password is "demo" (demo mode only); the console signs in as PD_DEMO_USER (default agent1).
set -euo pipefail
build_dir="${1:-build}"
shift || true
server="$build_dir/server/parceldesk-server"
console="$build_dir/app/parceldesk"
demo_dir="$build_dir/demo"
port="${PD_DEMO_PORT:-8470}"
user="${PD_DEMO_USER:-agent1}"

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != "offscreen" ]; then
  echo "make run: no display found (DISPLAY/WAYLAND_DISPLAY unset)." >&2
  echo "  On a headless machine: xvfb-run -a -s '-screen 0 1600x1000x24' make run" >&2
  exit 1
fi

mkdir -p "$demo_dir"
log="$demo_dir/server.log"
"$server" --demo --listen "127.0.0.1:$port" --db "sqlite:$demo_dir/server.db" >"$log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -f "$demo_dir/demo-password"' EXIT

echo "Starting the demo server (first start generates six weeks of data, ~10 s)…"
for _ in $(seq 1 600); do
  if grep -q "listening on" "$log" 2>/dev/null; then break; fi
  if ! kill -0 "$server_pid" 2>/dev/null; then
    echo "parceldesk-server stopped:" >&2; cat "$log" >&2; exit 1
  fi
  sleep 0.1
done
grep -q "listening on" "$log" || { echo "parceldesk-server did not start in time; see $log" >&2; exit 1; }
grep -E "Demo users|listening on" "$log" || true

umask 077
printf 'demo\n' > "$demo_dir/demo-password"
# The sign-in dialog opens filled in: one click on "Sign in" (PD_DEMO_AUTO_SIGN_IN=1 skips it, for screenshots).
prefill=(--prefill)
if [ -n "${PD_DEMO_AUTO_SIGN_IN:-}" ]; then prefill=(); fi
"$console" --server "http://127.0.0.1:$port" --user "$user" --password-file "$demo_dir/demo-password" "${prefill[@]}" \
  --data-dir "$demo_dir/console" "$@"
