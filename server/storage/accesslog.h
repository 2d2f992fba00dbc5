#pragma once

#include "database.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace pd::server {

/// @brief One entry of the access log: who looked at or took out customer data, when, why.
struct AccessEntry
{
    qint64 id = 0;
    qint64 atMs = 0; ///< server clock
    QString userId;
    QString login;
    QString role;
    QString teamId;
    QString kind;     ///< reveal, customer_export, report_generated, …, reveal_alert, retention, erasure
    QString ticketId; ///< reveals
    QString field;    ///< reveals: phone, name, address
    QString reason;   ///< reveals: callback, compensation, courier_contact, other
    QString note;
    QString customerHash; ///< keyed hash (HMAC-SHA256, hex) of the customer's phone; empty when none
    qint64 records = 0;   ///< exports, bulk lookups, retention, erasure: how many records
    QString detail;

    /// @brief The API form; the hash is shortened to "customer_ref" (16 hex digits).
    [[nodiscard]] QJsonObject toJson() const;
};

/// @brief A search of the access log (every field optional), newest first, keyset-paged by id.
struct AccessQuery
{
    QString user;         ///< user id or login
    QString customerHash; ///< from AccessLog::customerHash of a phone number
    QString kind;
    qint64 fromMs = 0;   ///< inclusive; 0 = no bound
    qint64 toMs = 0;     ///< exclusive; 0 = no bound
    qint64 beforeId = 0; ///< entries with id below this (the next page); 0 = from the newest
    int limit = 100;
};

/**
 * @brief The append-only access log (table access_log): reveals, exports with customer data, report
 * generation, bulk lookups, alerts, retention and erasure runs.
 *
 * Phone numbers are never stored: entries carry HMAC-SHA256(phone) under a key kept in meta
 * (customer_hash_key, 256 random bits made at the migration), so the log can be searched by phone but does
 * not hold one. The code has no UPDATE or DELETE of the table and the database refuses them (triggers).
 */
class AccessLog final
{
public:
    explicit AccessLog(Database &db)
        : m_db(db)
    {}

    /// @brief The keyed hash (hex) of a phone number, normalized first (so any spelling finds the same
    /// entries); empty for an empty number.
    [[nodiscard]] QString customerHash(const QString &phone);
    void append(WriteTx &tx, const AccessEntry &entry);
    /// @brief Matching entries, newest first; @p hasMore says whether older ones match too.
    [[nodiscard]] QList<AccessEntry> search(const AccessQuery &query, bool *hasMore = nullptr);
    /// @brief How many distinct customers (phone hash, or ticket when there is no phone) @p userId revealed
    /// since @p sinceMs.
    [[nodiscard]] int distinctRevealed(const QString &userId, qint64 sinceMs);
    /// @brief Whether an entry of @p kind about @p userId exists since @p sinceMs.
    [[nodiscard]] bool hasEntry(const QString &userId, const QString &kind, qint64 sinceMs);

private:
    [[nodiscard]] QByteArray key();

    Database &m_db;
    QByteArray m_key;
};

} // namespace pd::server
