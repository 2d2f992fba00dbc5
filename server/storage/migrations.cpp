#include "migrations.h"

#include "customerdata.h"
#include "database.h"
#include "documentstore.h"
#include "geoindex.h"
#include "scanstore.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStringList>

namespace pd::server {

namespace {

// Each migration is a list of statements; %AUTOID% and %BLOB% differ between SQLite and PostgreSQL.
QStringList version1()
{
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL)"),
        QStringLiteral("INSERT INTO counters(name, value) VALUES('change_seq', 0)"),
        // Every synced record is one JSON document (the API's own JSON) with the columns routing and
        // visibility need. seq is the global change sequence: rewritten on every change, unique.
        QStringLiteral("CREATE TABLE docs (type TEXT NOT NULL, id TEXT NOT NULL, seq BIGINT NOT NULL,"
                       " version BIGINT NOT NULL, deleted INTEGER NOT NULL DEFAULT 0,"
                       " team_id TEXT NOT NULL DEFAULT '', parent TEXT NOT NULL DEFAULT '',"
                       " status TEXT NOT NULL DEFAULT '', updated_ms BIGINT NOT NULL, data TEXT NOT NULL,"
                       " PRIMARY KEY (type, id))"),
        QStringLiteral("CREATE UNIQUE INDEX docs_seq ON docs(seq)"),
        QStringLiteral("CREATE INDEX docs_parent ON docs(type, parent)"),
        QStringLiteral("CREATE INDEX docs_status ON docs(type, status)"),
        QStringLiteral("CREATE TABLE credentials (user_id TEXT PRIMARY KEY, login TEXT NOT NULL UNIQUE,"
                       " hash TEXT NOT NULL, salt TEXT NOT NULL, iterations INTEGER NOT NULL,"
                       " disabled INTEGER NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE tokens (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL,"
                       " kind TEXT NOT NULL, family TEXT NOT NULL, expires_ms BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX tokens_user ON tokens(user_id)"),
        QStringLiteral("CREATE TABLE idempotency (key TEXT PRIMARY KEY, user_id TEXT NOT NULL,"
                       " status INTEGER NOT NULL, body TEXT NOT NULL, created_ms BIGINT NOT NULL)"),
    };
}

QStringList version2()
{
    return {
        QStringLiteral("CREATE TABLE audit (id %AUTOID%, at_ms BIGINT NOT NULL, user_id TEXT NOT NULL,"
                       " action TEXT NOT NULL, target_type TEXT NOT NULL, target_id TEXT NOT NULL,"
                       " detail TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX audit_target ON audit(target_type, target_id)"),
    };
}

QStringList version3()
{
    // Events follow their ticket's team: events written before a team move kept the old team. Every
    // console starts over after this version (its "c1." cursor answers with reset), so fixing the column
    // is enough; no withdrawals are needed for the past.
    return {
        QStringLiteral("UPDATE docs SET team_id = (SELECT t.team_id FROM docs AS t WHERE t.type = 'ticket'"
                       " AND t.id = docs.parent) WHERE type = 'ticket_event' AND EXISTS (SELECT 1 FROM docs"
                       " AS t WHERE t.type = 'ticket' AND t.id = docs.parent AND t.team_id <> docs.team_id)"),
    };
}

QStringList version4()
{
    // Customer data protection (docs/server.md): a masked copy of every record that holds customer data,
    // the assignee and the retention clock of tickets as columns (added by addDocColumns, below), and the
    // append-only access log. The log stores keyed hashes of phone numbers, never the numbers.
    return {
        QStringLiteral("CREATE INDEX IF NOT EXISTS docs_purge ON docs(type, purge_ms) WHERE purge_ms > 0"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS access_log (id %AUTOID%, at_ms BIGINT NOT NULL,"
                       " user_id TEXT NOT NULL, login TEXT NOT NULL DEFAULT '',"
                       " role TEXT NOT NULL DEFAULT '', team_id TEXT NOT NULL DEFAULT '',"
                       " kind TEXT NOT NULL, ticket_id TEXT NOT NULL DEFAULT '',"
                       " field TEXT NOT NULL DEFAULT '', reason TEXT NOT NULL DEFAULT '',"
                       " note TEXT NOT NULL DEFAULT '', customer_hash TEXT NOT NULL DEFAULT '',"
                       " records BIGINT NOT NULL DEFAULT 0, detail TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS access_log_at ON access_log(at_ms)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS access_log_user ON access_log(user_id, at_ms)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS access_log_customer ON access_log(customer_hash, at_ms)"),
        // Append-only, enforced by the database as well as by the code (which has no UPDATE or DELETE).
        QStringLiteral("%SQLITE%CREATE TRIGGER IF NOT EXISTS access_log_no_update BEFORE UPDATE ON access_log"
                       " BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END"),
        QStringLiteral("%SQLITE%CREATE TRIGGER IF NOT EXISTS access_log_no_delete BEFORE DELETE ON access_log"
                       " BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END"),
        QStringLiteral("%POSTGRES%CREATE OR REPLACE FUNCTION pd_access_log_append_only() RETURNS trigger"
                       " LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'access_log is append-only'; END $$"),
        QStringLiteral("%POSTGRES%CREATE OR REPLACE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE"
                       " ON access_log FOR EACH ROW EXECUTE FUNCTION pd_access_log_append_only()"),
    };
}

QStringList version5()
{
    // Volume aggregates (docs/server.md): totals per company-time day, station and courier, and each
    // parcel's share of them. VolumeStore::backfillIfNeeded computes the shares of the parcels already
    // stored at the next start.
    return {
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS parcel_volume (day TEXT NOT NULL, station_id TEXT NOT NULL,"
            " courier_id TEXT NOT NULL, picked_up BIGINT NOT NULL DEFAULT 0,"
            " delivered BIGINT NOT NULL DEFAULT 0, delivered_on_time BIGINT NOT NULL DEFAULT 0,"
            " damaged BIGINT NOT NULL DEFAULT 0, lost BIGINT NOT NULL DEFAULT 0,"
            " exceptions BIGINT NOT NULL DEFAULT 0, version BIGINT NOT NULL DEFAULT 1,"
            " PRIMARY KEY (day, station_id, courier_id))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS volume_parcels (waybill_no TEXT PRIMARY KEY,"
                       " station_id TEXT NOT NULL, courier_id TEXT NOT NULL,"
                       " picked_day TEXT NOT NULL DEFAULT '', delivered_day TEXT NOT NULL DEFAULT '',"
                       " on_time INTEGER NOT NULL DEFAULT 0, exception_day TEXT NOT NULL DEFAULT '',"
                       " damaged_day TEXT NOT NULL DEFAULT '', lost_day TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("INSERT INTO meta(key, value) VALUES('volume_time_zone', 'Asia/Shanghai')"
                       " ON CONFLICT(key) DO NOTHING"),
    };
}

QStringList version6()
{
    // Parcels at volume (docs/server.md, "Parcels at volume"): the change feed reads only rows with
    // feed = 1 through a partial index, so the millions of parcels and tracking events no ticket is about
    // cost a pull nothing. Every row but those starts with feed = 1 (addFeedColumn); the parcels and
    // tracking events no live ticket names get 0 here.
    return {
        QStringLiteral("UPDATE docs SET feed = 0 WHERE type IN ('parcel', 'tracking_event') AND NOT EXISTS"
                       " (SELECT 1 FROM docs t WHERE t.type = 'ticket' AND t.deleted = 0 AND t.parent ="
                       " CASE WHEN docs.type = 'parcel' THEN docs.id ELSE docs.parent END)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS docs_feed ON docs(seq) WHERE feed = 1"),
    };
}

QStringList version7()
{
    // The map's parcels by viewport (docs/server.md, "The map's parcels"): parcels under way with a point,
    // keyed by quadkey, and their counts per zoom-15 cell and station (station "*": all stations, so a view
    // without a station filter reads one row per cell). GeoIndex::rebuild fills both from the parcels stored
    // before (after these statements).
    return {
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS parcel_geo (waybill_no TEXT PRIMARY KEY, qk BIGINT NOT NULL,"
            " lat DOUBLE PRECISION NOT NULL, lng DOUBLE PRECISION NOT NULL,"
            " at_dest INTEGER NOT NULL DEFAULT 0, status TEXT NOT NULL,"
            " station_id TEXT NOT NULL DEFAULT '', courier_id TEXT NOT NULL DEFAULT '',"
            " promised_ms BIGINT NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS parcel_geo_qk ON parcel_geo(qk)"),
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS parcel_cells (cell BIGINT NOT NULL, station_id TEXT NOT NULL,"
            " n BIGINT NOT NULL, sum_lat DOUBLE PRECISION NOT NULL,"
            " sum_lng DOUBLE PRECISION NOT NULL, PRIMARY KEY (station_id, cell))"),
    };
}

QStringList version8()
{
    // Routing (docs/server.md, "Routing"): each agent's status as the server keeps it, the live sockets each
    // instance holds per agent (so a console gone from every instance counts from its last disconnection),
    // the routing policy, the pushed tickets waiting to be opened, and each team's round-robin position.
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS agent_status (user_id TEXT PRIMARY KEY,"
                       " team_id TEXT NOT NULL DEFAULT '', status TEXT NOT NULL, since_ms BIGINT NOT NULL,"
                       " updated_ms BIGINT NOT NULL, disconnected_ms BIGINT NOT NULL DEFAULT 0,"
                       " last_assigned_ms BIGINT NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS agent_links (user_id TEXT NOT NULL,"
                       " instance_id TEXT NOT NULL, sockets INTEGER NOT NULL, seen_ms BIGINT NOT NULL,"
                       " PRIMARY KEY (user_id, instance_id))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS routing_policy (id TEXT PRIMARY KEY,"
                       " version BIGINT NOT NULL, data TEXT NOT NULL, updated_ms BIGINT NOT NULL,"
                       " updated_by TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS routing_offers (ticket_id TEXT PRIMARY KEY,"
                       " agent_id TEXT NOT NULL, offered_ms BIGINT NOT NULL,"
                       " accepted_ms BIGINT NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS routing_cursor (team_id TEXT PRIMARY KEY,"
                       " last_agent TEXT NOT NULL)"),
    };
}

QStringList version9()
{
    // Key-account customers (docs/server.md, "Key accounts"), keyed by the access log's keyed hash of the
    // phone number: the table holds no phone in clear, only its masked form for the managers' list.
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS key_accounts (phone_key TEXT PRIMARY KEY,"
                       " phone_masked TEXT NOT NULL, label TEXT NOT NULL DEFAULT '',"
                       " since_ms BIGINT NOT NULL, updated_by TEXT NOT NULL DEFAULT '')"),
    };
}

QStringList version10()
{
    // Appeals and compensation (docs/appeals.md, docs/compensation.md): the compensation rules as managers
    // edit them (versioned like the routing policy), the compensation ledger with its approvals, and the
    // regulator's appeal numbers, each imported once.
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS compensation_policy (id TEXT PRIMARY KEY,"
                       " version BIGINT NOT NULL, data TEXT NOT NULL, updated_ms BIGINT NOT NULL,"
                       " updated_by TEXT NOT NULL DEFAULT '')"),
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS compensations (id TEXT PRIMARY KEY, ticket_id TEXT NOT NULL,"
            " team_id TEXT NOT NULL DEFAULT '', category TEXT NOT NULL DEFAULT '',"
            " station_id TEXT NOT NULL DEFAULT '', state TEXT NOT NULL,"
            " amount_fen BIGINT NOT NULL, proposed_fen BIGINT, explanation TEXT NOT NULL DEFAULT '',"
            " reason TEXT NOT NULL DEFAULT '', requested_by TEXT NOT NULL, requested_ms BIGINT NOT NULL,"
            " decided_by TEXT NOT NULL DEFAULT '', decided_ms BIGINT NOT NULL DEFAULT 0,"
            " decision_reason TEXT NOT NULL DEFAULT '', paid_ms BIGINT NOT NULL DEFAULT 0)"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS compensations_state ON compensations(state, requested_ms)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS compensations_ticket ON compensations(ticket_id)"),
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS appeals (appeal_no TEXT PRIMARY KEY, ticket_id TEXT NOT NULL,"
            " office TEXT NOT NULL DEFAULT '', forwarded_ms BIGINT NOT NULL,"
            " imported_ms BIGINT NOT NULL)"),
    };
}

QStringList version12()
{
    // Attachments (docs/attachments.md): uploads in progress. The bytes are files in the attachments folder
    // (docs/server.md, "Attachments on disk"); a stored attachment is a document of type "attachment".
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS attachment_uploads (id TEXT PRIMARY KEY,"
                       " ticket_id TEXT NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL,"
                       " size BIGINT NOT NULL, sha256 TEXT NOT NULL, event_id TEXT NOT NULL DEFAULT '',"
                       " evidence TEXT NOT NULL DEFAULT '', created_ms BIGINT NOT NULL,"
                       " updated_ms BIGINT NOT NULL)"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS attachment_uploads_ticket ON attachment_uploads(ticket_id)"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS attachment_uploads_updated ON attachment_uploads(updated_ms)"),
    };
}

QStringList version13()
{
    // Proactive service (docs/proactive.md, docs/server.md "Proactive service"): the policy as managers edit
    // it, the exceptions found in tracking (proactive cases), which parcels each incident holds (the
    // incidents themselves are documents of type "incident" in the change feed), and the notification
    // outbox. A notice holds no phone number: the gateway reads it from the parcel when it sends.
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS proactive_policy (id TEXT PRIMARY KEY,"
                       " version BIGINT NOT NULL, data TEXT NOT NULL, updated_ms BIGINT NOT NULL,"
                       " updated_by TEXT NOT NULL DEFAULT '')"),
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS proactive_cases (id TEXT PRIMARY KEY, waybill_no TEXT NOT NULL,"
            " kind TEXT NOT NULL, cause_ms BIGINT NOT NULL, detected_ms BIGINT NOT NULL,"
            " station_id TEXT NOT NULL DEFAULT '', route TEXT NOT NULL DEFAULT '',"
            " incident_id TEXT NOT NULL DEFAULT '', state TEXT NOT NULL DEFAULT 'open',"
            " reason TEXT NOT NULL DEFAULT '', ticket_id TEXT NOT NULL DEFAULT '', data TEXT NOT NULL,"
            " updated_ms BIGINT NOT NULL, updated_by TEXT NOT NULL DEFAULT '')"),
        QStringLiteral(
            "CREATE INDEX IF NOT EXISTS proactive_cases_state ON proactive_cases(state, detected_ms)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS proactive_cases_waybill ON proactive_cases(waybill_no)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS proactive_cases_incident ON proactive_cases(incident_id)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS incident_parcels (incident_id TEXT NOT NULL,"
                       " waybill_no TEXT NOT NULL, added_ms BIGINT NOT NULL,"
                       " PRIMARY KEY(incident_id, waybill_no))"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS incident_parcels_waybill ON incident_parcels(waybill_no)"),
        QStringLiteral(
            "CREATE TABLE IF NOT EXISTS notices (id TEXT PRIMARY KEY, waybill_no TEXT NOT NULL,"
            " cause TEXT NOT NULL, incident_id TEXT NOT NULL DEFAULT '', case_id TEXT NOT NULL DEFAULT '',"
            " language TEXT NOT NULL, text TEXT NOT NULL, urgent INTEGER NOT NULL DEFAULT 0,"
            " state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_ms BIGINT NOT NULL,"
            " sent_ms BIGINT NOT NULL DEFAULT 0, http_status INTEGER NOT NULL DEFAULT 0,"
            " last_error TEXT NOT NULL DEFAULT '', provider_id TEXT NOT NULL DEFAULT '',"
            " created_ms BIGINT NOT NULL, created_by TEXT NOT NULL DEFAULT '')"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS notices_due ON notices(state, next_ms)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS notices_incident ON notices(incident_id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS notices_waybill ON notices(waybill_no)"),
    };
}

QStringList migration(int version)
{
    switch (version) {
    case 1:
        return version1();
    case 2:
        return version2();
    case 3:
        return version3();
    case 4:
        return version4();
    case 5:
        return version5();
    case 6:
        return version6();
    case 7:
        return version7();
    case 8:
        return version8();
    case 9:
        return version9();
    case 10:
        return version10();
    case 11:
        return ScanStore::migration(); // the scans table (docs/server.md, "Parcels at volume")
    case 12:
        return version12();
    case 13:
        return version13();
    default:
        return {};
    }
}

bool hasColumn(Database &db, const QString &table, const QString &column)
{
    if (db.isPostgres()) {
        QSqlQuery q = db.run(QStringLiteral("SELECT 1 FROM information_schema.columns WHERE table_name = ? "
                                            "AND column_name = ? AND table_schema = current_schema()"),
                             {table, column});
        return q.next();
    }
    QSqlQuery q =
        db.run(QStringLiteral("SELECT 1 FROM pragma_table_info(?) WHERE name = ?"), {table, column});
    return q.next();
}

/// @brief Version 4, before its statements: the columns of docs (skipped when present, so a database whose
/// version number was set back migrates again).
void addDocColumns(Database &db)
{
    const struct
    {
        const char *name;
        const char *definition;
    } columns[] = {{"masked", "TEXT NOT NULL DEFAULT ''"},
                   {"holder", "TEXT NOT NULL DEFAULT ''"},
                   {"purge_ms", "BIGINT NOT NULL DEFAULT 0"}};
    for (const auto &c : columns) {
        if (!hasColumn(db, QStringLiteral("docs"), QLatin1StringView(c.name)))
            db.run(QStringLiteral("ALTER TABLE docs ADD COLUMN %1 %2")
                       .arg(QLatin1StringView(c.name), QLatin1StringView(c.definition)));
    }
}

/// @brief Version 4, after its statements: masked copies of the records written before, and the key of
/// the access log's phone hashes.
void backfillCustomerData(Database &db)
{
    QSqlQuery q = db.run(QStringLiteral("SELECT type, id, deleted, status, updated_ms, data FROM docs WHERE "
                                        "type IN ('ticket', 'ticket_event', 'parcel', 'tracking_event')"));
    QList<Doc> docs;
    while (q.next()) {
        Doc d;
        d.type = q.value(0).toString();
        d.id = q.value(1).toString();
        d.deleted = q.value(2).toInt() != 0;
        d.status = q.value(3).toString();
        d.updatedMs = q.value(4).toLongLong();
        d.data = q.value(5).toString().toUtf8();
        docs.append(d);
    }
    q.finish();
    QSqlQuery update = db.prepare(
        QStringLiteral("UPDATE docs SET masked = ?, holder = ?, purge_ms = ? WHERE type = ? AND id = ?"));
    for (Doc &d : docs) {
        CustomerData::derive(d);
        if (!d.masked.isEmpty() || !d.holder.isEmpty() || d.purgeMs != 0)
            db.exec(update, {QString::fromUtf8(d.masked), d.holder, d.purgeMs, d.type, d.id});
    }
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(key.data()), key.size() / 4);
    db.run(QStringLiteral(
               "INSERT INTO meta(key, value) VALUES('customer_hash_key', ?) ON CONFLICT(key) DO NOTHING"),
           {QString::fromLatin1(key.toBase64())});
}

/// @brief Version 6, before its statements: the feed column (skipped when present).
void addFeedColumn(Database &db)
{
    if (!hasColumn(db, QStringLiteral("docs"), QStringLiteral("feed")))
        db.run(QStringLiteral("ALTER TABLE docs ADD COLUMN feed INTEGER NOT NULL DEFAULT 1"));
}

int currentVersion(Database &db)
{
    db.run(QStringLiteral("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"));
    QSqlQuery q = db.run(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"));
    return q.next() ? q.value(0).toInt() : 0;
}

} // namespace

int runMigrations(Database &db)
{
    if (db.isPostgres()) {
        // Two instances starting together must not migrate at the same time.
        db.run(QStringLiteral("SELECT pg_advisory_lock(?)"), {WriteTx::kWriterLock + 1});
    }
    int version = currentVersion(db);
    if (version > kSchemaVersion)
        throw StorageError(QStringLiteral("the database has schema version %1, newer than this server's %2; "
                                          "use a newer parceldesk-server")
                               .arg(version)
                               .arg(kSchemaVersion));
    while (version < kSchemaVersion) {
        const int next = version + 1;
        db.run(QStringLiteral("BEGIN"));
        try {
            if (next == 4)
                addDocColumns(db);
            if (next == 6)
                addFeedColumn(db);
            for (QString sql : migration(next)) {
                sql.replace(QLatin1StringView("%AUTOID%"),
                            db.isPostgres() ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                            : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
                // Statements for one backend only.
                const QLatin1StringView mine =
                    db.isPostgres() ? QLatin1StringView("%POSTGRES%") : QLatin1StringView("%SQLITE%");
                const QLatin1StringView other =
                    db.isPostgres() ? QLatin1StringView("%SQLITE%") : QLatin1StringView("%POSTGRES%");
                if (sql.startsWith(other))
                    continue;
                if (sql.startsWith(mine))
                    sql.remove(0, mine.size());
                db.run(sql);
            }
            if (next == 4)
                backfillCustomerData(db);
            if (next == 7)
                GeoIndex(db).rebuild();
            db.run(QStringLiteral("INSERT INTO meta(key, value) VALUES('schema_version', ?) "
                                  "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                   {QString::number(next)});
            db.run(QStringLiteral("COMMIT"));
        } catch (...) {
            db.run(QStringLiteral("ROLLBACK"));
            throw;
        }
        version = next;
    }
    if (db.isPostgres())
        db.run(QStringLiteral("SELECT pg_advisory_unlock(?)"), {WriteTx::kWriterLock + 1});
    return version;
}

} // namespace pd::server
