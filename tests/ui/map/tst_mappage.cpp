// The map page on a real cache: filters, waybill search, the parcel card and its ticket button, live
// couriers, centring from a ticket, the incident layer and the trend highlights; and the mini map of the
// ticket pane.
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/incidentrepository.h"
#include "models/store/parcelrepository.h"
#include "models/store/ticketrepository.h"
#include "ui/map/mappage.h"
#include "ui/map/mapview.h"
#include "ui/map/parcelcard.h"
#include "ui/map/parcelminimap.h"

#include <QCheckBox>
#include <QComboBox>
#include <QJsonObject>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;

namespace {
constexpr Instant kNow = 1'800'000'000'000;

IncidentRecord incident(const QString &id, const QString &dimension, const QString &key, const QString &place,
                        int parcels, const QString &state)
{
    const QJsonObject o{{QStringLiteral("id"), id},
                        {QStringLiteral("window_start"), instantToIso(kNow - 3 * 3600000)},
                        {QStringLiteral("window_end"), instantToIso(kNow)},
                        {QStringLiteral("cause"), QString(dimension + QStringLiteral("_delay"))},
                        {QStringLiteral("dimension"), dimension},
                        {QStringLiteral("key"), key},
                        {QStringLiteral("place"), place},
                        {QStringLiteral("family"), QStringLiteral("delay")},
                        {QStringLiteral("parcels"), parcels},
                        {QStringLiteral("state"), state},
                        {QStringLiteral("version"), 1}};
    return *IncidentRecord::fromJson(o);
}
} // namespace

class TestMapPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void filters();
    void searchShowsCard();
    void openTicketFromCard();
    void centreOnTicket();
    void couriersMovedFromCache();
    void miniMap();
    void incidentLayerFromCache();
    void highlightedStations();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    ManualClock m_clock{kNow};
    QTimeZone m_zone{"Asia/Shanghai"};
};

void TestMapPage::initTestCase()
{
    QString error;
    m_db = Database::open(m_dir.filePath(QStringLiteral("cache.db")), &error);
    QVERIFY2(m_db, qPrintable(error));
    DirectoryRepository dir(*m_db);
    QVERIFY(dir.upsertStations({Station{QStringLiteral("s1"), QStringLiteral("Pudong"),
                                        QStringLiteral("Shanghai"), GeoPoint{31.22, 121.54}, 1},
                                Station{QStringLiteral("s2"), QStringLiteral("Minhang"),
                                        QStringLiteral("Shanghai"), GeoPoint{31.11, 121.38}, 1}},
                               &error));
    Courier c;
    c.id = QStringLiteral("c1");
    c.name = QStringLiteral("Wang Wei");
    c.phone = QStringLiteral("13800138000");
    c.stationId = QStringLiteral("s1");
    c.position = GeoPoint{31.21, 121.50};
    c.lastSeen = kNow - 60000;
    QVERIFY(dir.upsertCouriers({c}, &error));

    QList<Parcel> parcels;
    for (int i = 0; i < 10; ++i) {
        Parcel p;
        p.waybillNo = QStringLiteral("SF%1").arg(100 + i);
        p.status = i == 3 ? ParcelStatus::Exception : ParcelStatus::OutForDelivery;
        p.destination = GeoPoint{31.20 + i * 0.01, 121.45 + i * 0.01};
        p.position = GeoPoint{31.19 + i * 0.01, 121.44 + i * 0.01};
        p.promisedAt = i < 4 ? kNow - 3600000 : kNow + 3600000; // SF100–SF103 late
        p.courierId = QStringLiteral("c1");
        p.stationId = i % 2 ? QStringLiteral("s2") : QStringLiteral("s1");
        parcels << p;
    }
    ParcelRepository repo(*m_db);
    QVERIFY(repo.upsert(parcels, &error));
    TrackingEvent e;
    e.id = QStringLiteral("e1");
    e.waybillNo = QStringLiteral("SF105");
    e.at = kNow - 7200000;
    e.status = ParcelStatus::AtStation;
    e.place = QStringLiteral("Pudong");
    e.position = GeoPoint{31.22, 121.54};
    QVERIFY(repo.upsertTracking({e}, &error));

    QList<Ticket> tickets;
    for (int i = 0; i < 2; ++i) {
        Ticket t;
        t.id = QStringLiteral("tk%1").arg(i);
        t.number = QStringLiteral("T-00%1").arg(i);
        t.waybillNo = QStringLiteral("SF105");
        t.createdAt = kNow - 100000 + i;
        t.updatedAt = t.createdAt;
        t.category = Category::Delay;
        tickets << t;
    }
    QVERIFY(TicketRepository(*m_db).upsert(tickets, &error));
}

void TestMapPage::filters()
{
    MapPage page(*m_db, m_zone);
    page.setClock(&m_clock);
    QCOMPARE(page.shownParcelCount(), 10);
    page.lateOnly()->setChecked(true);
    QCOMPARE(page.shownParcelCount(), 4);
    page.lateOnly()->setChecked(false);
    page.complaintsOnly()->setChecked(true);
    QCOMPARE(page.shownParcelCount(), 1);
    page.complaintsOnly()->setChecked(false);
    QCOMPARE(page.stationFilter()->count(), 3); // all + two stations
    page.stationFilter()->setCurrentIndex(page.stationFilter()->findData(QStringLiteral("s2")));
    QCOMPARE(page.shownParcelCount(), 5);
    // Later, more parcels are late.
    page.stationFilter()->setCurrentIndex(0);
    m_clock.setNow(kNow + 2 * 3600000);
    page.lateOnly()->setChecked(true);
    QCOMPARE(page.shownParcelCount(), 10);
    m_clock.setNow(kNow);
}

void TestMapPage::searchShowsCard()
{
    MapPage page(*m_db, m_zone);
    page.setClock(&m_clock);
    page.resize(1000, 700);
    page.mapView()->setAnimated(false);
    QSignalSpy selected(&page, &MapPage::parcelSelected);
    page.searchField()->setText(QStringLiteral(" SF105 "));
    QTest::keyClick(page.searchField(), Qt::Key_Return);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(page.mapView()->selectedParcel(), QStringLiteral("SF105"));
    QVERIFY(page.mapView()->viewport().zoom() >= 15);
    const QPointF centre = page.mapView()->screenPos(GeoPoint{31.24, 121.49});
    QVERIFY(
        (centre - QPointF(page.mapView()->width() / 2.0, page.mapView()->height() / 2.0)).manhattanLength() <
        2);
    const map::ParcelCard *card = page.card();
    QCOMPARE(card->fieldText(QStringLiteral("waybill")), QStringLiteral("SF105"));
    QCOMPARE(card->fieldText(QStringLiteral("status")), displayName(ParcelStatus::OutForDelivery));
    QCOMPARE(
        card->fieldText(QStringLiteral("promised")),
        QDateTime::fromMSecsSinceEpoch(kNow + 3600000, m_zone).toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    QCOMPARE(card->fieldText(QStringLiteral("courier")), QStringLiteral("Wang Wei"));
    QVERIFY(card->fieldText(QStringLiteral("eta")).startsWith(QStringLiteral("20")));
    QCOMPARE(card->tickets()->count(), 2);
    QVERIFY(!card->fieldText(QStringLiteral("courier")).contains(QStringLiteral("138"))); // no phone shown

    QVERIFY(!page.centreOnParcel(QStringLiteral("NOPE")));
    QCOMPARE(page.mapView()->selectedParcel(), QStringLiteral("SF105"));
    // Clicking a parcel on the map opens its card.
    page.mapView()->setView(GeoPoint{31.22, 121.47}, 15);
    QTest::mouseClick(page.mapView(), Qt::LeftButton, {},
                      page.mapView()->screenPos(GeoPoint{31.22, 121.47}).toPoint());
    QCOMPARE(card->fieldText(QStringLiteral("waybill")), QStringLiteral("SF103"));
    QCOMPARE(card->fieldText(QStringLiteral("status")),
             QStringLiteral("%1 (late)").arg(displayName(ParcelStatus::Exception)));
    QCOMPARE(card->tickets()->count(), 1); // "no tickets" line
    QVERIFY(!card->openButton()->isEnabled());
}

void TestMapPage::openTicketFromCard()
{
    MapPage page(*m_db, m_zone);
    page.mapView()->setAnimated(false);
    QSignalSpy open(&page, &MapPage::openTicketRequested);
    QVERIFY(page.centreOnParcel(QStringLiteral("SF105")));
    page.card()->tickets()->setCurrentRow(1);
    QVERIFY(page.card()->openButton()->isEnabled());
    page.card()->openButton()->click();
    QCOMPARE(open.count(), 1);
    QCOMPARE(open.at(0).at(0).toString(), QStringLiteral("tk0")); // newest first: tk1, tk0
}

void TestMapPage::centreOnTicket()
{
    MapPage page(*m_db, m_zone);
    page.mapView()->setAnimated(false);
    QVERIFY(page.centreOnTicket(QStringLiteral("T-001")));
    QCOMPARE(page.mapView()->selectedParcel(), QStringLiteral("SF105"));
    QVERIFY(!page.centreOnTicket(QStringLiteral("missing")));
}

void TestMapPage::couriersMovedFromCache()
{
    MapPage page(*m_db, m_zone);
    page.resize(800, 600);
    page.mapView()->setAnimated(false);
    page.mapView()->setView(GeoPoint{31.21, 121.50}, 14);
    QCOMPARE(page.mapView()->hitAt(page.mapView()->screenPos(GeoPoint{31.21, 121.50})).id,
             QStringLiteral("c1"));
    QString error;
    QVERIFY(DirectoryRepository(*m_db).updatePositions(
        {CourierPosition{QStringLiteral("c1"), GeoPoint{31.215, 121.51}, kNow}}, &error));
    page.couriersMoved({QStringLiteral("c1")});
    const auto hit = page.mapView()->hitAt(page.mapView()->screenPos(GeoPoint{31.215, 121.51}));
    QCOMPARE(hit.layer, map::MapView::Layer::Courier);
    QCOMPARE(hit.id, QStringLiteral("c1"));
}

void TestMapPage::miniMap()
{
    ParcelMiniMap mini(*m_db, m_zone);
    mini.resize(320, 220);
    QVERIFY(mini.showParcel(QStringLiteral("SF105")));
    mini.show(); // laid out: the map refits to its real size
    QVERIFY(QTest::qWaitForWindowExposed(&mini));
    QCOMPARE(mini.waybill(), QStringLiteral("SF105"));
    // The route (station → now → destination) fits in the view.
    for (const GeoPoint &p : {GeoPoint{31.22, 121.54}, GeoPoint{31.24, 121.49}, GeoPoint{31.25, 121.50}}) {
        const QPointF s = mini.mapView()->screenPos(p);
        QVERIFY(s.x() >= 0 && s.y() >= 0 && s.x() <= mini.mapView()->width() &&
                s.y() <= mini.mapView()->height());
    }
    QSignalSpy open(&mini, &ParcelMiniMap::openMapRequested);
    QTest::mouseClick(mini.mapView(), Qt::LeftButton, {},
                      mini.mapView()->screenPos(GeoPoint{31.24, 121.49}).toPoint());
    QCOMPARE(open.count(), 1);
    QVERIFY(!mini.showParcel(QStringLiteral("NOPE")));
    QVERIFY(mini.waybill().isEmpty());
}

void TestMapPage::incidentLayerFromCache()
{
    MapPage page(*m_db, m_zone);
    page.resize(1000, 700);
    page.mapView()->setAnimated(false);
    QVERIFY(page.mapView()->incidentIds().isEmpty());
    QVERIFY(!page.incidentPicker()->isEnabled());
    // Open at s1 (Pudong); resolved at s2; a route's incident whose place names s2 (Minhang) in other case
    // and spacing; a route through a hub that is no station, and a station the directory lacks: not placed.
    QString error;
    QVERIFY2(IncidentRepository(*m_db).upsert(
                 {incident(QStringLiteral("inc-s1"), QStringLiteral("station"), QStringLiteral("s1"),
                           QStringLiteral("Pudong"), 42, QStringLiteral("open")),
                  incident(QStringLiteral("inc-old"), QStringLiteral("station"), QStringLiteral("s2"),
                           QStringLiteral("Minhang"), 30, QStringLiteral("resolved")),
                  incident(QStringLiteral("inc-route"), QStringLiteral("route"), QStringLiteral(" minhang "),
                           QStringLiteral(" minhang "), 7, QStringLiteral("open")),
                  incident(QStringLiteral("inc-hub"), QStringLiteral("route"), QStringLiteral("Nowhere hub"),
                           QStringLiteral("Nowhere hub"), 90, QStringLiteral("open")),
                  incident(QStringLiteral("inc-x"), QStringLiteral("station"), QStringLiteral("s9"),
                           QStringLiteral("Gone"), 5, QStringLiteral("open"))},
                 &error),
             qPrintable(error));
    page.reloadFromCache(); // as after a sync
    QCOMPARE(page.mapView()->incidentIds(),
             (QStringList{QStringLiteral("inc-s1"), QStringLiteral("inc-route")}));
    QCOMPARE(page.incidentPicker()->count(), 3); // "Go to an incident…" and the two
    QVERIFY(page.incidentPicker()->itemText(1).contains(QStringLiteral("42")));

    // A click on inc-s1's ring asks for that incident.
    QSignalSpy requested(&page, &MapPage::incidentRequested);
    map::MapView *view = page.mapView();
    view->setView(GeoPoint{31.22, 121.54}, 13);
    const QPointF s1 = view->screenPos(GeoPoint{31.22, 121.54});
    QTest::mouseClick(view, Qt::LeftButton, {},
                      (s1 - QPointF(map::MapView::kIncidentRingRadius, 0)).toPoint());
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("inc-s1"));
    QCOMPARE(view->selectedIncident(), QStringLiteral("inc-s1"));

    // By keyboard: the list (Down from inc-s1 to inc-route flies there), then "Open incident".
    QTest::keyClick(page.incidentPicker(), Qt::Key_Down);
    QCOMPARE(page.incidentPicker()->currentData().toString(), QStringLiteral("inc-route"));
    QCOMPARE(view->selectedIncident(), QStringLiteral("inc-route"));
    QVERIFY((view->screenPos(GeoPoint{31.11, 121.38}) - QPointF(view->width() / 2.0, view->height() / 2.0))
                .manhattanLength() < 2);
    QCOMPARE(requested.count(), 1); // choosing is not opening
    QVERIFY(page.openIncidentButton()->isEnabled());
    QTest::keyClick(page.openIncidentButton(), Qt::Key_Space);
    QCOMPARE(requested.count(), 2);
    QCOMPARE(requested.at(1).at(0).toString(), QStringLiteral("inc-route"));

    // The layer off: no rings, nothing to choose; on again: back.
    page.incidentsToggle()->setChecked(false);
    QVERIFY(view->incidentIds().isEmpty());
    QVERIFY(!page.incidentPicker()->isEnabled());
    QVERIFY(!page.openIncidentButton()->isEnabled());
    page.incidentsToggle()->setChecked(true);
    QCOMPARE(view->incidentIds().size(), 2);

    // Resolved in the cache: gone at the next reload.
    QVERIFY(IncidentRepository(*m_db).upsert(
        {incident(QStringLiteral("inc-s1"), QStringLiteral("station"), QStringLiteral("s1"),
                  QStringLiteral("Pudong"), 42, QStringLiteral("resolved"))},
        &error));
    page.reloadFromCache();
    QCOMPARE(view->incidentIds(), QStringList{QStringLiteral("inc-route")});
    QCOMPARE(page.incidentPicker()->currentData().toString(), QStringLiteral("inc-route")); // kept
}

void TestMapPage::highlightedStations()
{
    MapPage page(*m_db, m_zone);
    page.resize(1000, 700);
    map::MapView *view = page.mapView();
    view->resize(800, 600);
    view->setAnimated(false);
    view->setView(GeoPoint{31.11, 121.38}, 13);
    const auto redAt = [&] {
        QImage image(view->size(), QImage::Format_RGB32);
        view->render(&image); // lays the page out: the view's size is known after
        const QPoint onRing =
            (view->screenPos(GeoPoint{31.11, 121.38}) + QPointF(map::MapView::kHighlightRingRadius, 0))
                .toPoint();
        const QColor c = image.pixelColor(onRing);
        return c.red() > 200 && c.green() < 70 && c.blue() < 80;
    };
    QVERIFY(!redAt());
    // s2 (Minhang) has a position; "nope" is no station.
    page.setHighlightedStations({{QStringLiteral("s2"), QStringLiteral("投诉激增 ×3.2")},
                                 {QStringLiteral("nope"), QStringLiteral("投诉激增 ×9")}});
    QCOMPARE(view->highlightIds(), QStringList{QStringLiteral("s2")});
    QVERIFY(redAt());
    page.reloadFromCache(); // kept across a sync
    QCOMPARE(view->highlightIds(), QStringList{QStringLiteral("s2")});
    page.setHighlightedStations({});
    QVERIFY(view->highlightIds().isEmpty());
    QVERIFY(!redAt());
}

QTEST_MAIN(TestMapPage)
#include "tst_mappage.moc"
