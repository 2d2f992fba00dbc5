#include "mapitems.h"

#include "ui/common/language.h"

#include <QCoreApplication>
#include <QDateTime>

namespace pd::map {

namespace {
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(pd::map::MapItems)
};
} // namespace

QString formatInstant(OptInstant ms, const QTimeZone &zone)
{
    if (!ms)
        return QStringLiteral("—");
    return Language::dateTime(*ms, zone);
}

Glyph glyphFor(const geo::MapParcel &parcel, Instant nowMs)
{
    if (parcel.status == ParcelStatus::Exception)
        return Glyph::Exception;
    if (parcel.isLate(nowMs) && parcel.status != ParcelStatus::Delivered)
        return Glyph::Late;
    switch (parcel.status) {
    case ParcelStatus::Delivered:
    case ParcelStatus::Returned:
        return Glyph::Delivered;
    case ParcelStatus::OutForDelivery:
        return Glyph::OutForDelivery;
    case ParcelStatus::AtStation:
        return Glyph::AtStation;
    default:
        return Glyph::Parcel;
    }
}

MapItem parcelItem(const geo::MapParcel &parcel, Instant nowMs, const QTimeZone &zone)
{
    MapItem item;
    item.id = parcel.waybillNo;
    item.position = parcel.point;
    item.glyph = glyphFor(parcel, nowMs);
    item.complaint = parcel.openTickets > 0;
    QStringList lines{parcel.waybillNo + QStringLiteral(" · ") + displayName(parcel.status)};
    if (parcel.isLate(nowMs))
        lines << Tr::tr("Late: promised %1").arg(formatInstant(parcel.promisedAt, zone));
    else if (parcel.promisedAt)
        lines << Tr::tr("Promised %1").arg(formatInstant(parcel.promisedAt, zone));
    if (parcel.openTickets > 0)
        lines << Tr::tr("%n open complaint(s)", nullptr, parcel.openTickets);
    if (parcel.atDestination)
        lines << Tr::tr("Shown at its destination (no position reported)");
    item.tooltip = lines.join(QLatin1Char('\n'));
    return item;
}

MapItem courierItem(const Courier &courier, const QTimeZone &zone)
{
    MapItem item;
    item.id = courier.id;
    item.position = courier.position.value_or(GeoPoint{});
    item.glyph = Glyph::Courier;
    item.tooltip =
        Tr::tr("Courier %1\nLast seen %2")
            .arg(courier.name.isEmpty() ? courier.id : courier.name, formatInstant(courier.lastSeen, zone));
    return item;
}

MapItem stationItem(const Station &station)
{
    MapItem item;
    item.id = station.id;
    item.position = station.position.value_or(GeoPoint{});
    item.glyph = Glyph::Station;
    item.tooltip =
        Tr::tr("Station %1\n%2").arg(station.name.isEmpty() ? station.id : station.name, station.city);
    return item;
}

QList<MapItem> trackItems(const QList<TrackingEvent> &events, const QTimeZone &zone)
{
    QList<MapItem> out;
    for (const TrackingEvent &e : events) {
        if (!e.position)
            continue;
        MapItem item;
        item.id = e.id;
        item.position = *e.position;
        item.glyph = Glyph::TrackPoint;
        QStringList lines{formatInstant(e.at, zone) + QStringLiteral(" · ") + displayName(e.status)};
        if (!e.place.isEmpty())
            lines << e.place;
        if (!e.text.isEmpty())
            lines << e.text;
        item.tooltip = lines.join(QLatin1Char('\n'));
        out << item;
    }
    return out;
}

void placeAtNewestScan(geo::MapParcel &parcel, const QList<TrackingEvent> &events)
{
    const TrackingEvent *newest = nullptr;
    for (const TrackingEvent &e : events) // the cache's order is at, then id; do not rely on it
        if (e.position && (!newest || e.at > newest->at || (e.at == newest->at && e.id > newest->id)))
            newest = &e;
    // A position reported after that scan (a courier's device) is newer still, and one without a time cannot
    // be placed against the scans: those stay.
    if (!newest || (!parcel.atDestination && (!parcel.pointAt || *parcel.pointAt > newest->at)))
        return;
    parcel.point = *newest->position;
    parcel.pointAt = newest->at;
    parcel.atDestination = false;
}

QList<GeoPoint> routeOf(const QList<TrackingEvent> &events, const geo::MapParcel &parcel)
{
    QList<GeoPoint> route;
    for (const TrackingEvent &e : events)
        if (e.position && (route.isEmpty() || !(route.last() == *e.position)))
            route << *e.position;
    if (!parcel.atDestination && (route.isEmpty() || !(route.last() == parcel.point)))
        route << parcel.point;
    if (parcel.destination && parcel.status != ParcelStatus::Delivered &&
        (route.isEmpty() || !(route.last() == *parcel.destination)))
        route << *parcel.destination;
    return route;
}

} // namespace pd::map
