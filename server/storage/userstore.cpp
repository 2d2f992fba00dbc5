#include "userstore.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace pd::server {

std::optional<User> UserStore::user(const QString &id)
{
    const auto doc = m_docs.get(DocType::User, id);
    if (!doc || doc->deleted)
        return std::nullopt;
    return User::fromJson(QJsonDocument::fromJson(doc->data).object());
}

std::optional<User> UserStore::userByLogin(const QString &login)
{
    const auto c = credentials(login);
    return c ? user(c->userId) : std::nullopt;
}

std::optional<Credentials> UserStore::credentials(const QString &login)
{
    QSqlQuery q = m_docs.db().run(QStringLiteral("SELECT user_id, login, hash, salt, iterations, disabled "
                                                 "FROM credentials WHERE login = ?"),
                                  {login});
    if (!q.next())
        return std::nullopt;
    return Credentials{q.value(0).toString(),
                       q.value(1).toString(),
                       q.value(2).toString().toLatin1(),
                       q.value(3).toString().toLatin1(),
                       q.value(4).toInt(),
                       q.value(5).toInt() != 0};
}

void UserStore::putUser(WriteTx &tx, User &user, qint64 nowMs)
{
    const auto existing = m_docs.get(DocType::User, user.id);
    user.version = existing ? existing->version + 1 : 1;
    Doc d;
    d.type = DocType::User;
    d.id = user.id;
    d.version = user.version;
    d.teamId = user.teamId;
    d.status = user.disabled ? QStringLiteral("disabled") : QStringLiteral("active");
    d.updatedMs = nowMs;
    d.data = QJsonDocument(user.toJson()).toJson(QJsonDocument::Compact);
    m_docs.put(tx, d);
}

void UserStore::putCredentials(WriteTx &tx, const Credentials &c)
{
    tx.db().run(
        QStringLiteral("INSERT INTO credentials(user_id, login, hash, salt, iterations, disabled) "
                       "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET login = excluded.login, "
                       "hash = excluded.hash, salt = excluded.salt, iterations = excluded.iterations, "
                       "disabled = excluded.disabled"),
        {c.userId, c.login, QString::fromLatin1(c.hashHex), QString::fromLatin1(c.saltHex), c.iterations,
         c.disabled ? 1 : 0});
}

void UserStore::setDisabled(WriteTx &tx, const QString &userId, bool disabled)
{
    tx.db().run(QStringLiteral("UPDATE credentials SET disabled = ? WHERE user_id = ?"),
                {disabled ? 1 : 0, userId});
}

void UserStore::insertToken(const QByteArray &hashHex, const StoredToken &t)
{
    m_docs.db().run(QStringLiteral("INSERT INTO tokens(token_hash, user_id, kind, family, expires_ms) "
                                   "VALUES(?, ?, ?, ?, ?)"),
                    {QString::fromLatin1(hashHex), t.userId, t.kind, t.family, t.expiresMs});
}

std::optional<StoredToken> UserStore::token(const QByteArray &hashHex)
{
    QSqlQuery q = m_docs.db().run(
        QStringLiteral("SELECT user_id, kind, family, expires_ms FROM tokens WHERE token_hash = ?"),
        {QString::fromLatin1(hashHex)});
    if (!q.next())
        return std::nullopt;
    return StoredToken{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
                       q.value(3).toLongLong()};
}

void UserStore::deleteToken(const QByteArray &hashHex)
{
    m_docs.db().run(QStringLiteral("DELETE FROM tokens WHERE token_hash = ?"),
                    {QString::fromLatin1(hashHex)});
}

bool UserStore::spendRefreshToken(const QByteArray &hashHex)
{
    QSqlQuery q = m_docs.db().run(
        QStringLiteral("UPDATE tokens SET kind = 'refresh_used' WHERE token_hash = ? AND kind = 'refresh'"),
        {QString::fromLatin1(hashHex)});
    return q.numRowsAffected() == 1;
}

void UserStore::deleteFamily(const QString &family)
{
    m_docs.db().run(QStringLiteral("DELETE FROM tokens WHERE family = ?"), {family});
}

void UserStore::deleteUserTokens(const QString &userId)
{
    m_docs.db().run(QStringLiteral("DELETE FROM tokens WHERE user_id = ?"), {userId});
}

void UserStore::purgeExpired(qint64 nowMs)
{
    m_docs.db().run(QStringLiteral("DELETE FROM tokens WHERE expires_ms < ?"), {nowMs});
}

} // namespace pd::server
