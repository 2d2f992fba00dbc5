#include "e2efleet.h"

#include "server/storage/customerdata.h"
#include "server/storage/database.h"
#include "server/storage/documentstore.h"
#include "server/storage/geoindex.h"
#include "server/storage/scanstore.h"
#include "server/storage/volumestore.h"

#include "models/proactive/etamodel.h"

#include <QElapsedTimer>
#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace pd::bench {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr int kStations = 20;
/// Parcels written per transaction while populating.
constexpr int kPopulateChunk = 50000;

struct Hub
{
    const char *name;
    GeoPoint point;
};
const Hub kHubs[] = {
    {"上海转运中心", {31.23, 121.47}}, {"北京转运中心", {39.90, 116.40}}, {"广州转运中心", {23.13, 113.26}},
    {"深圳转运中心", {22.54, 114.06}}, {"义乌转运中心", {29.31, 120.07}}, {"苏州转运中心", {31.30, 120.60}},
    {"成都转运中心", {30.66, 104.07}}, {"南京转运中心", {32.06, 118.80}}, {"宁波转运中心", {29.87, 121.54}}};
const Hub kCityHub{"杭州转运中心", {30.27, 120.15}};

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// What a parcel's share adds to the volume totals (as VolumeStore counts it).
void addShare(QHash<server::VolumeKey, server::VolumeCounts> &totals, const server::ParcelShare &s)
{
    const auto at = [&](const QDate &day) -> server::VolumeCounts & {
        return totals[server::VolumeKey{day, s.stationId, s.courierId}];
    };
    if (s.picked.isValid())
        ++at(s.picked).pickedUp;
    if (s.delivered.isValid()) {
        ++at(s.delivered).delivered;
        at(s.delivered).deliveredOnTime += s.onTime ? 1 : 0;
    }
    if (s.exception.isValid())
        ++at(s.exception).exceptions;
    if (s.damaged.isValid())
        ++at(s.damaged).damaged;
    if (s.lost.isValid())
        ++at(s.lost).lost;
}

ParcelStatus statusOf(int stage)
{
    static constexpr ParcelStatus kStatus[] = {ParcelStatus::PickedUp,       ParcelStatus::InTransit,
                                               ParcelStatus::InTransit,      ParcelStatus::AtStation,
                                               ParcelStatus::OutForDelivery, ParcelStatus::Delivered,
                                               ParcelStatus::Exception};
    return kStatus[stage];
}

} // namespace

E2eFleet::E2eFleet(int parcels, int poolSize, quint32 seed)
    : m_pool(std::clamp(poolSize, 0, parcels / 2))
    , m_status(std::size_t(parcels), PickedUp)
    , m_scans(std::size_t(parcels), 0)
    , m_excepted(std::size_t(parcels), false)
    , m_rng(seed)
{
    for (int s = 0; s < kStations; ++s)
        m_stations.append(u"杭州第%1网点"_s.arg(s + 1, 2, 10, QLatin1Char('0')));
    m_order.reserve(std::size_t(parcels - m_pool));
    for (int i = m_pool; i < parcels; ++i)
        m_order.push_back(i);
    std::shuffle(m_order.begin(), m_order.end(), m_rng);
}

QString E2eFleet::waybill(int i)
{
    return u"SF16%1"_s.arg(i, 11, 10, QLatin1Char('0'));
}

GeoPoint E2eFleet::placePoint(int i, Stage stage) const
{
    switch (stage) {
    case PickedUp:
        return kHubs[0].point;
    case OriginHub:
        return kHubs[i % std::size(kHubs)].point;
    case CityHub:
        return kCityHub.point;
    default:
        break;
    }
    const int s = i % kStations;
    const GeoPoint station{30.15 + (s / 5) * 0.06, 120.00 + (s % 5) * 0.08};
    if (stage != Delivered)
        return station;
    // The recipient's door: a few hundred metres around the station, the same for a parcel every time.
    return {station.lat + double(i % 97 - 48) * 1e-4, station.lon + double(i % 89 - 44) * 1e-4};
}

TrackingEvent E2eFleet::scanAt(int i, Stage stage, qint64 at, int n) const
{
    TrackingEvent e;
    e.id = u"e2e-%1-%2"_s.arg(i).arg(n);
    e.waybillNo = waybill(i);
    e.at = at;
    e.status = statusOf(stage);
    switch (stage) {
    case PickedUp:
        e.place = u"上海发货仓"_s;
        break;
    case OriginHub:
        e.place = QString::fromUtf8(kHubs[i % std::size(kHubs)].name);
        break;
    case CityHub:
        e.place = QString::fromUtf8(kCityHub.name);
        break;
    default:
        e.place = m_stations.at(i % kStations);
        break;
    }
    e.position = placePoint(i, stage);
    return e;
}

qint64 E2eFleet::promiseFor(const Parcel &p, int transits, qint64 nowMs)
{
    static const EtaModel model;
    EtaInput in;
    in.status = p.status;
    in.lastScanAt = p.positionAt.value_or(nowMs);
    in.stationId = p.stationId;
    in.transitScans = transits;
    const EtaEstimate eta = model.estimate(in, nowMs);
    std::uniform_real_distribution<> u(0, 1);
    // One promise in a hundred is already broken (2–10 hours before the ETA): the cases found at start.
    const double hours = u(m_rng) < 0.01 ? -(2 + 8 * u(m_rng)) : 1 + 23 * u(m_rng);
    return eta.at + qint64(hours * double(kHour));
}

QList<TrackingEvent> E2eFleet::history(int i, qint64 nowMs, Parcel *p)
{
    std::uniform_real_distribution<> u(0, 1);
    // Where the parcel is now: 15 % picked up, 25 % at the origin sorting centre, 20 % at the city's hub,
    // 20 % at its station, 20 % out for delivery. The stall pool waits at the origin sorting centre.
    const double r = u(m_rng);
    Stage stage = r < 0.15   ? PickedUp
                  : r < 0.40 ? OriginHub
                  : r < 0.60 ? CityHub
                  : r < 0.80 ? AtStation
                             : OutForDelivery;
    qint64 at = nowMs - kMinute - qint64(u(m_rng) * 5 * double(kHour));
    if (i < m_pool) {
        stage = OriginHub;
        at = nowMs - 20 * kHour - qint64(u(m_rng) * 10 * kMinute);
    }
    QList<TrackingEvent> events;
    for (int s = stage; s >= PickedUp; --s) {
        events.prepend(scanAt(i, Stage(s), at, s));
        // Back to the scan before: the leg's median (docs/proactive.md, "The ETA model") ± 30 %; the
        // station dwell 3–8 hours.
        static constexpr int kLegMinutes[] = {0, 150, 1080, 330, 0};
        const double minutes =
            s == OutForDelivery ? 180 + 300 * u(m_rng) : kLegMinutes[s] * (0.7 + 0.6 * u(m_rng));
        at -= qint64(minutes * double(kMinute));
    }
    m_status[std::size_t(i)] = stage;
    m_scans[std::size_t(i)] = quint8(events.size());
    const TrackingEvent &last = events.constLast();
    p->waybillNo = waybill(i);
    p->status = last.status;
    p->originAddress = u"上海发货仓"_s;
    p->destinationAddress = u"杭州市西湖区文三路%1号"_s.arg(i % 500 + 1);
    p->destination = placePoint(i, Delivered);
    p->stationId = u"st-%1"_s.arg(i % kStations + 1, 2, 10, QLatin1Char('0'));
    p->courierId = u"cr-%1-%2"_s.arg(i % kStations + 1).arg(i % 7);
    p->position = last.position;
    p->positionAt = last.at;
    p->recipientPhone = u"138%1"_s.arg(i % 100000000, 8, 10, QLatin1Char('0'));
    p->version = 1;
    p->updatedAt = nowMs;
    const int transits = stage == PickedUp ? 0 : stage == OriginHub ? 1 : 2;
    p->promisedAt = i < m_pool ? nowMs + 72 * kHour : promiseFor(*p, transits, nowMs);
    return events;
}

qint64 E2eFleet::populate(const QString &dbUrl, qint64 nowMs)
{
    using namespace pd::server;
    auto db = Database::open(dbUrl);
    // The bench's own connection may skip the fsyncs and keep a large cache: what is written matters here,
    // not how fast this connection writes it.
    db->run(u"PRAGMA synchronous = OFF"_s);
    db->run(u"PRAGMA cache_size = -524288"_s);
    DocumentStore docs(*db);
    // On the empty database: marks the volume aggregates counted, so the server's first start does not
    // count the parcels written here a second time (they carry their shares already).
    (void)docs.volume().backfillIfNeeded(nowMs);
    const QTimeZone zone = docs.volume().zone();
    ScanStore scans(*db);
    QHash<VolumeKey, VolumeCounts> volume;
    QElapsedTimer clock;
    clock.start();
    qint64 written = 0;
    for (int from = 0; from < size(); from += kPopulateChunk) {
        WriteTx tx(*db);
        for (int i = from; i < std::min(size(), from + kPopulateChunk); ++i)
            writeParcel(*db, tx, scans, i, nowMs, zone, volume);
        if (from + kPopulateChunk >= size())
            finishIndexes(*db, tx, volume, nowMs);
        tx.commit();
        written = std::min(size(), from + kPopulateChunk);
        std::printf("  … %lld parcels written, %.0f a second\n", qlonglong(written),
                    double(written) * 1000.0 / double(std::max<qint64>(1, clock.elapsed())));
        std::fflush(stdout);
    }
    return written;
}

void E2eFleet::writeParcel(server::Database &db, server::WriteTx &tx, server::ScanStore &scans, int i,
                           qint64 nowMs, const QTimeZone &zone,
                           QHash<server::VolumeKey, server::VolumeCounts> &volume)
{
    using namespace pd::server;
    static const QString docSql =
        u"INSERT INTO docs(type, id, seq, version, deleted, team_id, parent, status, updated_ms, data,"
        " masked, holder, purge_ms, feed) VALUES(?, ?, ?, ?, 0, '', '', ?, ?, ?, ?, ?, ?, 0)"_s;
    static const QString geoSql =
        u"INSERT INTO parcel_geo(waybill_no, qk, lat, lng, at_dest, status, station_id,"
        " courier_id, promised_ms) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    static const QString shareSql =
        u"INSERT INTO volume_parcels(waybill_no, station_id, courier_id, picked_day, delivered_day, on_time,"
        " exception_day, damaged_day, lost_day) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)"_s;
    Parcel p;
    const QList<TrackingEvent> events = history(i, nowMs, &p);
    for (const TrackingEvent &e : events) {
        Doc scan{DocType::TrackingEvent, e.id, 0, 1, false, {}, e.waybillNo, {}, e.at, compact(e.toJson())};
        CustomerData::derive(scan);
        scans.put(scan);
    }
    Doc d{DocType::Parcel,  p.waybillNo, tx.nextSeq(),       1, false, {}, {},
          toCode(p.status), nowMs,       compact(p.toJson())};
    CustomerData::derive(d);
    db.exec(db.cached(docSql), {d.type, d.id, d.seq, d.version, d.status, d.updatedMs,
                                QString::fromUtf8(d.data), QString::fromUtf8(d.masked), d.holder, d.purgeMs});
    if (const auto g = GeoIndex::entryOf(d)) {
        db.exec(db.cached(geoSql),
                {g->waybillNo, qint64(g->qk), g->point.lat, g->point.lon, g->atDestination ? 1 : 0, g->status,
                 g->stationId, g->courierId, g->promisedMs});
    }
    if (const auto share = VolumeStore::mergedShare(std::nullopt, p, events, zone)) {
        const auto day = [](const QDate &d) { return d.isValid() ? d.toString(u"yyyy-MM-dd"_s) : QString(); };
        db.exec(db.cached(shareSql),
                {p.waybillNo, share->stationId, share->courierId, day(share->picked), day(share->delivered),
                 share->onTime ? 1 : 0, day(share->exception), day(share->damaged), day(share->lost)});
        addShare(volume, *share);
    }
}

void E2eFleet::finishIndexes(server::Database &db, server::WriteTx &tx,
                             const QHash<server::VolumeKey, server::VolumeCounts> &volume, qint64 nowMs)
{
    // The map's counts per zoom-15 cell (qk / 1024) and station, and for every station ("*"), as the
    // server keeps them (docs/server.md, "Known limits", rebuilds them the same way).
    db.run(u"INSERT INTO parcel_cells(cell, station_id, n, sum_lat, sum_lng) SELECT qk / 1024, station_id,"
           " COUNT(*), SUM(lat), SUM(lng) FROM parcel_geo GROUP BY qk / 1024, station_id"_s);
    db.run(u"INSERT INTO parcel_cells(cell, station_id, n, sum_lat, sum_lng) SELECT qk / 1024, '*', COUNT(*),"
           " SUM(lat), SUM(lng) FROM parcel_geo GROUP BY qk / 1024"_s);
    server::DocumentStore docs(db);
    docs.volume().addMany(tx, volume, nowMs);
}

void E2eFleet::replay(qint64 nowMs)
{
    for (int i = 0; i < size(); ++i) {
        Parcel p;
        (void)history(i, nowMs, &p);
    }
}

int E2eFleet::nextParcel()
{
    // Every parcel once before any twice; delivered ones have nothing more to send (unless all are).
    int i = m_order[m_cursor];
    for (std::size_t tries = 0; tries < m_order.size(); ++tries) {
        i = m_order[m_cursor];
        m_cursor = (m_cursor + 1) % m_order.size();
        if (m_status[std::size_t(i)] != Delivered)
            break;
    }
    return i;
}

TrackingEvent E2eFleet::next(qint64 nowMs, const StreamMix &mix, PlantedCase *planted)
{
    *planted = {};
    std::uniform_real_distribution<> u(0, 1);
    const double r = u(m_rng);
    if (r < mix.stall && m_poolCursor < m_pool) {
        // A scan sent late: at its station 12 hours (the at_station stall limit) less 3–10 seconds ago.
        const int i = m_poolCursor++;
        const qint64 at = nowMs - 12 * kHour + 3000 + qint64(u(m_rng) * 7000);
        m_status[std::size_t(i)] = AtStation;
        const TrackingEvent e = scanAt(i, AtStation, at, ++m_scans[std::size_t(i)]);
        *planted = {e.waybillNo, u"stalled"_s, at + 12 * kHour};
        return e;
    }
    const int i = nextParcel();
    const auto k = std::size_t(i);
    const bool exception = r >= mix.stall && r < mix.stall + mix.damage + mix.failed && !m_excepted[k];
    if (exception) {
        const bool damage = r < mix.stall + mix.damage;
        m_excepted[k] = true;
        m_status[k] = Excepted;
        TrackingEvent e = scanAt(i, Excepted, nowMs, ++m_scans[k]);
        e.reason = damage ? u"damaged"_s : u"absent"_s;
        *planted = {e.waybillNo, damage ? u"damage_scan"_s : u"failed_delivery"_s, 0};
        return e;
    }
    const auto stage = Stage(m_status[k]);
    const Stage nextStage = stage == Excepted    ? OutForDelivery
                            : stage == Delivered ? Delivered
                                                 : Stage(stage + 1);
    m_status[k] = nextStage;
    return scanAt(i, nextStage, nowMs, ++m_scans[k]);
}

} // namespace pd::bench
