#!/usr/bin/env bash
# test-deb-install.sh [BUILD_DIR | PACKAGE.deb]
#
# Installs the built ParcelDesk .deb on this Debian 12 machine with apt, starts both installed programs
# offscreen and checks their exit codes, then removes the package again:
#   1. apt-get install ./parceldesk_<version>_<arch>.deb (Depends only, no Recommends)
#   2. parceldesk-server --version/--help; a demo server on a free loopback port; GET /api/v1/health
#   3. parceldesk --help/--version (offscreen); `parceldesk sync` against the server (exit 0, tickets in the
#      cache); the console window offscreen signing in and filling a fresh cache
#   4. apt-get remove parceldesk
# Needs root (or sudo). Never run in CI. Leaves no files behind (temporary HOME and data folders).
# Exit status 0 when every step passed.
set -euo pipefail

arg=${1:-build}
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "test-deb-install: needs root or sudo" >&2; exit 2; }
    SUDO="sudo"
fi

# --- The package: given, found in the build folder, or built there with CPack. ---
if [ -f "$arg" ]; then
    deb=$(realpath "$arg")
else
    build=$(realpath "$arg")
    shopt -s nullglob
    debs=("$build"/parceldesk_*.deb)
    if [ ${#debs[@]} -eq 0 ]; then
        echo "== building the package (cpack -G DEB in $build)"
        (cd "$build" && cpack -G DEB >/dev/null)
        debs=("$build"/parceldesk_*.deb)
    fi
    [ ${#debs[@]} -eq 1 ] || { echo "test-deb-install: want one parceldesk_*.deb in $build" >&2; exit 2; }
    deb=${debs[0]}
fi
echo "== package $deb"

if dpkg-query -W -f='${Status}' parceldesk 2>/dev/null | grep -q 'install ok installed'; then
    echo "test-deb-install: parceldesk is already installed here; remove it first (this test removes it)" >&2
    exit 2
fi

work=$(mktemp -d /tmp/pd-deb-test.XXXXXX)
chmod 755 "$work"
server_pid="" console_pid="" installed=0 status=0
step() { echo "== $*"; }
# Rows in the tickets table of a cache (0 while it does not exist yet).
count_tickets() {
    [ -f "$1" ] || { echo 0; return; }
    python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT count(*) FROM tickets").fetchone()[0])' \
        "$1" 2>/dev/null || echo 0
}
ok() { echo "   ok: $*"; }
die() { echo "   FAIL: $*"; status=1; exit 1; }

cleanup() {
    local rc=$?
    [ -n "$console_pid" ] && kill "$console_pid" 2>/dev/null && wait "$console_pid" 2>/dev/null || true
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    if [ "$installed" = 1 ]; then
        step "removing the package"
        if $SUDO env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq parceldesk >"$work/remove.log" 2>&1 &&
            ! dpkg-query -W -f='${Status}' parceldesk 2>/dev/null | grep -q 'install ok installed' &&
            [ ! -e /usr/bin/parceldesk ] && [ ! -e /usr/bin/parceldesk-server ]; then
            ok "apt-get remove parceldesk; /usr/bin/parceldesk* gone"
        else
            cat "$work/remove.log"
            echo "   FAIL: removal"
            rc=1
        fi
    fi
    [ "$rc" -ne 0 ] && [ -f "$work/server.log" ] && { echo "--- server log (tail)"; tail -n 20 "$work/server.log"; }
    rm -rf "$work"
    if [ "$rc" -eq 0 ]; then echo "== PASS"; else echo "== FAILED"; fi
    exit "$rc"
}
trap cleanup EXIT

# --- 1. Install with apt (dependencies resolved from the package's Depends). ---
step "apt-get install $deb"
cp "$deb" "$work/"
if ! (cd "$work" && $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "./$(basename "$deb")" >"$work/install.log" 2>&1); then
    cat "$work/install.log"
    die "apt-get install"
fi
installed=1
version=$(dpkg-query -W -f='${Version}' parceldesk)
ok "installed parceldesk $version ($(dpkg-query -W -f='${Installed-Size}' parceldesk) KiB)"
for f in /usr/bin/parceldesk /usr/bin/parceldesk-server \
    /usr/share/applications/example.parceldesk.ParcelDesk.desktop \
    /usr/share/metainfo/example.parceldesk.ParcelDesk.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/parceldesk.svg /usr/share/man/man1/parceldesk.1.gz \
    /usr/lib/systemd/system/parceldesk-server.service; do
    [ -e "$f" ] || die "$f not installed"
done
ok "programs, desktop entry, metainfo, icon, man page, systemd unit in place"
getent passwd parceldesk >/dev/null && ok "system user parceldesk exists (postinst)" || die "no user parceldesk"
if command -v systemd-analyze >/dev/null; then
    if verify=$(systemd-analyze verify /usr/lib/systemd/system/parceldesk-server.service 2>&1); then
        ok "systemd-analyze verify parceldesk-server.service"
    else
        echo "$verify"
        die "systemd-analyze verify"
    fi
fi
man -w parceldesk-server >/dev/null 2>&1 && ok "man parceldesk-server finds the page" || echo "   (man-db has no index here)"

# Everything below runs as an unprivileged user when there is one, in throwaway folders.
run_as=()
if [ "$(id -u)" -eq 0 ] && id nobody >/dev/null 2>&1; then run_as=(runuser -u nobody --); fi
chown -R "$( [ ${#run_as[@]} -gt 0 ] && echo nobody || id -u)" "$work"
envs=(env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_RUNTIME_DIR="$work/run" XDG_CONFIG_HOME="$work/home/.config"
    XDG_DATA_HOME="$work/home/.local/share" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen)
as_user() { "${run_as[@]}" "${envs[@]}" "$@"; }
as_user mkdir -p "$work/home" "$work/run"
chmod 700 "$work/run"

# --- 2. The server. ---
step "parceldesk-server (installed)"
out=$(as_user /usr/bin/parceldesk-server --version) || die "parceldesk-server --version exit $?"
[[ "$out" == *"$version"* ]] && ok "--version: $out" || die "--version printed '$out'"
as_user /usr/bin/parceldesk-server --help >"$work/server-help.txt" || die "parceldesk-server --help"
grep -q -- '--demo' "$work/server-help.txt" && ok "--help lists --listen, --db, --demo" || die "--help output"
rc=0
as_user /usr/bin/parceldesk-server --listen nonsense >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 2 ] && ok "bad --listen: exit 2" || die "bad --listen gave exit $rc (want 2)"

as_user /usr/bin/parceldesk-server --demo --listen 127.0.0.1:0 --db "sqlite:$work/server.db" \
    >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 240); do
    port=$(sed -n 's|^parceldesk-server listening on http://127\.0\.0\.1:\([0-9]*\)$|\1|p' "$work/server.log")
    [ -n "$port" ] && break
    if ! kill -0 "$server_pid" 2>/dev/null; then
        rc=0
        wait "$server_pid" || rc=$?
        die "server exited with $rc before listening"
    fi
    sleep 0.5
done
[ -n "$port" ] || die "server did not print its port within 120 s"
url="http://127.0.0.1:$port"
ok "demo server listening on $url (pid $server_pid)"
health=$(curl -sf --max-time 10 "$url/api/v1/health") || die "GET /api/v1/health"
ok "GET /api/v1/health → $health"

# --- 3. The console. ---
step "parceldesk (installed, offscreen)"
as_user /usr/bin/parceldesk --help >"$work/help.txt" 2>&1 || die "parceldesk --help exit $?"
grep -q -- '--server' "$work/help.txt" && ok "--help exit 0" || die "--help output"
out=$(as_user /usr/bin/parceldesk --version 2>&1) || die "parceldesk --version exit $?"
[[ "$out" == *"$version"* ]] && ok "--version: $out" || die "--version printed '$out'"

printf 'demo\n' >"$work/pw"
chmod 644 "$work/pw"
rc=0
sync_out=$(as_user /usr/bin/parceldesk sync --server "$url" --user agent1 --password-file "$work/pw" \
    --data-dir "$work/cache-sync" 2>&1) || rc=$?
echo "   sync: $(tail -n 1 <<<"$sync_out")"
[ "$rc" -eq 0 ] || die "parceldesk sync exit $rc"
tickets=$(count_tickets "$work/cache-sync/cache.sqlite")
[ "$tickets" -gt 0 ] && ok "parceldesk sync exit 0; $tickets tickets in the cache" || die "no tickets in the cache"

rc=0
as_user /usr/bin/parceldesk sync --server "$url" --user agent1 --password-file /dev/null \
    --data-dir "$work/cache-bad" >/dev/null 2>&1 || rc=$?
[ "$rc" -eq 3 ] && ok "wrong password: exit 3" || die "wrong password gave exit $rc (want 3)"

# A cache written by a newer version is refused and left as it is.
as_user mkdir -p "$work/cache-new"
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("PRAGMA user_version=9999"); c.commit()' \
    "$work/cache-new/cache.sqlite"
chown -R "$(stat -c %u "$work/cache-new")" "$work/cache-new"
rc=0
err=$(as_user /usr/bin/parceldesk sync --server "$url" --user agent1 --password-file "$work/pw" \
    --data-dir "$work/cache-new" 2>&1) || rc=$?
[ "$rc" -eq 4 ] && [[ "$err" == *"newer ParcelDesk"* ]] && ok "cache from a newer version: exit 4 ($err)" ||
    die "newer cache gave exit $rc: $err"

# The window, offscreen: signs in with the password file and fills a fresh cache; closed by SIGTERM.
as_user /usr/bin/parceldesk --server "$url" --user agent1 --password-file "$work/pw" \
    --data-dir "$work/cache-gui" >"$work/console.log" 2>&1 &
console_pid=$!
gui_tickets=0
for _ in $(seq 1 120); do
    if ! kill -0 "$console_pid" 2>/dev/null; then
        rc=0
        wait "$console_pid" || rc=$?
        console_pid=""
        cat "$work/console.log"
        die "console exited with $rc while starting"
    fi
    gui_tickets=$(count_tickets "$work/cache-gui/cache.sqlite")
    [ "${gui_tickets:-0}" -gt 0 ] && break
    sleep 0.5
done
[ "${gui_tickets:-0}" -gt 0 ] || die "the console did not sync within 60 s"
kill -0 "$console_pid" 2>/dev/null || die "console not running"
kill -TERM "$console_pid"
rc=0
wait "$console_pid" || rc=$?
console_pid=""
[ "$rc" -eq 143 ] && ok "console window signed in and synced $gui_tickets tickets; ran until SIGTERM (143)" ||
    die "console exit $rc after SIGTERM (want 143)"

kill -0 "$server_pid" 2>/dev/null || die "server died during the test"
kill -TERM "$server_pid"
rc=0
wait "$server_pid" || rc=$?
server_pid=""
[ "$rc" -eq 143 ] && ok "server ran until SIGTERM (143)" || die "server exit $rc after SIGTERM (want 143)"
