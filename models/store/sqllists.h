#pragma once

#include "models/domain/entities.h"
#include "models/store/database.h"
#include "models/store/sqlhelpers.h"

#include <QList>
#include <QSqlQuery>
#include <QVariant>
#include <QVariantList>

#include <optional>

/// @file
/// @brief What the simple repositories (ParcelRepository, DirectoryRepository) share: one prepared statement
/// run over a list in one transaction, a list read, and a position as two nullable columns.

namespace pd::sql {

inline QVariant latOf(const std::optional<GeoPoint> &p)
{
    return p ? QVariant(p->lat) : QVariant();
}

inline QVariant lonOf(const std::optional<GeoPoint> &p)
{
    return p ? QVariant(p->lon) : QVariant();
}

/// @brief The position in columns @p latColumn and the one after it; none unless both are set.
inline std::optional<GeoPoint> geoAt(const QSqlQuery &q, int latColumn)
{
    const auto lat = optReal(q, latColumn);
    const auto lon = optReal(q, latColumn + 1);
    return lat && lon ? std::optional<GeoPoint>(GeoPoint{*lat, *lon}) : std::nullopt;
}

/// @brief Runs one prepared statement over a list inside one transaction; @p bind fills the statement for a
/// row.
template<typename T, typename Bind>
bool bulkWrite(const Database &db, const char *sqlText, const QList<T> &rows, QString *error, Bind &&bind)
{
    Transaction tx(db);
    if (!tx.isActive())
        return tx.commit(error);
    QSqlQuery q(db.connection());
    if (!prepare(q, QString::fromLatin1(sqlText), error))
        return false;
    for (const T &row : rows) {
        bind(q, row);
        if (!exec(q, error))
            return false;
    }
    return tx.commit(error);
}

/// @brief The rows of @p sqlText (positional @p binds), each turned into a T by @p read; empty on failure.
template<typename T, typename Read>
QList<T> readList(const Database &db, const char *sqlText, Read &&read, const QVariantList &binds = {})
{
    QList<T> out;
    QSqlQuery q(db.connection());
    if (!prepare(q, QString::fromLatin1(sqlText), nullptr))
        return out;
    int i = 0;
    for (const QVariant &v : binds)
        q.bindValue(i++, v);
    if (!exec(q, nullptr))
        return out;
    while (q.next())
        out.append(read(q));
    return out;
}

} // namespace pd::sql
