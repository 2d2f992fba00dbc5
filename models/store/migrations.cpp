#include "migrations.h"

#include "database.h"

#include <QLoggingCategory>

#include <array>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace pd::migrations {

namespace {

struct Migration
{
    const char *description;
    const char *sql;
};

// Append only. A released migration is never edited: caches in the field have already run it.
constexpr std::array<Migration, 14> kMigrations{{
    {"core tables: tickets, events, parcels, tracking, couriers, stations, users, teams",
     R"sql(
CREATE TABLE teams(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    version INTEGER NOT NULL DEFAULT 0);
CREATE TABLE users(
    id TEXT PRIMARY KEY,
    login TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL,
    team_id TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 0);
CREATE TABLE stations(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    city TEXT NOT NULL DEFAULT '',
    lat REAL, lon REAL,
    version INTEGER NOT NULL DEFAULT 0);
CREATE TABLE couriers(
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    station_id TEXT,
    lat REAL, lon REAL,
    last_seen INTEGER,
    version INTEGER NOT NULL DEFAULT 0);
CREATE INDEX couriers_station ON couriers(station_id);
CREATE TABLE parcels(
    waybill_no TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    origin_address TEXT NOT NULL DEFAULT '',
    origin_lat REAL, origin_lon REAL,
    destination_address TEXT NOT NULL DEFAULT '',
    destination_lat REAL, destination_lon REAL,
    promised_at INTEGER,
    delivered_at INTEGER,
    courier_id TEXT,
    station_id TEXT,
    pos_lat REAL, pos_lon REAL, pos_at INTEGER,
    declared_value_fen INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0);
CREATE INDEX parcels_courier ON parcels(courier_id);
CREATE INDEX parcels_station ON parcels(station_id);
CREATE INDEX parcels_delivered ON parcels(delivered_at);
CREATE TABLE tracking_events(
    id TEXT PRIMARY KEY,
    waybill_no TEXT NOT NULL,
    at INTEGER NOT NULL,
    status TEXT NOT NULL,
    place TEXT NOT NULL DEFAULT '',
    lat REAL, lon REAL,
    text TEXT NOT NULL DEFAULT '');
CREATE INDEX tracking_by_parcel ON tracking_events(waybill_no, at);
CREATE TABLE tickets(
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    number TEXT NOT NULL DEFAULT '',
    waybill_no TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    customer_name TEXT NOT NULL DEFAULT '',
    customer_phone TEXT NOT NULL DEFAULT '',
    channel TEXT NOT NULL,
    category TEXT NOT NULL,
    priority TEXT NOT NULL,
    status TEXT NOT NULL,
    team_id TEXT,
    assignee_id TEXT,
    created_at INTEGER NOT NULL,
    first_response_at INTEGER,
    resolved_at INTEGER,
    closed_at INTEGER,
    resolution TEXT,
    compensation_fen INTEGER,
    csat INTEGER CHECK (csat BETWEEN 1 AND 5),
    nps INTEGER CHECK (nps BETWEEN 0 AND 10),
    follow_up_at INTEGER,
    follow_up_done_at INTEGER,
    version INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL DEFAULT 0);
CREATE INDEX tickets_assignee ON tickets(assignee_id, status);
CREATE INDEX tickets_team ON tickets(team_id, status);
CREATE INDEX tickets_updated ON tickets(updated_at);
CREATE INDEX tickets_waybill ON tickets(waybill_no);
CREATE INDEX tickets_number ON tickets(number);
CREATE TABLE ticket_events(
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    ticket_id TEXT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE ON UPDATE CASCADE,
    kind TEXT NOT NULL,
    at INTEGER NOT NULL,
    author_id TEXT,
    text TEXT NOT NULL DEFAULT '',
    data TEXT,
    version INTEGER NOT NULL DEFAULT 0);
CREATE INDEX events_by_ticket ON ticket_events(ticket_id, at);
)sql"},

    {"search: phone tails, CJK bigram full-text index over tickets and conversations",
     R"sql(
ALTER TABLE tickets ADD COLUMN phone_tail TEXT NOT NULL DEFAULT '';
UPDATE tickets SET phone_tail = pd_phone_tail(customer_phone);
CREATE INDEX tickets_phone_tail ON tickets(phone_tail);

-- The full-text tables are not written row by row from triggers: FTS5 (SQLite 3.40) flushes its pending terms
-- at every statement savepoint, which turns a bulk load into one index segment per row. Triggers only note
-- which rows changed (with the indexed text, which an external-content 'delete' needs); SearchIndex::flush()
-- indexes them with one statement per table before the writer commits. See docs/architecture.md, "Search".
CREATE VIRTUAL TABLE tickets_fts USING fts5(
    customer_name, description, content='tickets', content_rowid='pk', tokenize='pd_cjk');
CREATE TABLE tickets_fts_queue(
    pk INTEGER PRIMARY KEY,
    indexed INTEGER NOT NULL,
    old_name TEXT,
    old_description TEXT);
CREATE TRIGGER tickets_fts_ai AFTER INSERT ON tickets BEGIN
    INSERT OR IGNORE INTO tickets_fts_queue(pk, indexed) VALUES (new.pk, 0);
END;
CREATE TRIGGER tickets_fts_ad AFTER DELETE ON tickets BEGIN
    INSERT OR IGNORE INTO tickets_fts_queue(pk, indexed, old_name, old_description)
        VALUES (old.pk, 1, old.customer_name, old.description);
END;
CREATE TRIGGER tickets_fts_au AFTER UPDATE OF customer_name, description ON tickets BEGIN
    INSERT OR IGNORE INTO tickets_fts_queue(pk, indexed, old_name, old_description)
        VALUES (old.pk, 1, old.customer_name, old.description);
END;

CREATE VIRTUAL TABLE events_fts USING fts5(
    text, content='ticket_events', content_rowid='pk', tokenize='pd_cjk');
CREATE TABLE events_fts_queue(
    pk INTEGER PRIMARY KEY,
    indexed INTEGER NOT NULL,
    old_text TEXT);
CREATE TRIGGER events_fts_ai AFTER INSERT ON ticket_events BEGIN
    INSERT OR IGNORE INTO events_fts_queue(pk, indexed) VALUES (new.pk, 0);
END;
CREATE TRIGGER events_fts_ad AFTER DELETE ON ticket_events BEGIN
    INSERT OR IGNORE INTO events_fts_queue(pk, indexed, old_text) VALUES (old.pk, 1, old.text);
END;
CREATE TRIGGER events_fts_au AFTER UPDATE OF text ON ticket_events BEGIN
    INSERT OR IGNORE INTO events_fts_queue(pk, indexed, old_text) VALUES (old.pk, 1, old.text);
END;

INSERT INTO tickets_fts(tickets_fts) VALUES ('rebuild');
INSERT INTO events_fts(events_fts) VALUES ('rebuild');
)sql"},

    {"sync: sync state, outbox, local edit state, SLA deadlines for queue order",
     R"sql(
ALTER TABLE tickets ADD COLUMN local_state INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN sla_due INTEGER;
ALTER TABLE ticket_events ADD COLUMN local_state INTEGER NOT NULL DEFAULT 0;
CREATE INDEX tickets_sla_due ON tickets(status, sla_due);
CREATE INDEX tickets_local_state ON tickets(local_state) WHERE local_state <> 0;

CREATE TABLE sync_state(
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL);

CREATE TABLE outbox(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    idempotency_key TEXT NOT NULL UNIQUE,
    ticket_id TEXT,
    method TEXT NOT NULL CHECK (method IN ('POST', 'PATCH', 'PUT', 'DELETE')),
    path TEXT NOT NULL,
    payload TEXT NOT NULL,
    base_version INTEGER,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at INTEGER NOT NULL);
CREATE INDEX outbox_by_ticket ON outbox(ticket_id, seq);

-- A local edit the server refused with 412: the person's fields and the server's copy, side by side, until
-- someone chooses keep-mine or take-theirs. Never dropped silently.
CREATE TABLE ticket_conflicts(
    ticket_id TEXT PRIMARY KEY,
    local_fields TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    server_copy TEXT NOT NULL,
    detected_at INTEGER NOT NULL);
CREATE INDEX outbox_due ON outbox(next_attempt_at);
)sql"},

    {"workbench: warning instants for the at-risk queue, urgency order, periods",
     R"sql(
ALTER TABLE tickets ADD COLUMN sla_warn_at INTEGER;
CREATE INDEX tickets_urgency ON tickets(ifnull(sla_due, 9223372036854775807));
CREATE INDEX tickets_created ON tickets(created_at);
CREATE INDEX tickets_resolved ON tickets(resolved_at) WHERE resolved_at IS NOT NULL;
)sql"},

    {"workbench: my tickets and my team's in urgency order without sorting the whole queue",
     R"sql(
CREATE INDEX tickets_assignee_urgency ON tickets(assignee_id, ifnull(sla_due, 9223372036854775807));
CREATE INDEX tickets_team_urgency ON tickets(team_id, ifnull(sla_due, 9223372036854775807));
)sql"},

    {"dashboard: a log of ticket changes for the dashboard's facts, delivered parcels read from one index",
     R"sql(
-- Appended by the triggers below whenever the value of a ticket field a KPI reads changes, a ticket goes or one of its
-- timeline events is written; the dashboard re-reads only the tickets logged after the last seq it read.
-- Kept to about the last 100,000 entries; a reader that finds its seq pruned reads everything again.
CREATE TABLE ticket_changes(
    seq INTEGER PRIMARY KEY,
    pk INTEGER NOT NULL);
CREATE TRIGGER ticket_changes_insert AFTER INSERT ON tickets BEGIN
    INSERT INTO ticket_changes(pk) VALUES (new.pk);
END;
CREATE TRIGGER ticket_changes_update AFTER UPDATE OF category, priority, status, team_id, assignee_id,
    created_at, first_response_at, resolved_at, closed_at, csat, nps, follow_up_done_at ON tickets
WHEN old.category IS NOT new.category OR old.priority IS NOT new.priority OR old.status IS NOT new.status
    OR old.team_id IS NOT new.team_id OR old.assignee_id IS NOT new.assignee_id
    OR old.created_at IS NOT new.created_at OR old.first_response_at IS NOT new.first_response_at
    OR old.resolved_at IS NOT new.resolved_at OR old.closed_at IS NOT new.closed_at OR old.csat IS NOT new.csat
    OR old.nps IS NOT new.nps OR old.follow_up_done_at IS NOT new.follow_up_done_at BEGIN
    INSERT INTO ticket_changes(pk) VALUES (new.pk);
END;
CREATE TRIGGER ticket_changes_delete AFTER DELETE ON tickets BEGIN
    INSERT INTO ticket_changes(pk) VALUES (old.pk);
END;
CREATE TRIGGER ticket_changes_event_insert AFTER INSERT ON ticket_events BEGIN
    INSERT INTO ticket_changes(pk) SELECT pk FROM tickets WHERE id = new.ticket_id;
END;
CREATE TRIGGER ticket_changes_event_update AFTER UPDATE OF kind, at, data ON ticket_events BEGIN
    INSERT INTO ticket_changes(pk) SELECT pk FROM tickets WHERE id = new.ticket_id;
END;
CREATE TRIGGER ticket_changes_event_delete AFTER DELETE ON ticket_events BEGIN
    INSERT INTO ticket_changes(pk) SELECT pk FROM tickets WHERE id = old.ticket_id;
END;
CREATE TRIGGER ticket_changes_prune AFTER INSERT ON ticket_changes WHEN new.seq % 1000 = 0 BEGIN
    DELETE FROM ticket_changes WHERE seq < new.seq - 100000;
END;

-- Names this cache file: facts kept outside it (the dashboard's, next to the file) are used only with it.
INSERT OR IGNORE INTO sync_state(key, value) VALUES ('cache_id', lower(hex(randomblob(16))));

-- On-time delivery reads both instants of every parcel delivered in a period: from the index alone.
DROP INDEX parcels_delivered;
CREATE INDEX parcels_delivered ON parcels(delivered_at, promised_at);
)sql"},
    {"trust: events that arrive before their ticket are kept; queued edits belong to their author",
     R"sql(
-- The change feed orders records by their last change: an event keeps the number it was written with while
-- its ticket gets a new one at every write, so an event can arrive pages before its ticket. It waits here
-- (the server's JSON as sent) and is written to ticket_events when the ticket arrives.
CREATE TABLE orphan_events(
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    data TEXT NOT NULL);
CREATE INDEX orphan_events_by_ticket ON orphan_events(ticket_id);

-- Who queued an edit: it is sent only under that user's session (a shared PC's next user never sends it).
ALTER TABLE outbox ADD COLUMN author_id TEXT NOT NULL DEFAULT '';

-- Caches synced before this version skipped such events for good. Pull everything again: a first-version
-- cursor makes the server restart the feed with reset (tickets that left this user's sight go too); an older
-- server reads it as the start of the feed.
UPDATE sync_state SET value = 'c1.0' WHERE key = 'changes.cursor' AND value <> '';
)sql"},
    {"customer data at rest: names and phones leave the full-text index for keyed tokens",
     R"sql(
-- Customer names were indexed in clear with the complaint, and every text in clear. From here on the
-- complaint and the conversation are sealed and their index holds keyed tokens (the pd_cjk tokenizer with the
-- cache's key); names and phones get a contentless index of keyed tokens (CustomerTokens) computed by
-- pd_customer_tokens() from the sealed columns. The old indexes and queues hold text: they are emptied here
-- and built again when the cache's key is bound (CacheCrypto, which first seals what earlier versions wrote
-- in clear; docs/architecture.md "Customer data at rest").
DROP TRIGGER tickets_fts_ai;
DROP TRIGGER tickets_fts_ad;
DROP TRIGGER tickets_fts_au;
DROP TABLE tickets_fts_queue;
DROP TABLE tickets_fts;
CREATE VIRTUAL TABLE tickets_fts USING fts5(
    description, content='tickets', content_rowid='pk', tokenize='pd_cjk');
CREATE VIRTUAL TABLE customer_fts USING fts5(
    tokens, content='', detail='none', columnsize=0, tokenize='ascii');
CREATE TABLE tickets_fts_queue(
    pk INTEGER PRIMARY KEY,
    indexed INTEGER NOT NULL,
    old_description TEXT,
    old_name,
    old_phone);
CREATE TRIGGER tickets_fts_ai AFTER INSERT ON tickets BEGIN
    INSERT OR IGNORE INTO tickets_fts_queue(pk, indexed) VALUES (new.pk, 0);
END;
CREATE TRIGGER tickets_fts_ad AFTER DELETE ON tickets BEGIN
    INSERT OR IGNORE INTO tickets_fts_queue(pk, indexed, old_description, old_name, old_phone)
        VALUES (old.pk, 1, old.description, old.customer_name, old.customer_phone);
END;
CREATE TRIGGER tickets_fts_au AFTER UPDATE OF customer_name, customer_phone, description ON tickets BEGIN
    INSERT OR IGNORE INTO tickets_fts_queue(pk, indexed, old_description, old_name, old_phone)
        VALUES (old.pk, 1, old.description, old.customer_name, old.customer_phone);
END;
INSERT INTO events_fts(events_fts) VALUES ('delete-all');
DELETE FROM events_fts_queue;

-- The last four digits in clear go; the tokens replace them.
DROP INDEX tickets_phone_tail;
UPDATE tickets SET phone_tail = '' WHERE phone_tail <> '';

-- Names the file in the keychain entries of its keys (cache_id changes with every owner; this does not).
INSERT OR IGNORE INTO sync_state(key, value) VALUES ('store_id', lower(hex(randomblob(16))));
)sql"},
    {"volume aggregates: parcels picked up, delivered, on time, damaged, lost per day, station and courier",
     R"sql(
-- The server's volume figures (the "parcel_volume" items of the change feed, docs/api.md): the parcel rates of
-- the KPIs divide by these instead of counting parcel rows, so they need no parcels in the cache. courier_id
-- '' counts a station's parcels no listed courier delivered. A day counts in a period when day_start is in it.
CREATE TABLE parcel_volume(
    day TEXT NOT NULL,
    station_id TEXT NOT NULL,
    courier_id TEXT NOT NULL,
    day_start INTEGER NOT NULL,
    day_end INTEGER NOT NULL,
    picked_up INTEGER NOT NULL DEFAULT 0,
    delivered INTEGER NOT NULL DEFAULT 0,
    delivered_on_time INTEGER NOT NULL DEFAULT 0,
    damaged INTEGER NOT NULL DEFAULT 0,
    lost INTEGER NOT NULL DEFAULT 0,
    exceptions INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (day, station_id, courier_id));
CREATE INDEX parcel_volume_by_start ON parcel_volume(day_start);

-- Earlier versions skipped these items: pull everything again (a first-version cursor makes the server restart
-- the feed with reset, as schema 7 did).
UPDATE sync_state SET value = 'c1.0' WHERE key = 'changes.cursor' AND value <> '';
)sql"},
    {"appeals and compensation: a ticket's source and appeal, pending compensation, key account, language; "
     "a parcel's freight, insured value and service class",
     R"sql(
ALTER TABLE tickets ADD COLUMN source TEXT NOT NULL DEFAULT 'customer';
ALTER TABLE tickets ADD COLUMN appeal TEXT;
ALTER TABLE tickets ADD COLUMN pending_compensation_fen INTEGER;
ALTER TABLE tickets ADD COLUMN key_account INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tickets ADD COLUMN language TEXT NOT NULL DEFAULT '';
CREATE INDEX tickets_source ON tickets(source, status) WHERE source <> 'customer';
ALTER TABLE parcels ADD COLUMN freight_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE parcels ADD COLUMN insured_value_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE parcels ADD COLUMN service_class TEXT NOT NULL DEFAULT '';

-- Rows synced before this version lack these fields: pull everything again (as schema 7 did).
UPDATE sync_state SET value = 'c1.0' WHERE key = 'changes.cursor' AND value <> '';
)sql"},
    {"attachments: evidence records, this console's staged uploads, the download cache",
     R"sql(
-- The records of the change feed and the files this console staged (state 0 queued, 1 uploading, 2 failed,
-- 3 stored; docs/attachments.md). No foreign key to tickets: a record can arrive before its ticket (like an
-- event, docs/api.md) and waits here; the triggers below make it follow its ticket (a new id, deletion).
-- name and last_error may name the customer: sealed like the other customer fields. A file beside the cache
-- is encrypted with a key of its own (libsodium secretstream); that key is kept here, sealed with the cache's.
CREATE TABLE attachments(
    id TEXT PRIMARY KEY,
    ticket_id TEXT NOT NULL,
    event_id TEXT NOT NULL DEFAULT '',
    name,
    content_type TEXT NOT NULL DEFAULT '',
    size INTEGER NOT NULL DEFAULT 0,
    sha256 TEXT NOT NULL DEFAULT '',
    evidence TEXT,
    created_by TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 0,
    state INTEGER NOT NULL DEFAULT 3,
    staged_file TEXT,
    staged_key,
    uploaded INTEGER NOT NULL DEFAULT 0,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error);
CREATE INDEX attachments_ticket ON attachments(ticket_id, created_at);
CREATE INDEX attachments_pending ON attachments(next_attempt_at) WHERE state IN (0, 1);

-- Downloaded copies (sealed files beside the cache), evicted least recently used first beyond a cap.
CREATE TABLE attachment_files(
    attachment_id TEXT PRIMARY KEY REFERENCES attachments(id) ON DELETE CASCADE,
    file TEXT NOT NULL,
    file_key NOT NULL,
    size INTEGER NOT NULL,
    last_used INTEGER NOT NULL);
CREATE INDEX attachment_files_lru ON attachment_files(last_used);

-- Files whose row went (in any transaction: a withdrawn ticket, a reset, erasure, eviction): deleted from the
-- folder after the commit (AttachmentRepository::purgeFiles), so a rolled-back drop never loses a file.
CREATE TABLE attachment_trash(
    file TEXT PRIMARY KEY);
CREATE TRIGGER attachments_staged_gone AFTER DELETE ON attachments WHEN old.staged_file IS NOT NULL BEGIN
    INSERT OR IGNORE INTO attachment_trash(file) VALUES (old.staged_file);
END;
CREATE TRIGGER attachment_files_gone AFTER DELETE ON attachment_files BEGIN
    INSERT OR IGNORE INTO attachment_trash(file) VALUES (old.file);
END;
CREATE TRIGGER attachments_follow_ticket_delete AFTER DELETE ON tickets BEGIN
    DELETE FROM attachments WHERE ticket_id = old.id;
END;
CREATE TRIGGER attachments_follow_ticket_id AFTER UPDATE OF id ON tickets BEGIN
    UPDATE attachments SET ticket_id = new.id WHERE ticket_id = old.id;
END;

-- Earlier versions skipped attachment items: pull everything again (as schema 7 did).
UPDATE sync_state SET value = 'c1.0' WHERE key = 'changes.cursor' AND value <> '';
)sql"},
    {"merged and duplicate tickets: merged_into, duplicate_of and their numbers; the complaints view",
     R"sql(
ALTER TABLE tickets ADD COLUMN merged_into TEXT;
ALTER TABLE tickets ADD COLUMN merged_into_number TEXT;
ALTER TABLE tickets ADD COLUMN duplicate_of TEXT;
ALTER TABLE tickets ADD COLUMN duplicate_of_number TEXT;
CREATE INDEX tickets_merged_into ON tickets(merged_into) WHERE merged_into IS NOT NULL;
-- What the KPIs and reports count: a ticket merged into another is that one's complaint, counted once there.
CREATE VIEW complaint_tickets AS SELECT * FROM tickets WHERE merged_into IS NULL;
-- The dashboard's change log (schema 6) learns of a merge: the merged ticket leaves the figures, and the
-- entries that moved change the target's.
CREATE TRIGGER ticket_changes_merged AFTER UPDATE OF merged_into ON tickets
WHEN old.merged_into IS NOT new.merged_into BEGIN
    INSERT INTO ticket_changes(pk) VALUES (new.pk);
END;
CREATE TRIGGER ticket_changes_event_moved AFTER UPDATE OF ticket_id ON ticket_events
WHEN old.ticket_id IS NOT new.ticket_id BEGIN
    INSERT INTO ticket_changes(pk) SELECT pk FROM tickets WHERE id IN (old.ticket_id, new.ticket_id);
END;
-- No pull again: servers before this version merged nothing and flagged nothing.
)sql"},
    {"proactive service: incidents from the change feed, a ticket's incident",
     R"sql(
ALTER TABLE tickets ADD COLUMN incident_id TEXT;
CREATE TABLE incidents (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    window_start TEXT NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX incidents_state ON incidents(state, window_start);
-- Servers before this version had no incidents: nothing to pull again. A ticket linked to an incident
-- since gets its incident_id at its next change.
)sql"},
    {"trend alerts from the change feed",
     R"sql(
CREATE TABLE trend_alerts (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    dimension TEXT NOT NULL,
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX trend_alerts_state ON trend_alerts(state, dimension, key);
-- Servers before this version raised no trend alerts: nothing to pull again.
)sql"},
}};

} // namespace

int latestVersion()
{
    return int(kMigrations.size());
}

const char *describe(int version)
{
    if (version < 1 || version > latestVersion())
        return "";
    return kMigrations[std::size_t(version - 1)].description;
}

bool migrate(sqlite3 *db, int from, int to, QString *error)
{
    for (int v = from + 1; v <= to; ++v) {
        Transaction tx(db);
        if (!tx.isActive()) {
            if (error)
                *error = tx.error();
            return false;
        }
        QString stepError;
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(v);
        if (!execSql(db, kMigrations[std::size_t(v - 1)].sql, &stepError) ||
            !execSql(db, setVersion.constData(), &stepError) || !tx.commit()) {
            if (error)
                *error =
                    QStringLiteral("migration %1 (%2): %3")
                        .arg(v)
                        .arg(QString::fromLatin1(describe(v)), stepError.isEmpty() ? tx.error() : stepError);
            return false;
        }
        qCDebug(lcStore) << "cache migrated to schema" << v << describe(v);
    }
    return true;
}

} // namespace pd::migrations
