#include "outboxrepository.h"

#include "cachecipher.h"
#include "database.h"
#include "sqlhelpers.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace pd {

namespace {

constexpr auto kOutboxColumns =
    "seq, idempotency_key, ticket_id, method, path, payload, base_version, attempts, "
    "next_attempt_at, last_error, created_at, author_id";

// The items the signed-in owner may see and send: theirs, and those queued before authors were recorded.
// The owner is read in the statement, so a sign-in that changes it (CacheOwner) needs no other step here.
constexpr auto kOwners = "(author_id = '' OR author_id = "
                         "ifnull((SELECT value FROM sync_state WHERE key = 'owner.id'), ''))";

// Payloads and reasons are sealed: a new ticket's payload names its customer, a reply may too.
OutboxItem readItem(const QSqlQuery &q, const CacheCipher &c)
{
    OutboxItem it;
    it.seq = q.value(0).toLongLong();
    it.idempotencyKey = q.value(1).toString();
    it.ticketId = q.value(2).toString();
    it.method = q.value(3).toString();
    it.path = q.value(4).toString();
    bool opened = true;
    it.payload =
        QJsonDocument::fromJson(c.open(q.value(5), SealedField::OutboxPayload, &opened).toUtf8()).object();
    it.unreadable = !opened;
    it.baseVersion = sql::optInt(q, 6);
    it.attempts = q.value(7).toInt();
    it.nextAttemptAt = q.value(8).toLongLong();
    it.lastError = c.open(q.value(9), SealedField::OutboxError);
    it.createdAt = q.value(10).toLongLong();
    it.authorId = q.value(11).toString();
    return it;
}

QList<OutboxItem> readAll(QSqlQuery &q, const Database &db)
{
    QList<OutboxItem> out;
    if (!sql::exec(q, nullptr))
        return out;
    const auto cipher = db.cipher();
    const CacheCipher &c = cipher ? *cipher : *CacheCipher::plain();
    while (q.next())
        out.append(readItem(q, c));
    return out;
}

} // namespace

OutboxRepository::OutboxRepository(const Database &db)
    : m_db(db)
{}

bool OutboxRepository::enqueue(OutboxItem &item, QString *error)
{
    const auto cipher = m_db.sealer(error);
    if (!cipher)
        return false;
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(
            q,
            QStringLiteral("INSERT INTO outbox(idempotency_key, ticket_id, method, path, payload, "
                           "base_version, next_attempt_at, created_at, author_id) VALUES (?, ?, ?, ?, ?, ?, "
                           "?, ?, coalesce(nullif(?, ''), (SELECT value FROM sync_state WHERE key = "
                           "'owner.id'), ''))"),
            error))
        return false;
    q.bindValue(0, item.idempotencyKey);
    q.bindValue(1, sql::textOrNull(item.ticketId));
    q.bindValue(2, item.method);
    q.bindValue(3, item.path);
    q.bindValue(4, cipher->seal(QString::fromUtf8(QJsonDocument(item.payload).toJson(QJsonDocument::Compact)),
                                SealedField::OutboxPayload));
    q.bindValue(5, sql::opt(item.baseVersion));
    q.bindValue(6, item.nextAttemptAt);
    q.bindValue(7, item.createdAt);
    q.bindValue(8, sql::text(item.authorId));
    if (!sql::exec(q, error))
        return false;
    item.seq = q.lastInsertId().toLongLong();
    if (const auto stored = this->item(item.seq))
        item.authorId = stored->authorId;
    return true;
}

QList<OutboxItem> OutboxRepository::ready(Instant now, int limit) const
{
    // The head of each ticket's queue (its lowest seq), if due; items without a ticket are independent. Each
    // author's edits form their own queue: another user's kept edit never holds the owner's back.
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(
            q,
            QStringLiteral(
                "SELECT %1 FROM outbox o WHERE next_attempt_at <= ? AND %2 AND (ticket_id IS NULL OR "
                "seq = (SELECT min(seq) FROM outbox h WHERE h.ticket_id = o.ticket_id AND "
                "h.author_id = o.author_id AND h.next_attempt_at < ?)) "
                "ORDER BY seq LIMIT ?")
                .arg(QLatin1StringView(kOutboxColumns), QLatin1StringView(kOwners)),
            nullptr))
        return {};
    q.bindValue(0, now);
    q.bindValue(1, kParked); // a parked item does not hold back the ticket's later edits
    q.bindValue(2, limit);
    return readAll(q, m_db);
}

QList<OutboxItem> OutboxRepository::all() const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      QStringLiteral("SELECT %1 FROM outbox WHERE %2 ORDER BY seq")
                          .arg(QLatin1StringView(kOutboxColumns), QLatin1StringView(kOwners)),
                      nullptr))
        return {};
    return readAll(q, m_db);
}

int OutboxRepository::count() const
{
    QSqlQuery q(m_db.connection());
    return sql::prepare(
               q, QStringLiteral("SELECT count(*) FROM outbox WHERE %1").arg(QLatin1StringView(kOwners)),
               nullptr) &&
                   sql::exec(q, nullptr) && q.next()
               ? q.value(0).toInt()
               : -1;
}

bool OutboxRepository::markFailed(qint64 seq, const QString &error, Instant nextAttemptAt, QString *dbError)
{
    const auto cipher = m_db.sealer(dbError);
    if (!cipher)
        return false;
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(
            q,
            QStringLiteral("UPDATE outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
                           "WHERE seq = ?"),
            dbError))
        return false;
    q.bindValue(0, cipher->seal(error, SealedField::OutboxError));
    q.bindValue(1, nextAttemptAt);
    q.bindValue(2, seq);
    return sql::exec(q, dbError);
}

std::optional<OutboxItem> OutboxRepository::item(qint64 seq) const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(
            q, QStringLiteral("SELECT %1 FROM outbox WHERE seq = ?").arg(QLatin1StringView(kOutboxColumns)),
            nullptr))
        return std::nullopt;
    q.bindValue(0, seq);
    const auto items = readAll(q, m_db);
    return items.isEmpty() ? std::nullopt : std::optional<OutboxItem>(items.first());
}

QList<OutboxItem> OutboxRepository::forTicket(const QString &ticketId) const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      QStringLiteral("SELECT %1 FROM outbox WHERE ticket_id = ? AND %2 ORDER BY seq")
                          .arg(QLatin1StringView(kOutboxColumns), QLatin1StringView(kOwners)),
                      nullptr))
        return {};
    q.bindValue(0, ticketId);
    return readAll(q, m_db);
}

QList<OutboxItem> OutboxRepository::parked() const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      QStringLiteral("SELECT %1 FROM outbox WHERE next_attempt_at = ? AND %2 ORDER BY seq")
                          .arg(QLatin1StringView(kOutboxColumns), QLatin1StringView(kOwners)),
                      nullptr))
        return {};
    q.bindValue(0, kParked);
    return readAll(q, m_db);
}

bool OutboxRepository::park(qint64 seq, const QString &reason, QString *error)
{
    return markFailed(seq, reason, kParked, error);
}

bool OutboxRepository::retryNow(Instant now, QString *error)
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      QStringLiteral("UPDATE outbox SET next_attempt_at = ? WHERE next_attempt_at > ? AND "
                                     "next_attempt_at < ? AND %1")
                          .arg(QLatin1StringView(kOwners)),
                      error))
        return false;
    q.bindValue(0, now);
    q.bindValue(1, now);
    q.bindValue(2, kParked);
    return sql::exec(q, error);
}

QList<OutboxItem> OutboxRepository::liveForTicket(const QString &ticketId) const
{
    QList<OutboxItem> out = forTicket(ticketId);
    out.removeIf([](const OutboxItem &item) { return item.nextAttemptAt == kParked; });
    return out;
}

bool OutboxRepository::rebasePatches(const QString &ticketId, qint64 from, qint64 to, QString *error)
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      QStringLiteral("UPDATE outbox SET base_version = ? WHERE ticket_id = ? AND method = "
                                     "'PATCH' AND base_version = ? AND next_attempt_at < ?"),
                      error))
        return false;
    q.bindValue(0, to);
    q.bindValue(1, ticketId);
    q.bindValue(2, from);
    q.bindValue(3, kParked);
    return sql::exec(q, error);
}

bool OutboxRepository::remove(qint64 seq, QString *error)
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, QStringLiteral("DELETE FROM outbox WHERE seq = ?"), error))
        return false;
    q.bindValue(0, seq);
    return sql::exec(q, error);
}

} // namespace pd
