#include "rawstatement.h"

#include <sqlite3.h>

namespace pd {

RawStatement::RawStatement(sqlite3 *db, const char *sql)
    : m_db(db)
{
    if (sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr) != SQLITE_OK)
        m_stmt = nullptr;
}

RawStatement::~RawStatement()
{
    sqlite3_finalize(m_stmt);
}

void RawStatement::text(int i, const QString &value, bool nullWhenEmpty)
{
    if (nullWhenEmpty && value.isEmpty()) {
        sqlite3_bind_null(m_stmt, i);
        return;
    }
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, i, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
}

void RawStatement::integer(int i, qint64 value)
{
    sqlite3_bind_int64(m_stmt, i, value);
}

void RawStatement::optInteger(int i, std::optional<qint64> value)
{
    if (value)
        sqlite3_bind_int64(m_stmt, i, *value);
    else
        sqlite3_bind_null(m_stmt, i);
}

void RawStatement::null(int i)
{
    sqlite3_bind_null(m_stmt, i);
}

void RawStatement::value(int i, const QVariant &value)
{
    if (value.typeId() == QMetaType::QByteArray) {
        const QByteArray bytes = value.toByteArray();
        sqlite3_bind_blob(m_stmt, i, bytes.constData(), int(bytes.size()), SQLITE_TRANSIENT);
    } else if (value.isNull()) {
        sqlite3_bind_null(m_stmt, i);
    } else {
        text(i, value.toString());
    }
}

bool RawStatement::step(QString *error)
{
    const int rc = sqlite3_step(m_stmt);
    sqlite3_reset(m_stmt);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW)
        return true;
    if (error)
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

} // namespace pd
