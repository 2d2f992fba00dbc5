// The map page on demo-like data: `map_demo [OUT.png]` writes a screenshot (docs/screenshots/map.png, see
// scripts/screenshot-map.sh) or, without an argument, stays open to try the map by hand.
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/parcelrepository.h"
#include "models/store/ticketrepository.h"
#include "ui/map/mappage.h"
#include "ui/map/mapview.h"

#include <QApplication>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace pd;

namespace {

constexpr Instant kNow = 1'796'000'000'000; // 2026-11-30 ~ 01:33 UTC

bool seed(const Database &db, QString *error)
{
    QRandomGenerator rng(7);
    const struct
    {
        const char *id;
        const char16_t *name;
        double lat, lon;
    } stations[] = {{"st-pd", u"浦东新区站", 31.221, 121.544}, {"st-mh", u"闵行站", 31.112, 121.382},
                    {"st-jd", u"嘉定站", 31.375, 121.265},     {"st-bs", u"宝山站", 31.405, 121.489},
                    {"st-xh", u"徐汇站", 31.188, 121.437},     {"st-sj", u"松江站", 31.032, 121.227},
                    {"st-qp", u"青浦站", 31.151, 121.124},     {"st-jq", u"静安站", 31.229, 121.448}};
    QList<Station> stationRows;
    for (const auto &s : stations)
        stationRows << Station{QString::fromLatin1(s.id), QString::fromUtf16(s.name), QStringLiteral("上海"),
                               GeoPoint{s.lat, s.lon}, 1};
    DirectoryRepository dir(db);
    if (!dir.upsertStations(stationRows, error))
        return false;
    const QStringList surnames{QStringLiteral("王"), QStringLiteral("李"), QStringLiteral("张"),
                               QStringLiteral("刘"), QStringLiteral("陈"), QStringLiteral("杨")};
    QList<Courier> couriers;
    for (int i = 0; i < 60; ++i) {
        const auto &st = stationRows[i % stationRows.size()];
        Courier c;
        c.id = QStringLiteral("cr-%1").arg(i, 3, 10, QLatin1Char('0'));
        c.name = surnames[i % surnames.size()] + QStringLiteral("师傅 %1").arg(i);
        c.stationId = st.id;
        c.position = GeoPoint{st.position->lat + (rng.generateDouble() - 0.5) * 0.08,
                              st.position->lon + (rng.generateDouble() - 0.5) * 0.08};
        c.lastSeen = kNow - rng.bounded(600) * 1000;
        couriers << c;
    }
    if (!dir.upsertCouriers(couriers, error))
        return false;
    QList<Parcel> parcels;
    const ParcelStatus statuses[] = {ParcelStatus::InTransit, ParcelStatus::OutForDelivery,
                                     ParcelStatus::AtStation, ParcelStatus::OutForDelivery,
                                     ParcelStatus::PickedUp};
    for (int i = 0; i < 2500; ++i) {
        const Courier &c = couriers[rng.bounded(int(couriers.size()))];
        Parcel p;
        p.waybillNo = QStringLiteral("SF%1").arg(1400000000 + i * 7);
        p.status = rng.bounded(60) == 0 ? ParcelStatus::Exception : statuses[rng.bounded(5)];
        p.courierId = c.id;
        p.stationId = c.stationId;
        p.destination = GeoPoint{c.position->lat + (rng.generateDouble() - 0.5) * 0.12,
                                 c.position->lon + (rng.generateDouble() - 0.5) * 0.12};
        p.position = GeoPoint{c.position->lat + (rng.generateDouble() - 0.5) * 0.06,
                              c.position->lon + (rng.generateDouble() - 0.5) * 0.06};
        p.promisedAt = kNow + (rng.bounded(30) - 4) * 1800000LL; // about 1 in 8 already late
        parcels << p;
    }
    // The featured parcel: late, with a route and two complaints.
    Parcel &star = parcels[42];
    star.status = ParcelStatus::OutForDelivery;
    star.promisedAt = kNow - 2 * 3600000;
    star.position = GeoPoint{31.205, 121.505};
    star.destination = GeoPoint{31.196, 121.522};
    ParcelRepository repo(db);
    if (!repo.upsert(parcels, error))
        return false;
    const QList<TrackingEvent> track{{QStringLiteral("ev-1"),
                                      star.waybillNo,
                                      kNow - 26 * 3600000,
                                      ParcelStatus::PickedUp,
                                      QStringLiteral("嘉定站"),
                                      GeoPoint{31.375, 121.265},
                                      {}},
                                     {QStringLiteral("ev-2"),
                                      star.waybillNo,
                                      kNow - 9 * 3600000,
                                      ParcelStatus::InTransit,
                                      QStringLiteral("静安中转"),
                                      GeoPoint{31.229, 121.448},
                                      {}},
                                     {QStringLiteral("ev-3"),
                                      star.waybillNo,
                                      kNow - 5 * 3600000,
                                      ParcelStatus::AtStation,
                                      QStringLiteral("浦东新区站"),
                                      GeoPoint{31.221, 121.544},
                                      {}},
                                     {QStringLiteral("ev-4"),
                                      star.waybillNo,
                                      kNow - 3 * 3600000,
                                      ParcelStatus::OutForDelivery,
                                      QStringLiteral("浦东新区站"),
                                      GeoPoint{31.221, 121.544},
                                      {}}};
    if (!repo.upsertTracking(track, error))
        return false;
    QList<Ticket> tickets;
    for (int i = 0; i < 150; ++i) {
        Ticket t;
        t.id = QStringLiteral("tk-%1").arg(i);
        t.number = QStringLiteral("T-2611-%1").arg(i, 4, 10, QLatin1Char('0'));
        t.waybillNo = i < 2 ? star.waybillNo : parcels[rng.bounded(int(parcels.size()))].waybillNo;
        t.category = i % 3 ? Category::Delay : Category::Damage;
        t.status = i % 4 ? TicketStatus::Open : TicketStatus::New;
        t.createdAt = kNow - rng.bounded(48) * 3600000LL;
        t.updatedAt = t.createdAt;
        tickets << t;
    }
    return TicketRepository(db).upsert(tickets, error);
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(QStringLiteral("demo.db")), &error);
    if (!db || !seed(*db, &error)) {
        std::fprintf(stderr, "map_demo: %s\n", qPrintable(error));
        return 1;
    }
    ManualClock clock(kNow);
    MapPage page(*db, QTimeZone("Asia/Shanghai"));
    page.setClock(&clock);
    page.setWindowTitle(QStringLiteral("ParcelDesk — map"));
    page.resize(1280, 760);
    page.show();
    page.mapView()->setView(GeoPoint{31.22, 121.43}, 10.6);
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    QTimer::singleShot(400, &page, [&] {
        page.mapView()->setAnimated(false);
        page.centreOnParcel(QStringLiteral("SF%1").arg(1400000000 + 42 * 7));
        page.mapView()->setView(GeoPoint{31.215, 121.44}, 11.2);
    });
    if (!out.isEmpty())
        QTimer::singleShot(1500, &page, [&] { app.exit(page.grab().save(out) ? 0 : 2); });
    return app.exec();
}
