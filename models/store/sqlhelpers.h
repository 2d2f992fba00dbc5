#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <optional>

namespace pd::sql {

/// @brief A bound NULL for an unset optional, the value otherwise.
template<typename T>
QVariant opt(const std::optional<T> &v)
{
    return v ? QVariant::fromValue(*v) : QVariant();
}

/// @brief A bound NULL for an empty string (ids that may be unset), the text otherwise.
inline QVariant textOrNull(const QString &s)
{
    return s.isEmpty() ? QVariant() : QVariant(s);
}

/// @brief Text for a NOT NULL column: a null QString binds as SQL NULL, so it becomes ''.
inline QVariant text(const QString &s)
{
    return s.isNull() ? QVariant(QString::fromLatin1("", 0)) : QVariant(s);
}

inline std::optional<qint64> optInt(const QSqlQuery &q, int column)
{
    const QVariant v = q.value(column);
    return v.isNull() ? std::nullopt : std::optional<qint64>(v.toLongLong());
}

inline std::optional<double> optReal(const QSqlQuery &q, int column)
{
    const QVariant v = q.value(column);
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

/// @brief Prepares @p sql, reporting the driver's message on failure.
bool prepare(QSqlQuery &q, const QString &sql, QString *error);
/// @brief Executes a prepared query, reporting the driver's message on failure.
bool exec(QSqlQuery &q, QString *error);

} // namespace pd::sql
