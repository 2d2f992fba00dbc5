#include "trendalertrepository.h"

#include "database.h"
#include "parcelrepository.h"
#include "sqllists.h"

#include "models/proactive/trendcomplaint.h"

#include <QJsonDocument>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
struct AlertRow
{
    TrendAlert alert;
    qint64 version = 0;
    QJsonObject json;
};

std::optional<TrendAlert> readAlert(const QSqlQuery &q)
{
    return trendAlertFromJson(QJsonDocument::fromJson(q.value(0).toByteArray()).object());
}

QList<TrendAlert> present(const QList<std::optional<TrendAlert>> &rows)
{
    QList<TrendAlert> out;
    for (const auto &r : rows) {
        if (r)
            out.append(*r);
    }
    return out;
}
} // namespace

bool TrendAlertRepository::upsert(const QList<QJsonObject> &records, QString *error)
{
    QList<AlertRow> rows;
    for (const QJsonObject &o : records) {
        if (const auto a = trendAlertFromJson(o))
            rows.append(AlertRow{*a, o.value(u"version"_s).toInteger(), o});
    }
    return sql::bulkWrite(
        m_db,
        "INSERT INTO trend_alerts(id, state, dimension, key, version, data) VALUES (?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET state = excluded.state, version = excluded.version, "
        "data = excluded.data WHERE excluded.version >= trend_alerts.version",
        rows, error, [](QSqlQuery &q, const AlertRow &r) {
            q.bindValue(0, r.alert.id);
            q.bindValue(1, r.alert.closedAt ? u"closed"_s : u"open"_s);
            q.bindValue(2, r.alert.dimension);
            q.bindValue(3, r.alert.key);
            q.bindValue(4, r.version);
            q.bindValue(5, QString::fromUtf8(QJsonDocument(r.json).toJson(QJsonDocument::Compact)));
        });
}

std::optional<TrendAlert> TrendAlertRepository::byId(const QString &id) const
{
    const QList<TrendAlert> rows = present(sql::readList<std::optional<TrendAlert>>(
        m_db, "SELECT data FROM trend_alerts WHERE id = ?", readAlert, {id}));
    return rows.isEmpty() ? std::nullopt : std::optional<TrendAlert>(rows.first());
}

QList<TrendAlert> TrendAlertRepository::open() const
{
    QList<TrendAlert> rows = present(sql::readList<std::optional<TrendAlert>>(
        m_db, "SELECT data FROM trend_alerts WHERE state = 'open'", readAlert));
    std::sort(rows.begin(), rows.end(), [](const TrendAlert &a, const TrendAlert &b) {
        const bool aAlert = a.level == u"alert";
        const bool bAlert = b.level == u"alert";
        if (aAlert != bAlert)
            return aAlert;
        if (a.ratio != b.ratio)
            return a.ratio > b.ratio;
        return a.id < b.id;
    });
    return rows;
}

QStringList TrendAlertRepository::complaintIds(const TrendAlert &alert) const
{
    struct Row
    {
        QString id;
        Ticket ticket;
    };
    // An open alert goes on collecting complaints until it closes.
    const qint64 to = alert.closedAt ? alert.windowEnd : std::numeric_limits<qint64>::max();
    const QList<Row> rows = sql::readList<Row>(
        m_db,
        "SELECT id, waybill_no, category, created_at FROM tickets WHERE created_at >= ? AND created_at < ? "
        "ORDER BY created_at DESC, id",
        [](const QSqlQuery &q) {
            Row r;
            r.id = q.value(0).toString();
            r.ticket.waybillNo = q.value(1).toString();
            r.ticket.category = fromCode<Category>(q.value(2).toString()).value_or(Category::Other);
            r.ticket.createdAt = q.value(3).toLongLong();
            return r;
        },
        {alert.windowStart, to});
    const bool needsParcel = alert.dimension != u"category";
    ParcelRepository parcels(m_db);
    QStringList ids;
    for (const Row &r : rows) {
        const std::optional<Parcel> p = needsParcel && !r.ticket.waybillNo.isEmpty()
                                            ? parcels.byWaybill(r.ticket.waybillNo)
                                            : std::nullopt;
        if (trendKeyOf(trendComplaintOf(r.ticket, p ? &*p : nullptr), alert.dimension) == alert.key)
            ids.append(r.id);
    }
    return ids;
}

TicketQuery TrendAlertRepository::complaintsQuery(const TrendAlert &alert) const
{
    TicketQuery q;
    q.ids = complaintIds(alert);
    q.order = TicketQuery::Order::CreatedDesc;
    return q;
}

} // namespace pd
