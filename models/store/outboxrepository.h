#pragma once

#include "models/domain/entities.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <limits>
#include <optional>

namespace pd {

class Database;

/// @brief One queued edit: sent in order per ticket, retried with back-off, never sent twice (idempotency
/// key).
struct OutboxItem
{
    qint64 seq = 0;
    QString idempotencyKey;
    QString ticketId;
    QString method; ///< POST, PATCH, PUT or DELETE
    QString path;   ///< e.g. /api/v1/tickets/{id}/events
    QJsonObject payload;
    std::optional<qint64> baseVersion; ///< sent as If-Match
    int attempts = 0;
    Instant nextAttemptAt = 0;
    QString lastError;
    Instant createdAt = 0;
    /// Who queued it (a user id); empty: the cache's owner (stamped by enqueue(), or an edit queued before
    /// authors were recorded).
    QString authorId;
    /// The payload was sealed under a key this session does not hold (docs/architecture.md, "Customer data
    /// at rest"): it cannot be sent; the sync engine parks it with the reason.
    bool unreadable = false;
};

/**
 * @brief The queue of edits made in the console and not yet accepted by the server.
 *
 * enqueue() belongs in the same transaction as the cache change it mirrors (see docs/architecture.md,
 * "Data flow"), so an edit is either both shown and queued, or neither.
 *
 * Every item carries its author. The reading functions (ready(), all(), count(), forTicket(), parked()) see
 * only the items of the cache's owner (CacheOwner: the signed-in user) and those queued before authors were
 * recorded: the unsent edits another user left on this PC are never sent, shown or counted under someone
 * else's session; they wait for their author (docs/architecture.md, "Sign-out and switching user").
 */
class OutboxRepository final
{
public:
    explicit OutboxRepository(const Database &db);

    /// @brief Queues @p item; an item without an author is stamped with the cache owner's id.
    bool enqueue(OutboxItem &item, QString *error = nullptr);
    /// @brief Items that may be sent now: per ticket and author only the oldest, and only once its back-off
    /// has passed; only the owner's.
    [[nodiscard]] QList<OutboxItem> ready(Instant now, int limit = 50) const;
    [[nodiscard]] QList<OutboxItem> all() const;
    [[nodiscard]] int count() const;
    [[nodiscard]] std::optional<OutboxItem> item(qint64 seq) const;
    [[nodiscard]] QList<OutboxItem> forTicket(const QString &ticketId) const;
    bool markFailed(qint64 seq, const QString &error, Instant nextAttemptAt, QString *dbError = nullptr);
    /// @brief Parks an item the server refused for good: it is never sent again, and keeps the reason.
    bool park(qint64 seq, const QString &reason, QString *error = nullptr);
    /// @brief The ticket's items that are still to be sent (not parked), oldest first.
    [[nodiscard]] QList<OutboxItem> liveForTicket(const QString &ticketId) const;
    /// @brief After the server took the ticket from version @p from to @p to with one of this console's
    /// edits, the ticket's queued PATCHes made on @p from build on @p to (no other change in between).
    bool rebasePatches(const QString &ticketId, qint64 from, qint64 to, QString *error = nullptr);
    bool remove(qint64 seq, QString *error = nullptr);
    /// @brief Items parked by park(): refused by the server, waiting for a person.
    [[nodiscard]] QList<OutboxItem> parked() const;
    /// @brief The owner's items waiting for a back-off become due at @p now (sign-out tries them once more).
    bool retryNow(Instant now, QString *error = nullptr);

    static constexpr Instant kParked = std::numeric_limits<Instant>::max();

private:
    const Database &m_db;
};

} // namespace pd
