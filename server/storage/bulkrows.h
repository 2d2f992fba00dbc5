#pragma once

#include <QByteArrayList>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace pd::server {

/**
 * @brief A multi-row INSERT as Database::insertRows() writes it (docs/server.md, "Storage").
 *
 * On SQLite the rows are VALUES lists of placeholders (`into VALUES (?, ?, …), … tail`). On PostgreSQL they
 * are one array per column, `into SELECT * FROM unnest(CAST($1 AS text[]), …) tail`: one statement of as
 * many parameters as columns, whatever the number of rows, run with libpq (PgStatements), each array sent
 * as one binary parameter.
 */
struct BulkRows
{
    QString into;      ///< "INSERT INTO t(a, b, c)"
    QStringList types; ///< the PostgreSQL type of each bound column, in order: "text", "bigint", "float8"
    QString constants; ///< constant values after the bound ones in every row (", 1"), or empty
    QString tail;      ///< " ON CONFLICT(…) DO …", " RETURNING …", or empty
    /// The leading columns that are the conflict key: a row whose key is already in the statement starts
    /// the next one (PostgreSQL refuses to change one row twice in a statement); 0 when keys never repeat.
    qsizetype keyColumns = 0;

    [[nodiscard]] qsizetype columns() const { return types.size(); }
    /// @brief The SQLite statement for @p rows rows.
    [[nodiscard]] QString valuesSql(qsizetype rows) const;
    /// @brief The PostgreSQL statement (any number of rows; placeholders $1 … $n).
    [[nodiscard]] QString unnestSql() const;
    /**
     * @brief The bound values of rows [@p first, @p first + @p count) of @p binds as PostgreSQL arrays in
     * binary format (array_send's: no quoting to write, none for PostgreSQL to parse), one per column (NULL
     * elements for null values; text as UTF-8, a QByteArray's bytes as they are). @p count > 0.
     */
    [[nodiscard]] QByteArrayList arrays(const QVariantList &binds, qsizetype first, qsizetype count) const;
};

/// @brief A PostgreSQL text[] literal of @p values: each element quoted, `"` and `\` escaped.
[[nodiscard]] QString pgTextArray(const QStringList &values);

} // namespace pd::server
