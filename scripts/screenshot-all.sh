#!/usr/bin/env bash
# Screenshots of every page of the console in English, Simplified and Traditional Chinese, for docs/ and the
# README: starts parceldesk-server --demo on a new database, signs in as manager1, syncs, and writes
# docs/screenshots/<page>-<lang>.png for workbench, ticketpane, map, dashboard, reports, teamboard, approvals, proactive,
# appeal, calculator, agentstatus, preferences and newticket (tests/ui/screenshots/consoleshots.cpp), under Xvfb.
#   scripts/screenshot-all.sh [LANG...]     (default: en zh_CN zh_TW)
# BUILD_DIR (default build) must be configured; the server and the tool are built there. OUT_DIR (default
# docs/screenshots) is where the PNGs go.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
out_dir="${OUT_DIR:-docs/screenshots}"
langs=("$@"); [ ${#langs[@]} -gt 0 ] || langs=(en zh_CN zh_TW)
cmake --build "$build_dir" --target parceldesk-server pd_console_shots >/dev/null

demo_dir="$(mktemp -d)"
"$build_dir/server/parceldesk-server" --demo --listen 127.0.0.1:0 --db "sqlite:$demo_dir/server.db" \
  >"$demo_dir/out" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$demo_dir"' EXIT
url=""
for _ in $(seq 1 900); do # the first start generates six weeks of data
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$demo_dir/out" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$demo_dir/out" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$demo_dir/out" >&2; exit 1; }

mkdir -p "$out_dir"
export XDG_RUNTIME_DIR="$demo_dir"
# Language::apply picks the Noto Sans CJK face of each language; the locale only keeps Qt's own texts in line.
LANG=C.UTF-8 xvfb-run -a -s "-screen 0 1600x1000x24" \
  "$build_dir/tests/ui/pd_console_shots" --server "$url" --out-dir "$out_dir" \
  --langs "$(IFS=,; echo "${langs[*]}")" --size 1440x900
