// The map's parcels by viewport (issue 18, "What a console receives"): GET /api/v1/map/parcels on the real
// parceldesk-server. Parcels are ingested at known points far from the demo city (Ürümqi): two groups of
// parcels under way inside the viewport, one group outside it, delivered ones inside it. Zoomed out the
// answer is clusters whose counts add up to the parcels under way in the viewport; zoomed in it lists exactly
// those parcels; the station and late filters, a parcel that moves or is delivered, bad parameters, and a
// database of schema 6 (no index yet) filled at the first start are checked against the ingested figures.
#include "liveclient.h"
#include "serverfixture.h"

#include "models/geo/mercator.h"
#include "models/geo/quadkey.h"
#include "server/api/mapquery.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
constexpr double kALat = 43.80, kALon = 87.60; // group A: 100 under way (40 of them late, 50 at st-map-2)
constexpr double kBLat = 43.90, kBLon = 87.85; // group B: 60 under way
constexpr double kCLat = 44.60, kCLon = 88.60; // group C: 30 under way, outside the viewport
constexpr qint64 kHour = 3600 * 1000;

QString waybill(int n)
{
    return u"YT77%1"_s.arg(n, 11, 10, QLatin1Char('0'));
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toOffsetFromUtc(8 * 3600).toString(Qt::ISODateWithMs);
}

QJsonObject point(double lat, double lon)
{
    return {{u"lat"_s, lat}, {u"lon"_s, lon}};
}

/// The viewport of the test at city zoom: A and B inside, C outside.
const QString kCityBox = u"87.40,43.70,88.00,44.00"_s;
/// Street zoom around A only.
const QString kStreetBox = u"87.590,43.795,87.610,43.805"_s;
} // namespace

class TestMapViewport final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void clustersAddUpToTheParcelsUnderWay();
    void streetZoomListsEachParcel();
    void stationAndLateFilters();
    void movedAndDeliveredParcelsFollow();
    void badParametersAreRefused();
    void livePositionsOnlyForTheViewport();
    void denseSurroundingsLeaveTheViewWhole();
    void previousSchemaIsIndexedAtStart();

private:
    QJsonObject view(const QString &bbox, double zoom, const QString &extra = {}, int *status = nullptr);
    static qint64 clusterTotal(const QJsonObject &answer);
    static QSet<QString> waybills(const QJsonObject &answer);
    void ingest(const QJsonArray &parcels, const QJsonArray &events);

    ServerFixture m_server;
    int m_index = 0;
    qint64 m_now = QDateTime::currentMSecsSinceEpoch();
};

void TestMapViewport::initTestCase()
{
    // Run by ctest twice: on SQLite, and through scripts/test-postgres.sh on PostgreSQL, where the street
    // view is read with libpq (GeoIndex::forEachEntry).
    if (const QByteArray skip = qgetenv("PD_TEST_POSTGRES_SKIP"); !skip.isEmpty())
        QSKIP(qPrintable(u"PostgreSQL could not be started: "_s + QString::fromUtf8(skip)));
    QVERIFY(m_server.prepare(qEnvironmentVariable("PD_TEST_POSTGRES_URL")));
    m_index = m_server.start();
    QVERIFY(m_index >= 0);
    QJsonArray parcels;
    QJsonArray events;
    const auto add = [&](int n, double lat, double lon, const QString &station, qint64 promised,
                         const QString &status) {
        parcels.append(QJsonObject{{u"waybill_no"_s, waybill(n)},
                                   {u"destination_address"_s, u"乌鲁木齐市友好北路%1号"_s.arg(n)},
                                   {u"destination"_s, point(lat + 0.01, lon + 0.01)},
                                   {u"promised_at"_s, iso(promised)},
                                   {u"station_id"_s, station},
                                   {u"courier_id"_s, u"c-map"_s}});
        events.append(QJsonObject{{u"waybill_no"_s, waybill(n)},
                                  {u"at"_s, iso(m_now - 2 * kHour)},
                                  {u"status"_s, status},
                                  {u"position"_s, point(lat, lon)}});
    };
    for (int i = 0; i < 100; ++i) // A: 0..99; 0..39 late; 50..99 at st-map-2
        add(i, kALat + (i % 10) * 0.0005, kALon + (i / 10) * 0.0005, i < 50 ? u"st-map-1"_s : u"st-map-2"_s,
            i < 40 ? m_now - kHour : m_now + 24 * kHour, u"in_transit"_s);
    for (int i = 100; i < 160; ++i) // B
        add(i, kBLat + (i % 6) * 0.0005, kBLon, u"st-map-1"_s, m_now + 24 * kHour, u"out_for_delivery"_s);
    for (int i = 160; i < 190; ++i) // C, outside
        add(i, kCLat, kCLon + (i % 5) * 0.0005, u"st-map-1"_s, m_now + 24 * kHour, u"in_transit"_s);
    for (int i = 190; i < 210; ++i) // delivered inside A's street box
        add(i, kALat + 0.001, kALon + 0.001, u"st-map-1"_s, m_now + 24 * kHour, u"delivered"_s);
    ingest(parcels, events);
}

void TestMapViewport::ingest(const QJsonArray &parcels, const QJsonArray &events)
{
    const Reply r =
        m_server.request("POST", u"/api/v1/tracking"_s, m_server.token(u"admin"_s, m_index),
                         QJsonObject{{u"parcels"_s, parcels}, {u"events"_s, events}}, {}, m_index);
    QVERIFY2(r.status == 200, r.body.constData());
}

QJsonObject TestMapViewport::view(const QString &bbox, double zoom, const QString &extra, int *status)
{
    QUrlQuery q;
    q.addQueryItem(u"bbox"_s, bbox);
    q.addQueryItem(u"zoom"_s, QString::number(zoom));
    const Reply r =
        m_server.request("GET", u"/api/v1/map/parcels?"_s + q.toString(QUrl::FullyEncoded) + extra,
                         m_server.token(u"agent1"_s, m_index), {}, {}, m_index);
    if (status)
        *status = r.status;
    else if (r.status != 200)
        qWarning() << r.status << r.body;
    return r.json();
}

qint64 TestMapViewport::clusterTotal(const QJsonObject &answer)
{
    qint64 sum = 0;
    for (const QJsonValue &c : answer.value(u"clusters"_s).toArray())
        sum += c.toObject().value(u"count"_s).toInteger();
    return sum;
}

QSet<QString> TestMapViewport::waybills(const QJsonObject &answer)
{
    QSet<QString> out;
    for (const QJsonValue &p : answer.value(u"parcels"_s).toArray())
        out.insert(p.toObject().value(u"waybill_no"_s).toString());
    return out;
}

void TestMapViewport::clustersAddUpToTheParcelsUnderWay()
{
    const QJsonObject city = view(kCityBox, 10);
    QVERIFY(city.value(u"clustered"_s).toBool());
    QCOMPARE(clusterTotal(city), 160); // A and B; not C (outside), not the delivered ones
    QCOMPARE(city.value(u"total"_s).toInteger(), 160);
    // A and B are about 20 km apart: at zoom 10 (60 px ≈ 6.5 km) they are separate clusters whose mean
    // points lie at their groups.
    const QJsonArray clusters = city.value(u"clusters"_s).toArray();
    QVERIFY2(clusters.size() >= 2, qPrintable(QString::number(clusters.size())));
    qint64 nearA = 0, nearB = 0;
    for (const QJsonValue &v : clusters) {
        const QJsonObject c = v.toObject();
        const double lat = c.value(u"lat"_s).toDouble(), lon = c.value(u"lon"_s).toDouble();
        if (qAbs(lat - kALat) < 0.05 && qAbs(lon - kALon) < 0.05)
            nearA += c.value(u"count"_s).toInteger();
        else if (qAbs(lat - kBLat) < 0.05 && qAbs(lon - kBLon) < 0.05)
            nearB += c.value(u"count"_s).toInteger();
    }
    QCOMPARE(nearA, 100);
    QCOMPARE(nearB, 60);
    // The whole region at zoom 6: C joins.
    QCOMPARE(clusterTotal(view(u"86.0,43.0,90.0,45.0"_s, 6)), 190);
}

void TestMapViewport::streetZoomListsEachParcel()
{
    const QJsonObject street = view(kStreetBox, 16);
    QVERIFY(!street.value(u"clustered"_s).toBool());
    QVERIFY(!street.value(u"truncated"_s).toBool());
    QSet<QString> expected;
    for (int i = 0; i < 100; ++i)
        expected.insert(waybill(i));
    QCOMPARE(waybills(street), expected);
    const QJsonObject first = street.value(u"parcels"_s).toArray().at(0).toObject();
    QVERIFY(first.contains(u"promised_at"_s));
    QCOMPARE(first.value(u"courier_id"_s).toString(), u"c-map"_s);
    QCOMPARE(first.value(u"status"_s).toString(), u"in_transit"_s);
    QVERIFY(!first.value(u"at_destination"_s).toBool());
    // Nothing about the customer: no address, no phone.
    QVERIFY(!QJsonDocument(street).toJson().contains("友好北路"));
    // The listing is written directly, not through QJsonObject: the same text Qt writes for the same answer.
    QUrlQuery q;
    q.addQueryItem(u"bbox"_s, kStreetBox);
    q.addQueryItem(u"zoom"_s, u"16.5"_s);
    const Reply raw = m_server.request("GET", u"/api/v1/map/parcels?"_s + q.toString(QUrl::FullyEncoded),
                                       m_server.token(u"agent1"_s, m_index), {}, {}, m_index);
    QCOMPARE(raw.status, 200);
    QCOMPARE(raw.body, QJsonDocument::fromJson(raw.body).toJson(QJsonDocument::Compact));
    QCOMPARE(raw.json().value(u"parcels"_s).toArray().size(), 100);
    QCOMPARE(raw.json().value(u"total"_s).toInteger(), 100);
    QCOMPARE(raw.json().value(u"zoom"_s).toDouble(), 16.5);
}

void TestMapViewport::stationAndLateFilters()
{
    QCOMPARE(waybills(view(kStreetBox, 16, u"&station=st-map-2"_s)).size(), 50);
    QCOMPARE(clusterTotal(view(kCityBox, 10, u"&station=st-map-2"_s)), 50);
    QCOMPARE(waybills(view(kStreetBox, 16, u"&late=1"_s)).size(), 40);
    QCOMPARE(clusterTotal(view(kCityBox, 10, u"&late=1"_s)), 40);
    QCOMPARE(clusterTotal(view(kCityBox, 10, u"&late=1&station=st-map-2"_s)), 0);
}

void TestMapViewport::movedAndDeliveredParcelsFollow()
{
    // Parcel 0 moves from A to B, parcel 1 is delivered: A has 98, B 61.
    ingest({}, QJsonArray{QJsonObject{{u"waybill_no"_s, waybill(0)},
                                      {u"at"_s, iso(m_now - kHour / 2)},
                                      {u"status"_s, u"in_transit"_s},
                                      {u"position"_s, point(kBLat, kBLon)}},
                          QJsonObject{{u"waybill_no"_s, waybill(1)},
                                      {u"at"_s, iso(m_now - kHour / 2)},
                                      {u"status"_s, u"delivered"_s},
                                      {u"position"_s, point(kALat, kALon)}}});
    QCOMPARE(waybills(view(kStreetBox, 16)).size(), 98);
    QVERIFY(!waybills(view(kStreetBox, 16)).contains(waybill(0)));
    QCOMPARE(clusterTotal(view(kCityBox, 10)), 159);
    // The counts of all stations and of each station both add up to the rows.
    const qint64 rows = m_server.sqlValue(u"SELECT COUNT(*) FROM parcel_geo"_s, {}).toLongLong();
    QCOMPARE(m_server.sqlValue(u"SELECT SUM(n) FROM parcel_cells WHERE station_id = '*'"_s, {}).toLongLong(),
             rows);
    QCOMPARE(m_server.sqlValue(u"SELECT SUM(n) FROM parcel_cells WHERE station_id <> '*'"_s, {}).toLongLong(),
             rows);
}

void TestMapViewport::badParametersAreRefused()
{
    const QStringList boxes{u""_s,        u"87,43,88"_s,    u"88,43,87,44"_s, u"87,43,88,95"_s,
                            u"a,b,c,d"_s, u"nan,43,88,44"_s};
    for (const QString &box : boxes) {
        int status = 0;
        const QJsonObject r = view(box, 10, {}, &status);
        QCOMPARE(status, 422);
        QCOMPARE(r.value(u"error"_s).toObject().value(u"field"_s).toString(), u"bbox"_s);
    }
    int status = 0;
    QCOMPARE(view(kCityBox, 40, {}, &status).value(u"error"_s).toObject().value(u"field"_s).toString(),
             u"zoom"_s);
    QCOMPARE(status, 422);
    view(kCityBox, 10, u"&late=yes"_s, &status);
    QCOMPARE(status, 422);
    view(kCityBox, 10, u"&station=%27%20OR%201%3D1"_s, &status);
    QCOMPARE(status, 422);
    const Reply anonymous = m_server.request("GET", u"/api/v1/map/parcels?bbox="_s + kCityBox + u"&zoom=10"_s,
                                             {}, {}, {}, m_index);
    QCOMPARE(anonymous.status, 401);
}

void TestMapViewport::livePositionsOnlyForTheViewport()
{
    // Three consoles: one shows the map over A (a viewport), one hides its map ([]), one never said (all).
    const QByteArray token = m_server.token(u"agent1"_s, m_index);
    LiveClient inView, none, all;
    for (LiveClient *c : {&inView, &none, &all})
        c->open(m_server.port(m_index), token);
    QVERIFY(QTest::qWaitFor(
        [&] {
            return !inView.ofKind(u"hello"_s).isEmpty() && !none.ofKind(u"hello"_s).isEmpty() &&
                   !all.ofKind(u"hello"_s).isEmpty();
        },
        10000));
    inView.send({{u"kind"_s, u"viewport"_s}, {u"bbox"_s, QJsonArray{87.55, 43.75, 87.65, 43.85}}});
    none.send({{u"kind"_s, u"viewport"_s}, {u"bbox"_s, QJsonArray()}});
    // A ping after each: its pong proves the viewport message before it was taken.
    for (LiveClient *c : {&inView, &none})
        c->send({{u"kind"_s, u"ping"_s}});
    QVERIFY(QTest::qWaitFor(
        [&] { return !inView.ofKind(u"pong"_s).isEmpty() && !none.ofKind(u"pong"_s).isEmpty(); }, 10000));
    const auto position = [](const QString &courier, double lat, double lon) {
        return QJsonObject{{u"courier_id"_s, courier}, {u"lat"_s, lat}, {u"lon"_s, lon}};
    };
    for (const QString &id : {u"cr-map-a"_s, u"cr-map-b"_s, u"cr-map-c"_s}) {
        const Reply put =
            m_server.request("PUT", u"/api/v1/couriers/"_s + id, m_server.token(u"admin"_s, m_index),
                             {{u"name"_s, u"快递员"_s}, {u"phone"_s, u"13812345678"_s}}, {}, m_index);
        QVERIFY2(put.status == 201 || put.status == 200, put.body.constData());
    }
    const Reply posted =
        m_server.request("POST", u"/api/v1/couriers/positions"_s, m_server.token(u"admin"_s, m_index),
                         QJsonObject{{u"items"_s, QJsonArray{position(u"cr-map-a"_s, kALat, kALon),
                                                             position(u"cr-map-b"_s, kBLat, kBLon),
                                                             position(u"cr-map-c"_s, kCLat, kCLon)}}},
                         {}, m_index);
    QVERIFY2(posted.status == 202, posted.body.constData());
    const auto couriers = [](const LiveClient &c) {
        QStringList ids;
        for (const QJsonObject &m : c.ofKind(u"positions"_s)) {
            for (const QJsonValue &v : m.value(u"items"_s).toArray())
                ids << v.toObject().value(u"courier_id"_s).toString();
        }
        return ids;
    };
    QVERIFY(QTest::qWaitFor([&] { return couriers(all).size() == 3; }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return !none.ofKind(u"positions"_s).isEmpty(); }, 10000));
    QVERIFY(QTest::qWaitFor([&] { return !inView.ofKind(u"positions"_s).isEmpty(); }, 10000));
    QCOMPARE(couriers(inView), QStringList{u"cr-map-a"_s});
    QCOMPARE(couriers(none), QStringList());
    // The same seq for all three: the filtered messages keep the numbering, so no console sees a gap.
    const qint64 seq = all.ofKind(u"positions"_s).constLast().value(u"seq"_s).toInteger();
    QCOMPARE(inView.ofKind(u"positions"_s).constLast().value(u"seq"_s).toInteger(), seq);
    QCOMPARE(none.ofKind(u"positions"_s).constLast().value(u"seq"_s).toInteger(), seq);
}

void TestMapViewport::denseSurroundingsLeaveTheViewWhole()
{
    // More parcels than one answer lists (kMapDetailLimit), just west of the street view: outside it, but
    // inside the tiles whose key ranges the query reads. The view itself still holds its 98 parcels of A.
    const GeoPoint beside{43.800, 87.590 - 0.00002};
    const QStringList box = kStreetBox.split(u',');
    const QRectF world = QRectF(geo::project({box.at(3).toDouble(), box.at(0).toDouble()}),
                                geo::project({box.at(1).toDouble(), box.at(2).toDouble()}))
                             .normalized();
    const quint64 key = geo::quadkeyOf(beside);
    bool read = false;
    for (const geo::KeyRange &r : geo::coveringRanges(world, geo::kQuadkeyZoom))
        read = read || (key >= r.first && key <= r.last);
    QVERIFY2(read, "the dense point must be in the ranges the street view reads");
    const qint64 cityBefore = clusterTotal(view(kCityBox, 10));
    const int dense = server::kMapDetailLimit + 100;
    for (int first = 0; first < dense; first += 2500) {
        QJsonArray parcels;
        for (int n = first; n < std::min(dense, first + 2500); ++n)
            parcels.append(QJsonObject{{u"waybill_no"_s, waybill(100000 + n)},
                                       {u"destination"_s, point(beside.lat, beside.lon)},
                                       {u"station_id"_s, u"st-map-3"_s}});
        ingest(parcels, {});
    }
    const QJsonObject street = view(kStreetBox, 16);
    QVERIFY(!street.value(u"truncated"_s).toBool());
    QCOMPARE(street.value(u"total"_s).toInteger(), 98);
    QCOMPARE(waybills(street).size(), 98);
    // Zoomed out, the same parcels are counted.
    QCOMPARE(clusterTotal(view(kCityBox, 10)), cityBefore + dense);
}

void TestMapViewport::previousSchemaIsIndexedAtStart()
{
    const qint64 before = clusterTotal(view(kCityBox, 10));
    m_server.stop(m_index);
    for (const QString &statement : {u"DROP TABLE parcel_geo"_s, u"DROP TABLE parcel_cells"_s,
                                     u"UPDATE meta SET value = '6' WHERE key = 'schema_version'"_s}) {
        QString error;
        (void)m_server.sqlRows(statement, {}, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }
    m_index = m_server.start();
    QVERIFY(m_index >= 0);
    QCOMPARE(clusterTotal(view(kCityBox, 10)), before);
    QCOMPARE(waybills(view(kStreetBox, 16)).size(), 98);
}

QTEST_GUILESS_MAIN(TestMapViewport)
#include "tst_map_viewport.moc"
