#!/usr/bin/env bash
# The monthly appeals report of the demo's last full month as PNG pages (docs/reports.md, "Monthly appeals
# report"):
#   scripts/screenshot-appeals-report.sh [LANG] [MONTH]
#     LANG default zh_CN; MONTH (yyyy-MM) default the last full month in Asia/Shanghai.
#     Writes docs/screenshots/appeals-report-<LANG>-<page>.png.
# Starts parceldesk-server --demo on a new database (its seeded appeals: server/simulator/demoappeals.cpp), syncs
# it as manager1 with `parceldesk sync` (in a private keyring session, scripts/with-keyring.sh), writes the PDF
# with `parceldesk report --appeals-month … --offline`, then renders every page with pdftoppm (poppler-utils,
# scripts/install-deps.sh). BUILD_DIR (default build) must be configured; parceldesk and parceldesk-server are
# built here. Re-run after the translations change.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir="${BUILD_DIR:-build}"
lang="${1:-zh_CN}"
month="${2:-$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y-%m-01) -1 month" +%Y-%m)}"
command -v pdftoppm >/dev/null || { echo "pdftoppm missing: apt-get install poppler-utils" >&2; exit 1; }
ninja -C "$build_dir" parceldesk parceldesk-server >/dev/null

work="$(mktemp -d)"
"$build_dir/server/parceldesk-server" --demo --listen 127.0.0.1:0 --db "sqlite:$work/server.db" >"$work/out" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
url=""
for _ in $(seq 1 900); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/out" | head -1 || true)"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/out" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { cat "$work/out" >&2; exit 1; }

case "$lang" in
  zh_CN) locale=zh_CN.UTF-8 ;; zh_TW) locale=zh_TW.UTF-8 ;; *) locale=C.UTF-8 ;;
esac
printf 'demo\n' >"$work/pw"
export XDG_CONFIG_HOME="$work/config"
console="$(pwd)/$build_dir/app/parceldesk"
scripts/with-keyring.sh "$console" sync --server "$url" --user manager1 --password-file "$work/pw" \
  --data-dir "$work/cache" >/dev/null
LANG=$locale LC_ALL=$locale "$console" report --appeals-month "$month" --format pdf --lang "$lang" \
  --data-dir "$work/cache" --offline --company "顺达快递" --out "$work/report"
pdf="$work/report/parceldesk-appeals-$month.pdf"
mkdir -p docs/screenshots
rm -f docs/screenshots/appeals-report-"$lang"-*.png
pdftoppm -png -r 80 "$pdf" "docs/screenshots/appeals-report-$lang"
ls docs/screenshots/appeals-report-"$lang"-*.png
