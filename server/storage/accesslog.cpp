#include "accesslog.h"

#include "models/domain/entities.h"
#include "models/domain/validation.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSqlQuery>

namespace pd::server {

namespace {
constexpr int kShortHash = 16;

QString normalizedPhone(const QString &phone)
{
    const PhoneCheck p = Validation::checkPhone(phone);
    return p.valid ? p.normalized : Validation::normalizeIdentifier(phone);
}
} // namespace

QJsonObject AccessEntry::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id},           {QStringLiteral("at"), instantToIso(atMs)},
        {QStringLiteral("user_id"), userId},  {QStringLiteral("login"), login},
        {QStringLiteral("role"), role},       {QStringLiteral("team_id"), teamId},
        {QStringLiteral("kind"), kind},       {QStringLiteral("ticket_id"), ticketId},
        {QStringLiteral("field"), field},     {QStringLiteral("reason"), reason},
        {QStringLiteral("note"), note},       {QStringLiteral("customer_ref"), customerHash.left(kShortHash)},
        {QStringLiteral("records"), records}, {QStringLiteral("detail"), detail}};
}

QByteArray AccessLog::key()
{
    if (!m_key.isEmpty())
        return m_key;
    QSqlQuery q = m_db.run(QStringLiteral("SELECT value FROM meta WHERE key = ?"),
                           {QStringLiteral("customer_hash_key")});
    if (q.next())
        m_key = QByteArray::fromBase64(q.value(0).toString().toLatin1());
    q.finish();
    if (m_key.isEmpty()) {
        // Made by the migration; made here only if someone removed it (older hashes then stop matching).
        QByteArray fresh(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(fresh.data()), fresh.size() / 4);
        m_db.run(QStringLiteral("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO NOTHING"),
                 {QStringLiteral("customer_hash_key"), QString::fromLatin1(fresh.toBase64())});
        return key();
    }
    return m_key;
}

QString AccessLog::customerHash(const QString &phone)
{
    const QString normalized = normalizedPhone(phone);
    if (normalized.isEmpty())
        return {};
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(normalized.toUtf8(), key(), QCryptographicHash::Sha256).toHex());
}

void AccessLog::append(WriteTx &tx, const AccessEntry &e)
{
    tx.db().run(
        QStringLiteral("INSERT INTO access_log(at_ms, user_id, login, role, team_id, kind, ticket_id, "
                       "field, reason, note, customer_hash, records, detail) "
                       "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {e.atMs, e.userId, e.login, e.role, e.teamId, e.kind, e.ticketId, e.field, e.reason, e.note,
         e.customerHash, e.records, e.detail});
}

QList<AccessEntry> AccessLog::search(const AccessQuery &query, bool *hasMore)
{
    QString sql = QStringLiteral("SELECT id, at_ms, user_id, login, role, team_id, kind, ticket_id, field, "
                                 "reason, note, customer_hash, records, detail FROM access_log WHERE 1 = 1");
    QVariantList binds;
    if (!query.user.isEmpty()) {
        sql += QStringLiteral(" AND (user_id = ? OR login = ?)");
        binds << query.user << query.user;
    }
    if (!query.customerHash.isEmpty()) {
        sql += QStringLiteral(" AND customer_hash = ?");
        binds << query.customerHash;
    }
    if (!query.kind.isEmpty()) {
        sql += QStringLiteral(" AND kind = ?");
        binds << query.kind;
    }
    if (query.fromMs > 0) {
        sql += QStringLiteral(" AND at_ms >= ?");
        binds << query.fromMs;
    }
    if (query.toMs > 0) {
        sql += QStringLiteral(" AND at_ms < ?");
        binds << query.toMs;
    }
    if (query.beforeId > 0) {
        sql += QStringLiteral(" AND id < ?");
        binds << query.beforeId;
    }
    sql += QStringLiteral(" ORDER BY id DESC LIMIT ?");
    binds << query.limit + 1;
    QSqlQuery q = m_db.run(sql, binds);
    QList<AccessEntry> out;
    bool more = false;
    while (q.next()) {
        if (out.size() == query.limit) {
            more = true;
            break;
        }
        AccessEntry e;
        e.id = q.value(0).toLongLong();
        e.atMs = q.value(1).toLongLong();
        e.userId = q.value(2).toString();
        e.login = q.value(3).toString();
        e.role = q.value(4).toString();
        e.teamId = q.value(5).toString();
        e.kind = q.value(6).toString();
        e.ticketId = q.value(7).toString();
        e.field = q.value(8).toString();
        e.reason = q.value(9).toString();
        e.note = q.value(10).toString();
        e.customerHash = q.value(11).toString();
        e.records = q.value(12).toLongLong();
        e.detail = q.value(13).toString();
        out.append(e);
    }
    if (hasMore)
        *hasMore = more;
    return out;
}

int AccessLog::distinctRevealed(const QString &userId, qint64 sinceMs)
{
    QSqlQuery q =
        m_db.run(QStringLiteral("SELECT COUNT(DISTINCT CASE WHEN customer_hash <> '' THEN customer_hash "
                                "ELSE 'ticket:' || ticket_id END) FROM access_log "
                                "WHERE user_id = ? AND kind = 'reveal' AND at_ms >= ?"),
                 {userId, sinceMs});
    return q.next() ? q.value(0).toInt() : 0;
}

bool AccessLog::hasEntry(const QString &userId, const QString &kind, qint64 sinceMs)
{
    QSqlQuery q = m_db.run(
        QStringLiteral("SELECT 1 FROM access_log WHERE user_id = ? AND kind = ? AND at_ms >= ? LIMIT 1"),
        {userId, kind, sinceMs});
    return q.next();
}

} // namespace pd::server
