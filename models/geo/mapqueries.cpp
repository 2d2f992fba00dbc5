#include "mapqueries.h"

#include "mercator.h"
#include "models/store/database.h"

#include <QSqlQuery>

namespace pd::geo {

namespace {

constexpr auto kParcelSelect = R"sql(
SELECT p.waybill_no, p.status, p.pos_lat, p.pos_lon, p.destination_lat, p.destination_lon, p.promised_at,
    p.delivered_at, p.courier_id, p.station_id,
    (SELECT count(*) FROM tickets t WHERE t.waybill_no = p.waybill_no AND t.status NOT IN (?, ?)), p.pos_at
FROM parcels p
)sql";

QVariant optValue(const QSqlQuery &q, int column)
{
    return q.value(column);
}

std::optional<MapParcel> readParcel(const QSqlQuery &q)
{
    MapParcel p;
    p.waybillNo = q.value(0).toString();
    p.status = fromCode<ParcelStatus>(q.value(1).toString()).value_or(ParcelStatus::Created);
    if (!q.isNull(4) && !q.isNull(5))
        p.destination = GeoPoint{q.value(4).toDouble(), q.value(5).toDouble()};
    if (!q.isNull(2) && !q.isNull(3)) {
        p.point = GeoPoint{q.value(2).toDouble(), q.value(3).toDouble()};
    } else if (p.destination) {
        p.point = *p.destination;
        p.atDestination = true;
    } else {
        return std::nullopt;
    }
    if (!optValue(q, 6).isNull())
        p.promisedAt = q.value(6).toLongLong();
    if (!optValue(q, 7).isNull())
        p.deliveredAt = q.value(7).toLongLong();
    p.courierId = q.value(8).toString();
    p.stationId = q.value(9).toString();
    p.openTickets = q.value(10).toInt();
    if (!p.atDestination && !q.isNull(11))
        p.pointAt = q.value(11).toLongLong();
    return p;
}

void bindClosed(QSqlQuery &q)
{
    q.addBindValue(toCode(TicketStatus::Resolved));
    q.addBindValue(toCode(TicketStatus::Closed));
}

} // namespace

MapQueries::MapQueries(const Database &db)
    : m_db(db)
{}

QList<MapParcel> MapQueries::parcels() const
{
    QList<MapParcel> out;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    const QString sql =
        QString::fromLatin1(kParcelSelect) +
        QStringLiteral("WHERE p.status NOT IN (?, ?) OR EXISTS (SELECT 1 FROM tickets t WHERE "
                       "t.waybill_no = p.waybill_no AND t.status NOT IN (?, ?)) "
                       "ORDER BY p.waybill_no");
    if (!q.prepare(sql))
        return out;
    bindClosed(q);
    q.addBindValue(toCode(ParcelStatus::Delivered));
    q.addBindValue(toCode(ParcelStatus::Returned));
    bindClosed(q);
    if (!q.exec())
        return out;
    while (q.next())
        if (auto p = readParcel(q))
            out.append(std::move(*p));
    return out;
}

std::optional<MapParcel> MapQueries::parcel(const QString &waybillNo) const
{
    QSqlQuery q(m_db.connection());
    if (!q.prepare(QString::fromLatin1(kParcelSelect) + QStringLiteral("WHERE p.waybill_no = ?")))
        return std::nullopt;
    bindClosed(q);
    q.addBindValue(waybillNo);
    if (!q.exec() || !q.next())
        return std::nullopt;
    return readParcel(q);
}

QList<MapTicket> MapQueries::ticketsOf(const QString &waybillNo) const
{
    QList<MapTicket> out;
    QSqlQuery q(m_db.connection());
    if (!q.prepare(QStringLiteral("SELECT id, number, status, category, created_at FROM tickets "
                                  "WHERE waybill_no = ? ORDER BY created_at DESC, id")))
        return out;
    q.addBindValue(waybillNo);
    if (!q.exec())
        return out;
    while (q.next()) {
        MapTicket t;
        t.id = q.value(0).toString();
        t.number = q.value(1).toString();
        t.status = fromCode<TicketStatus>(q.value(2).toString()).value_or(TicketStatus::New);
        t.category = fromCode<Category>(q.value(3).toString()).value_or(Category::Other);
        t.createdAt = q.value(4).toLongLong();
        out.append(t);
    }
    return out;
}

QString MapQueries::waybillOfTicket(const QString &ticketIdOrNumber) const
{
    QSqlQuery q(m_db.connection());
    if (!q.prepare(QStringLiteral("SELECT waybill_no FROM tickets WHERE id = ? OR number = ? LIMIT 1")))
        return {};
    q.addBindValue(ticketIdOrNumber);
    q.addBindValue(ticketIdOrNumber);
    if (!q.exec() || !q.next())
        return {};
    return q.value(0).toString();
}

QHash<QString, CourierPosition> MapQueries::courierPositions(const QStringList &courierIds) const
{
    QHash<QString, CourierPosition> out;
    QSqlQuery q(m_db.connection());
    if (!q.prepare(QStringLiteral("SELECT lat, lon, last_seen FROM couriers WHERE id = ? AND lat IS NOT NULL "
                                  "AND lon IS NOT NULL")))
        return out;
    for (const QString &id : courierIds) {
        q.bindValue(0, id);
        if (!q.exec() || !q.next())
            continue;
        out.insert(id, CourierPosition{id, GeoPoint{q.value(0).toDouble(), q.value(1).toDouble()},
                                       q.value(2).toLongLong()});
        q.finish();
    }
    return out;
}

OptInstant estimateEta(const MapParcel &parcel, const std::optional<GeoPoint> &courier, Instant nowMs)
{
    if (parcel.deliveredAt)
        return parcel.deliveredAt;
    if (!courier || !parcel.destination)
        return std::nullopt;
    constexpr double kMetresPerMs = 15000.0 / 3600000.0;
    constexpr Instant kStopMs = 5 * 60 * 1000;
    const double metres = distanceMetres(*courier, *parcel.destination);
    return nowMs + Instant(metres / kMetresPerMs) + kStopMs;
}

} // namespace pd::geo
