#include "sqlhelpers.h"

#include <QLoggingCategory>
#include <QSqlError>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace pd::sql {

bool prepare(QSqlQuery &q, const QString &sql, QString *error)
{
    q.setForwardOnly(true);
    if (q.prepare(sql))
        return true;
    qCWarning(lcStore) << "prepare failed:" << q.lastError().text();
    if (error)
        *error = q.lastError().text();
    return false;
}

bool exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    qCWarning(lcStore) << "query failed:" << q.lastError().text();
    if (error)
        *error = q.lastError().text();
    return false;
}

} // namespace pd::sql
