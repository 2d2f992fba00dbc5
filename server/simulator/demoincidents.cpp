#include "demoincidents.h"

#include "democity.h"

#include "server/importer/trackingingest.h"

#include <QDateTime>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
constexpr qint64 kHour = 3600LL * 1000;
constexpr qint64 kWindow = 2 * kHour; ///< the default policy's incident window
constexpr int kFirst = 90000;         ///< waybill numbers after the seeder's
constexpr int kStationParcels = 24;
constexpr int kHubParcels = 18;
constexpr int kStuckStation = 3; ///< index into DemoCity::stations()

QString stationId(int index)
{
    return u"st-%1"_s.arg(index + 1, 2, 10, QLatin1Char('0'));
}

QJsonObject point(const GeoPoint &p)
{
    return QJsonObject{{u"lat"_s, p.lat}, {u"lon"_s, p.lon}};
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

struct Planter
{
    Planter(DocumentStore &docs, qint64 nowMs)
        : batch(docs, nowMs)
    {}

    DemoCity city{20261219u};
    TrackingIngest batch;
    int n = kFirst;
    JsonError error;

    QJsonObject parcel(const QString &waybill, int station, qint64 createdMs)
    {
        const auto &place = DemoCity::stations().at(station);
        return QJsonObject{{u"waybill_no"_s, waybill},
                           {u"origin_address"_s, u"上海发货仓"_s},
                           {u"destination_address"_s, city.street()},
                           {u"destination"_s, point(city.near(place.point, 3))},
                           {u"station_id"_s, stationId(station)},
                           {u"promised_at"_s, iso(createdMs + 48 * kHour)},
                           {u"recipient_phone"_s, DemoCity::recipientMobile(waybill)}};
    }
    void scan(const QString &waybill, qint64 at, const QString &status, const QString &place,
              const GeoPoint &p)
    {
        (void)batch.addEvent(QJsonObject{{u"waybill_no"_s, waybill},
                                         {u"at"_s, iso(at)},
                                         {u"status"_s, status},
                                         {u"place"_s, place},
                                         {u"position"_s, point(p)}},
                             {}, &error);
    }
};
} // namespace

int plantDemoIncidents(DocumentStore &docs, qint64 nowMs)
{
    Planter p(docs, nowMs);
    // Stalls are found at last scan + the policy's stall hours (12 at a station, 24 in transit); the scans
    // are placed so that every stall falls in one incident window that has ended by now.
    const qint64 window = (nowMs - 2 * kWindow) / kWindow * kWindow;
    const auto &stations = DemoCity::stations();
    for (int i = 0; i < kStationParcels; ++i, ++p.n) {
        const QString w = p.city.waybill(p.n);
        const qint64 atStation = window + 20 * 60 * 1000 + i * 60 * 1000 - 12 * kHour;
        (void)p.batch.addParcel(p.parcel(w, kStuckStation, atStation - 30 * kHour), {}, &p.error);
        p.scan(w, atStation - 20 * kHour, u"picked_up"_s, u"上海"_s, {31.23, 121.47});
        p.scan(w, atStation - 6 * kHour, u"in_transit"_s, u"杭州转运中心"_s, DemoCity::hub());
        p.scan(w, atStation, u"at_station"_s, stations.at(kStuckStation).name,
               stations.at(kStuckStation).point);
    }
    // Held at the hub: parcels for six stations, each station too few for an incident of its own.
    for (int i = 0; i < kHubParcels; ++i, ++p.n) {
        const QString w = p.city.waybill(p.n);
        const qint64 atHub = window + 30 * 60 * 1000 + i * 60 * 1000 - 24 * kHour;
        const int station = (i % 6 + kStuckStation + 1) % int(stations.size());
        (void)p.batch.addParcel(p.parcel(w, station, atHub - 10 * kHour), {}, &p.error);
        p.scan(w, atHub - 8 * kHour, u"picked_up"_s, u"南京"_s, {32.06, 118.80});
        p.scan(w, atHub, u"in_transit"_s, u"杭州转运中心"_s, DemoCity::hub());
    }
    WriteTx tx(docs.db());
    IngestResult result;
    if (!p.batch.write(tx, &result, &p.error))
        return 0;
    tx.commit();
    return kStationParcels + kHubParcels;
}

} // namespace pd::server
