// KPI queries on hand-made caches with known answers (docs/domain.md "KPIs", docs/kpi.md).
#include "kpitestdata.h"
#include "models/kpi/kpiperiod.h"
#include "models/kpi/kpiqueries.h"
#include "models/store/directoryrepository.h"

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestKpi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void periodsAreCompanyDays();
    void isoWeeks();
    void shanghaiDayIsNotTheUtcDay();
    void noSurveyAnswersIsUndefined();
    void allDetractors();
    void ticketsSpanningPeriodBoundaries();
    void unansweredPastDeadlineCountsAsMissed();
    void timelineKpis();
    void parcelKpis();
    void teamAndCategoryFilters();
    void agentsAndBreaches();
    void dashboardMatchesSingleQueries();
    void emptyCacheIsUndefinedNotZero();
};

void TestKpi::periodsAreCompanyDays()
{
    const qint64 now = sh(2026, 11, 4, 10); // Wednesday
    const KpiPeriod today = KpiPeriods::period(PeriodKind::Today, now, shanghai());
    QCOMPARE(today.from, utc(2026, 11, 3, 16)); // Shanghai midnight is 16:00 UTC the day before
    QCOMPARE(today.to, utc(2026, 11, 4, 16));
    QCOMPARE(KpiPeriods::period(PeriodKind::Yesterday, now, shanghai()).from, sh(2026, 11, 3));
    const KpiPeriod week = KpiPeriods::period(PeriodKind::ThisWeek, now, shanghai());
    QCOMPARE(week.firstDay, QDate(2026, 11, 2)); // Monday
    QCOMPARE(week.lastDay, QDate(2026, 11, 8));
    QCOMPARE(week.to, sh(2026, 11, 9));
    const KpiPeriod last = KpiPeriods::period(PeriodKind::LastWeek, now, shanghai());
    QCOMPARE(last.firstDay, QDate(2026, 10, 26));
    QCOMPARE(last.lastDay, QDate(2026, 11, 1));
    QCOMPARE(KpiPeriods::previous(week, shanghai()), last);
    const KpiPeriod d30 = KpiPeriods::period(PeriodKind::Last30Days, now, shanghai());
    QCOMPARE(d30.days(), 30);
    QCOMPARE(d30.firstDay, QDate(2026, 10, 6));
    QCOMPARE(d30.to, sh(2026, 11, 5));
    const KpiPeriod custom =
        KpiPeriods::period(PeriodKind::Custom, now, shanghai(), QDate(2026, 10, 10), QDate(2026, 10, 1));
    QCOMPARE(custom.firstDay, QDate(2026, 10, 1)); // given backwards: swapped
    QCOMPARE(custom.days(), 10);
    QCOMPARE(KpiPeriods::dayBoundaries(today, shanghai()), (QList<qint64>{today.from, today.to}));
    // Sunday late evening in Shanghai is still "this week" of that Sunday, though UTC is on Sunday too.
    const KpiPeriod sunday = KpiPeriods::period(PeriodKind::ThisWeek, sh(2026, 11, 8, 23, 30), shanghai());
    QCOMPARE(sunday.firstDay, QDate(2026, 11, 2));
    // 00:30 Monday in Shanghai is Sunday 16:30 UTC: a new ISO week in company time.
    const KpiPeriod monday = KpiPeriods::period(PeriodKind::ThisWeek, sh(2026, 11, 9, 0, 30), shanghai());
    QCOMPARE(monday.firstDay, QDate(2026, 11, 9));
}

void TestKpi::isoWeeks()
{
    QCOMPARE(KpiPeriods::isoWeekLabel(QDate(2026, 12, 31)), QStringLiteral("2026-W53")); // 2026 has 53 weeks
    QCOMPARE(KpiPeriods::isoWeekLabel(QDate(2027, 1, 3)), QStringLiteral("2026-W53"));
    QCOMPARE(KpiPeriods::isoWeekLabel(QDate(2027, 1, 4)), QStringLiteral("2027-W01"));
    QCOMPARE(KpiPeriods::isoWeekLabel(QDate(2025, 12, 29)), QStringLiteral("2026-W01"));
}

void TestKpi::shanghaiDayIsNotTheUtcDay()
{
    KpiCache cache;
    // UTC Nov 2 07:30 = Shanghai Nov 2 15:30; UTC Nov 2 17:00 = Shanghai Nov 3 01:00;
    // UTC Nov 1 17:00 = Shanghai Nov 2 01:00.
    Ticket a = kpiTicket(1, utc(2026, 11, 2, 7, 30));
    Ticket b = kpiTicket(2, utc(2026, 11, 2, 17));
    Ticket c = kpiTicket(3, utc(2026, 11, 1, 17));
    a.firstResponseAt = a.createdAt + 10 * kMin;
    b.firstResponseAt = b.createdAt + 40 * kMin; // deadline Shanghai Nov 3 01:30: missed, on Nov 3
    c.firstResponseAt = c.createdAt + 5 * kMin;
    cache.add({a, b, c});
    const qint64 now = sh(2026, 11, 10);

    const KpiQueries sq(*cache.db, shanghai());
    const KpiPeriod nov2 = KpiPeriods::days(QDate(2026, 11, 2), QDate(2026, 11, 2), shanghai());
    const KpiSnapshot s = sq.summary({nov2.from, nov2.to, {}, {}}, now);
    QCOMPARE(s.created, 2); // a and c
    QCOMPARE(s.firstResponseCompliance.numerator, 2);
    QCOMPARE(s.firstResponseCompliance.denominator, 2);

    const KpiQueries uq(*cache.db, QTimeZone::utc());
    const KpiPeriod utcNov2 = KpiPeriods::days(QDate(2026, 11, 2), QDate(2026, 11, 2), QTimeZone::utc());
    const KpiSnapshot u = uq.summary({utcNov2.from, utcNov2.to, {}, {}}, now);
    QCOMPARE(u.created, 2); // a and b
    QCOMPARE(u.firstResponseCompliance.numerator, 1);
    QCOMPARE(u.firstResponseCompliance.denominator, 2);

    const KpiPeriod days = KpiPeriods::days(QDate(2026, 11, 1), QDate(2026, 11, 3), shanghai());
    const QList<DailyCompliance> daily = sq.dailyCompliance({days.from, days.to, {}, {}}, now);
    QCOMPARE(daily.size(), 3);
    QCOMPARE(daily[0].compliance.denominator, 0);
    QVERIFY(!daily[0].compliance.value());
    QCOMPARE(daily[1].day, QDate(2026, 11, 2));
    QCOMPARE(daily[1].start, utc(2026, 11, 1, 16));
    QCOMPARE(daily[1].compliance.value(), 1.0);
    QCOMPARE(daily[2].compliance.value(), 0.0); // b, missed

    const QList<HourlyPoint> hours = sq.hourlyIntake(QDate(2026, 11, 2), {});
    QCOMPARE(hours.size(), 24);
    QCOMPARE(hours[1].created, 1);  // c at 01:00
    QCOMPARE(hours[15].created, 1); // a at 15:30
    QCOMPARE(hours[15].firstResponses, 1);
    qint64 total = 0;
    for (const HourlyPoint &p : hours)
        total += p.created;
    QCOMPARE(total, 2);
}

void TestKpi::noSurveyAnswersIsUndefined()
{
    KpiCache cache;
    const Ticket t = resolved(kpiTicket(1, sh(2026, 11, 2, 9)), sh(2026, 11, 2, 12));
    cache.add({t});
    const KpiQueries q(*cache.db, shanghai());
    const KpiSnapshot s = q.summary({sh(2026, 11, 2), sh(2026, 11, 3), {}, {}}, sh(2026, 11, 5));
    QCOMPARE(s.csat.denominator, 0);
    QVERIFY(!s.csat.value());
    QVERIFY(!s.csatMean);
    QCOMPARE(s.nps.answers(), 0);
    QVERIFY(!s.nps.score());
    QVERIFY(!s.value(Kpi::Csat));
    QVERIFY(!s.value(Kpi::Nps));
    QCOMPARE(KpiInfo::format(Kpi::Nps, s.value(Kpi::Nps)), QStringLiteral("n/a"));
    QVERIFY(!KpiTargets::defaults().meets(Kpi::Csat, s.value(Kpi::Csat)));
    QCOMPARE(s.followUpCompletion.value(), 0.0); // defined: one resolved ticket, no follow-up
}

void TestKpi::allDetractors()
{
    KpiCache cache;
    QList<Ticket> tickets;
    const int scores[] = {0, 3, 6};
    const int csat[] = {5, 4, 2};
    for (int i = 0; i < 3; ++i) {
        Ticket t = resolved(kpiTicket(i + 1, sh(2026, 11, 2, 9)), sh(2026, 11, 2, 10 + i));
        t.nps = scores[i];
        t.csat = csat[i];
        tickets.append(t);
    }
    cache.add(tickets);
    const KpiQueries q(*cache.db, shanghai());
    const KpiSnapshot s = q.summary({sh(2026, 11, 2), sh(2026, 11, 3), {}, {}}, sh(2026, 11, 5));
    QCOMPARE(s.nps.detractors, 3);
    QCOMPARE(s.nps.score(), -100.0);
    QCOMPARE(KpiInfo::format(Kpi::Nps, s.nps.score()), QStringLiteral("-100"));
    QCOMPARE(s.csat.numerator, 2);
    QCOMPARE(s.csat.denominator, 3);
    QCOMPARE(*s.csatMean, 11.0 / 3.0);
}

void TestKpi::ticketsSpanningPeriodBoundaries()
{
    KpiCache cache;
    // Period: Shanghai Nov 2. First-response target 30 min (default policy).
    Ticket a = resolved(kpiTicket(1, sh(2026, 11, 1, 23, 50)), sh(2026, 11, 2, 5)); // deadline Nov 2 00:20
    a.firstResponseAt = sh(2026, 11, 2, 0, 10);                                     // met, in the period
    Ticket b = kpiTicket(2, sh(2026, 11, 2, 23, 50)); // created in, deadline Nov 3 00:20 (next period)
    b.firstResponseAt = sh(2026, 11, 2, 23, 55);
    Ticket c =
        resolved(kpiTicket(3, sh(2026, 10, 30, 10)), sh(2026, 11, 2, 10)); // resolved in, created before
    c.firstResponseAt = sh(2026, 10, 30, 10, 5);
    Ticket d = resolved(kpiTicket(4, sh(2026, 11, 2, 10)), sh(2026, 11, 3, 10)); // created in, resolved after
    d.firstResponseAt = sh(2026, 11, 2, 10, 40);                                 // deadline 10:30: missed
    cache.add({a, b, c, d});
    const KpiQueries q(*cache.db, shanghai());
    const KpiSnapshot s = q.summary({sh(2026, 11, 2), sh(2026, 11, 3), {}, {}}, sh(2026, 11, 10));
    QCOMPARE(s.created, 2);                             // b, d
    QCOMPARE(s.firstResponseCompliance.numerator, 1);   // a
    QCOMPARE(s.firstResponseCompliance.denominator, 2); // a, d
    QCOMPARE(s.firstResponse.count, 2);                 // b 5 min, d 40 min
    QCOMPARE(*s.firstResponse.medianMs, 22.5 * kMin);
    QCOMPARE(*s.firstResponse.meanMs, 22.5 * kMin);
    QCOMPARE(*s.firstResponse.p90Ms, 40.0 * kMin);
    QCOMPARE(s.resolution.count, 2); // a (5 h 10 min) and c (3 days)
    QCOMPARE(*s.resolution.medianMs, (5 * kHour + 10 * kMin + 72 * kHour) / 2.0);
    QCOMPARE(s.backlog, 2); // at Nov 3 00:00: b (open now) and d (resolved Nov 3)
    const QList<AgeBucket> ages =
        q.backlogByAge({sh(2026, 11, 2), sh(2026, 11, 3), {}, {}}, sh(2026, 11, 10));
    QCOMPARE(ages[0].count, 1); // b: 10 min old
    QCOMPARE(ages[2].count, 1); // d: 14 h old
    // "Now" inside the period: the backlog is the tickets open now (by their status).
    const KpiSnapshot live = q.summary({sh(2026, 11, 2), sh(2026, 11, 3), {}, {}}, sh(2026, 11, 2, 23, 58));
    QCOMPARE(live.backlog, 1); // b
}

void TestKpi::unansweredPastDeadlineCountsAsMissed()
{
    KpiCache cache;
    const qint64 now = sh(2026, 11, 2, 12);
    const Ticket late = kpiTicket(1, now - 45 * kMin);  // deadline 15 min ago, never answered: missed
    const Ticket young = kpiTicket(2, now - 10 * kMin); // deadline in 20 min: not decided yet
    Ticket met = kpiTicket(3, now - 2 * kHour);
    met.firstResponseAt = met.createdAt + 5 * kMin;
    cache.add({late, young, met});
    const KpiQueries q(*cache.db, shanghai());
    const KpiSnapshot s = q.summary({sh(2026, 11, 2), sh(2026, 11, 3), {}, {}}, now);
    QCOMPARE(s.firstResponseCompliance.numerator, 1);
    QCOMPARE(s.firstResponseCompliance.denominator, 2);
    QCOMPARE(*s.firstResponseCompliance.value(), 0.5);
    QCOMPARE(s.backlog, 3);
    // Half an hour later the young one is missed too.
    const KpiSnapshot later = q.summary({sh(2026, 11, 2), sh(2026, 11, 3), {}, {}}, now + 30 * kMin);
    QCOMPARE(later.firstResponseCompliance.denominator, 3);
    QCOMPARE(later.firstResponseCompliance.numerator, 1);
    const QList<BreachRow> breaches = q.breaches({}, now);
    QCOMPARE(breaches.size(), 1);
    QCOMPARE(breaches[0].ticketId, late.id);
    QCOMPARE(breaches[0].number, late.number);
    QCOMPARE(breaches[0].clock, SlaClock::FirstResponse);
    QCOMPARE(breaches[0].overdueMs, 15 * kMin);
}

void TestKpi::timelineKpis()
{
    KpiCache cache;
    const qint64 t0 = sh(2026, 11, 2, 9);
    // e: one reply, resolved, follow-up done → first contact resolution.
    Ticket e = resolved(kpiTicket(1, t0), t0 + 2 * kHour);
    e.followUpDoneAt = t0 + 30 * kHour;
    // f: two replies, pending from +1 h to +3 h, resolved at +5 h → 3 h without pending.
    Ticket f = resolved(kpiTicket(2, t0), t0 + 5 * kHour);
    // g: reopened and resolved again → not first contact, reopened.
    Ticket g = resolved(kpiTicket(3, t0), t0 + 6 * kHour);
    cache.add({e, f, g}, {timelineEvent(e, 1, EventKind::Reply, t0 + 10 * kMin),
                          statusChange(e, 2, t0 + 2 * kHour, "open", "resolved"),
                          timelineEvent(f, 1, EventKind::Reply, t0 + 10 * kMin),
                          statusChange(f, 2, t0 + kHour, "open", "pending"),
                          statusChange(f, 3, t0 + 3 * kHour, "pending", "open"),
                          timelineEvent(f, 4, EventKind::Call, t0 + 4 * kHour),
                          timelineEvent(g, 1, EventKind::Reply, t0 + 10 * kMin),
                          statusChange(g, 2, t0 + kHour, "open", "resolved"),
                          statusChange(g, 3, t0 + 2 * kHour, "resolved", "reopened"),
                          statusChange(g, 4, t0 + 6 * kHour, "reopened", "resolved")});
    const KpiQueries q(*cache.db, shanghai());
    const KpiSnapshot s = q.summary({sh(2026, 11, 2), sh(2026, 11, 3), {}, {}}, sh(2026, 11, 5));
    QCOMPARE(s.firstContactResolution.numerator, 1);
    QCOMPARE(s.firstContactResolution.denominator, 3);
    QCOMPARE(s.reopenRate.numerator, 1);
    QCOMPARE(s.reopenRate.denominator, 3);
    QCOMPARE(s.followUpCompletion.numerator, 1);
    QCOMPARE(*s.resolution.medianMs, 5.0 * kHour);          // 2, 5, 6 h
    QCOMPARE(*s.resolutionExPending.medianMs, 3.0 * kHour); // 2, 3, 6 h
    QCOMPARE(*s.resolutionExPending.meanMs, 11.0 * kHour / 3);
}

void TestKpi::parcelKpis()
{
    KpiCache cache;
    const qint64 day = sh(2026, 11, 2);
    // The parcel rates divide by the server's volume figures: 2 November, 4 delivered, 3 on time, over two
    // rows (a listed courier, and the station's other channels); 7 the day before.
    cache.addVolume({volume(QDate(2026, 11, 2), u"st-1"_s, u"cr-1"_s, 3, 2),
                     volume(QDate(2026, 11, 2), u"st-2"_s, QString(), 1, 1),
                     volume(QDate(2026, 11, 1), u"st-1"_s, u"cr-1"_s, 7, 7)});
    // Parcel rows are not counted (a console holds only the parcels its tickets need): these would say 2
    // delivered, 0 on time.
    cache.addParcels({delivered(1, day + kHour, day), delivered(2, day + 3 * kHour, day)});
    Ticket damage = kpiTicket(1, day + kHour);
    damage.category = Category::Damage;
    cache.add({damage, kpiTicket(2, day + 2 * kHour)});
    const KpiQueries q(*cache.db, shanghai());
    const KpiSnapshot s = q.summary({day, sh(2026, 11, 3), {}, {}}, sh(2026, 11, 5));
    QCOMPARE(s.parcelsDelivered, 4);
    QCOMPARE(s.onTimeDelivery.numerator, 3);
    QCOMPARE(s.onTimeDelivery.denominator, 4);
    QCOMPARE(*s.complaintRate(), 2 * 10000.0 / 4);
    QCOMPARE(*s.damageRate(), 0.25);
    QCOMPARE(*s.lossRate(), 0.0);
    QCOMPARE(*s.value(Kpi::ComplaintRate), 5000.0);
    // Two days: 11 delivered, 10 on time.
    const KpiSnapshot two = q.summary({sh(2026, 11, 1), sh(2026, 11, 3), {}, {}}, sh(2026, 11, 5));
    QCOMPARE(two.parcelsDelivered, 11);
    QCOMPARE(two.onTimeDelivery.numerator, 10);
    // A day without figures: the rates are undefined, not 0.
    const KpiSnapshot none = q.summary({sh(2026, 11, 3), sh(2026, 11, 4), {}, {}}, sh(2026, 11, 5));
    QCOMPARE(none.parcelsDelivered, 0);
    QVERIFY(!none.complaintRate());
    QVERIFY(!none.onTimeDelivery.value());
}

void TestKpi::teamAndCategoryFilters()
{
    KpiCache cache;
    const qint64 day = sh(2026, 11, 2);
    Ticket a = kpiTicket(1, day + kHour);
    Ticket b = kpiTicket(2, day + kHour);
    b.teamId = QStringLiteral("team-b");
    b.category = Category::Loss;
    Ticket c = kpiTicket(3, day + kHour);
    c.category = Category::Loss;
    cache.add({a, b, c});
    const KpiQueries q(*cache.db, shanghai());
    const qint64 now = sh(2026, 11, 5);
    QCOMPARE(q.summary({day, day + 24 * kHour, {}, {}}, now).created, 3);
    QCOMPARE(q.summary({day, day + 24 * kHour, QStringLiteral("team-a"), {}}, now).created, 2);
    QCOMPARE(q.summary({day, day + 24 * kHour, {}, Category::Loss}, now).created, 2);
    QCOMPARE(q.summary({day, day + 24 * kHour, QStringLiteral("team-b"), Category::Delay}, now).created, 0);
    const QList<CategoryCount> cats = q.byCategory({day, day + 24 * kHour, QStringLiteral("team-a"), {}});
    QCOMPARE(cats.size(), 6);
    QCOMPARE(cats[int(Category::Delay)].count, 1);
    QCOMPARE(cats[int(Category::Loss)].count, 1);
    QCOMPARE(cats[int(Category::Loss)].share, 0.5);
    QCOMPARE(q.breaches({0, 0, QStringLiteral("team-b"), {}}, now).size(), 1);
}

void TestKpi::agentsAndBreaches()
{
    KpiCache cache;
    User u;
    u.id = QStringLiteral("u-agent1");
    u.login = QStringLiteral("wang");
    u.displayName = QStringLiteral("王芳");
    u.teamId = QStringLiteral("team-a");
    QVERIFY(DirectoryRepository(*cache.db).upsertUsers({u}));
    const qint64 day = sh(2026, 11, 2);
    Ticket a = resolved(kpiTicket(1, day + kHour), day + 3 * kHour);
    a.firstResponseAt = a.createdAt + 10 * kMin;
    a.csat = 5;
    Ticket b = resolved(kpiTicket(2, day + kHour), day + 4 * kHour);
    b.firstResponseAt = b.createdAt + 50 * kMin; // missed
    b.csat = 3;
    Ticket c = kpiTicket(3, day + 2 * kHour);
    c.assigneeId = QStringLiteral("u-agent2");
    c.firstResponseAt = c.createdAt + 20 * kMin; // met, open: resolution deadline day+26h
    Ticket p = kpiTicket(4, day);
    p.assigneeId = QStringLiteral("u-agent2");
    p.status = TicketStatus::Pending; // answered and waiting: paused, never in the breach list
    p.firstResponseAt = p.createdAt + kMin;
    cache.add({a, b, c, p});
    const KpiQueries q(*cache.db, shanghai());
    const qint64 now = sh(2026, 11, 4);
    const QList<AgentRow> rows = q.agents({day, day + 24 * kHour, {}, {}}, now);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].assigneeId, QStringLiteral("u-agent1"));
    QCOMPARE(rows[0].displayName, QStringLiteral("王芳"));
    QCOMPARE(rows[0].handled, 2);
    QCOMPARE(*rows[0].firstResponse.medianMs, 30.0 * kMin);
    QCOMPARE(rows[0].slaCompliance.numerator, 1);
    QCOMPARE(rows[0].slaCompliance.denominator, 2);
    QCOMPARE(rows[0].breaches, 1);
    QCOMPARE(*rows[0].csat.value(), 0.5);
    QCOMPARE(rows[1].displayName, QStringLiteral("u-agent2")); // unknown user: the id
    QCOMPARE(rows[1].handled, 0);
    QCOMPARE(rows[1].breaches, 0);
    const QList<BreachRow> breaches = q.breaches({}, now);
    QCOMPARE(breaches.size(), 1);
    QCOMPARE(breaches[0].ticketId, c.id);
    QCOMPARE(breaches[0].clock, SlaClock::Resolution);
    QCOMPARE(breaches[0].deadline, c.createdAt + 24 * kHour);
    QCOMPARE(breaches[0].overdueMs, now - c.createdAt - 24 * kHour);
}

void TestKpi::dashboardMatchesSingleQueries()
{
    KpiCache cache;
    const QList<Ticket> tickets = twoWeeksOfTickets();
    cache.add(tickets);
    const KpiQueries q(*cache.db, shanghai());
    const qint64 now = sh(2026, 11, 2, 8);
    const KpiPeriod week = KpiPeriods::period(PeriodKind::LastWeek, now, shanghai());
    for (const QString &team : {QString(), QStringLiteral("team-a")}) {
        const KpiFilter filter{week.from, week.to, team, {}};
        const DashboardData d = q.dashboard(filter, now);
        const KpiSnapshot s = q.summary(filter, now);
        QVERIFY(s.created > 0);
        for (int k = 0; k < kKpiCount; ++k)
            QCOMPARE(d.current.value(Kpi(k)), s.value(Kpi(k)));
        const KpiPeriod before = KpiPeriods::previous(week, shanghai());
        const KpiSnapshot p = q.summary({before.from, before.to, team, {}}, now);
        QCOMPARE(d.previous.filter.from, before.from);
        for (int k = 0; k < kKpiCount; ++k)
            QCOMPARE(d.previous.value(Kpi(k)), p.value(Kpi(k)));
        const QList<CategoryCount> cats = q.byCategory(filter);
        QCOMPARE(d.categories.size(), cats.size());
        for (int i = 0; i < cats.size(); ++i)
            QCOMPARE(d.categories[i].count, cats[i].count);
        QCOMPARE(d.daily.size(), KpiQueries::kComplianceDays);
        const QList<DailyCompliance> daily = q.dailyCompliance(filter, now);
        QCOMPARE(d.daily.last().compliance, daily.last().compliance);
        QCOMPARE(d.agents.size(), q.agents(filter, now).size());
        QCOMPARE(d.breaches.size(), q.breaches(filter, now).size());
        const QList<AgeBucket> ages = q.backlogByAge({0, now + 1, team, {}}, now);
        for (int i = 0; i < ages.size(); ++i)
            QCOMPARE(d.backlogAges[i].count, ages[i].count);
        QCOMPARE(d.hourly.size(), 24);
    }
}

void TestKpi::emptyCacheIsUndefinedNotZero()
{
    KpiCache cache;
    const KpiQueries q(*cache.db, shanghai());
    const KpiSnapshot s = q.summary({sh(2026, 11, 2), sh(2026, 11, 3), {}, {}}, sh(2026, 11, 5));
    QVERIFY(q.lastError().isEmpty());
    for (int k = 0; k < kKpiCount; ++k) {
        if (Kpi(k) == Kpi::Backlog)
            QCOMPARE(s.value(Kpi(k)), 0.0);
        else
            QVERIFY2(!s.value(Kpi(k)), qPrintable(KpiInfo::label(Kpi(k))));
    }
}

QTEST_GUILESS_MAIN(TestKpi)
#include "tst_kpi.moc"
