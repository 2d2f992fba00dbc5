// The dashboard page offscreen: tiles show what KpiQueries computes, filters, live refresh after a cache
// change, drill-down queries, PNG export.
#include "../../unit/kpi/kpitestdata.h"
#include "models/domain/clock.h"
#include "models/kpi/kpiqueries.h"
#include "models/store/directoryrepository.h"
#include "ui/dashboard/dashboardpage.h"
#include "ui/dashboard/dashboardworker.h"
#include "ui/dashboard/kpitile.h"
#include "ui/dashboard/regulatorpanel.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestDashboard : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tilesMatchQueries();
    void teamFilter();
    void liveRefreshAfterCacheChange();
    void factsKeptForTheNextSession();
    void drillDownFromTile();
    void drillDownFromCategorySlice();
    void drillDownFromAgent();
    void breachRowOpensItsTicket();
    void agentTableSorts();
    void saveAsPng();
    void regulatorFiguresShown();

private:
    void load(DashboardPage &page);
    std::unique_ptr<KpiCache> m_cache;
    std::unique_ptr<ManualClock> m_clock;
    const qint64 m_now = sh(2026, 11, 4, 15, 30);
};

void TestDashboard::init()
{
    m_cache = std::make_unique<KpiCache>();
    m_clock = std::make_unique<ManualClock>(m_now);
    Team a;
    a.id = QStringLiteral("team-a");
    a.name = QStringLiteral("华东一组");
    Team b;
    b.id = QStringLiteral("team-b");
    b.name = QStringLiteral("华南二组");
    QVERIFY(DirectoryRepository(*m_cache->db).upsertTeams({a, b}));
    QList<Ticket> tickets;
    // Today (Nov 4, Shanghai) and the days before: answered, late, unanswered, resolved with scores.
    for (int i = 0; i < 24; ++i) {
        Ticket t = kpiTicket(i + 1, sh(2026, 11, 4) - qint64(i) * 3 * kHour + 5 * kHour);
        t.teamId = i % 3 ? QStringLiteral("team-a") : QStringLiteral("team-b");
        t.assigneeId = QStringLiteral("u-agent%1").arg(i % 3);
        t.category = Category(i % 6);
        if (i % 4)
            t.firstResponseAt = t.createdAt + qint64(i) * 4 * kMin;
        if (i % 3 == 1 && t.createdAt + 2 * kHour < m_now) {
            t = resolved(t, t.createdAt + 2 * kHour);
            t.csat = 2 + i % 4;
            t.nps = i % 11;
        }
        tickets.append(t);
    }
    m_cache->add(tickets);
    m_cache->addParcels({delivered(1, sh(2026, 11, 4, 8), sh(2026, 11, 4, 9)),
                         delivered(2, sh(2026, 11, 4, 9), sh(2026, 11, 4, 8))});
    m_cache->addVolume({volume(QDate(2026, 11, 4), u"st-1"_s, QString(), 2, 1)});
}

void TestDashboard::cleanup()
{
    m_cache.reset();
    m_clock.reset();
}

void TestDashboard::load(DashboardPage &page)
{
    QSignalSpy spy(&page, &DashboardPage::refreshed);
    page.refresh();
    QVERIFY(spy.wait(10000));
}

void TestDashboard::tilesMatchQueries()
{
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.resize(1400, 1000);
    page.setPeriod(PeriodKind::Today);
    load(page);
    const KpiPeriod today = KpiPeriods::period(PeriodKind::Today, m_now, shanghai());
    QCOMPARE(page.currentFilter().from, today.from);
    const KpiQueries q(*m_cache->db, shanghai());
    const KpiSnapshot cur = q.summary({today.from, today.to, {}, {}}, m_now);
    const KpiPeriod yesterday = KpiPeriods::previous(today, shanghai());
    const KpiSnapshot prev = q.summary({yesterday.from, yesterday.to, {}, {}}, m_now);
    QVERIFY(cur.created > 0);
    QVERIFY(prev.created > 0);
    for (int k = 0; k < kKpiCount; ++k) {
        const Kpi kpi = Kpi(k);
        QCOMPARE(page.tile(kpi)->valueText(), KpiInfo::format(kpi, cur.value(kpi)));
        QCOMPARE(page.tile(kpi)->changeText(), KpiTile::changeFor(kpi, cur.value(kpi), prev.value(kpi)));
    }
    QCOMPARE(page.tile(Kpi::FirstResponseCompliance)->targetText(), QStringLiteral("Target ≥ 95.0%"));
    QCOMPARE(page.tile(Kpi::Backlog)->valueText(), QString::number(cur.backlog));
    auto *agents = page.findChild<QTableView *>(QStringLiteral("agentTable"));
    QCOMPARE(agents->model()->rowCount(), q.agents({today.from, today.to, {}, {}}, m_now).size());
    auto *breaches = page.findChild<QTableView *>(QStringLiteral("breachList"));
    const QList<BreachRow> expected = q.breaches({}, m_now);
    QVERIFY(!expected.isEmpty());
    QCOMPARE(breaches->model()->rowCount(), expected.size());
    QCOMPARE(breaches->model()->index(0, 0).data().toString(), expected[0].number);
}

void TestDashboard::teamFilter()
{
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.setPeriod(PeriodKind::Last30Days);
    load(page);
    auto *teams = page.findChild<QComboBox *>(QStringLiteral("teamBox"));
    QCOMPARE(teams->count(), 3); // all teams + 2
    QSignalSpy spy(&page, &DashboardPage::refreshed);
    page.setTeam(QStringLiteral("team-b"));
    QVERIFY(spy.wait(10000));
    const KpiFilter f = page.currentFilter();
    QCOMPARE(f.teamId, QStringLiteral("team-b"));
    QTRY_COMPARE_WITH_TIMEOUT(page.data().current.filter.teamId, QStringLiteral("team-b"), 10000);
    const KpiSnapshot s = KpiQueries(*m_cache->db, shanghai()).summary(f, m_now);
    QCOMPARE(page.data().current.created, s.created);
    QCOMPARE(page.tile(Kpi::Backlog)->valueText(), QString::number(s.backlog));
    QCOMPARE(page.tile(Kpi::FirstResponseCompliance)->valueText(),
             KpiInfo::format(Kpi::FirstResponseCompliance, s.firstResponseCompliance.value()));
}

void TestDashboard::liveRefreshAfterCacheChange()
{
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.setPeriod(PeriodKind::Today);
    load(page);
    const qint64 backlog = page.data().current.backlog;
    const qint64 created = page.data().current.created;
    Ticket t = kpiTicket(500, m_now - 5 * kMin);
    m_cache->add({t});
    QSignalSpy spy(&page, &DashboardPage::refreshed);
    for (int i = 0; i < 5; ++i) // a burst of change notifications folds into one read
        page.onTicketsChanged({t.id});
    QVERIFY(spy.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(page.data().current.backlog, backlog + 1, 5000);
    QCOMPARE(page.data().current.created, created + 1);
    QCOMPARE(page.tile(Kpi::Backlog)->valueText(), QString::number(backlog + 1));
}

void TestDashboard::factsKeptForTheNextSession()
{
    const QString kept = DashboardWorker::factsFile(m_cache->db->path());
    qint64 created = 0;
    {
        DashboardPage page(*m_cache->db, shanghai(), *m_clock);
        page.setPeriod(PeriodKind::Today);
        load(page);
        created = page.data().current.created;
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(kept), 5000); // written after the first (full) read
    }
    // A ticket written while no dashboard was open; the next page starts from the kept facts and reads it.
    m_cache->add({kpiTicket(501, m_now - 10 * kMin)});
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.setPeriod(PeriodKind::Today);
    load(page);
    QCOMPARE(page.data().current.created, created + 1);
}

void TestDashboard::drillDownFromTile()
{
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.resize(1400, 1000);
    page.setPeriod(PeriodKind::ThisWeek);
    load(page);
    QSignalSpy spy(&page, &DashboardPage::drillDownRequested);
    QTest::mouseClick(page.tile(Kpi::DamageRate), Qt::LeftButton);
    QCOMPARE(spy.size(), 1);
    const auto q = spy.at(0).at(0).value<TicketQuery>();
    const KpiPeriod week = KpiPeriods::period(PeriodKind::ThisWeek, m_now, shanghai());
    QCOMPARE(q.category, Category::Damage);
    QCOMPARE(q.createdFrom, week.from);
    QCOMPARE(q.createdTo, week.to);
    QVERIFY(q.teamId.isEmpty());
    QVERIFY(spy.at(0).at(1).toString().startsWith(KpiInfo::label(Kpi::DamageRate)));

    QTest::mouseClick(page.tile(Kpi::Backlog), Qt::LeftButton);
    const auto b = spy.at(1).at(0).value<TicketQuery>();
    QCOMPARE(b.statuses, (QList<TicketStatus>{TicketStatus::New, TicketStatus::Open, TicketStatus::Pending,
                                              TicketStatus::Reopened}));
    QVERIFY(!b.createdFrom);
}

void TestDashboard::drillDownFromCategorySlice()
{
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.setPeriod(PeriodKind::Last30Days);
    load(page);
    {
        QSignalSpy spy(&page, &DashboardPage::refreshed);
        page.setTeam(QStringLiteral("team-a"));
        QVERIFY(spy.wait(10000));
    }
    auto *view = page.findChild<QChartView *>(QStringLiteral("categoryChart"));
    QVERIFY(view);
    auto *pie = qobject_cast<QPieSeries *>(view->chart()->series().value(0));
    QVERIFY(pie);
    QPieSlice *loss = nullptr;
    for (QPieSlice *s : pie->slices()) {
        if (s->property("category").toInt() == int(Category::Loss))
            loss = s;
    }
    QVERIFY(loss);
    QCOMPARE(qint64(loss->value()), page.data().categories[int(Category::Loss)].count);
    QSignalSpy spy(&page, &DashboardPage::drillDownRequested);
    Q_EMIT loss->clicked();
    QCOMPARE(spy.size(), 1);
    const auto q = spy.at(0).at(0).value<TicketQuery>();
    QCOMPARE(q.category, Category::Loss);
    QCOMPARE(q.teamId, QStringLiteral("team-a"));
    QCOMPARE(q.createdFrom, KpiPeriods::period(PeriodKind::Last30Days, m_now, shanghai()).from);
    QVERIFY(q.assigneeId.isEmpty());
}

void TestDashboard::drillDownFromAgent()
{
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.setPeriod(PeriodKind::Last30Days);
    load(page);
    auto *view = page.findChild<QTableView *>(QStringLiteral("agentTable"));
    QVERIFY(view->model()->rowCount() > 0);
    view->sortByColumn(0, Qt::DescendingOrder); // u-agent2 first
    QSignalSpy spy(&page, &DashboardPage::drillDownRequested);
    Q_EMIT view->clicked(view->model()->index(0, 1));
    QCOMPARE(spy.size(), 1);
    const auto q = spy.at(0).at(0).value<TicketQuery>();
    QCOMPARE(q.assigneeId, QStringLiteral("u-agent2"));
    QCOMPARE(q.createdTo, page.currentFilter().to);
}

void TestDashboard::agentTableSorts()
{
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.setPeriod(PeriodKind::Last30Days);
    load(page);
    auto *view = page.findChild<QTableView *>(QStringLiteral("agentTable"));
    QAbstractItemModel *m = view->model();
    view->sortByColumn(5, Qt::DescendingOrder); // breaches, numerically
    for (int r = 1; r < m->rowCount(); ++r)
        QVERIFY(m->index(r - 1, 5).data().toInt() >= m->index(r, 5).data().toInt());
    view->sortByColumn(1, Qt::AscendingOrder); // handled
    for (int r = 1; r < m->rowCount(); ++r)
        QVERIFY(m->index(r - 1, 1).data().toInt() <= m->index(r, 1).data().toInt());
}

void TestDashboard::saveAsPng()
{
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.resize(1200, 900);
    load(page);
    const QString path = m_cache->dir.filePath(QStringLiteral("dash.png"));
    QVERIFY(page.saveAsPng(path));
    const QImage image(path);
    QVERIFY(!image.isNull());
    QCOMPARE(image.size(), page.size() * page.devicePixelRatio());
}

void TestDashboard::breachRowOpensItsTicket()
{
    // Issue 24, item 10: a breach-list row opens its ticket by double-click and by Enter.
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.resize(1400, 1000);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    load(page);
    auto *breaches = page.findChild<QTableView *>(QStringLiteral("breachList"));
    QVERIFY(breaches);
    const QList<BreachRow> expected = KpiQueries(*m_cache->db, shanghai()).breaches({}, m_now);
    QVERIFY(expected.size() >= 2);
    QCOMPARE(breaches->model()->rowCount(), expected.size());
    QSignalSpy opened(&page, &DashboardPage::openTicketRequested);

    const QRect cell = breaches->visualRect(breaches->model()->index(0, 0));
    // A double-click as a person makes it: a click, then the second press (QTest's double-click alone
    // carries no press before it, so the view would not know which row was pressed).
    QTest::mouseClick(breaches->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(breaches->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), expected.at(0).ticketId);

    breaches->setFocus();
    breaches->setCurrentIndex(breaches->model()->index(1, 0));
    QTest::keyClick(breaches, Qt::Key_Return);
    QCOMPARE(opened.size(), 2);
    QCOMPARE(opened.at(1).at(0).toString(), expected.at(1).ticketId);
}

void TestDashboard::regulatorFiguresShown()
{
    // Two appeals forwarded today (one found at fault, one answered) over a million parcels picked up today.
    m_cache->addVolume({volume(QDate(2026, 11, 4), u"st-2"_s, QString(), 999998, 999000)});
    QList<Ticket> appeals;
    for (int i = 0; i < 2; ++i) {
        Ticket t = kpiTicket(100 + i, sh(2026, 11, 4, 9 + i));
        t.source = TicketSource::RegulatorAppeal;
        t.appeal = Appeal{};
        t.appeal->number = u"SG26110400%1"_s.arg(i);
        t.appeal->office = u"浙江省邮政管理局"_s;
        t.appeal->forwardedAt = t.createdAt;
        if (i == 0) {
            t.appeal->companyAtFault = true;
            t.appeal->faultReason = u"派送员未按约定时间投递"_s;
            t.appeal->answeredAt = t.createdAt + 2 * kHour;
        }
        appeals.append(t);
    }
    m_cache->add(appeals);
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.resize(1400, 1000);
    page.setPeriod(PeriodKind::Today);
    load(page);
    auto *panel = page.findChild<RegulatorPanel *>();
    QVERIFY(panel);
    const KpiPeriod today = KpiPeriods::period(PeriodKind::Today, m_now, shanghai());
    const auto expected = RegulatorQueries(*m_cache->db, shanghai()).figures(today.from, today.to, m_now);
    QVERIFY(expected);
    QCOMPARE(expected->total.appeals, 2);
    QCOMPARE(expected->total.parcels, 1000000);
    // The figures arrive right after the tiles.
    QTRY_COMPARE(panel->valueText(RegulatorPanel::AppealsPerMillion), QLocale().toString(2.0, 'f', 2));
    QCOMPARE(panel->valueText(RegulatorPanel::AtFaultPerMillion), QLocale().toString(1.0, 'f', 2));
    QVERIFY2(panel->detailText(RegulatorPanel::AppealsPerMillion).contains(u"2"_s),
             qPrintable(panel->detailText(RegulatorPanel::AppealsPerMillion)));
    QCOMPARE(panel->valueText(RegulatorPanel::Overdue), u"0"_s); // the other is within its 15 days
    // "Show appeals" opens the open appeals in the workbench.
    QSignalSpy drill(&page, &DashboardPage::drillDownRequested);
    panel->showButton()->click();
    QCOMPARE(drill.size(), 1);
    const auto query = drill.first().at(0).value<TicketQuery>();
    QCOMPARE(query.source, std::optional<TicketSource>(TicketSource::RegulatorAppeal));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
