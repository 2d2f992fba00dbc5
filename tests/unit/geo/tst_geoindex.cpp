// Grid clustering per zoom, picking through the spatial grid, and the map's queries on the cache.
#include "models/geo/clustering.h"
#include "models/geo/mapqueries.h"
#include "models/geo/mercator.h"
#include "models/geo/spatialgrid.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/parcelrepository.h"
#include "models/store/ticketrepository.h"

#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <numeric>

using namespace pd;
using namespace pd::geo;

class TestGeoIndex : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void clustersByCell();
    void clustersShrinkWithZoom();
    void clusterKeepsWorstRank();
    void pickNearest();
    void pickWithFilterAndWithin();
    void pickMatchesBruteForce();
    void mapQueries();
};

void TestGeoIndex::clustersByCell()
{
    // Cell 0.1: three points in the first cell, one in the next, one far away.
    const std::vector<QPointF> pts{{0.01, 0.01}, {0.02, 0.03}, {0.09, 0.09}, {0.15, 0.01}, {0.95, 0.95}};
    const auto clusters = clusterGrid(pts, 0.1);
    QCOMPARE(clusters.size(), size_t(3));
    QCOMPARE(clusters[0].count, 3);
    QCOMPARE(clusters[0].first, 0);
    QVERIFY(std::abs(clusters[0].world.x() - 0.04) < 1e-12);
    QVERIFY(std::abs(clusters[0].world.y() - (0.13 / 3)) < 1e-12);
    QCOMPARE(clusters[1].count, 1);
    QCOMPARE(clusters[1].first, 3);
    QCOMPARE(clusters[1].world, QPointF(0.15, 0.01));
    QCOMPARE(clusters[2].first, 4);
    QVERIFY(clusterGrid({}, 0.1).empty());
}

void TestGeoIndex::clustersShrinkWithZoom()
{
    QRandomGenerator rng(7);
    std::vector<QPointF> pts;
    for (int i = 0; i < 20000; ++i)
        pts.push_back(project({30 + rng.generateDouble() * 2, 120 + rng.generateDouble() * 2}));
    int previous = 0;
    for (int z = 4; z <= 16; z += 2) {
        const auto clusters = clusterGrid(pts, clusterCellSize(z));
        const int total = std::accumulate(clusters.begin(), clusters.end(), 0,
                                          [](int s, const Cluster &c) { return s + c.count; });
        QCOMPARE(total, 20000); // every point in exactly one cluster
        QVERIFY2(int(clusters.size()) >= previous, qPrintable(QStringLiteral("zoom %1").arg(z)));
        previous = int(clusters.size());
    }
    QVERIFY(clusterGrid(pts, clusterCellSize(4)).size() <=
            4);                // a 2° square spans at most 2 × 2 cells at zoom 4
    QVERIFY(previous > 15000); // mostly single markers at zoom 16
}

void TestGeoIndex::clusterKeepsWorstRank()
{
    const std::vector<QPointF> pts{{0.5, 0.5}, {0.5001, 0.5}, {0.5002, 0.5}, {0.9, 0.9}};
    const std::vector<quint8> ranks{1, 3, 0, 2};
    const auto clusters = clusterGrid(pts, 0.01, ranks);
    QCOMPARE(clusters.size(), size_t(2));
    QCOMPARE(clusters[0].maxRank, 3);
    QCOMPARE(clusters[1].maxRank, 2);
}

void TestGeoIndex::pickNearest()
{
    SpatialGrid grid;
    const std::vector<QPointF> pts{{0.10, 0.10}, {0.11, 0.10}, {0.50, 0.50}, {0.5005, 0.5}};
    grid.build(pts, 0.01);
    QCOMPARE(grid.size(), 4);
    QCOMPARE(grid.nearest({0.102, 0.1}, 0.005), 0);
    QCOMPARE(grid.nearest({0.108, 0.1}, 0.005), 1);
    QCOMPARE(grid.nearest({0.3, 0.3}, 0.005), -1);   // nothing within the radius
    QCOMPARE(grid.nearest({0.5004, 0.5}, 0.001), 3); // nearest, not first
    QCOMPARE(grid.nearest({0.10, 0.1095}, 0.01), 0); // across a cell border
    grid.clear();
    QCOMPARE(grid.nearest({0.1, 0.1}, 1), -1);
}

void TestGeoIndex::pickWithFilterAndWithin()
{
    SpatialGrid grid;
    const std::vector<QPointF> pts{{0.2, 0.2}, {0.2001, 0.2}, {0.7, 0.7}};
    grid.build(pts, 0.001);
    QCOMPARE(grid.nearest({0.2001, 0.2}, 0.01, [](int i) { return i != 1; }), 0);
    auto inside = grid.within(QRectF(0.1, 0.1, 0.2, 0.2));
    std::sort(inside.begin(), inside.end());
    QCOMPARE(inside, (std::vector<int>{0, 1}));
    QCOMPARE(grid.within(QRectF(0, 0, 1, 1)).size(), size_t(3));
    // A radius spanning far more cells than exist falls back to a scan and still finds the nearest.
    QCOMPARE(grid.nearest({0.69, 0.69}, 0.5), 2);
}

void TestGeoIndex::pickMatchesBruteForce()
{
    QRandomGenerator rng(42);
    std::vector<QPointF> pts;
    for (int i = 0; i < 5000; ++i)
        pts.emplace_back(0.8 + rng.generateDouble() * 0.01, 0.4 + rng.generateDouble() * 0.01);
    SpatialGrid grid;
    grid.build(pts, 0.0002);
    for (int k = 0; k < 300; ++k) {
        const QPointF q(0.8 + rng.generateDouble() * 0.01, 0.4 + rng.generateDouble() * 0.01);
        const double r = 0.0003;
        int best = -1;
        double bestD = r * r;
        for (int i = 0; i < int(pts.size()); ++i) {
            const QPointF d = pts[i] - q;
            const double d2 = QPointF::dotProduct(d, d);
            if (d2 <= bestD) {
                bestD = d2;
                best = i;
            }
        }
        const int got = grid.nearest(q, r);
        if (got != best) { // equal distance is allowed
            QVERIFY(got >= 0 && best >= 0);
            const QPointF a = pts[got] - q;
            QCOMPARE(QPointF::dotProduct(a, a), bestD);
        }
    }
}

void TestGeoIndex::mapQueries()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("cache.db")), &error);
    QVERIFY2(db, qPrintable(error));
    const Instant now = 1'800'000'000'000;

    QList<Parcel> parcels;
    auto make = [&](const QString &waybill, ParcelStatus status) {
        Parcel p;
        p.waybillNo = waybill;
        p.status = status;
        p.destination = GeoPoint{31.2, 121.4};
        p.promisedAt = now - 3600000;
        p.courierId = QStringLiteral("c1");
        p.stationId = QStringLiteral("s1");
        return p;
    };
    Parcel moving = make(QStringLiteral("SF1"), ParcelStatus::OutForDelivery);
    moving.position = GeoPoint{31.25, 121.45};
    parcels << moving << make(QStringLiteral("SF2"), ParcelStatus::InTransit);
    Parcel delivered = make(QStringLiteral("SF3"), ParcelStatus::Delivered);
    delivered.deliveredAt = now - 7200000;
    Parcel deliveredWithComplaint = make(QStringLiteral("SF4"), ParcelStatus::Delivered);
    deliveredWithComplaint.deliveredAt = now - 60000; // after its promise: late
    Parcel nowhere = make(QStringLiteral("SF5"), ParcelStatus::Created);
    nowhere.destination.reset();
    parcels << delivered << deliveredWithComplaint << nowhere;
    ParcelRepository repo(*db);
    QVERIFY2(repo.upsert(parcels, &error), qPrintable(error));

    QList<Ticket> tickets;
    for (int i = 0; i < 3; ++i) {
        Ticket t;
        t.id = QStringLiteral("t%1").arg(i);
        t.number = QStringLiteral("T-%1").arg(i);
        t.waybillNo = i == 2 ? QStringLiteral("SF1") : QStringLiteral("SF4");
        t.createdAt = now - 1000 * (10 - i);
        t.updatedAt = t.createdAt;
        t.status = i == 1 ? TicketStatus::Closed : TicketStatus::New;
        tickets << t;
    }
    TicketRepository ticketRepo(*db);
    QVERIFY2(ticketRepo.upsert(tickets, &error), qPrintable(error));

    const MapQueries q(*db);
    const auto shown = q.parcels();
    QStringList waybills;
    for (const auto &p : shown)
        waybills << p.waybillNo;
    // Delivered without complaint and without any point are left out.
    QCOMPARE(waybills, (QStringList{QStringLiteral("SF1"), QStringLiteral("SF2"), QStringLiteral("SF4")}));
    QCOMPARE(shown[0].point, (GeoPoint{31.25, 121.45}));
    QVERIFY(!shown[0].atDestination);
    QVERIFY(shown[1].atDestination);
    QCOMPARE(shown[0].openTickets, 1);
    QCOMPARE(shown[2].openTickets, 1); // one of its two tickets is closed
    QVERIFY(shown[0].isLate(now));
    QVERIFY(!shown[0].isLate(now - 7200000));
    QVERIFY(shown[2].isLate(now));
    QVERIFY(!q.parcel(QStringLiteral("SF3"))->isLate(now)); // delivered before the promise

    const auto ticketsOf = q.ticketsOf(QStringLiteral("SF4"));
    QCOMPARE(ticketsOf.size(), 2);
    QCOMPARE(ticketsOf[0].id, QStringLiteral("t1")); // newest first
    QCOMPARE(ticketsOf[0].status, TicketStatus::Closed);
    QCOMPARE(q.waybillOfTicket(QStringLiteral("t2")), QStringLiteral("SF1"));
    QCOMPARE(q.waybillOfTicket(QStringLiteral("T-0")), QStringLiteral("SF4"));
    QVERIFY(q.waybillOfTicket(QStringLiteral("nope' OR 1=1 --")).isEmpty());

    Courier c;
    c.id = QStringLiteral("c1");
    c.position = GeoPoint{31.3, 121.5};
    c.lastSeen = now;
    DirectoryRepository dirRepo(*db);
    QVERIFY(dirRepo.upsertCouriers({c}, &error));
    const auto pos = q.courierPositions({QStringLiteral("c1"), QStringLiteral("c2")});
    QCOMPARE(pos.size(), 1);
    QCOMPARE(pos.value(QStringLiteral("c1")).position, (GeoPoint{31.3, 121.5}));

    // ETA: about 13.3 km at 15 km/h plus a 5-minute stop.
    const auto eta = estimateEta(shown[0], GeoPoint{31.3, 121.5}, now);
    QVERIFY(eta);
    const double minutes = double(*eta - now) / 60000.0;
    QVERIFY2(minutes > 50 && minutes < 65, qPrintable(QString::number(minutes)));
    QCOMPARE(estimateEta(*q.parcel(QStringLiteral("SF3")), std::nullopt, now), delivered.deliveredAt);
    QVERIFY(!estimateEta(shown[1], std::nullopt, now));
}

QTEST_GUILESS_MAIN(TestGeoIndex)
#include "tst_geoindex.moc"
