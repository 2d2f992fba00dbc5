// The dashboard's facts kept in memory (KpiFactCache): after any change to the cache, a refresh that reads
// only the changed tickets gives the same figures as reading everything again.
#include "kpitestdata.h"
#include "models/kpi/kpifactcache.h"
#include "models/kpi/kpiperiod.h"
#include "models/kpi/kpiqueries.h"

#include <QFile>
#include <QSqlQuery>

#include <cstddef>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {

/// Every figure the dashboard shows, compared one by one (QCOMPARE names the first that differs).
void compareDashboards(const DashboardData &a, const DashboardData &b)
{
    for (int k = 0; k < kKpiCount; ++k) {
        QCOMPARE(a.current.value(Kpi(k)), b.current.value(Kpi(k)));
        QCOMPARE(a.previous.value(Kpi(k)), b.previous.value(Kpi(k)));
    }
    QCOMPARE(a.current.created, b.current.created);
    QCOMPARE(a.categories.size(), b.categories.size());
    for (qsizetype i = 0; i < a.categories.size(); ++i)
        QCOMPARE(a.categories[i].count, b.categories[i].count);
    QCOMPARE(a.hourly.size(), b.hourly.size());
    for (qsizetype i = 0; i < a.hourly.size(); ++i) {
        QCOMPARE(a.hourly[i].created, b.hourly[i].created);
        QCOMPARE(a.hourly[i].firstResponses, b.hourly[i].firstResponses);
    }
    QCOMPARE(a.daily.size(), b.daily.size());
    for (qsizetype i = 0; i < a.daily.size(); ++i)
        QCOMPARE(a.daily[i].compliance, b.daily[i].compliance);
    QCOMPARE(a.backlogAges.size(), b.backlogAges.size());
    for (qsizetype i = 0; i < a.backlogAges.size(); ++i)
        QCOMPARE(a.backlogAges[i].count, b.backlogAges[i].count);
    QCOMPARE(a.agents.size(), b.agents.size());
    for (qsizetype i = 0; i < a.agents.size(); ++i) {
        QCOMPARE(a.agents[i].assigneeId, b.agents[i].assigneeId);
        QCOMPARE(a.agents[i].handled, b.agents[i].handled);
        QCOMPARE(a.agents[i].breaches, b.agents[i].breaches);
        QCOMPARE(a.agents[i].slaCompliance, b.agents[i].slaCompliance);
    }
    QCOMPARE(a.breaches.size(), b.breaches.size());
    for (qsizetype i = 0; i < a.breaches.size(); ++i) {
        QCOMPARE(a.breaches[i].ticketId, b.breaches[i].ticketId);
        QCOMPARE(a.breaches[i].overdueMs, b.breaches[i].overdueMs);
    }
}

/// A cache of twoWeeksOfTickets(), the queries at Monday 2026-11-02 08:00 Shanghai, and last week.
struct Setup
{
    KpiCache cache;
    KpiQueries q{*cache.db, shanghai()};
    qint64 now = sh(2026, 11, 2, 8);
    KpiPeriod week = KpiPeriods::period(PeriodKind::LastWeek, now, shanghai());
    KpiFilter filter{week.from, week.to, {}, {}};
    Setup() { cache.add(twoWeeksOfTickets()); }
};

qint64 logSize(const Database &db)
{
    QSqlQuery q(db.connection());
    return q.exec(QStringLiteral("SELECT count(*) FROM ticket_changes")) && q.next() ? q.value(0).toLongLong()
                                                                                     : -1;
}

} // namespace

class TestKpiFactCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstReadMatchesDirectRead();
    void changesAreReadAlone();
    void filtersApplyInMemory();
    void earlierWindowOrPrunedLogReadsEverything();
    void logIsPrunedByItself();
    void keptFactsStartTheNextSession();
    void keptFactsOfAnotherCacheAreNotUsed();
    void damagedKeptFactsAreRefused();
};

void TestKpiFactCache::firstReadMatchesDirectRead()
{
    Setup s;
    auto &[cache, q, now, week, filter] = s;
    KpiFactCache facts;
    const DashboardData viaCache = q.dashboard({week.from, week.to, {}, {}}, now, facts);
    QVERIFY2(q.lastError().isEmpty(), qPrintable(q.lastError()));
    QVERIFY(facts.lastUpdate().fullRead);
    QCOMPARE(facts.facts().rows.size(), std::size_t(70));
    QVERIFY(viaCache.current.created > 0);
    compareDashboards(viaCache, q.dashboard({week.from, week.to, {}, {}}, now));
    // Nothing changed: the next refresh reads no ticket.
    const DashboardData again = q.dashboard({week.from, week.to, {}, {}}, now, facts);
    QVERIFY(!facts.lastUpdate().fullRead);
    QCOMPARE(facts.lastUpdate().changedTickets, std::size_t(0));
    compareDashboards(again, viaCache);
}

void TestKpiFactCache::changesAreReadAlone()
{
    Setup s;
    auto &[cache, q, now, week, filter] = s;
    const QList<Ticket> tickets = twoWeeksOfTickets();
    KpiFactCache facts;
    const DashboardData before = q.dashboard(filter, now, facts);

    // One ticket of last week resolved with a 5-star answer, one new ticket, one deleted, one reopened by an
    // event only (its row unchanged), and one field a KPI does not read (the description).
    const int week0 = int(std::find_if(tickets.cbegin(), tickets.cend(),
                                       [&](const Ticket &t) {
                                           return t.createdAt >= week.from && t.status == TicketStatus::Open;
                                       }) -
                          tickets.cbegin());
    QVERIFY(week0 < tickets.size());
    Ticket solved = resolved(tickets[week0], tickets[week0].createdAt + 3 * kHour);
    solved.csat = 5;
    solved.version = 2;
    Ticket fresh = kpiTicket(500, week.from + 2 * kHour);
    fresh.firstResponseAt = fresh.createdAt + 5 * kMin;
    Ticket renamed = tickets[week0 + 1];
    renamed.description = QStringLiteral("只改了描述");
    renamed.version = 2;
    const Ticket reopenedByEvent = *std::find_if(tickets.cbegin(), tickets.cend(), [&](const Ticket &t) {
        return t.resolvedAt && *t.resolvedAt >= week.from && *t.resolvedAt < week.to;
    });
    const Ticket gone = tickets[week0 + 2];
    cache.add({solved, fresh, renamed}, {statusChange(reopenedByEvent, 1, *reopenedByEvent.resolvedAt - kHour,
                                                      "resolved", "reopened")});
    QString error;
    QVERIFY2(TicketRepository(*cache.db).remove({gone.id}, &error), qPrintable(error));

    const DashboardData after = q.dashboard(filter, now, facts);
    QVERIFY2(q.lastError().isEmpty(), qPrintable(q.lastError()));
    QVERIFY(!facts.lastUpdate().fullRead);
    // solved, fresh, the reopened one (through its event) and the deleted one; not the renamed one.
    QCOMPARE(facts.lastUpdate().changedTickets, std::size_t(4));
    QCOMPARE(facts.facts().rows.size(), std::size_t(70));
    QVERIFY(std::is_sorted(facts.facts().rows.cbegin(), facts.facts().rows.cend(),
                           [](const TicketFact &a, const TicketFact &b) { return a.pk < b.pk; }));
    compareDashboards(after, q.dashboard(filter, now));      // the same as reading everything again
    QCOMPARE(after.current.created, before.current.created); // one new, one deleted, both last week
    QCOMPARE(after.current.reopenRate.numerator, before.current.reopenRate.numerator + 1);
    QCOMPARE(after.current.csat.denominator, before.current.csat.denominator + 1);
}

void TestKpiFactCache::filtersApplyInMemory()
{
    Setup s;
    auto &[cache, q, now, week, filter] = s;
    KpiFactCache facts;
    (void)q.dashboard({week.from, week.to, {}, {}}, now, facts);
    for (const KpiFilter &filter : {KpiFilter{week.from, week.to, QStringLiteral("team-b"), {}},
                                    KpiFilter{week.from, week.to, {}, Category::Damage},
                                    KpiFilter{week.from, week.to, QStringLiteral("team-a"), Category::Loss},
                                    KpiFilter{week.from, week.to, QStringLiteral("no-such-team"), {}}}) {
        const DashboardData viaCache = q.dashboard(filter, now, facts);
        QVERIFY(!facts.lastUpdate().fullRead); // a filter is applied to the facts held
        compareDashboards(viaCache, q.dashboard(filter, now));
    }
    QCOMPARE(
        q.dashboard({week.from, week.to, QStringLiteral("no-such-team"), {}}, now, facts).current.created, 0);
}

void TestKpiFactCache::earlierWindowOrPrunedLogReadsEverything()
{
    Setup s;
    auto &[cache, q, now, week, filter] = s;
    KpiFactCache facts;
    (void)q.dashboard({week.from, week.to, {}, {}}, now, facts);
    // A custom period further back needs facts the window held does not reach.
    const KpiFilter older{week.from - 60 * 24 * kHour, week.to, {}, {}};
    compareDashboards(q.dashboard(older, now, facts), q.dashboard(older, now));
    QVERIFY(facts.lastUpdate().fullRead);

    // Entries past the seq read were pruned: the changes in between are unknown, so everything is read.
    Ticket late = kpiTicket(600, week.from + kHour);
    cache.add({late});
    QSqlQuery prune(cache.db->connection());
    QVERIFY(prune.exec(QStringLiteral("DELETE FROM ticket_changes WHERE seq <= (SELECT max(seq) FROM "
                                      "ticket_changes)")));
    late.id = QStringLiteral("T-after-prune");
    late.number = QStringLiteral("C-after-prune");
    cache.add({late});
    const DashboardData afterPrune = q.dashboard(older, now, facts);
    QVERIFY(facts.lastUpdate().fullRead);
    compareDashboards(afterPrune, q.dashboard(older, now));
    QCOMPARE(facts.facts().rows.size(), std::size_t(72));
}

void TestKpiFactCache::logIsPrunedByItself()
{
    KpiCache cache;
    cache.add(twoWeeksOfTickets());
    QCOMPARE(logSize(*cache.db), 70); // one entry per ticket written
    QSqlQuery q(cache.db->connection());
    // Every thousandth entry drops what lies more than 100,000 entries behind it.
    QVERIFY(q.exec(QStringLiteral("INSERT INTO ticket_changes(seq, pk) VALUES (150000, 1)")));
    QCOMPARE(logSize(*cache.db), 1);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO ticket_changes(pk) VALUES (2)"))); // seq 150001
    QCOMPARE(logSize(*cache.db), 2);
}

void TestKpiFactCache::keptFactsStartTheNextSession()
{
    Setup s;
    auto &[cache, q, now, week, filter] = s;
    const QString file = cache.dir.filePath(u"cache.sqlite.kpifacts"_s);
    QString error;
    {
        KpiFactCache first;
        (void)q.dashboard(filter, now, first);
        QVERIFY2(first.save(file, &error), qPrintable(error));
    }
    Ticket fresh = kpiTicket(700, week.from + 5 * kHour); // written while no console ran
    fresh.firstResponseAt = fresh.createdAt + 50 * kMin;
    cache.add({fresh});

    KpiFactCache next;
    QVERIFY2(next.load(file, &error), qPrintable(error));
    QCOMPARE(next.facts().rows.size(), std::size_t(70));
    const DashboardData d = q.dashboard(filter, now, next);
    QVERIFY(!next.lastUpdate().fullRead); // only the ticket written since was read
    QCOMPARE(next.lastUpdate().changedTickets, std::size_t(1));
    compareDashboards(d, q.dashboard(filter, now));
}

void TestKpiFactCache::keptFactsOfAnotherCacheAreNotUsed()
{
    Setup s;
    QString error;
    const QString file = s.cache.dir.filePath(u"kept.kpifacts"_s);
    {
        KpiFactCache first;
        (void)s.q.dashboard(s.filter, s.now, first);
        QVERIFY2(first.save(file, &error), qPrintable(error));
    }
    // The same tickets written in the same order into a new cache (a cache rebuilt from the server): its log
    // is the same length with the same tickets, but one ticket differs and must not be missed.
    KpiCache rebuilt;
    QList<Ticket> tickets = twoWeeksOfTickets();
    QCOMPARE(tickets[40].category, Category(40 % 6));
    tickets[40].category = Category::Loss;
    rebuilt.add(tickets);
    const KpiQueries q(*rebuilt.db, shanghai());
    KpiFactCache next;
    QVERIFY2(next.load(file, &error), qPrintable(error));
    const DashboardData d = q.dashboard(s.filter, s.now, next);
    QVERIFY(next.lastUpdate().fullRead);
    compareDashboards(d, q.dashboard(s.filter, s.now));
    const DashboardData original = s.q.dashboard(s.filter, s.now);
    QCOMPARE(d.categories[int(Category::Loss)].count, original.categories[int(Category::Loss)].count + 1);
}

void TestKpiFactCache::damagedKeptFactsAreRefused()
{
    Setup s;
    QString error;
    const QString file = s.cache.dir.filePath(u"kept.kpifacts"_s);
    KpiFactCache empty;
    QVERIFY(!empty.save(file, &error)); // nothing read yet: nothing to keep
    QVERIFY(!QFile::exists(file));
    KpiFactCache first;
    (void)s.q.dashboard(s.filter, s.now, first);
    QVERIFY2(first.save(file, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadWrite));
    const QByteArray whole = f.readAll();
    // Cut short, then a ticket's category byte changed to a code that does not exist.
    QVERIFY(f.resize(whole.size() - 10));
    f.close();
    KpiFactCache next;
    error.clear();
    QVERIFY(!next.load(file, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(next.seq(), -1); // nothing taken
    QByteArray bad = whole;
    const qsizetype rows = bad.indexOf(QByteArray::fromRawData(
        reinterpret_cast<const char *>(&first.facts().rows.front()), sizeof(TicketFact)));
    QVERIFY(rows > 0);
    const auto categoryAt = rows + qsizetype(offsetof(TicketFact, category));
    bad[categoryAt] = char(77);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bad);
    f.close();
    QVERIFY(!next.load(file, &error));
    QCOMPARE(next.seq(), -1);
    QVERIFY(next.facts().rows.empty());
}

QTEST_GUILESS_MAIN(TestKpiFactCache)
#include "tst_kpifactcache.moc"
