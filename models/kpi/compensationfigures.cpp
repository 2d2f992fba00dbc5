#include "compensationfigures.h"

#include "models/store/database.h"
#include "models/store/sqlhelpers.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr int kCategories = 6;
constexpr int kResolutions = 7;

/// One ticket with an amount: paid in the period, or waiting for approval.
constexpr auto kSql = R"sql(
SELECT t.category, t.resolution, p.station_id, s.name,
    CASE WHEN COALESCE(t.resolved_at, t.closed_at) >= ? AND COALESCE(t.resolved_at, t.closed_at) < ?
         THEN COALESCE(t.compensation_fen, 0) ELSE 0 END,
    COALESCE(t.pending_compensation_fen, 0)
FROM tickets t
LEFT JOIN parcels p ON p.waybill_no = t.waybill_no
LEFT JOIN stations s ON s.id = p.station_id
WHERE (? = '' OR t.team_id = ?)
  AND ((COALESCE(t.resolved_at, t.closed_at) >= ? AND COALESCE(t.resolved_at, t.closed_at) < ?
        AND t.compensation_fen > 0)
       OR (t.pending_compensation_fen > 0 AND t.created_at < ?))
)sql";

} // namespace

CompensationQueries::CompensationQueries(const Database &db)
    : m_db(db)
{}

std::optional<CompensationFigures> CompensationQueries::figures(qint64 from, qint64 to,
                                                                const QString &teamId) const
{
    m_error.clear();
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!sql::prepare(q, QString::fromLatin1(kSql), &m_error))
        return std::nullopt;
    const QString team = teamId.isNull() ? u""_s : teamId;
    for (const QVariant &v : {QVariant(from), QVariant(to), QVariant(team), QVariant(team), QVariant(from),
                              QVariant(to), QVariant(to)})
        q.addBindValue(v);
    if (!sql::exec(q, &m_error))
        return std::nullopt;
    CompensationFigures f;
    for (int c = 0; c < kCategories; ++c)
        f.byCategory.append({toCode(Category(c)), displayName(Category(c)), {}, {}});
    QList<CompensationGroup> resolutions;
    for (int r = 0; r < kResolutions; ++r)
        resolutions.append({toCode(Resolution(r)), displayName(Resolution(r)), {}, {}});
    QHash<QString, CompensationGroup> stations;
    while (q.next()) {
        const Category category = fromCode<Category>(q.value(0).toString()).value_or(Category::Other);
        // A pending amount has no resolution yet: it is a compensation waiting for approval.
        const Resolution resolution =
            fromCode<Resolution>(q.value(1).toString()).value_or(Resolution::Compensation);
        const QString station = q.value(2).toString();
        CompensationGroup &s = stations[station];
        s.key = station;
        s.name = station.isEmpty()                 ? tr("Unknown station")
                 : q.value(3).toString().isEmpty() ? station
                                                   : q.value(3).toString();
        const qint64 paid = q.value(4).toLongLong();
        const qint64 pending = q.value(5).toLongLong();
        for (CompensationGroup *g : {&f.byCategory[int(category)], &resolutions[int(resolution)], &s}) {
            if (paid > 0)
                g->paid.add(paid);
            if (pending > 0)
                g->pending.add(pending);
        }
        if (paid > 0)
            f.paid.add(paid);
        if (pending > 0)
            f.pending.add(pending);
    }
    for (const CompensationGroup &r : resolutions)
        if (r.paid.tickets > 0 || r.pending.tickets > 0)
            f.byResolution.append(r);
    for (const CompensationGroup &s : stations)
        f.byStation.append(s);
    std::sort(f.byStation.begin(), f.byStation.end(), [](const auto &a, const auto &b) {
        const qint64 ta = a.paid.fen + a.pending.fen, tb = b.paid.fen + b.pending.fen;
        return ta != tb ? ta > tb : a.key < b.key;
    });
    return f;
}

} // namespace pd
