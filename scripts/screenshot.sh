#!/usr/bin/env bash
# Screenshot of the console connected to the demo server, under Xvfb: scripts/screenshot.sh OUT.png [LANG]
# (zh_CN, zh_TW or en). Used for the pictures in docs/.
set -euo pipefail
out="$1"; lang="${2:-en}"; build_dir="${BUILD_DIR:-build}"
case "$lang" in
  zh_CN) locale=zh_CN.UTF-8 ;; zh_TW) locale=zh_TW.UTF-8 ;; *) locale=C.UTF-8 ;;
esac
export XDG_RUNTIME_DIR="$(mktemp -d)"
export PD_DEMO_PORT="${PD_DEMO_PORT:-18471}"
export PD_DEMO_AUTO_SIGN_IN=1
LANG=$locale xvfb-run -a -s "-screen 0 1440x900x24" bash -c "
  scripts/run-demo.sh '$build_dir' --lang '$lang' &
  for i in \$(seq 1 90); do sleep 1; if grep -q 'listening on' '$build_dir/demo/server.log' 2>/dev/null; then break; fi; done
  sleep 8
  import -window root '$out'
  kill %1
" >/dev/null 2>&1 || true
test -s "$out"
