#include "searchindex.h"

#include "database.h"

#include <sqlite3.h>

namespace pd {

bool SearchIndex::flush(sqlite3 *db, QString *error)
{
    // Removing the old text first matters: an external-content or contentless 'delete' must see exactly what
    // was indexed. The customer index gets keyed tokens of the sealed name and phone (pd_customer_tokens,
    // which needs the cache's key: on a locked cache the flush fails and so does the write).
    static constexpr auto sql = R"sql(
INSERT INTO tickets_fts(tickets_fts, rowid, description)
    SELECT 'delete', pk, old_description FROM tickets_fts_queue WHERE indexed = 1;
INSERT INTO customer_fts(customer_fts, rowid, tokens)
    SELECT 'delete', pk, pd_customer_tokens(old_name, old_phone) FROM tickets_fts_queue WHERE indexed = 1;
INSERT INTO tickets_fts(rowid, description)
    SELECT t.pk, t.description FROM tickets_fts_queue q JOIN tickets t ON t.pk = q.pk;
INSERT INTO customer_fts(rowid, tokens)
    SELECT t.pk, pd_customer_tokens(t.customer_name, t.customer_phone)
    FROM tickets_fts_queue q JOIN tickets t ON t.pk = q.pk;
DELETE FROM tickets_fts_queue;
INSERT INTO events_fts(events_fts, rowid, text)
    SELECT 'delete', pk, old_text FROM events_fts_queue WHERE indexed = 1;
INSERT INTO events_fts(rowid, text)
    SELECT e.pk, e.text FROM events_fts_queue q JOIN ticket_events e ON e.pk = q.pk;
DELETE FROM events_fts_queue;
)sql";
    return execSql(db, sql, error);
}

bool SearchIndex::rebuild(sqlite3 *db, QString *error)
{
    static constexpr auto sql = R"sql(
DELETE FROM tickets_fts_queue;
DELETE FROM events_fts_queue;
INSERT INTO tickets_fts(tickets_fts) VALUES ('delete-all');
INSERT INTO events_fts(events_fts) VALUES ('delete-all');
INSERT INTO customer_fts(customer_fts) VALUES ('delete-all');
INSERT INTO tickets_fts(tickets_fts) VALUES ('rebuild');
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
INSERT INTO customer_fts(rowid, tokens) SELECT pk, pd_customer_tokens(customer_name, customer_phone) FROM tickets;
)sql";
    return execSql(db, sql, error);
}

int SearchIndex::pending(sqlite3 *db)
{
    sqlite3_stmt *stmt = nullptr;
    int n = -1;
    if (sqlite3_prepare_v2(
            db, "SELECT (SELECT count(*) FROM tickets_fts_queue) + (SELECT count(*) FROM events_fts_queue)",
            -1, &stmt, nullptr) == SQLITE_OK &&
        sqlite3_step(stmt) == SQLITE_ROW)
        n = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
    return n;
}

} // namespace pd
