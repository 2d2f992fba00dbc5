#include "keyaccountstore.h"

#include "models/domain/masking.h"

#include <QSqlQuery>

namespace pd::server {

bool KeyAccountStore::isKeyAccount(const QString &phone)
{
    if (phone.isEmpty())
        return false;
    const QString key = phoneKey(phone);
    if (key.isEmpty())
        return false;
    QSqlQuery q = m_db.run(QStringLiteral("SELECT 1 FROM key_accounts WHERE phone_key = ?"), {key});
    return q.next();
}

bool KeyAccountStore::put(WriteTx &, const QString &phone, const QString &label, qint64 nowMs,
                          const QString &by)
{
    const QString key = phoneKey(phone);
    const bool existed = isKeyAccount(phone);
    if (existed) {
        m_db.run(QStringLiteral("UPDATE key_accounts SET label = ?, updated_by = ? WHERE phone_key = ?"),
                 {label, by, key});
    } else {
        m_db.run(
            QStringLiteral("INSERT INTO key_accounts(phone_key, phone_masked, label, since_ms, updated_by)"
                           " VALUES(?, ?, ?, ?, ?)"),
            {key, Masking::maskPhone(phone), label, nowMs, by});
    }
    return !existed;
}

bool KeyAccountStore::remove(WriteTx &, const QString &phone)
{
    if (!isKeyAccount(phone))
        return false;
    m_db.run(QStringLiteral("DELETE FROM key_accounts WHERE phone_key = ?"), {phoneKey(phone)});
    return true;
}

QList<KeyAccount> KeyAccountStore::list()
{
    QSqlQuery q = m_db.run(QStringLiteral("SELECT phone_key, phone_masked, label, since_ms FROM key_accounts"
                                          " ORDER BY since_ms, phone_key"));
    QList<KeyAccount> out;
    while (q.next())
        out.append(
            {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toLongLong()});
    return out;
}

} // namespace pd::server
