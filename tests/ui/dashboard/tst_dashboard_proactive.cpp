// The dashboard's proactive panels offscreen (docs/proactive.md, "Trend alerts", "The effect"): a trend alert
// that arrives through the change feed is listed with its figures and opens exactly its complaints in the
// workbench; a closed alert leaves the list; the effect panel shows the server's figures and says why when
// it has none.
#include "../../unit/kpi/kpitestdata.h"
#include "models/domain/clock.h"
#include "models/proactive/trendcomplaint.h"
#include "models/store/directoryrepository.h"
#include "models/store/trendalertrepository.h"
#include "sync/api/changesapi.h"
#include "sync/changeapplier.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/effectpanel.h"
#include "ui/dashboard/trendalertpanel.h"

#include <QJsonDocument>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace pd;
using namespace pd::test;

class TestDashboardProactive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void alertFromTheFeedIsListed();
    void showComplaintsOpensExactlyItsComplaints();
    void categoryAndRouteAlerts();
    void closedAlertLeavesTheList();
    void effectFigures();
    void effectOffline();

private:
    void applyAlert(const TrendAlert &alert, qint64 version);
    [[nodiscard]] TrendAlert stationAlert() const;

    std::unique_ptr<KpiCache> m_cache;
    std::unique_ptr<ManualClock> m_clock;
    const qint64 m_now = sh(2026, 11, 4, 15, 30);
    const qint64 m_windowStart = sh(2026, 11, 4, 12, 0);
    QStringList m_expected; ///< st-9's complaints in the window, newest first
};

void TestDashboardProactive::init()
{
    m_cache = std::make_unique<KpiCache>();
    m_clock = std::make_unique<ManualClock>(m_now);
    Station s9;
    s9.id = u"st-9"_s;
    s9.name = u"滨江长河网点"_s;
    Station s2;
    s2.id = u"st-2"_s;
    s2.name = u"西湖文三网点"_s;
    QVERIFY(DirectoryRepository(*m_cache->db).upsertStations({s9, s2}));
    // Ten complaints: six at st-9 in the window, one at st-9 before it, three at st-2 in it.
    QList<Ticket> tickets;
    QList<Parcel> parcels;
    m_expected.clear();
    for (int i = 0; i < 10; ++i) {
        const qint64 created = i == 6 ? m_windowStart - 10 * kMin : m_windowStart + qint64(i) * 20 * kMin;
        Ticket t = kpiTicket(i + 1, created);
        t.category = i < 7 ? Category::Delay : Category::Damage;
        Parcel p = delivered(i + 1, created, created + kHour);
        p.waybillNo = t.waybillNo;
        p.stationId = i < 7 ? u"st-9"_s : u"st-2"_s;
        p.originAddress = u"武汉发货仓"_s;
        p.destinationAddress = u"杭州市滨江区长河路1号"_s;
        tickets.append(t);
        parcels.append(p);
        if (i < 6)
            m_expected.prepend(t.id);
    }
    m_cache->add(tickets);
    m_cache->addParcels(parcels);
}

void TestDashboardProactive::cleanup()
{
    m_cache.reset();
    m_clock.reset();
}

TrendAlert TestDashboardProactive::stationAlert() const
{
    TrendAlert a;
    a.dimension = u"station"_s;
    a.key = u"st-9"_s;
    a.windowStart = m_windowStart;
    a.windowEnd = m_now;
    a.id = TrendDetector::alertId(a.dimension, a.key, a.windowStart);
    a.observed = 6;
    a.expected = 0.8;
    a.pValue = 2e-7;
    a.ratio = 7.5;
    a.level = u"alert"_s;
    a.openedAt = m_now - 5 * kMin;
    return a;
}

// As the sync engine does: a page of the change feed through the ChangeApplier.
void TestDashboardProactive::applyAlert(const TrendAlert &alert, qint64 version)
{
    ChangePage page;
    ChangeItem item;
    item.type = u"trend_alert"_s;
    item.id = alert.id;
    item.version = version;
    item.data = trendAlertToJson(alert, version);
    page.items = {item};
    page.nextCursor = u"c-%1"_s.arg(version);
    QString error;
    QVERIFY2(ChangeApplier(*m_cache->db).apply(page, nullptr, &error), qPrintable(error));
}

void TestDashboardProactive::alertFromTheFeedIsListed()
{
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.refresh();
    QVERIFY(page.trendAlerts()->isHidden());
    applyAlert(stationAlert(), 1);
    page.reloadTrendAlerts();
    QVERIFY(!page.trendAlerts()->isHidden());
    QCOMPARE(page.trendAlerts()->list()->count(), 1);
    const QString line = page.trendAlerts()->list()->item(0)->text();
    QVERIFY2(line.contains(u"滨江长河网点"_s), qPrintable(line));
    QVERIFY2(line.contains(u"6 complaint"_s), qPrintable(line));
    QVERIFY2(line.contains(u"12:00"_s), qPrintable(line)); // the window's start in company time
    QVERIFY2(line.contains(u"0.8"_s) && line.contains(u"×7.5"_s), qPrintable(line));
    QVERIFY(page.findChild<QPushButton *>(u"trendMapButton"_s)->isEnabled());
    // An older version of the same alert never replaces the newer one.
    TrendAlert older = stationAlert();
    older.observed = 2;
    applyAlert(older, 0);
    QCOMPARE(TrendAlertRepository(*m_cache->db).byId(older.id)->observed, 6);
}

void TestDashboardProactive::showComplaintsOpensExactlyItsComplaints()
{
    applyAlert(stationAlert(), 1);
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.refresh();
    QSignalSpy drill(&page, &DashboardPage::drillDownRequested);
    QSignalSpy map(&page, &DashboardPage::showStationRequested);
    page.findChild<QPushButton *>(u"trendComplaintsButton"_s)->click();
    QCOMPARE(drill.size(), 1);
    const auto query = drill.first().at(0).value<TicketQuery>();
    QVERIFY(query.ids.has_value());
    QCOMPARE(*query.ids, m_expected);
    QVERIFY(drill.first().at(1).toString().contains(u"滨江长河网点"_s));
    // The query gives the workbench those six rows.
    const TicketPage rows = TicketRepository(*m_cache->db).query(query);
    QCOMPARE(rows.rows.size(), 6);
    page.findChild<QPushButton *>(u"trendMapButton"_s)->click();
    QCOMPARE(map.size(), 1);
    QCOMPARE(map.first().at(0).toString(), u"st-9"_s);
}

void TestDashboardProactive::categoryAndRouteAlerts()
{
    TrendAlert damage = stationAlert();
    damage.dimension = u"category"_s;
    damage.key = u"damage"_s;
    damage.id = TrendDetector::alertId(damage.dimension, damage.key, damage.windowStart);
    QCOMPARE(TrendAlertRepository(*m_cache->db).complaintIds(damage).size(), 3);
    TrendAlert route = stationAlert();
    route.dimension = u"route"_s;
    route.key = u"武汉→杭州"_s;
    // Nine of the ten are in the window; all came from Wuhan to Hangzhou.
    QCOMPARE(TrendAlertRepository(*m_cache->db).complaintIds(route).size(), 9);
    applyAlert(damage, 1);
    TrendAlertPanel panel(*m_cache->db, shanghai());
    panel.reload();
    QCOMPARE(panel.alerts().size(), 1);
    QVERIFY(!panel.findChild<QPushButton *>(u"trendMapButton"_s)->isEnabled()); // no place on the map
}

void TestDashboardProactive::closedAlertLeavesTheList()
{
    applyAlert(stationAlert(), 1);
    TrendAlert closed = stationAlert();
    closed.closedAt = m_now + kHour;
    applyAlert(closed, 2);
    QVERIFY(TrendAlertRepository(*m_cache->db).open().isEmpty());
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.refresh();
    QVERIFY(page.trendAlerts()->isHidden());
}

void TestDashboardProactive::effectFigures()
{
    const QByteArray json = R"({"from":"2026-10-28T16:00:00.000Z","to":"2026-11-04T16:00:00.000Z",
        "parcels_with_exception":50,
        "notified_first":{"parcels":30,"complained":3,"complaint_rate_percent":10.0,"csat":4.2,"csat_answers":2},
        "not_notified_first":{"parcels":20,"complained":5,"complaint_rate_percent":25.0,"csat":3.1,
                              "csat_answers":4},
        "share_notified_first_percent":60.0,"median_minutes_to_notice":12.5})";
    const auto figures = EffectFigures::fromJson(QJsonDocument::fromJson(json).object());
    QVERIFY(figures);
    QCOMPARE(figures->notifiedFirst.parcels, 30);
    QCOMPARE(*figures->complaintReductionPercent(), 60.0);
    EffectPanel panel(*m_clock);
    panel.setFigures(figures);
    QVERIFY2(panel.valueText(EffectPanel::Told).contains(u"10.0 %"_s),
             qPrintable(panel.valueText(EffectPanel::Told)));
    QVERIFY(panel.valueText(EffectPanel::Told).contains(u"4.20"_s));
    QVERIFY(panel.valueText(EffectPanel::NotTold).contains(u"25.0 %"_s));
    QVERIFY(panel.valueText(EffectPanel::Share).contains(u"60.0 %"_s));
    QVERIFY(panel.valueText(EffectPanel::Share).contains(u"50"_s));
    QVERIFY(panel.valueText(EffectPanel::Delay).contains(u"12.5"_s));
    QVERIFY2(panel.noteText().contains(u"60 % less"_s), qPrintable(panel.noteText()));
    // No exception in the period: no figures, a sentence.
    EffectFigures none = *figures;
    none.parcelsWithException = 0;
    panel.setFigures(none, u"No exception was detected in this period."_s);
    QVERIFY(panel.noteText().startsWith(u"No exception"_s));
}

void TestDashboardProactive::effectOffline()
{
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    QSignalSpy loaded(page.effect(), &EffectPanel::loaded);
    page.refresh();
    QCOMPARE(loaded.size(), 1);
    QVERIFY(!page.effect()->figures());
    QVERIFY2(page.effect()->noteText().contains(u"needs the server"_s),
             qPrintable(page.effect()->noteText()));
}

QTEST_MAIN(TestDashboardProactive)
#include "tst_dashboard_proactive.moc"
