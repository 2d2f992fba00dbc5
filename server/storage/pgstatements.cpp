#include "pgstatements.h"

#include <QSqlDriver>
#include <QVariant>

#include <libpq-fe.h>

#include <memory>
#include <vector>

namespace pd::server {

namespace {

struct ResultDeleter
{
    void operator()(PGresult *r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

/// @brief The error of @p r (a null result: the connection failed), as Qt's driver reports it.
QSqlError errorOf(PGconn *conn, const PGresult *r, const QString &what)
{
    const ExecStatusType status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        return {};
    const char *state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    return QSqlError(QStringLiteral("QPSQL: ") + what, QString::fromUtf8(PQerrorMessage(conn)),
                     QSqlError::StatementError, state ? QString::fromLatin1(state) : QString());
}

/// @brief The libpq connection under Qt's driver, or nullptr with the reason in @p error.
PGconn *connectionOf(const QSqlDatabase &db, QSqlError *error)
{
    const QVariant handle = db.driver() ? db.driver()->handle() : QVariant();
    // Qt 6 names the type after the struct ("pg_conn*"); Qt 5 and the documentation say "PGconn*".
    if (!handle.isValid() ||
        (qstrcmp(handle.typeName(), "pg_conn*") != 0 && qstrcmp(handle.typeName(), "PGconn*") != 0)) {
        *error = QSqlError(
            QStringLiteral("QPSQL: no libpq connection (%1)").arg(QLatin1StringView(handle.typeName())), {},
            QSqlError::ConnectionError);
        return nullptr;
    }
    return *static_cast<PGconn *const *>(handle.constData());
}

/// @brief libpq's values and lengths of @p params (a null QByteArray is SQL NULL).
struct ParamArrays
{
    explicit ParamArrays(const QByteArrayList &params)
    {
        values.reserve(params.size());
        lengths.reserve(params.size());
        for (const QByteArray &p : params) {
            values.push_back(p.isNull() ? nullptr : p.constData());
            lengths.push_back(int(p.size()));
        }
    }
    std::vector<const char *> values;
    std::vector<int> lengths;
};

/// @brief The error of @p result, or none after calling @p row for each of its rows.
QSqlError rowsOf(PGconn *conn, const Result &result, const BulkRowFn &row)
{
    if (const QSqlError e = errorOf(conn, result.get(), QStringLiteral("statement failed")); e.isValid())
        return e;
    if (row && PQresultStatus(result.get()) == PGRES_TUPLES_OK) {
        for (int i = 0, n = PQntuples(result.get()); i < n; ++i)
            row(BulkRow(result.get(), i));
    }
    return {};
}

} // namespace

QByteArrayView BulkRow::bytes(int column) const
{
    Q_ASSERT(m_result);
    return {PQgetvalue(m_result, m_row, column), qsizetype(PQgetlength(m_result, m_row, column))};
}

QString BulkRow::text(int column) const
{
    if (m_query)
        return m_query->value(column).toString();
    return QString::fromUtf8(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column));
}

qint64 BulkRow::integer(int column) const
{
    if (m_query)
        return m_query->value(column).toLongLong();
    return QByteArray::fromRawData(PQgetvalue(m_result, m_row, column), PQgetlength(m_result, m_row, column))
        .toLongLong();
}

QSqlError PgStatements::run(const QSqlDatabase &db, const QString &sql, const QByteArrayList &params,
                            const BulkRowFn &row)
{
    QSqlError error;
    PGconn *conn = connectionOf(db, &error);
    if (!conn)
        return error;
    auto it = m_names.find(sql);
    if (it == m_names.end()) {
        const QByteArray name = "pd_bulk_" + QByteArray::number(++m_count);
        const Result prepared(
            PQprepare(conn, name.constData(), sql.toUtf8().constData(), int(params.size()), nullptr));
        if (const QSqlError e = errorOf(conn, prepared.get(), QStringLiteral("prepare failed")); e.isValid())
            return e;
        it = m_names.emplace(sql, name).first;
    }
    const ParamArrays p(params);
    const std::vector<int> binary(params.size(), 1);
    return rowsOf(conn,
                  Result(PQexecPrepared(conn, it->second.constData(), int(params.size()), p.values.data(),
                                        p.lengths.data(), binary.data(), 0)),
                  row);
}

QSqlError PgStatements::query(const QSqlDatabase &db, const QString &sql, const QByteArrayList &params,
                              const BulkRowFn &row)
{
    QSqlError error;
    PGconn *conn = connectionOf(db, &error);
    if (!conn)
        return error;
    const ParamArrays p(params);
    return rowsOf(conn,
                  Result(PQexecParams(conn, sql.toUtf8().constData(), int(params.size()), nullptr,
                                      p.values.data(), p.lengths.data(), nullptr, 0)),
                  row);
}

} // namespace pd::server
