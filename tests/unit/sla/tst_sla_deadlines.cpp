#include "slatestutil.h"

#include "models/sla/deadlines.h"
#include "models/sla/policy.h"
#include "models/sla/slahistory.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {

SlaPolicy policyFor(const QString &key)
{
    SlaPolicy p;
    if (key == u"default")
        return p;
    SlaRule def;
    if (key == u"office") {
        p.setCalendar(calendar(u"cn"_s));
        def.calendar = u"cn"_s;
    } else if (key == u"ny2h") {
        p.setCalendar(calendar(u"ny_daily"_s));
        def.calendar = u"ny_daily"_s;
        def.firstResponse = {2 * kHour, 30 * kMin};
    } else {
        qFatal("unknown policy key in test data");
    }
    p.setDefaultRule(def);
    return p;
}

// "pending_enter@2026-03-02T02:00:00Z resolve@…" → history entries.
SlaHistory history(const QString &created, const QString &entries)
{
    SlaHistory h;
    h.createdAt = at(created);
    for (const QString &item : entries.split(u' ', Qt::SkipEmptyParts)) {
        const auto parts = item.split(u'@');
        const auto transition = fromCode<SlaTransition>(parts.value(0));
        if (parts.size() != 2 || !transition)
            qFatal("bad history entry in test data");
        h.append(at(parts.at(1)), *transition);
    }
    return h;
}

QString iso(const OptInstant &t)
{
    return t ? instantToIso(*t) : QString();
}

} // namespace

class TestSlaDeadlines : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void processTimeZone() { verifyProcessTimeZone(); }

    void status_data();
    void status();
    void historyFromTicket();
    void historyFallsBackToTicketFields();
    void explainBreachOverNight();
    void explainPauseAndReopen();
    void explainRunningClockUntilNow();
    void planIsIndependentOfNow();
};

void TestSlaDeadlines::status_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("created");
    QTest::addColumn<QString>("entries");
    QTest::addColumn<QString>("clock");
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("state");
    QTest::addColumn<qint64>("elapsed");
    QTest::addColumn<qint64>("remaining");
    QTest::addColumn<qint64>("overdue");
    QTest::addColumn<QString>("deadline");

    const QString fr = u"first_response"_s;
    const QString res = u"resolution"_s;
    const QString c10 = u"2026-03-02T10:00:00Z"_s;
    const QString none;

    // 24/7, first response 30 min, warning at 10 min left.
    QTest::addRow("24/7 on track") << u"default"_s << c10 << none << fr << u"2026-03-02T10:15:00Z"_s
                                   << u"on_track"_s << 15 * kMin << 15 * kMin << qint64(0)
                                   << u"2026-03-02T10:30:00.000Z"_s;
    QTest::addRow("24/7 at risk at 10 min left")
        << u"default"_s << c10 << none << fr << u"2026-03-02T10:20:00Z"_s << u"at_risk"_s << 20 * kMin
        << 10 * kMin << qint64(0) << u"2026-03-02T10:30:00.000Z"_s;
    QTest::addRow("24/7 on track at 10 min 1 s left")
        << u"default"_s << c10 << none << fr << u"2026-03-02T10:19:59Z"_s << u"on_track"_s << 20 * kMin - 1000
        << 10 * kMin + 1000 << qint64(0) << u"2026-03-02T10:30:00.000Z"_s;
    QTest::addRow("24/7 breached, running")
        << u"default"_s << c10 << none << fr << u"2026-03-02T10:45:00Z"_s << u"breached"_s << 45 * kMin
        << qint64(0) << 15 * kMin << u"2026-03-02T10:30:00.000Z"_s;
    QTest::addRow("24/7 met") << u"default"_s << c10 << u"first_response@2026-03-02T10:25:00Z"_s << fr
                              << u"2026-03-02T12:00:00Z"_s << u"met"_s << 25 * kMin << 5 * kMin << qint64(0)
                              << u"2026-03-02T10:30:00.000Z"_s;
    QTest::addRow("24/7 answered late")
        << u"default"_s << c10 << u"first_response@2026-03-02T10:40:00Z"_s << fr << u"2026-03-02T12:00:00Z"_s
        << u"breached"_s << 40 * kMin << qint64(0) << 10 * kMin << u"2026-03-02T10:30:00.000Z"_s;
    QTest::addRow("first response never pauses")
        << u"default"_s << c10 << u"pending_enter@2026-03-02T10:10:00Z"_s << fr << u"2026-03-02T10:40:00Z"_s
        << u"breached"_s << 40 * kMin << qint64(0) << 10 * kMin << u"2026-03-02T10:30:00.000Z"_s;
    QTest::addRow("now before creation")
        << u"default"_s << c10 << none << fr << u"2026-03-02T09:00:00Z"_s << u"on_track"_s << qint64(0)
        << 30 * kMin << qint64(0) << u"2026-03-02T10:30:00.000Z"_s;

    // Resolution: 24 h, warning at 2 h left; pending pauses it, resolve stops it, reopen resumes it.
    const QString c0 = u"2026-03-02T00:00:00Z"_s;
    const QString pauseResume = u"pending_enter@2026-03-02T02:00:00Z pending_leave@2026-03-02T12:00:00Z"_s;
    QTest::addRow("pause and resume")
        << u"default"_s << c0 << pauseResume << res << u"2026-03-02T13:00:00Z"_s << u"on_track"_s << 3 * kHour
        << 21 * kHour << qint64(0) << u"2026-03-03T10:00:00.000Z"_s;
    QTest::addRow("paused") << u"default"_s << c0 << u"pending_enter@2026-03-02T02:00:00Z"_s << res
                            << u"2026-03-02T05:00:00Z"_s << u"paused"_s << 2 * kHour << 22 * kHour
                            << qint64(0) << none;
    QTest::addRow("resolved in time")
        << u"default"_s << c0 << u"resolve@2026-03-02T20:00:00Z"_s << res << u"2026-03-04T00:00:00Z"_s
        << u"met"_s << 20 * kHour << 4 * kHour << qint64(0) << u"2026-03-03T00:00:00.000Z"_s;
    const QString reopened = u"resolve@2026-03-02T20:00:00Z reopen@2026-03-03T10:00:00Z"_s;
    QTest::addRow("reopen resumes the clock")
        << u"default"_s << c0 << reopened << res << u"2026-03-03T12:00:00Z"_s << u"at_risk"_s << 22 * kHour
        << 2 * kHour << qint64(0) << u"2026-03-03T14:00:00.000Z"_s;
    QTest::addRow("breached after reopen")
        << u"default"_s << c0 << reopened << res << u"2026-03-03T15:00:00Z"_s << u"breached"_s << 25 * kHour
        << qint64(0) << 1 * kHour << u"2026-03-03T14:00:00.000Z"_s;
    QTest::addRow("resolved while pending")
        << u"default"_s << c0 << u"pending_enter@2026-03-02T02:00:00Z resolve@2026-03-02T05:00:00Z"_s << res
        << u"2026-03-05T00:00:00Z"_s << u"met"_s << 2 * kHour << 22 * kHour << qint64(0)
        << u"2026-03-03T03:00:00.000Z"_s;
    QTest::addRow("resolution ignores the first response")
        << u"default"_s << c0 << u"first_response@2026-03-02T00:05:00Z"_s << res << u"2026-03-02T06:00:00Z"_s
        << u"on_track"_s << 6 * kHour << 18 * kHour << qint64(0) << u"2026-03-03T00:00:00.000Z"_s;

    // Business hours: Asia/Shanghai office calendar.
    QTest::addRow("office: at risk next morning")
        << u"office"_s << u"2026-03-02T17:50:00+08:00"_s << none << fr << u"2026-03-03T09:10:00+08:00"_s
        << u"at_risk"_s << 20 * kMin << 10 * kMin << qint64(0) << u"2026-03-03T01:20:00.000Z"_s;
    QTest::addRow("office: created on Saturday, Sunday evening")
        << u"office"_s << u"2026-03-07T10:00:00+08:00"_s << none << fr << u"2026-03-08T20:00:00+08:00"_s
        << u"on_track"_s << qint64(0) << 30 * kMin << qint64(0) << u"2026-03-09T01:30:00.000Z"_s;
    QTest::addRow("office: created on Saturday, Monday morning")
        << u"office"_s << u"2026-03-07T10:00:00+08:00"_s << none << fr << u"2026-03-09T09:05:00+08:00"_s
        << u"on_track"_s << 5 * kMin << 25 * kMin << qint64(0) << u"2026-03-09T01:30:00.000Z"_s;
    QTest::addRow("office: breached over lunch")
        << u"office"_s << u"2026-03-02T11:50:00+08:00"_s << none << fr << u"2026-03-02T14:10:00+08:00"_s
        << u"breached"_s << 50 * kMin << qint64(0) << 20 * kMin << u"2026-03-02T05:50:00.000Z"_s;
    QTest::addRow("office: resolution with a day pending")
        << u"office"_s << u"2026-03-02T09:00:00+08:00"_s
        << u"pending_enter@2026-03-02T10:00:00+08:00 pending_leave@2026-03-03T10:00:00+08:00"_s << res
        << u"2026-03-03T11:00:00+08:00"_s << u"on_track"_s << 2 * kHour << 22 * kHour << qint64(0)
        << u"2026-03-06T02:30:00.000Z"_s;

    // America/New_York business hours across both DST changes (2 h target, warning at 30 min left).
    QTest::addRow("New York, spring forward")
        << u"ny2h"_s << u"2026-03-07T16:00:00-05:00"_s << none << fr << u"2026-03-08T13:30:00Z"_s
        << u"at_risk"_s << 90 * kMin << 30 * kMin << qint64(0) << u"2026-03-08T14:00:00.000Z"_s;
    QTest::addRow("New York, fall back")
        << u"ny2h"_s << u"2026-10-31T16:30:00-04:00"_s << none << fr << u"2026-11-01T14:30:00Z"_s
        << u"on_track"_s << 60 * kMin << 60 * kMin << qint64(0) << u"2026-11-01T15:30:00.000Z"_s;
}

void TestSlaDeadlines::status()
{
    QFETCH(QString, policy);
    QFETCH(QString, created);
    QFETCH(QString, entries);
    QFETCH(QString, clock);
    QFETCH(QString, now);
    QFETCH(QString, state);
    QFETCH(qint64, elapsed);
    QFETCH(qint64, remaining);
    QFETCH(qint64, overdue);
    QFETCH(QString, deadline);

    const SlaClock c = *fromCode<SlaClock>(clock);
    const SlaClockStatus s =
        slaStatus(policyFor(policy), Priority::P3, Category::Delay, history(created, entries), c, at(now));
    QCOMPARE(toCode(s.state), state);
    QCOMPARE(s.clock, c);
    QCOMPARE(s.elapsedMs, elapsed);
    QCOMPARE(s.remainingMs, remaining);
    QCOMPARE(s.overdueMs, overdue);
    QCOMPARE(iso(s.deadline), deadline);
}

void TestSlaDeadlines::historyFromTicket()
{
    Ticket t;
    t.id = u"T1"_s;
    t.createdAt = at("2026-03-02T10:00:00Z");
    t.status = TicketStatus::Open;
    auto event = [&](EventKind kind, const char *when, QJsonObject data = {}) {
        TicketEvent e;
        e.ticketId = t.id;
        e.kind = kind;
        e.at = at(when);
        e.data = data;
        return e;
    };
    auto change = [](const char *from, const char *to) {
        return QJsonObject{{u"from"_s, QLatin1StringView(from)}, {u"to"_s, QLatin1StringView(to)}};
    };
    // Deliberately out of order.
    const QList<TicketEvent> events{
        event(EventKind::StatusChange, "2026-03-03T09:00:00Z", change("resolved", "reopened")),
        event(EventKind::Call, "2026-03-02T10:05:00Z", {{u"direction"_s, u"inbound"_s}}),
        event(EventKind::Note, "2026-03-02T10:06:00Z"),
        event(EventKind::Call, "2026-03-02T10:20:00Z", {{u"direction"_s, u"outbound"_s}}),
        event(EventKind::StatusChange, "2026-03-02T11:00:00Z", change("open", "pending")),
        event(EventKind::StatusChange, "2026-03-02T15:00:00Z", change("pending", "open")),
        event(EventKind::Reply, "2026-03-02T15:10:00Z"),
        event(EventKind::StatusChange, "2026-03-02T18:00:00Z", change("open", "resolved")),
        event(EventKind::StatusChange, "2026-03-03T09:01:00Z", change("reopened", "open")),
        event(EventKind::SlaBreach, "2026-03-02T10:30:00Z", {{u"clock"_s, u"first_response"_s}}),
    };
    const SlaHistory h = SlaHistory::fromTicket(t, events);
    QCOMPARE(h.createdAt, t.createdAt);
    const QList<SlaHistoryEntry> expected{
        {at("2026-03-02T10:20:00Z"), SlaTransition::FirstResponse},
        {at("2026-03-02T11:00:00Z"), SlaTransition::PendingEnter},
        {at("2026-03-02T15:00:00Z"), SlaTransition::PendingLeave},
        {at("2026-03-02T15:10:00Z"), SlaTransition::FirstResponse},
        {at("2026-03-02T18:00:00Z"), SlaTransition::Resolve},
        {at("2026-03-03T09:00:00Z"), SlaTransition::Reopen},
    };
    QCOMPARE(h.entries, expected);
    QCOMPARE(h.breachRecorded[clockIndex(SlaClock::FirstResponse)], true);
    QCOMPARE(h.breachRecorded[clockIndex(SlaClock::Resolution)], false);

    // Resolution: 1 h running, 4 h pending, 3 h running, resolved, reopened at 09:00 → 5 h used by 10:00.
    const SlaPolicy policy;
    const auto res =
        slaStatus(policy, t.priority, t.category, h, SlaClock::Resolution, at("2026-03-03T10:00:00Z"));
    QCOMPARE(res.elapsedMs, 5 * kHour);
    QCOMPARE(res.state, SlaState::OnTrack);
    const auto first =
        slaStatus(policy, t.priority, t.category, h, SlaClock::FirstResponse, at("2026-03-03T10:00:00Z"));
    QCOMPARE(first.state, SlaState::Met);
    QCOMPARE(first.stoppedAt, OptInstant(at("2026-03-02T10:20:00Z")));
}

void TestSlaDeadlines::historyFallsBackToTicketFields()
{
    Ticket t;
    t.createdAt = at("2026-03-02T10:00:00Z");
    t.firstResponseAt = at("2026-03-02T10:12:00Z");
    t.resolvedAt = at("2026-03-02T16:00:00Z");
    t.status = TicketStatus::Resolved;
    const SlaHistory h = SlaHistory::fromTicket(t);
    const QList<SlaHistoryEntry> expected{{at("2026-03-02T10:12:00Z"), SlaTransition::FirstResponse},
                                          {at("2026-03-02T16:00:00Z"), SlaTransition::Resolve}};
    QCOMPARE(h.entries, expected);

    t.status = TicketStatus::Open; // reopened: the old resolved_at no longer stops the clock
    QCOMPARE(SlaHistory::fromTicket(t).entries.size(), 1);
}

void TestSlaDeadlines::explainBreachOverNight()
{
    const SlaPolicy policy = policyFor(u"office"_s);
    const SlaHistory h =
        history(u"2026-03-02T17:50:00+08:00"_s, u"first_response@2026-03-03T09:40:00+08:00"_s);
    const auto segments = slaExplanation(policy, Priority::P2, Category::Loss, h, SlaClock::FirstResponse,
                                         at("2026-03-04T00:00:00Z"));
    const QList<SlaSegment> expected{
        {at("2026-03-02T17:50:00+08:00"), at("2026-03-02T18:00:00+08:00"), SlaSegmentKind::Running,
         10 * kMin},
        {at("2026-03-02T18:00:00+08:00"), at("2026-03-03T09:00:00+08:00"),
         SlaSegmentKind::OutsideBusinessHours, 10 * kMin},
        {at("2026-03-03T09:00:00+08:00"), at("2026-03-03T09:40:00+08:00"), SlaSegmentKind::Running,
         50 * kMin},
    };
    QCOMPARE(segments, expected);
    const auto s = slaStatus(policy, Priority::P2, Category::Loss, h, SlaClock::FirstResponse,
                             at("2026-03-04T00:00:00Z"));
    QCOMPARE(s.state, SlaState::Breached);
    QCOMPARE(s.deadline, OptInstant(at("2026-03-03T09:20:00+08:00")));
    QCOMPARE(s.overdueMs, 20 * kMin);
}

void TestSlaDeadlines::explainPauseAndReopen()
{
    const SlaHistory h = history(u"2026-03-02T00:00:00Z"_s, u"pending_enter@2026-03-02T02:00:00Z "
                                                            "pending_leave@2026-03-02T05:00:00Z "
                                                            "resolve@2026-03-02T08:00:00Z "
                                                            "reopen@2026-03-03T08:00:00Z"_s);
    const auto segments = slaExplanation(SlaPolicy(), Priority::P3, Category::Other, h, SlaClock::Resolution,
                                         at("2026-03-03T09:00:00Z"));
    const QList<SlaSegment> expected{
        {at("2026-03-02T00:00:00Z"), at("2026-03-02T02:00:00Z"), SlaSegmentKind::Running, 2 * kHour},
        {at("2026-03-02T02:00:00Z"), at("2026-03-02T05:00:00Z"), SlaSegmentKind::Paused, 2 * kHour},
        {at("2026-03-02T05:00:00Z"), at("2026-03-02T08:00:00Z"), SlaSegmentKind::Running, 5 * kHour},
        {at("2026-03-02T08:00:00Z"), at("2026-03-03T08:00:00Z"), SlaSegmentKind::Paused, 5 * kHour},
        {at("2026-03-03T08:00:00Z"), at("2026-03-03T09:00:00Z"), SlaSegmentKind::Running, 6 * kHour},
    };
    QCOMPARE(segments, expected);
}

void TestSlaDeadlines::explainRunningClockUntilNow()
{
    // Friday 17:00 to Monday 09:30 in Shanghai office hours, nothing happened yet.
    const SlaHistory h = history(u"2026-03-06T17:00:00+08:00"_s, {});
    const auto segments = slaExplanation(policyFor(u"office"_s), Priority::P3, Category::Damage, h,
                                         SlaClock::Resolution, at("2026-03-09T09:30:00+08:00"));
    const QList<SlaSegment> expected{
        {at("2026-03-06T17:00:00+08:00"), at("2026-03-06T18:00:00+08:00"), SlaSegmentKind::Running,
         60 * kMin},
        {at("2026-03-06T18:00:00+08:00"), at("2026-03-09T09:00:00+08:00"),
         SlaSegmentKind::OutsideBusinessHours, 60 * kMin},
        {at("2026-03-09T09:00:00+08:00"), at("2026-03-09T09:30:00+08:00"), SlaSegmentKind::Running,
         90 * kMin},
    };
    QCOMPARE(segments, expected);
}

void TestSlaDeadlines::planIsIndependentOfNow()
{
    const SlaTarget target{30 * kMin, 10 * kMin};
    const SlaHistory open = history(u"2026-03-02T10:00:00Z"_s, {});
    const SlaClockPlan p = SlaClockTimeline(open, SlaClock::FirstResponse).plan(target, nullptr);
    QCOMPARE(p.phase, SlaClockPlan::Phase::Running);
    QCOMPARE(p.warningAt, OptInstant(at("2026-03-02T10:20:00Z")));
    QCOMPARE(p.deadline, OptInstant(at("2026-03-02T10:30:00Z")));

    const SlaHistory paused = history(u"2026-03-02T10:00:00Z"_s, u"pending_enter@2026-03-02T10:25:00Z"_s);
    const SlaClockPlan q = SlaClockTimeline(paused, SlaClock::Resolution).plan(target, nullptr);
    QCOMPARE(q.phase, SlaClockPlan::Phase::Paused);
    QCOMPARE(q.warningAt, OptInstant(at("2026-03-02T10:20:00Z"))); // crossed before the pause
    QCOMPARE(q.deadline, std::nullopt);
}

QTEST_GUILESS_MAIN(TestSlaDeadlines)
#include "tst_sla_deadlines.moc"
