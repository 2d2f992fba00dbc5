#!/usr/bin/env bash
# Screenshots of the KPI dashboard with demo-like data, under Xvfb:
#   scripts/screenshot-dashboard.sh [LANG...]      (default: en zh_CN; writes docs/screenshots/dashboard-<lang>.png)
#   DEMO=1 scripts/screenshot-dashboard.sh [LANG...]  the real demo instead: starts parceldesk-server --demo on a
#                                                  new database, syncs it as manager1 and writes
#                                                  docs/screenshots/dashboard-demo-<lang>.png
# BUILD_DIR (default build) must be configured; the tool and the translations are built here. Re-run after the
# translations change.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
langs=("$@"); [ ${#langs[@]} -gt 0 ] || langs=(en zh_CN)
ninja -C "$build_dir" pd_dashboard_shot >/dev/null
name=dashboard
extra=()
if [ "${DEMO:-0}" = 1 ]; then
  ninja -C "$build_dir" parceldesk-server >/dev/null
  demo_dir="$(mktemp -d)"
  "$build_dir/server/parceldesk-server" --demo --listen 127.0.0.1:0 --db "sqlite:$demo_dir/server.db" \
    >"$demo_dir/out" 2>&1 &
  server_pid=$!
  trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$demo_dir"' EXIT
  url=""
  for _ in $(seq 1 600); do
    url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$demo_dir/out" | head -1 || true)"
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$demo_dir/out" >&2; exit 1; }
  name=dashboard-demo
  extra=(--server "$url")
fi
# The .qm files: built with the app (qt_add_translations); missing ones leave the strings in English.
ninja -C "$build_dir" parceldesk_lrelease >/dev/null 2>&1 || true
qm_dir="$(dirname "$(find "$build_dir" -name 'parceldesk_zh_CN.qm' -print -quit 2>/dev/null || true)")"
mkdir -p docs/screenshots
export XDG_RUNTIME_DIR="$(mktemp -d)"
for lang in "${langs[@]}"; do
  case "$lang" in
    zh_CN) locale=zh_CN.UTF-8 ;; zh_TW) locale=zh_TW.UTF-8 ;; *) locale=C.UTF-8 ;;
  esac
  out="docs/screenshots/$name-$lang.png"
  LANG=$locale LC_ALL=$locale xvfb-run -a -s "-screen 0 1700x1100x24" \
    "$build_dir/bench/kpi/pd_dashboard_shot" --out "$out" --lang "$lang" --qm-dir "${qm_dir:-.}" --size 1600x1050 \
    "${extra[@]}"
done
