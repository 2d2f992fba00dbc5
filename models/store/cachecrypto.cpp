#include "cachecrypto.h"

#include "cachecipher.h"
#include "cachefiles.h"
#include "cachekeys.h"
#include "database.h"
#include "searchindex.h"

#include <QFile>
#include <QLoggingCategory>

#include <sqlite3.h>

#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace pd {

namespace {

const char *const kCheckKey = "crypto.check";

QString stateValue(sqlite3 *db, const char *key)
{
    sqlite3_stmt *stmt = nullptr;
    QString value;
    if (sqlite3_prepare_v2(db, "SELECT value FROM sync_state WHERE key = ?", -1, &stmt, nullptr) ==
        SQLITE_OK) {
        sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
        if (sqlite3_step(stmt) == SQLITE_ROW)
            value = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    }
    sqlite3_finalize(stmt);
    return value;
}

bool setCheck(sqlite3 *db, const QString &check, QString *error)
{
    sqlite3_stmt *stmt = nullptr;
    const QByteArray value = check.toUtf8();
    bool ok = sqlite3_prepare_v2(db,
                                 "INSERT INTO sync_state(key, value) VALUES ('crypto.check', ?) "
                                 "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                                 -1, &stmt, nullptr) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(stmt, 1, value.constData(), int(value.size()), SQLITE_TRANSIENT);
        ok = sqlite3_step(stmt) == SQLITE_DONE;
    }
    if (!ok && error)
        *error = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_finalize(stmt);
    return ok;
}

struct Column
{
    const char *name;
    SealedField field;
};

struct Value
{
    int type = SQLITE_NULL;
    QByteArray bytes;
};

struct Row
{
    qint64 rowid = 0;
    std::vector<Value> values;
};

/// Column @p i of the row @p read stands on, re-encoded under @p to when @p reader opens it (@p changed set;
/// a value that was in clear counted in @p clearValues); as it is otherwise.
Value resealValue(sqlite3_stmt *read, int i, SealedField field, const CacheCipher &reader,
                  const CacheCipher &to, bool *changed, qint64 *clearValues)
{
    const int type = sqlite3_column_type(read, i);
    const bool blob = type == SQLITE_BLOB;
    const void *data =
        blob ? sqlite3_column_blob(read, i) : static_cast<const void *>(sqlite3_column_text(read, i));
    Value value{type, QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(read, i))};
    if ((type == SQLITE_TEXT && !value.bytes.isEmpty()) || (blob && reader.encrypts())) {
        bool ok = false;
        const QByteArray text = reader.openBytes(value.bytes, blob, field, &ok);
        if (ok) {
            const QVariant sealed = to.seal(QString::fromUtf8(text), field);
            const bool sealedBlob = sealed.typeId() == QMetaType::QByteArray;
            value = {sealedBlob ? SQLITE_BLOB : SQLITE_TEXT,
                     sealedBlob ? sealed.toByteArray() : sealed.toString().toUtf8()};
            *changed = true;
            if (!blob)
                ++*clearValues;
        }
    }
    return value;
}

/// Writes the re-encoded @p rows with the prepared UPDATE @p write (values, then the rowid).
bool writeRows(sqlite3_stmt *write, const std::vector<Row> &rows)
{
    for (const Row &row : rows) {
        int i = 1;
        for (const Value &v : row.values) {
            if (v.type == SQLITE_BLOB)
                sqlite3_bind_blob(write, i, v.bytes.constData(), int(v.bytes.size()), SQLITE_TRANSIENT);
            else if (v.type == SQLITE_NULL)
                sqlite3_bind_null(write, i);
            else
                sqlite3_bind_text(write, i, v.bytes.constData(), int(v.bytes.size()), SQLITE_TRANSIENT);
            ++i;
        }
        sqlite3_bind_int64(write, i, row.rowid);
        const int step = sqlite3_step(write);
        sqlite3_reset(write);
        if (step != SQLITE_DONE)
            return false;
    }
    return true;
}

/// Re-encodes @p columns of @p table under @p to, in pages of rowids: text in clear is sealed, values sealed
/// under @p from are opened and sealed again, anything else (another author's edit) is left as it is.
bool resealTable(sqlite3 *db, const char *table, std::initializer_list<Column> columns, const char *where,
                 const CacheCipher *from, const CacheCipher &to, qint64 *clearValues, QString *error)
{
    constexpr int kPage = 2000;
    QByteArray select = "SELECT rowid";
    QByteArray update = QByteArray("UPDATE ") + table + " SET ";
    int n = 0;
    for (const Column &c : columns) {
        select += QByteArray(", ") + c.name;
        update += QByteArray(n++ ? ", " : "") + c.name + " = ?";
    }
    select += QByteArray(" FROM ") + table + " WHERE rowid > ? AND (" + where + ") ORDER BY rowid LIMIT " +
              QByteArray::number(kPage);
    update += " WHERE rowid = ?";
    sqlite3_stmt *read = nullptr, *write = nullptr;
    const auto finish = [&](bool ok) {
        if (!ok && error)
            *error = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(read);
        sqlite3_finalize(write);
        return ok;
    };
    if (sqlite3_prepare_v2(db, select.constData(), -1, &read, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db, update.constData(), -1, &write, nullptr) != SQLITE_OK)
        return finish(false);

    const CacheCipher &reader = from ? *from : *CacheCipher::plain();
    qint64 after = -1;
    for (int fetched = kPage; fetched == kPage;) {
        fetched = 0;
        std::vector<Row> rows; // read the page first, then write it (never while the read walks the table)
        sqlite3_bind_int64(read, 1, after);
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(read)) == SQLITE_ROW) {
            ++fetched;
            Row row{sqlite3_column_int64(read, 0), {}};
            after = row.rowid;
            bool changed = false;
            for (int i = 1; i <= int(columns.size()); ++i)
                row.values.push_back(
                    resealValue(read, i, columns.begin()[i - 1].field, reader, to, &changed, clearValues));
            if (changed)
                rows.push_back(std::move(row));
        }
        sqlite3_reset(read);
        if (rc != SQLITE_DONE || !writeRows(write, rows))
            return finish(false);
    }
    return finish(true);
}

} // namespace

QString CacheCrypto::storedCheck(const Database &db)
{
    return stateValue(db.handle(), kCheckKey);
}

QString CacheCrypto::storeId(const Database &db)
{
    return stateValue(db.handle(), "store_id");
}

const char *CacheCrypto::forgetCustomerDataSql()
{
    // The full-text tables index the rows by rowid: 'delete-all' empties them at once, and the queue entries
    // the delete triggers write go with the rows. Parcels and tracking hold addresses sealed under the key
    // that goes; the next full pull brings them back.
    return R"sql(
DELETE FROM orphan_events;
DELETE FROM ticket_conflicts;
DELETE FROM attachments WHERE state = 3;
INSERT INTO tickets_fts(tickets_fts) VALUES ('delete-all');
INSERT INTO customer_fts(customer_fts) VALUES ('delete-all');
INSERT INTO events_fts(events_fts) VALUES ('delete-all');
DELETE FROM ticket_events;
DELETE FROM tickets;
DELETE FROM tickets_fts_queue;
DELETE FROM events_fts_queue;
DELETE FROM ticket_changes;
DELETE FROM tracking_events;
DELETE FROM parcels;
DELETE FROM sync_state WHERE key IN ('changes.cursor', 'sync.last_pull_at', 'crypto.check');
INSERT INTO sync_state(key, value) VALUES ('cache_id', lower(hex(randomblob(16))))
    ON CONFLICT(key) DO UPDATE SET value = excluded.value;
)sql";
}

bool CacheCrypto::forget(const Database &db, QString *error)
{
    Transaction tx(db);
    QString stepError;
    const bool ok =
        tx.isActive() && execSql(db.handle(), forgetCustomerDataSql(), &stepError) && tx.commit(&stepError);
    if (!ok && error)
        *error = stepError.isEmpty() ? tx.error() : stepError;
    if (ok)
        QFile::remove(CacheFiles::factsFile(db.path())); // facts of tickets that are gone
    return ok;
}

bool CacheCrypto::reseal(const Database &db, const CacheCipher *from, const CacheCipher &to, bool *hadClear,
                         QString *error)
{
    sqlite3 *h = db.handle();
    qint64 clear = 0;
    const int secureBefore = queryInt(h, "PRAGMA secure_delete");
    queryInt(h, "PRAGMA secure_delete = ON"); // the clear text a value replaces is overwritten, not freed
    bool ok = false;
    const bool hasAttachments =
        queryInt(h, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'attachments'") == 1;
    {
        Transaction tx(db);
        QString stepError;
        // Another author's kept edits stay under their author's key; text in clear is sealed whoever wrote
        // it.
        static constexpr auto kOwnersOrClear =
            "author_id = '' OR author_id = ifnull((SELECT value FROM sync_state WHERE key = 'owner.id'), '') "
            "OR typeof(payload) = 'text'";
        ok = tx.isActive() &&
             resealTable(h, "tickets",
                         {{"customer_name", SealedField::CustomerName},
                          {"customer_phone", SealedField::CustomerPhone},
                          {"description", SealedField::FreeText}},
                         "1", from, to, &clear, &stepError) &&
             resealTable(h, "ticket_events", {{"text", SealedField::FreeText}}, "1", from, to, &clear,
                         &stepError) &&
             SearchIndex::rebuild(h, &stepError) && // every index again, with the new key's tokens
             resealTable(h, "parcels",
                         {{"origin_address", SealedField::OriginAddress},
                          {"destination_address", SealedField::DestinationAddress}},
                         "1", from, to, &clear, &stepError) &&
             resealTable(h, "tracking_events",
                         {{"place", SealedField::TrackingPlace}, {"text", SealedField::TrackingText}}, "1",
                         from, to, &clear, &stepError) &&
             resealTable(h, "outbox",
                         {{"payload", SealedField::OutboxPayload}, {"last_error", SealedField::OutboxError}},
                         kOwnersOrClear, from, to, &clear, &stepError) &&
             resealTable(h, "orphan_events", {{"data", SealedField::OrphanEvent}}, "1", from, to, &clear,
                         &stepError) &&
             (!hasAttachments || // a cache opened at an older schema (tests build them) has none
              (resealTable(h, "attachments",
                           {{"name", SealedField::AttachmentName},
                            {"last_error", SealedField::AttachmentError},
                            {"staged_key", SealedField::AttachmentKey}},
                           "1", from, to, &clear, &stepError) &&
               resealTable(h, "attachment_files", {{"file_key", SealedField::AttachmentKey}}, "1", from, to,
                           &clear, &stepError))) &&
             resealTable(
                 h, "ticket_conflicts",
                 {{"local_fields", SealedField::ConflictLocal}, {"server_copy", SealedField::ConflictServer}},
                 "1", from, to, &clear, &stepError) &&
             setCheck(h, to.check(), &stepError) && tx.commit(&stepError);
        if (!ok && error)
            *error = stepError.isEmpty() ? tx.error() : stepError;
    }
    queryInt(h, secureBefore == 1 ? "PRAGMA secure_delete = ON" : "PRAGMA secure_delete = OFF");
    if (ok && clear > 0 && to.encrypts()) {
        // Text in clear may survive in free space inside pages from long before (updates without
        // secure_delete): copying the database afresh leaves none of it.
        if (!execSql(h, "VACUUM", error))
            qCWarning(lcStore) << "the cache could not be vacuumed after sealing";
    }
    if (ok)
        execSql(h, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr);
    if (hadClear)
        *hadClear = clear > 0;
    return ok;
}

CacheCrypto::Outcome CacheCrypto::bind(const Database &db, const std::shared_ptr<const CacheCipher> &cipher,
                                       Unsealed, QString *message)
{
    const QString stored = storedCheck(db);
    if (!stored.isEmpty() && stored != cipher->check() &&
        stored != QLatin1StringView(CacheCipher::kPlainCheck))
        return Outcome::Locked;
    return bind(db, cipher, Foreign::Keep, message);
}

CacheCrypto::Outcome CacheCrypto::bind(const Database &db, const std::shared_ptr<const CacheCipher> &cipher,
                                       Foreign foreign, QString *message)
{
    if (!cipher) {
        if (message)
            *message = tr("No key for the local cache.");
        return Outcome::Failed;
    }
    CacheKeySlot &slot = db.keySlot();
    const auto current = slot.cipher();
    const QString stored = storedCheck(db);
    if (stored == cipher->check()) {
        slot.set(cipher);
        return Outcome::Ready;
    }
    const bool clear = stored.isEmpty() || stored == QLatin1StringView(CacheCipher::kPlainCheck);
    const bool held = current && current->check() == stored;
    if (!clear && !held) {
        if (foreign == Foreign::Keep)
            return Outcome::Locked;
        QString error;
        // The slot gets the new key first: the indexes are emptied with 'delete-all', which needs none.
        slot.set(cipher);
        if (!forget(db, &error) || !reseal(db, nullptr, *cipher, nullptr, &error)) {
            slot.set(current);
            if (message)
                *message = error;
            return Outcome::Failed;
        }
        qCInfo(lcStore) << "the cache was sealed under a key this computer no longer has: its customer data "
                           "was forgotten";
        if (message)
            *message = tr("The customer data kept on this computer was protected by a key that is no longer "
                          "in the keychain; it was removed and is being downloaded again.");
        return Outcome::Forgotten;
    }
    // Pages of the customer index are rebuilt with the new key: the slot must hold it during the rebuild.
    slot.set(cipher);
    QString error;
    bool hadClear = false;
    if (!reseal(db, held ? current.get() : nullptr, *cipher, &hadClear, &error)) {
        slot.set(current);
        if (message)
            *message = tr("The customer data in the local cache could not be protected: %1").arg(error);
        return Outcome::Failed;
    }
    if (hadClear)
        qCInfo(lcStore) << "customer fields written in clear were sealed"
                        << (cipher->encrypts() ? "" : "(encryption is turned off)");
    if (message && hadClear && cipher->encrypts())
        *message = tr("The customer data kept on this computer is now encrypted.");
    return Outcome::Sealed;
}

} // namespace pd
