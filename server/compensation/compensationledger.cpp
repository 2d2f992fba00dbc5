// The compensation ledger (docs/compensation.md): the approvals queue and the paid and pending totals.
#include "compensationservice.h"

#include "server/storage/documentstore.h"

#include "models/domain/jsonreader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {

struct Bucket
{
    qint64 fen = 0;
    int count = 0;
};

QJsonArray bucketsJson(const QMap<QString, Bucket> &buckets)
{
    QJsonArray out;
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it) {
        QJsonObject o{{u"key"_s, it.key()}, {u"count"_s, it->count}};
        putMoney(o, "amount", it->fen);
        out.append(o);
    }
    return out;
}

QJsonArray totalsJson(const QList<CompensationTotal> &totals)
{
    QMap<QString, Bucket> buckets;
    for (const CompensationTotal &t : totals)
        buckets.insert(t.key, Bucket{t.amountFen, t.count});
    return bucketsJson(buckets);
}

/// One side of the summary: its total, count and the three groupings.
QJsonObject sideJson(qint64 fen, int count, const QJsonArray &byCategory, const QJsonArray &byStation,
                     const QJsonArray &byResolution)
{
    QJsonObject o{{u"count"_s, count},
                  {u"by_category"_s, byCategory},
                  {u"by_station"_s, byStation},
                  {u"by_resolution"_s, byResolution}};
    putMoney(o, "total", fen);
    return o;
}

} // namespace

QJsonObject CompensationService::rowJson(const CompensationRow &row, const Ticket *ticket)
{
    QJsonObject o{{u"id"_s, row.id},
                  {u"ticket_id"_s, row.ticketId},
                  {u"ticket_number"_s, ticket ? ticket->number : QString()},
                  {u"waybill_no"_s, ticket ? ticket->waybillNo : QString()},
                  {u"team_id"_s, row.teamId},
                  {u"category"_s, row.category},
                  {u"station_id"_s, row.stationId},
                  {u"state"_s, row.state},
                  {u"explanation"_s, row.explanation},
                  {u"reason"_s, row.reason},
                  {u"requested_by"_s, row.requestedBy},
                  {u"requested_by_name"_s, userName(row.requestedBy)},
                  {u"requested_at"_s, instantToIso(row.requestedMs)}};
    putMoney(o, "amount", row.amountFen);
    o.insert(u"proposed"_s, row.proposedFen ? QJsonValue(double(*row.proposedFen) / 100.0) : QJsonValue());
    if (!row.decidedBy.isEmpty()) {
        o.insert(u"decided_by"_s, row.decidedBy);
        o.insert(u"decided_by_name"_s, userName(row.decidedBy));
        o.insert(u"decided_at"_s, instantToIso(row.decidedMs));
        o.insert(u"decision_reason"_s, row.decisionReason);
    }
    if (row.paidMs > 0)
        o.insert(u"paid_at"_s, instantToIso(row.paidMs));
    return o;
}

QJsonArray CompensationService::list(const Actor &actor, CompensationFilter filter)
{
    if (actor.role == Role::Agent)
        filter.requestedBy = actor.userId;
    else if (actor.role == Role::Supervisor)
        filter.teamId = actor.teamId;
    QJsonArray out;
    for (const CompensationRow &row : m_store.list(filter)) {
        const auto t = m_tickets.store().ticket(row.ticketId);
        out.append(rowJson(row, t ? &*t : nullptr));
    }
    return out;
}

QJsonObject CompensationService::summary(qint64 fromMs, qint64 toMs)
{
    // Paid: tickets resolved in the period with a compensation amount, whichever path resolved them (within
    // the agent's limit, or an approval).
    QMap<QString, Bucket> byCategory, byStation, byResolution;
    qint64 paidFen = 0;
    int paidCount = 0;
    const auto docs = m_tickets.store().docs().byStatus(
        DocType::Ticket, {toCode(TicketStatus::Resolved), toCode(TicketStatus::Closed)});
    for (const Doc &d : docs) {
        const auto t = Ticket::fromJson(QJsonDocument::fromJson(d.data).object());
        if (!t || !t->compensationFen || *t->compensationFen <= 0 || !t->resolvedAt)
            continue;
        if ((fromMs > 0 && *t->resolvedAt < fromMs) || (toMs > 0 && *t->resolvedAt >= toMs))
            continue;
        const qint64 fen = *t->compensationFen;
        for (auto [map, key] :
             {std::pair{&byCategory, toCode(t->category)}, std::pair{&byStation, stationOf(t->waybillNo)},
              std::pair{&byResolution, t->resolution ? toCode(*t->resolution) : QString()}}) {
            (*map)[key].fen += fen;
            (*map)[key].count += 1;
        }
        paidFen += fen;
        ++paidCount;
    }
    const QList<CompensationTotal> pendingCategory = m_store.pendingBy(u"category"_s, fromMs, toMs);
    qint64 pendingFen = 0;
    int pendingCount = 0;
    for (const CompensationTotal &t : pendingCategory) {
        pendingFen += t.amountFen;
        pendingCount += t.count;
    }
    QMap<QString, Bucket> pendingResolution;
    if (pendingCount > 0)
        pendingResolution.insert(toCode(Resolution::Compensation), Bucket{pendingFen, pendingCount});
    QJsonObject out{{u"paid"_s, sideJson(paidFen, paidCount, bucketsJson(byCategory), bucketsJson(byStation),
                                         bucketsJson(byResolution))},
                    {u"pending"_s, sideJson(pendingFen, pendingCount, totalsJson(pendingCategory),
                                            totalsJson(m_store.pendingBy(u"station_id"_s, fromMs, toMs)),
                                            bucketsJson(pendingResolution))}};
    if (fromMs > 0)
        out.insert(u"from"_s, instantToIso(fromMs));
    if (toMs > 0)
        out.insert(u"to"_s, instantToIso(toMs));
    return out;
}

} // namespace pd::server
