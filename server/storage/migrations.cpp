#include "migrations.h"

#include "database.h"

#include <QSqlQuery>
#include <QStringList>

namespace pd::server {

namespace {

// Each migration is a list of statements; %AUTOID% and %BLOB% differ between SQLite and PostgreSQL.
QStringList migration(int version)
{
    switch (version) {
    case 1:
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
    case 2:
        return {
            QStringLiteral("CREATE TABLE audit (id %AUTOID%, at_ms BIGINT NOT NULL, user_id TEXT NOT NULL,"
                           " action TEXT NOT NULL, target_type TEXT NOT NULL, target_id TEXT NOT NULL,"
                           " detail TEXT NOT NULL DEFAULT '')"),
            QStringLiteral("CREATE INDEX audit_target ON audit(target_type, target_id)"),
        };
    case 3:
        // Events follow their ticket's team: events written before a team move kept the old team. Every
        // console starts over after this version (its "c1." cursor answers with reset), so fixing the column
        // is enough; no withdrawals are needed for the past.
        return {
            QStringLiteral(
                "UPDATE docs SET team_id = (SELECT t.team_id FROM docs AS t WHERE t.type = 'ticket'"
                " AND t.id = docs.parent) WHERE type = 'ticket_event' AND EXISTS (SELECT 1 FROM docs"
                " AS t WHERE t.type = 'ticket' AND t.id = docs.parent AND t.team_id <> docs.team_id)"),
        };
    default:
        return {};
    }
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
            for (QString sql : migration(next)) {
                sql.replace(QLatin1StringView("%AUTOID%"),
                            db.isPostgres() ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                            : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT"));
                db.run(sql);
            }
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
