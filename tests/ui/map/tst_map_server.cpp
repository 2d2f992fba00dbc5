// The map's parcels from the server (issue 18): a console caches only the parcels of its tickets, so the map
// page asks the real parceldesk-server for the parcels under way in the area in view — counted clusters when
// zoomed out, each parcel from zoom 14 — and looks up a searched waybill the cache does not hold. Offline an
// area seen before shows as it was loaded (and says so), an area never loaded says that only the parcels of
// the agent's tickets are shown, and a search says the server cannot be reached. Figures are the ingested
// parcels: 80 in group A, 50 in group B, far from the demo city.
#include "../../sync/syncharness.h"
#include "models/domain/clock.h"
#include "models/store/parcelrepository.h"
#include "ui/common/serverlink.h"
#include "ui/map/mappage.h"
#include "ui/map/mapview.h"
#include "ui/map/parcelcard.h"

#include <QApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
constexpr double kALat = 43.80, kALon = 87.60;
constexpr double kBLat = 43.90, kBLon = 87.85;
const GeoPoint kCity{43.85, 87.72};     // A and B in view at zoom 10
const GeoPoint kStreet{43.802, 87.602}; // A's middle
const GeoPoint kElsewhere{44.60, 88.60};

QString waybill(int n)
{
    return u"YT88%1"_s.arg(n, 11, 10, QLatin1Char('0'));
}

QJsonObject point(double lat, double lon)
{
    return {{u"lat"_s, lat}, {u"lon"_s, lon}};
}
} // namespace

class TestMapServer final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void zoomedOutTheServerCounts();
    void zoomedInEachParcel();
    void searchLooksUpTheServer();
    void offlineSaysWhatItShows();
    void liveViewportFollowsTheView();

private:
    /// Moves the map and waits until the count settles on @p expected (false after 10 s).
    bool viewAndWait(const GeoPoint &centre, double zoom, int expected);

    ServerFixture m_server;
    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<Console> m_agent;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ServerLink> m_link;
    std::unique_ptr<MapPage> m_page;
    int m_cachedOnly = 0;
};

void TestMapServer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start() >= 0);
    QJsonArray parcels, events;
    const QString now = QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODateWithMs);
    for (int i = 0; i < 130; ++i) {
        const bool a = i < 80;
        const double lat = a ? kALat + (i % 10) * 0.0005 : kBLat + (i % 10) * 0.0005;
        const double lon = a ? kALon + (i / 10) * 0.0005 : kBLon;
        parcels.append(QJsonObject{{u"waybill_no"_s, waybill(i)},
                                   {u"destination"_s, point(lat + 0.02, lon)},
                                   {u"station_id"_s, u"st-map"_s}});
        events.append(QJsonObject{{u"waybill_no"_s, waybill(i)},
                                  {u"at"_s, now},
                                  {u"status"_s, u"in_transit"_s},
                                  {u"position"_s, point(lat, lon)}});
    }
    const Reply r = m_server.request("POST", u"/api/v1/tracking"_s, m_server.token(u"admin"_s),
                                     QJsonObject{{u"parcels"_s, parcels}, {u"events"_s, events}});
    QVERIFY2(r.status == 200, r.body.constData());

    const QString cache = m_dir.filePath(u"agent1.sqlite"_s);
    m_agent = std::make_unique<Console>(cache, m_server.url({}));
    QVERIFY(m_agent->signIn(u"agent1"_s));
    QVERIFY(m_agent->sync());
    QString error;
    m_db = Database::open(cache, &error);
    QVERIFY2(m_db, qPrintable(error));
    QVERIFY(!ParcelRepository(*m_db).byWaybill(waybill(0))); // no ticket is about them: not synced
    m_link = std::make_unique<ServerLink>();
    m_link->setClient(m_agent->engine.api());
    m_page = std::make_unique<MapPage>(*m_db, QTimeZone("Asia/Shanghai"));
    m_page->setClock(&m_clock);
    m_page->mapView()->setAnimated(false);
    m_page->resize(1200, 800);
    m_page->show();
    m_cachedOnly = m_page->shownParcelCount(); // before the server: what the cache shows
    m_page->setServerLink(m_link.get());
}

void TestMapServer::cleanupTestCase()
{
    m_page.reset();
    m_link.reset();
    m_db.reset();
    m_agent.reset();
}

bool TestMapServer::viewAndWait(const GeoPoint &centre, double zoom, int expected)
{
    m_page->mapView()->setView(centre, zoom);
    const bool settled = QTest::qWaitFor([&] { return m_page->shownParcelCount() == expected; }, 10000);
    if (!settled)
        qWarning() << "shown" << m_page->shownParcelCount() << "expected" << expected << m_page->areaNote();
    return settled;
}

void TestMapServer::zoomedOutTheServerCounts()
{
    QVERIFY(viewAndWait(kCity, 10, 130 + m_cachedOnly));
    QVERIFY(m_page->mapView()->isClustering());
    int sum = 0;
    for (const geo::Cluster &c : m_page->mapView()->visibleClusters())
        sum += c.count;
    QCOMPARE(sum, 130 + m_cachedOnly);
    QVERIFY(m_page->areaNote().isEmpty());
}

void TestMapServer::zoomedInEachParcel()
{
    QVERIFY(viewAndWait(kStreet, 16, 80 + m_cachedOnly));
    QVERIFY(!m_page->mapView()->isClustering());
    // A marker of the server's is a parcel like any other: a click opens its card.
    const QPointF at = m_page->mapView()->screenPos({kALat, kALon});
    const map::MapView::Hit hit = m_page->mapView()->hitAt(at);
    QCOMPARE(hit.layer, map::MapView::Layer::Parcel);
    QCOMPARE(hit.id, waybill(0));
    Q_EMIT m_page->mapView()->parcelClicked(hit.id);
    QCOMPARE(m_page->card()->waybill(), waybill(0));
}

void TestMapServer::searchLooksUpTheServer()
{
    // Parcel 100 is in group B, out of view and not in the cache.
    m_page->searchField()->setText(waybill(100));
    QTest::keyClick(m_page->searchField(), Qt::Key_Return);
    QVERIFY(QTest::qWaitFor([&] { return m_page->card()->waybill() == waybill(100); }, 10000));
    QVERIFY(m_page->searchMessage().isEmpty());
}

void TestMapServer::offlineSaysWhatItShows()
{
    m_page->reloadFromCache();  // as after a sync: the parcels looked up before are the server's, not cached
    m_link->setClient(nullptr); // signed out, or the session not there yet
    // The cache's parcels, and the selected one (100, looked up on the server): it stays while its card is
    // open.
    QVERIFY(viewAndWait(kElsewhere, 10, m_cachedOnly + 1));
    QVERIFY2(m_page->areaNote().contains(u"never loaded"_s), qPrintable(m_page->areaNote()));
    // The area seen before shows as it was loaded.
    QVERIFY(viewAndWait(kCity, 10, 130 + m_cachedOnly)); // 100 is among the 130 counted
    QVERIFY2(m_page->areaNote().contains(u"as loaded at"_s), qPrintable(m_page->areaNote()));
    m_page->searchField()->setText(waybill(120));
    QTest::keyClick(m_page->searchField(), Qt::Key_Return);
    QVERIFY2(m_page->searchMessage().contains(u"cannot be reached"_s), qPrintable(m_page->searchMessage()));

    // The session is there, the server is not.
    m_link->setClient(m_agent->engine.api());
    m_server.stop();
    m_page->mapView()->setView(kStreet, 12);
    QVERIFY2(QTest::qWaitFor([&] { return m_page->areaNote().contains(u"never loaded"_s); }, 30000),
             qPrintable(m_page->areaNote()));
}

void TestMapServer::liveViewportFollowsTheView()
{
    // What the console asks the live feed for: the area in view while shown, every courier while hidden.
    QSignalSpy spy(m_page.get(), &MapPage::liveViewportChanged);
    m_page->mapView()->setView(kStreet, 14);
    QVERIFY(spy.wait(5000));
    const QJsonArray box = spy.constLast().at(0).value<QJsonValue>().toArray();
    QCOMPARE(box.size(), 4);
    QVERIFY(box.at(0).toDouble() < kStreet.lon && box.at(2).toDouble() > kStreet.lon);
    QVERIFY(box.at(1).toDouble() < kStreet.lat && box.at(3).toDouble() > kStreet.lat);
    QVERIFY(box.at(2).toDouble() - box.at(0).toDouble() < 0.2); // about 1200 px at zoom 14
    m_page->hide();
    QVERIFY(spy.constLast().at(0).value<QJsonValue>().isNull());
}

QTEST_MAIN(TestMapServer)
#include "tst_map_server.moc"
