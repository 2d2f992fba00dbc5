#include "slatestutil.h"

#include "models/sla/deadlines.h"
#include "models/sla/policy.h"
#include "models/sla/slahistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

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
        p.setCalendar(calendar(u"cn"_qs));
        def.calendar = u"cn"_qs;
    } else if (key == u"ny2h") {
        p.setCalendar(calendar(u"ny_daily"_qs));
        def.calendar = u"ny_daily"_qs;
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
    void policyMatching_data();
    void policyMatching();
    void policyChangeMovesDeadlines();
    void policyJsonRoundTrip();
    void policyJsonErrors_data();
    void policyJsonErrors();
    void codes();
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

    const QString fr = u"first_response"_qs;
    const QString res = u"resolution"_qs;
    const QString c10 = u"2026-03-02T10:00:00Z"_qs;
    const QString none;

    // 24/7, first response 30 min, warning at 10 min left.
    QTest::addRow("24/7 on track") << u"default"_qs << c10 << none << fr << u"2026-03-02T10:15:00Z"_qs
                                   << u"on_track"_qs << 15 * kMin << 15 * kMin << qint64(0)
                                   << u"2026-03-02T10:30:00.000Z"_qs;
    QTest::addRow("24/7 at risk at 10 min left")
        << u"default"_qs << c10 << none << fr << u"2026-03-02T10:20:00Z"_qs << u"at_risk"_qs << 20 * kMin
        << 10 * kMin << qint64(0) << u"2026-03-02T10:30:00.000Z"_qs;
    QTest::addRow("24/7 on track at 10 min 1 s left")
        << u"default"_qs << c10 << none << fr << u"2026-03-02T10:19:59Z"_qs << u"on_track"_qs
        << 20 * kMin - 1000 << 10 * kMin + 1000 << qint64(0) << u"2026-03-02T10:30:00.000Z"_qs;
    QTest::addRow("24/7 breached, running")
        << u"default"_qs << c10 << none << fr << u"2026-03-02T10:45:00Z"_qs << u"breached"_qs << 45 * kMin
        << qint64(0) << 15 * kMin << u"2026-03-02T10:30:00.000Z"_qs;
    QTest::addRow("24/7 met") << u"default"_qs << c10 << u"first_response@2026-03-02T10:25:00Z"_qs << fr
                              << u"2026-03-02T12:00:00Z"_qs << u"met"_qs << 25 * kMin << 5 * kMin << qint64(0)
                              << u"2026-03-02T10:30:00.000Z"_qs;
    QTest::addRow("24/7 answered late") << u"default"_qs << c10 << u"first_response@2026-03-02T10:40:00Z"_qs
                                        << fr << u"2026-03-02T12:00:00Z"_qs << u"breached"_qs << 40 * kMin
                                        << qint64(0) << 10 * kMin << u"2026-03-02T10:30:00.000Z"_qs;
    QTest::addRow("first response never pauses")
        << u"default"_qs << c10 << u"pending_enter@2026-03-02T10:10:00Z"_qs << fr
        << u"2026-03-02T10:40:00Z"_qs << u"breached"_qs << 40 * kMin << qint64(0) << 10 * kMin
        << u"2026-03-02T10:30:00.000Z"_qs;
    QTest::addRow("now before creation")
        << u"default"_qs << c10 << none << fr << u"2026-03-02T09:00:00Z"_qs << u"on_track"_qs << qint64(0)
        << 30 * kMin << qint64(0) << u"2026-03-02T10:30:00.000Z"_qs;

    // Resolution: 24 h, warning at 2 h left; pending pauses it, resolve stops it, reopen resumes it.
    const QString c0 = u"2026-03-02T00:00:00Z"_qs;
    const QString pauseResume = u"pending_enter@2026-03-02T02:00:00Z pending_leave@2026-03-02T12:00:00Z"_qs;
    QTest::addRow("pause and resume")
        << u"default"_qs << c0 << pauseResume << res << u"2026-03-02T13:00:00Z"_qs << u"on_track"_qs
        << 3 * kHour << 21 * kHour << qint64(0) << u"2026-03-03T10:00:00.000Z"_qs;
    QTest::addRow("paused") << u"default"_qs << c0 << u"pending_enter@2026-03-02T02:00:00Z"_qs << res
                            << u"2026-03-02T05:00:00Z"_qs << u"paused"_qs << 2 * kHour << 22 * kHour
                            << qint64(0) << none;
    QTest::addRow("resolved in time")
        << u"default"_qs << c0 << u"resolve@2026-03-02T20:00:00Z"_qs << res << u"2026-03-04T00:00:00Z"_qs
        << u"met"_qs << 20 * kHour << 4 * kHour << qint64(0) << u"2026-03-03T00:00:00.000Z"_qs;
    const QString reopened = u"resolve@2026-03-02T20:00:00Z reopen@2026-03-03T10:00:00Z"_qs;
    QTest::addRow("reopen resumes the clock")
        << u"default"_qs << c0 << reopened << res << u"2026-03-03T12:00:00Z"_qs << u"at_risk"_qs << 22 * kHour
        << 2 * kHour << qint64(0) << u"2026-03-03T14:00:00.000Z"_qs;
    QTest::addRow("breached after reopen")
        << u"default"_qs << c0 << reopened << res << u"2026-03-03T15:00:00Z"_qs << u"breached"_qs
        << 25 * kHour << qint64(0) << 1 * kHour << u"2026-03-03T14:00:00.000Z"_qs;
    QTest::addRow("resolved while pending")
        << u"default"_qs << c0 << u"pending_enter@2026-03-02T02:00:00Z resolve@2026-03-02T05:00:00Z"_qs << res
        << u"2026-03-05T00:00:00Z"_qs << u"met"_qs << 2 * kHour << 22 * kHour << qint64(0)
        << u"2026-03-03T03:00:00.000Z"_qs;
    QTest::addRow("resolution ignores the first response")
        << u"default"_qs << c0 << u"first_response@2026-03-02T00:05:00Z"_qs << res
        << u"2026-03-02T06:00:00Z"_qs << u"on_track"_qs << 6 * kHour << 18 * kHour << qint64(0)
        << u"2026-03-03T00:00:00.000Z"_qs;

    // Business hours: Asia/Shanghai office calendar.
    QTest::addRow("office: at risk next morning")
        << u"office"_qs << u"2026-03-02T17:50:00+08:00"_qs << none << fr << u"2026-03-03T09:10:00+08:00"_qs
        << u"at_risk"_qs << 20 * kMin << 10 * kMin << qint64(0) << u"2026-03-03T01:20:00.000Z"_qs;
    QTest::addRow("office: created on Saturday, Sunday evening")
        << u"office"_qs << u"2026-03-07T10:00:00+08:00"_qs << none << fr << u"2026-03-08T20:00:00+08:00"_qs
        << u"on_track"_qs << qint64(0) << 30 * kMin << qint64(0) << u"2026-03-09T01:30:00.000Z"_qs;
    QTest::addRow("office: created on Saturday, Monday morning")
        << u"office"_qs << u"2026-03-07T10:00:00+08:00"_qs << none << fr << u"2026-03-09T09:05:00+08:00"_qs
        << u"on_track"_qs << 5 * kMin << 25 * kMin << qint64(0) << u"2026-03-09T01:30:00.000Z"_qs;
    QTest::addRow("office: breached over lunch")
        << u"office"_qs << u"2026-03-02T11:50:00+08:00"_qs << none << fr << u"2026-03-02T14:10:00+08:00"_qs
        << u"breached"_qs << 50 * kMin << qint64(0) << 20 * kMin << u"2026-03-02T05:50:00.000Z"_qs;
    QTest::addRow("office: resolution with a day pending")
        << u"office"_qs << u"2026-03-02T09:00:00+08:00"_qs
        << u"pending_enter@2026-03-02T10:00:00+08:00 pending_leave@2026-03-03T10:00:00+08:00"_qs << res
        << u"2026-03-03T11:00:00+08:00"_qs << u"on_track"_qs << 2 * kHour << 22 * kHour << qint64(0)
        << u"2026-03-06T02:30:00.000Z"_qs;

    // America/New_York business hours across both DST changes (2 h target, warning at 30 min left).
    QTest::addRow("New York, spring forward")
        << u"ny2h"_qs << u"2026-03-07T16:00:00-05:00"_qs << none << fr << u"2026-03-08T13:30:00Z"_qs
        << u"at_risk"_qs << 90 * kMin << 30 * kMin << qint64(0) << u"2026-03-08T14:00:00.000Z"_qs;
    QTest::addRow("New York, fall back")
        << u"ny2h"_qs << u"2026-10-31T16:30:00-04:00"_qs << none << fr << u"2026-11-01T14:30:00Z"_qs
        << u"on_track"_qs << 60 * kMin << 60 * kMin << qint64(0) << u"2026-11-01T15:30:00.000Z"_qs;
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
    t.id = u"T1"_qs;
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
        return QJsonObject{{u"from"_qs, QLatin1StringView(from)}, {u"to"_qs, QLatin1StringView(to)}};
    };
    // Deliberately out of order.
    const QList<TicketEvent> events{
        event(EventKind::StatusChange, "2026-03-03T09:00:00Z", change("resolved", "reopened")),
        event(EventKind::Call, "2026-03-02T10:05:00Z", {{u"direction"_qs, u"inbound"_qs}}),
        event(EventKind::Note, "2026-03-02T10:06:00Z"),
        event(EventKind::Call, "2026-03-02T10:20:00Z", {{u"direction"_qs, u"outbound"_qs}}),
        event(EventKind::StatusChange, "2026-03-02T11:00:00Z", change("open", "pending")),
        event(EventKind::StatusChange, "2026-03-02T15:00:00Z", change("pending", "open")),
        event(EventKind::Reply, "2026-03-02T15:10:00Z"),
        event(EventKind::StatusChange, "2026-03-02T18:00:00Z", change("open", "resolved")),
        event(EventKind::StatusChange, "2026-03-03T09:01:00Z", change("reopened", "open")),
        event(EventKind::SlaBreach, "2026-03-02T10:30:00Z", {{u"clock"_qs, u"first_response"_qs}}),
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
    const SlaPolicy policy = policyFor(u"office"_qs);
    const SlaHistory h =
        history(u"2026-03-02T17:50:00+08:00"_qs, u"first_response@2026-03-03T09:40:00+08:00"_qs);
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
    const SlaHistory h = history(u"2026-03-02T00:00:00Z"_qs, u"pending_enter@2026-03-02T02:00:00Z "
                                                             "pending_leave@2026-03-02T05:00:00Z "
                                                             "resolve@2026-03-02T08:00:00Z "
                                                             "reopen@2026-03-03T08:00:00Z"_qs);
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
    const SlaHistory h = history(u"2026-03-06T17:00:00+08:00"_qs, {});
    const auto segments = slaExplanation(policyFor(u"office"_qs), Priority::P3, Category::Damage, h,
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
    const SlaHistory open = history(u"2026-03-02T10:00:00Z"_qs, {});
    const SlaClockPlan p = SlaClockTimeline(open, SlaClock::FirstResponse).plan(target, nullptr);
    QCOMPARE(p.phase, SlaClockPlan::Phase::Running);
    QCOMPARE(p.warningAt, OptInstant(at("2026-03-02T10:20:00Z")));
    QCOMPARE(p.deadline, OptInstant(at("2026-03-02T10:30:00Z")));

    const SlaHistory paused = history(u"2026-03-02T10:00:00Z"_qs, u"pending_enter@2026-03-02T10:25:00Z"_qs);
    const SlaClockPlan q = SlaClockTimeline(paused, SlaClock::Resolution).plan(target, nullptr);
    QCOMPARE(q.phase, SlaClockPlan::Phase::Paused);
    QCOMPARE(q.warningAt, OptInstant(at("2026-03-02T10:20:00Z"))); // crossed before the pause
    QCOMPARE(q.deadline, std::nullopt);
}

void TestSlaDeadlines::policyMatching_data()
{
    QTest::addColumn<QString>("priority");
    QTest::addColumn<QString>("category");
    QTest::addColumn<int>("rule");
    QTest::addColumn<qint64>("firstResponse");

    QTest::addRow("p1 loss: exact rule") << u"p1"_qs << u"loss"_qs << 2 << 10 * kMin;
    QTest::addRow("p1 delay: priority rule") << u"p1"_qs << u"delay"_qs << 0 << 15 * kMin;
    QTest::addRow("p3 loss: category rule") << u"p3"_qs << u"loss"_qs << 1 << 20 * kMin;
    QTest::addRow("p2 damage: first of equals") << u"p2"_qs << u"damage"_qs << 3 << 25 * kMin;
    QTest::addRow("p4 other: default") << u"p4"_qs << u"other"_qs << -1 << 30 * kMin;
}

void TestSlaDeadlines::policyMatching()
{
    QFETCH(QString, priority);
    QFETCH(QString, category);
    QFETCH(int, rule);
    QFETCH(qint64, firstResponse);

    SlaPolicy p;
    SlaRule r;
    r.priority = Priority::P1;
    r.firstResponse = {15 * kMin, 5 * kMin};
    p.addRule(r);
    r = {};
    r.category = Category::Loss;
    r.firstResponse = {20 * kMin, 5 * kMin};
    p.addRule(r);
    r.priority = Priority::P1;
    r.firstResponse = {10 * kMin, 5 * kMin};
    p.addRule(r);
    r = {};
    r.priority = Priority::P2;
    r.firstResponse = {25 * kMin, 5 * kMin};
    p.addRule(r);
    r.category = Category::Damage; // more specific, but later
    r.priority.reset();
    r.firstResponse = {26 * kMin, 5 * kMin};
    p.addRule(r);

    const Priority prio = *fromCode<Priority>(priority);
    const Category cat = *fromCode<Category>(category);
    QCOMPARE(p.matchingRule(prio, cat), rule);
    QCOMPARE(p.termsFor(prio, cat).firstResponse.targetMs, firstResponse);
}

void TestSlaDeadlines::policyChangeMovesDeadlines()
{
    const SlaHistory h = history(u"2026-03-02T10:00:00Z"_qs, {});
    const Instant now = at("2026-03-02T10:18:00Z");
    const auto before = slaStatus(SlaPolicy(), Priority::P1, Category::Loss, h, SlaClock::FirstResponse, now);
    QCOMPARE(before.state, SlaState::OnTrack);
    QCOMPARE(before.deadline, OptInstant(at("2026-03-02T10:30:00Z")));

    SlaPolicy stricter;
    SlaRule p1;
    p1.priority = Priority::P1;
    p1.firstResponse = {15 * kMin, 5 * kMin};
    stricter.addRule(p1);
    const auto after = slaStatus(stricter, Priority::P1, Category::Loss, h, SlaClock::FirstResponse, now);
    QCOMPARE(after.state, SlaState::Breached);
    QCOMPARE(after.deadline, OptInstant(at("2026-03-02T10:15:00Z")));
    QCOMPARE(after.overdueMs, 3 * kMin);
    // Other priorities keep the default.
    QCOMPARE(slaStatus(stricter, Priority::P2, Category::Loss, h, SlaClock::FirstResponse, now).state,
             SlaState::OnTrack);
}

void TestSlaDeadlines::policyJsonRoundTrip()
{
    SlaPolicy p;
    p.setCalendar(calendar(u"cn"_qs));
    SlaRule r;
    r.priority = Priority::P1;
    r.category = Category::Loss;
    r.firstResponse = {15 * kMin, 5 * kMin};
    r.resolution = {8 * kHour, 90 * kMin};
    r.calendar = u"cn"_qs;
    p.addRule(r);
    SlaRule odd;
    odd.category = Category::Service;
    odd.firstResponse = {90 * 1000, 30 * 1000}; // 1.5 min: written as a fraction
    p.addRule(odd);

    const QJsonObject json = p.toJson();
    QCOMPARE(json[u"default"][u"first_response_target_minutes"].toInt(), 30);
    QCOMPARE(json[u"default"][u"resolution_warning_minutes"].toInt(), 120);
    QCOMPARE(json[u"rules"][0][u"priority"].toString(), u"p1"_qs);
    QCOMPARE(json[u"rules"][0][u"calendar"].toString(), u"cn"_qs);
    QCOMPARE(json[u"rules"][1][u"first_response_target_minutes"].toDouble(), 1.5);
    QVERIFY(!json[u"rules"][1].toObject().contains(u"priority"));
    QCOMPARE(json[u"calendars"][0][u"name"].toString(), u"cn"_qs);

    JsonError error;
    const auto back = SlaPolicy::fromJson(QJsonDocument(json).object(), &error);
    QVERIFY2(back, qPrintable(error.field + u": " + error.message));
    QVERIFY(*back == p);
    QCOMPARE(back->termsFor(Priority::P1, Category::Loss).calendar->timeZoneId(),
             QByteArrayLiteral("Asia/Shanghai"));

    // Targets left out of a rule come from the default row.
    const auto partial = SlaPolicy::fromJson(QJsonDocument::fromJson(R"({
        "default": {"first_response_target_minutes": 20, "first_response_warning_minutes": 5},
        "rules": [{"priority": "p1", "first_response_target_minutes": 10}]})")
                                                 .object(),
                                             &error);
    QVERIFY2(partial, qPrintable(error.field + u": " + error.message));
    QCOMPARE(partial->termsFor(Priority::P1, Category::Delay).firstResponse,
             (SlaTarget{10 * kMin, 5 * kMin}));
    QCOMPARE(partial->termsFor(Priority::P2, Category::Delay).firstResponse,
             (SlaTarget{20 * kMin, 5 * kMin}));
    QCOMPARE(partial->termsFor(Priority::P2, Category::Delay).resolution, (SlaTarget{24 * kHour, 2 * kHour}));
}

void TestSlaDeadlines::policyJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");

    QTest::addRow("unknown priority")
        << QByteArray(R"({"rules": [{"priority": "p9"}]})") << u"rules[0].priority"_qs;
    QTest::addRow("unknown category")
        << QByteArray(R"({"rules": [{}, {"category": "weather"}]})") << u"rules[1].category"_qs;
    QTest::addRow("warning longer than target")
        << QByteArray(
               R"({"default": {"first_response_target_minutes": 5, "first_response_warning_minutes": 10}})")
        << u"default.first_response_warning_minutes"_qs;
    QTest::addRow("negative target") << QByteArray(R"({"rules": [{"resolution_target_minutes": -1}]})")
                                     << u"rules[0].resolution_target_minutes"_qs;
    QTest::addRow("target as text") << QByteArray(R"({"rules": [{"resolution_target_minutes": "60"}]})")
                                    << u"rules[0].resolution_target_minutes"_qs;
    QTest::addRow("unknown calendar")
        << QByteArray(R"({"rules": [{"calendar": "mars"}]})") << u"rules[0].calendar"_qs;
    QTest::addRow("calendar without name")
        << QByteArray(R"({"calendars": [{"weekly_hours": {"mon": [{"start": "09:00", "end": "18:00"}]}}]})")
        << u"calendars[0].name"_qs;
    QTest::addRow("bad calendar") << QByteArray(
                                         R"({"calendars": [{"name": "x", "time_zone": "Nowhere/City"}]})")
                                  << u"calendars[0].time_zone"_qs;
}

void TestSlaDeadlines::policyJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    QVERIFY(doc.isObject());
    JsonError error;
    QVERIFY(!SlaPolicy::fromJson(doc.object(), &error));
    QCOMPARE(error.field, field);
    QVERIFY(!error.message.isEmpty());
}

void TestSlaDeadlines::codes()
{
    QCOMPARE(allCodes<SlaState>(),
             (QStringList{u"on_track"_qs, u"at_risk"_qs, u"breached"_qs, u"met"_qs, u"paused"_qs}));
    QCOMPARE(toCode(SlaSegmentKind::OutsideBusinessHours), u"outside_business_hours"_qs);
    QCOMPARE(fromCode<SlaClock>(u"resolution"), std::optional<SlaClock>(SlaClock::Resolution));
    QCOMPARE(displayName(SlaState::AtRisk), u"At risk"_qs);
}

QTEST_GUILESS_MAIN(TestSlaDeadlines)
#include "tst_sla_deadlines.moc"
