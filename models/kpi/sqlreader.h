#pragma once

#include "kpifacts.h"

#include <QByteArray>
#include <QString>

#include <sqlite3.h>

#include <string_view>

namespace pd {

/// @brief A prepared read statement on the raw handle: column reads without a QVariant per value, for the
/// KPI scans over a million rows. Values are only ever bound.
class SqlReader final
{
public:
    SqlReader(sqlite3 *db, const QByteArray &sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v2(db, sql.constData(), int(sql.size()), &m_stmt, nullptr) != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
            m_stmt = nullptr;
        }
    }
    ~SqlReader() { sqlite3_finalize(m_stmt); }
    SqlReader(const SqlReader &) = delete;
    SqlReader &operator=(const SqlReader &) = delete;

    [[nodiscard]] bool ok() const { return m_stmt != nullptr; }
    [[nodiscard]] const QString &error() const { return m_error; }
    void bind(int i, qint64 v) { sqlite3_bind_int64(m_stmt, i, v); }
    void bind(int i, const QString &v)
    {
        const QByteArray u = v.toUtf8();
        sqlite3_bind_text(m_stmt, i, u.constData(), int(u.size()), SQLITE_TRANSIENT);
    }
    /// true: a row is ready; false: done or error (see failed()).
    bool next()
    {
        const int rc = sqlite3_step(m_stmt);
        if (rc == SQLITE_ROW)
            return true;
        if (rc != SQLITE_DONE)
            m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    [[nodiscard]] bool failed() const { return !m_error.isEmpty(); }
    [[nodiscard]] qint64 integer(int c) const { return sqlite3_column_int64(m_stmt, c); }
    [[nodiscard]] qint64 instant(int c) const
    {
        return sqlite3_column_type(m_stmt, c) == SQLITE_NULL ? kNoInstant : sqlite3_column_int64(m_stmt, c);
    }
    [[nodiscard]] std::string_view text(int c) const
    {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, c));
        return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(m_stmt, c))) : std::string_view();
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_error;
};

} // namespace pd
