#pragma once

#include <QString>
#include <QVariant>

#include <optional>

struct sqlite3;
struct sqlite3_stmt;

namespace pd {

/**
 * @brief A prepared statement on the raw sqlite3 handle, for the bulk writes of the cache.
 *
 * Qt Sql binds through QVariant; for the change feed's pages of thousands of rows that costs more than
 * SQLite's own work on some columns, so the bulk upserts bind directly (bench/store compares both paths).
 * Values are still only ever bound, never spliced into the SQL.
 */
class RawStatement final
{
public:
    RawStatement(sqlite3 *db, const char *sql);
    ~RawStatement();
    RawStatement(const RawStatement &) = delete;
    RawStatement &operator=(const RawStatement &) = delete;

    [[nodiscard]] bool ok() const { return m_stmt != nullptr; }
    /// @brief Binds are 1-based, as in SQLite.
    void text(int i, const QString &value, bool nullWhenEmpty = false);
    void integer(int i, qint64 value);
    void optInteger(int i, std::optional<qint64> value);
    void null(int i);
    /// @brief A QString binds as text, a QByteArray as a blob (a sealed value, CacheCipher::seal).
    void value(int i, const QVariant &value);
    /// @brief Runs the statement with the current binds and resets it; false and SQLite's message on error.
    bool step(QString *error);

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

} // namespace pd
