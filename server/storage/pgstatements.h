#pragma once

#include <QByteArrayList>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>

#include <functional>
#include <unordered_map>

struct pg_result;

namespace pd::server {

/// @brief A row a bulk statement returned (RETURNING), read from Qt's driver or from libpq.
class BulkRow
{
public:
    explicit BulkRow(const QSqlQuery &q)
        : m_query(&q)
    {}
    BulkRow(const pg_result *result, int row)
        : m_result(result)
        , m_row(row)
    {}
    [[nodiscard]] QString text(int column) const;
    [[nodiscard]] qint64 integer(int column) const;
    /// @brief The value's bytes as libpq holds them (UTF-8 text), valid during the row callback; rows read
    /// with libpq only.
    [[nodiscard]] QByteArrayView bytes(int column) const;

private:
    const QSqlQuery *m_query = nullptr;
    const pg_result *m_result = nullptr;
    int m_row = 0;
};

using BulkRowFn = std::function<void(const BulkRow &)>;

/**
 * @brief Statements run with libpq on the session under Qt's PostgreSQL driver (docs/server.md, "Storage").
 *
 * Qt's driver sends a prepared statement's values as the literals of an EXECUTE statement: it formats and
 * escapes each value into one SQL text, and PostgreSQL parses it again. For the bulk writes, whose values are
 * arrays of thousands of rows (megabytes), this class prepares the statement once per session with libpq and
 * sends the values as parameters, as they are. It runs on the driver's own connection, so inside the
 * transaction the driver began; libpq's synchronous calls first drop any result the driver left unread, as
 * the driver itself does before each statement.
 */
class PgStatements final
{
public:
    /**
     * @brief Runs @p sql (placeholders $1 … $n) with @p params as binary values (each in its type's binary
     * format, as BulkRows::arrays() makes them) on @p db's session, prepared on first use; calls @p row for
     * each row returned. Returns the error, or an invalid QSqlError.
     */
    QSqlError run(const QSqlDatabase &db, const QString &sql, const QByteArrayList &params,
                  const BulkRowFn &row);
    /**
     * @brief Runs the read @p sql (placeholders $1 … $n) with @p params as text values on @p db's session,
     * planned for these values (not prepared: a plan kept for any values can be far worse for some, as for
     * the map's key ranges); calls @p row for each row. Returns the error, or an invalid QSqlError.
     */
    static QSqlError query(const QSqlDatabase &db, const QString &sql, const QByteArrayList &params,
                           const BulkRowFn &row);
    /// @brief Statements prepared in this session.
    [[nodiscard]] qsizetype count() const { return qsizetype(m_names.size()); }
    /// @brief Forgets the prepared statements (the session is gone: a reconnection).
    void clear() { m_names.clear(); }

private:
    std::unordered_map<QString, QByteArray> m_names; ///< statement text → prepared name in this session
    int m_count = 0;
};

} // namespace pd::server
