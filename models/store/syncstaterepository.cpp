#include "syncstaterepository.h"

#include "database.h"
#include "sqlhelpers.h"

#include <QSqlQuery>

namespace pd {

SyncStateRepository::SyncStateRepository(const Database &db)
    : m_db(db)
{}

QString SyncStateRepository::value(const QString &key, const QString &fallback) const
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, QStringLiteral("SELECT value FROM sync_state WHERE key = ?"), nullptr))
        return fallback;
    q.bindValue(0, key);
    return sql::exec(q, nullptr) && q.next() ? q.value(0).toString() : fallback;
}

bool SyncStateRepository::setValue(const QString &key, const QString &value, QString *error)
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      QStringLiteral("INSERT INTO sync_state(key, value) VALUES (?, ?) "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
                      error))
        return false;
    q.bindValue(0, key);
    q.bindValue(1, sql::text(value)); // NOT NULL: a null QString is stored as ''
    return sql::exec(q, error);
}

bool SyncStateRepository::remove(const QString &key, QString *error)
{
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q, QStringLiteral("DELETE FROM sync_state WHERE key = ?"), error))
        return false;
    q.bindValue(0, key);
    return sql::exec(q, error);
}

} // namespace pd
