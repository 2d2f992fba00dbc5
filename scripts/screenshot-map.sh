#!/usr/bin/env bash
# Screenshot of the map page on demo-like data, under Xvfb: scripts/screenshot-map.sh [OUT.png] [LANG]
# (default docs/screenshots/map.png; LANG zh_CN or en). Needs the map_demo target built in $BUILD_DIR (build).
set -euo pipefail
out="${1:-docs/screenshots/map.png}"; lang="${2:-en}"; build_dir="${BUILD_DIR:-build}"
case "$lang" in
  zh_CN) locale=zh_CN.UTF-8 ;; *) locale=C.UTF-8 ;;
esac
demo="$build_dir/bench/map/map_demo"
test -x "$demo" || { echo "build the map_demo target first: ninja -C $build_dir map_demo" >&2; exit 1; }
export XDG_RUNTIME_DIR="$(mktemp -d)"
mkdir -p "$(dirname "$out")"
LANG=$locale LC_ALL=$locale xvfb-run -a -s "-screen 0 1280x800x24" "$demo" "$out"
test -s "$out"
echo "wrote $out"
