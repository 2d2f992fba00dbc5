#include "compensationstore.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
const QString kColumns = u"id, ticket_id, team_id, category, station_id, state, amount_fen, proposed_fen, "
                         "explanation, reason, requested_by, requested_ms, decided_by, decided_ms, "
                         "decision_reason, paid_ms"_s;

CompensationRow readRow(const QSqlQuery &q)
{
    CompensationRow r;
    r.id = q.value(0).toString();
    r.ticketId = q.value(1).toString();
    r.teamId = q.value(2).toString();
    r.category = q.value(3).toString();
    r.stationId = q.value(4).toString();
    r.state = q.value(5).toString();
    r.amountFen = q.value(6).toLongLong();
    if (!q.value(7).isNull())
        r.proposedFen = q.value(7).toLongLong();
    r.explanation = q.value(8).toString();
    r.reason = q.value(9).toString();
    r.requestedBy = q.value(10).toString();
    r.requestedMs = q.value(11).toLongLong();
    r.decidedBy = q.value(12).toString();
    r.decidedMs = q.value(13).toLongLong();
    r.decisionReason = q.value(14).toString();
    r.paidMs = q.value(15).toLongLong();
    return r;
}

/// Bounds of a requested_ms range as SQL with its binds (values bound, never spliced).
QString rangeSql(qint64 fromMs, qint64 toMs, QVariantList &binds)
{
    QString sql;
    if (fromMs > 0) {
        sql += u" AND requested_ms >= ?"_s;
        binds.append(fromMs);
    }
    if (toMs > 0) {
        sql += u" AND requested_ms < ?"_s;
        binds.append(toMs);
    }
    return sql;
}
} // namespace

std::optional<StoredCompensationPolicy> CompensationStore::policy()
{
    QSqlQuery q =
        m_db.run(u"SELECT data, version, updated_ms, updated_by FROM compensation_policy WHERE id = ?"_s,
                 {u"default"_s});
    if (!q.next())
        return std::nullopt;
    return StoredCompensationPolicy{q.value(0).toString().toUtf8(), q.value(1).toLongLong(),
                                    q.value(2).toLongLong(), q.value(3).toString()};
}

qint64 CompensationStore::policyVersion()
{
    QSqlQuery q = m_db.run(u"SELECT version FROM compensation_policy WHERE id = ?"_s, {u"default"_s});
    return q.next() ? q.value(0).toLongLong() : 0;
}

void CompensationStore::putPolicy(WriteTx &tx, const StoredCompensationPolicy &p)
{
    tx.db().run(
        u"INSERT INTO compensation_policy(id, version, data, updated_ms, updated_by) VALUES(?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET version = excluded.version, data = excluded.data, "
        "updated_ms = excluded.updated_ms, updated_by = excluded.updated_by"_s,
        {u"default"_s, p.version, QString::fromUtf8(p.json), p.updatedMs, p.updatedBy});
}

void CompensationStore::put(WriteTx &tx, const CompensationRow &r)
{
    tx.db().run(
        u"INSERT INTO compensations("_s + kColumns +
            u") VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
            "state = excluded.state, amount_fen = excluded.amount_fen, decided_by = excluded.decided_by, "
            "decided_ms = excluded.decided_ms, decision_reason = excluded.decision_reason, "
            "paid_ms = excluded.paid_ms"_s,
        {r.id, r.ticketId, r.teamId, r.category, r.stationId, r.state, r.amountFen,
         r.proposedFen ? QVariant(*r.proposedFen) : QVariant(QMetaType::fromType<qint64>()), r.explanation,
         r.reason, r.requestedBy, r.requestedMs, r.decidedBy, r.decidedMs, r.decisionReason, r.paidMs});
}

std::optional<CompensationRow> CompensationStore::byId(const QString &id)
{
    QSqlQuery q = m_db.run(u"SELECT "_s + kColumns + u" FROM compensations WHERE id = ?"_s, {id});
    if (!q.next())
        return std::nullopt;
    return readRow(q);
}

QList<CompensationRow> CompensationStore::list(const CompensationFilter &f, int limit)
{
    QVariantList binds;
    QString sql = u"SELECT "_s + kColumns + u" FROM compensations WHERE 1 = 1"_s;
    for (auto [column, value] : {std::pair{u"state"_s, f.state}, std::pair{u"team_id"_s, f.teamId},
                                 std::pair{u"requested_by"_s, f.requestedBy}}) {
        if (!value.isEmpty()) {
            sql += u" AND "_s + column + u" = ?"_s;
            binds.append(value);
        }
    }
    sql += rangeSql(f.fromMs, f.toMs, binds);
    sql += u" ORDER BY requested_ms DESC, id LIMIT ?"_s;
    binds.append(limit);
    QSqlQuery q = m_db.run(sql, binds);
    QList<CompensationRow> out;
    while (q.next())
        out.append(readRow(q));
    return out;
}

qint64 CompensationStore::approvedMax(const QString &ticketId)
{
    QSqlQuery q =
        m_db.run(u"SELECT MAX(amount_fen) FROM compensations WHERE ticket_id = ? AND state = 'approved'"_s,
                 {ticketId});
    return q.next() ? q.value(0).toLongLong() : 0;
}

bool CompensationStore::hasPending(const QString &ticketId)
{
    QSqlQuery q =
        m_db.run(u"SELECT 1 FROM compensations WHERE ticket_id = ? AND state = 'pending'"_s, {ticketId});
    return q.next();
}

QList<CompensationTotal> CompensationStore::pendingBy(const QString &column, qint64 fromMs, qint64 toMs)
{
    // The column is one of two fixed names, never user text.
    const QString col = column == u"station_id"_s ? u"station_id"_s : u"category"_s;
    QVariantList binds;
    const QString sql = u"SELECT "_s + col +
                        u", SUM(amount_fen), COUNT(*) FROM compensations "
                        "WHERE state = 'pending'"_s +
                        rangeSql(fromMs, toMs, binds) + u" GROUP BY "_s + col + u" ORDER BY "_s + col;
    QSqlQuery q = m_db.run(sql, binds);
    QList<CompensationTotal> out;
    while (q.next())
        out.append(CompensationTotal{q.value(0).toString(), q.value(1).toLongLong(), q.value(2).toInt()});
    return out;
}

} // namespace pd::server
