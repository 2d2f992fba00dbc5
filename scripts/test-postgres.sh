#!/bin/sh
# Starts a throwaway PostgreSQL 15 cluster on 127.0.0.1, runs a command with PD_TEST_POSTGRES_URL set, stops
# the cluster and removes it. If PostgreSQL cannot start, the command still runs with PD_TEST_POSTGRES_SKIP
# holding the reason, so the test reports SKIP with that reason instead of passing silently.
# With the cluster running the command also gets PD_TEST_POSTGRES_DATA (its data directory) and
# PD_TEST_POSTGRES_CTL, a script that stops and starts it with the same options (`"$PD_TEST_POSTGRES_CTL" stop`,
# `… start`), for tests that take PostgreSQL away under load (drill_storage).
# PD_TEST_POSTGRES_OPTS adds server options ("-c shared_buffers=2GB …"; benches and diagnosis).
#   scripts/test-postgres.sh <command> [args…]
set -u
PGBIN=/usr/lib/postgresql/15/bin
PORT=${PD_TEST_POSTGRES_PORT:-$((20000 + $$ % 20000))}
D=$(mktemp -d /tmp/pd-pg.XXXXXX)
cleanup() {
    if [ -f "$D/data/postmaster.pid" ]; then
        runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$D"
}
trap cleanup EXIT INT TERM

# Stops or starts this cluster as the postgres user, always with the options of its first start.
cat >"$D/ctl" <<CTL
#!/bin/sh
case "\$1" in
    start) exec runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/data" \\
               -o "-k $D -p $PORT -c listen_addresses=127.0.0.1 -c fsync=off ${PD_TEST_POSTGRES_OPTS:-}" -l "$D/log" -w start ;;
    stop) exec runuser -u postgres -- "$PGBIN/pg_ctl" -D "$D/data" -m fast -w stop ;;
    *) echo "usage: \$0 start|stop" >&2; exit 2 ;;
esac
CTL
chmod 755 "$D/ctl"

reason=""
if [ ! -x "$PGBIN/initdb" ]; then
    reason="PostgreSQL 15 is not installed ($PGBIN/initdb missing; apt-get install postgresql)"
elif [ "$(id -u)" -ne 0 ]; then
    reason="the throwaway cluster is started as root via runuser -u postgres; this test runs as $(id -un)"
elif ! id postgres >/dev/null 2>&1; then
    reason="there is no postgres system user"
else
    chown postgres "$D"
    if ! runuser -u postgres -- "$PGBIN/initdb" -D "$D/data" -A trust -U pd >"$D/initdb.log" 2>&1; then
        reason="initdb failed: $(tail -n 2 "$D/initdb.log" | tr '\n' ' ')"
    elif ! "$D/ctl" start >/dev/null 2>&1; then
        reason="pg_ctl start failed: $(tail -n 2 "$D/log" 2>/dev/null | tr '\n' ' ')"
    fi
fi

if [ -n "$reason" ]; then
    PD_TEST_POSTGRES_SKIP="$reason" "$@"
else
    PD_TEST_POSTGRES_URL="postgresql://pd@127.0.0.1:$PORT/postgres" PD_TEST_POSTGRES_DATA="$D/data" \
        PD_TEST_POSTGRES_CTL="$D/ctl" "$@"
fi
rc=$?
exit $rc
