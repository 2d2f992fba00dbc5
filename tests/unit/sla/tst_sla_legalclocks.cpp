// The legal clocks (docs/appeals.md): statutory 7 days, the appeal's answer and its redo after a rejection,
// counted in natural days or on the regulator's working-day calendar ("cn": National Day 1–7 Oct 2026 off,
// Saturday 10 Oct worked). Every instant is asserted exactly.
#include "slatestutil.h"

#include "models/domain/clock.h"
#include "models/sla/legalclocks.h"
#include "models/sla/slamonitor.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {

constexpr qint64 kDay = 24 * kHour;

// The appeal clocks on the regulator's working days, statutory in natural days (the defaults otherwise).
SlaPolicy regulatorPolicy()
{
    SlaPolicy p;
    p.setCalendar(calendar(u"cn"_s));
    p.setLegalRule(SlaClock::AppealAnswer, {15, 2, u"cn"_s});
    p.setLegalRule(SlaClock::AppealRedo, {5, 1, u"cn"_s});
    return p;
}

Ticket appealTicket(Instant forwarded)
{
    Ticket t;
    t.id = u"A"_s;
    t.source = TicketSource::RegulatorAppeal;
    t.priority = Priority::P1;
    t.category = Category::Delay;
    t.status = TicketStatus::Open;
    t.createdAt = forwarded + 5 * kMin;
    t.firstResponseAt = forwarded + 30 * kMin;
    Appeal a;
    a.number = u"SS202609290001"_s;
    a.forwardedAt = forwarded;
    t.appeal = a;
    return t;
}

TicketEvent ev(EventKind kind, Instant when, const QJsonObject &data = {})
{
    TicketEvent e;
    e.id = u"e%1"_s.arg(when);
    e.ticketId = u"A"_s;
    e.kind = kind;
    e.at = when;
    e.data = data;
    return e;
}

SlaClockStatus statusOf(const SlaPolicy &p, const Ticket &t, const QList<TicketEvent> &events, SlaClock c,
                        Instant now)
{
    const auto s = legalClockStatus(p, LegalClockInputs::fromTicket(t, events), c, now);
    if (!s)
        qFatal("clock does not apply");
    return *s;
}

} // namespace

class TestSlaLegalClocks : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(!qEnvironmentVariableIsEmpty("TZ")); }
    void answerAcrossNationalDayAndWorkingSaturday();
    void answerOverAWeekend();
    void answerStopsTheClock();
    void redoAfterRejection();
    void statutorySevenDays();
    void policyJson();
    void policyValidation();
    void queueTakesTheEarliestDeadline();
    void monitorBreachesOncePerInstance();
};

void TestSlaLegalClocks::answerAcrossNationalDayAndWorkingSaturday()
{
    // Forwarded Tue 29 Sep: 30 Sep is day 1, 1–7 Oct are off, 8, 9, 10 (the worked Saturday) are 2–4, then
    // 12–16, 19–23 and Mon 26 Oct is the 15th working day: due at 24:00 that day.
    const SlaPolicy p = regulatorPolicy();
    const Ticket t = appealTicket(at("2026-09-29T10:00:00+08:00"));
    const auto plan = legalClockPlan(p, LegalClockInputs::fromTicket(t), SlaClock::AppealAnswer);
    QVERIFY(plan);
    QCOMPARE(plan->phase, SlaClockPlan::Phase::Running);
    QCOMPARE(plan->deadline, OptInstant(at("2026-10-27T00:00:00+08:00")));
    QCOMPARE(plan->warningAt, OptInstant(at("2026-10-23T00:00:00+08:00"))); // 13th working day ends Thu 22nd
    // Without the worked Saturday the 15th working day is Tue 27 Oct.
    BusinessCalendar noSaturday = calendar(u"cn"_s);
    noSaturday.removeExtraWorkingDay(QDate(2026, 10, 10));
    QCOMPARE(legalDeadline(&noSaturday, t.appeal->forwardedAt, 15),
             OptInstant(at("2026-10-28T00:00:00+08:00")));
    // In natural days (the default policy) the holiday counts: 29 Sep + 15 days = 14 Oct, 24:00.
    QCOMPARE(legalClockPlan(SlaPolicy(), LegalClockInputs::fromTicket(t), SlaClock::AppealAnswer)->deadline,
             OptInstant(at("2026-10-15T00:00:00+08:00")));

    const SlaClockStatus during = statusOf(p, t, {}, SlaClock::AppealAnswer, at("2026-10-05T12:00:00+08:00"));
    QCOMPARE(during.state, SlaState::OnTrack);
    QCOMPARE(during.remainingMs, at("2026-10-27T00:00:00+08:00") - at("2026-10-05T12:00:00+08:00"));
    QCOMPARE(statusOf(p, t, {}, SlaClock::AppealAnswer, at("2026-10-23T09:00:00+08:00")).state,
             SlaState::AtRisk);
    const SlaClockStatus late = statusOf(p, t, {}, SlaClock::AppealAnswer, at("2026-10-27T01:30:00+08:00"));
    QCOMPARE(late.state, SlaState::Breached);
    QCOMPARE(late.overdueMs, 90 * kMin);
}

void TestSlaLegalClocks::answerOverAWeekend()
{
    // Forwarded Fri 6 Nov 16:00 (Beijing): Mon 9 … Fri 13 are the five days of a 5-day clock; a forward at
    // Saturday 01:00 counts from Monday too, as the Saturday is not a working day.
    SlaPolicy p = regulatorPolicy();
    p.setLegalRule(SlaClock::AppealAnswer, {5, 1, u"cn"_s});
    const Ticket friday = appealTicket(at("2026-11-06T16:00:00+08:00"));
    QCOMPARE(legalClockPlan(p, LegalClockInputs::fromTicket(friday), SlaClock::AppealAnswer)->deadline,
             OptInstant(at("2026-11-14T00:00:00+08:00")));
    const Ticket saturday = appealTicket(at("2026-11-07T01:00:00+08:00"));
    QCOMPARE(legalClockPlan(p, LegalClockInputs::fromTicket(saturday), SlaClock::AppealAnswer)->deadline,
             OptInstant(at("2026-11-14T00:00:00+08:00")));
    // A forward late on Friday evening UTC is already Saturday in Beijing: the same deadline.
    const Ticket utcFriday = appealTicket(at("2026-11-06T17:30:00Z"));
    QCOMPARE(legalClockPlan(p, LegalClockInputs::fromTicket(utcFriday), SlaClock::AppealAnswer)->deadline,
             OptInstant(at("2026-11-14T00:00:00+08:00")));
}

void TestSlaLegalClocks::answerStopsTheClock()
{
    const SlaPolicy p = regulatorPolicy();
    Ticket t = appealTicket(at("2026-09-29T10:00:00+08:00"));
    const QList<TicketEvent> inTime{ev(EventKind::AppealAnswered, at("2026-10-09T15:00:00+08:00"))};
    t.appeal->answeredAt = at("2026-10-09T15:00:00+08:00");
    const SlaClockStatus met =
        statusOf(p, t, inTime, SlaClock::AppealAnswer, at("2026-11-30T00:00:00+08:00"));
    QCOMPARE(met.state, SlaState::Met);
    QCOMPARE(met.stoppedAt, OptInstant(at("2026-10-09T15:00:00+08:00")));
    QCOMPARE(met.elapsedMs, at("2026-10-09T15:00:00+08:00") - at("2026-09-29T10:00:00+08:00"));
    const auto plan = legalClockPlan(p, LegalClockInputs::fromTicket(t, inTime), SlaClock::AppealAnswer);
    QCOMPARE(plan->phase, SlaClockPlan::Phase::Stopped);

    // Answered two hours into the 16th working day: breached by exactly two hours, and stays so.
    const QList<TicketEvent> late{ev(EventKind::AppealAnswered, at("2026-10-27T02:00:00+08:00"))};
    t.appeal->answeredAt = at("2026-10-27T02:00:00+08:00");
    const SlaClockStatus breached =
        statusOf(p, t, late, SlaClock::AppealAnswer, at("2026-11-30T00:00:00+08:00"));
    QCOMPARE(breached.state, SlaState::Breached);
    QCOMPARE(breached.overdueMs, 2 * kHour);
    // Without its timeline (a list row) the ticket's answered_at gives the same.
    QCOMPARE(statusOf(p, t, {}, SlaClock::AppealAnswer, at("2026-11-30T00:00:00+08:00")).overdueMs,
             2 * kHour);
}

void TestSlaLegalClocks::redoAfterRejection()
{
    const SlaPolicy p = regulatorPolicy();
    Ticket t = appealTicket(at("2026-09-29T10:00:00+08:00"));
    QList<TicketEvent> events{ev(EventKind::AppealAnswered, at("2026-10-09T15:00:00+08:00"))};
    // No rejection: no redo clock.
    QVERIFY(!legalClockPlan(p, LegalClockInputs::fromTicket(t, events), SlaClock::AppealRedo));
    // Rejected Fri 9 Oct 18:00: the worked Saturday is day 1, then Mon 12 … Thu 15: due 15 Oct 24:00.
    t.appeal->answeredAt = at("2026-10-09T15:00:00+08:00");
    t.appeal->rejectedAt = at("2026-10-09T18:00:00+08:00");
    t.appeal->rejections = 1;
    events.append(ev(EventKind::AppealRejected, at("2026-10-09T18:00:00+08:00")));
    auto redo = statusOf(p, t, events, SlaClock::AppealRedo, at("2026-10-12T09:00:00+08:00"));
    QCOMPARE(redo.deadline, OptInstant(at("2026-10-16T00:00:00+08:00")));
    QCOMPARE(redo.warningAt, OptInstant(at("2026-10-15T00:00:00+08:00")));
    QCOMPARE(redo.state, SlaState::OnTrack);
    // The answer clock stays met at its first answer.
    QCOMPARE(statusOf(p, t, events, SlaClock::AppealAnswer, at("2026-10-12T09:00:00+08:00")).state,
             SlaState::Met);
    // The redo answer stops it.
    events.append(ev(EventKind::AppealAnswered, at("2026-10-14T11:00:00+08:00")));
    t.appeal->answeredAt = at("2026-10-14T11:00:00+08:00");
    redo = statusOf(p, t, events, SlaClock::AppealRedo, at("2026-10-20T09:00:00+08:00"));
    QCOMPARE(redo.state, SlaState::Met);
    QCOMPARE(redo.stoppedAt, OptInstant(at("2026-10-14T11:00:00+08:00")));

    // A second rejection is a new instance: a breach recorded for the first does not count for it.
    events.append(ev(EventKind::SlaBreach, at("2026-10-16T00:00:00+08:00"),
                     {{u"clock"_s, u"appeal_redo"_s}, {u"instance"_s, 1}}));
    QCOMPARE(LegalClockInputs::fromTicket(t, events).breachRecorded[legalIndex(SlaClock::AppealRedo)], true);
    t.appeal->rejectedAt = at("2026-10-16T10:00:00+08:00");
    t.appeal->rejections = 2;
    const LegalClockInputs second = LegalClockInputs::fromTicket(t, events);
    QCOMPARE(second.breachRecorded[legalIndex(SlaClock::AppealRedo)], false);
    QCOMPARE(legalClockSpan(second, SlaClock::AppealRedo)->instance, 2);
    QCOMPARE(legalClockSpan(second, SlaClock::AppealRedo)->stop, std::nullopt);
    // Fri 16 Oct: Mon 19 … Fri 23.
    QCOMPARE(legalClockPlan(p, second, SlaClock::AppealRedo)->deadline,
             OptInstant(at("2026-10-24T00:00:00+08:00")));
}

void TestSlaLegalClocks::statutorySevenDays()
{
    // Natural days: created on the holiday 1 Oct 10:00, due 8 Oct 24:00 whatever the calendar says.
    const SlaPolicy p = regulatorPolicy();
    Ticket t;
    t.id = u"C"_s;
    t.createdAt = at("2026-10-01T10:00:00+08:00");
    t.status = TicketStatus::Open;
    QCOMPARE(statusOf(p, t, {}, SlaClock::Statutory, at("2026-10-08T23:59:00+08:00")).state,
             SlaState::AtRisk);
    QCOMPARE(statusOf(p, t, {}, SlaClock::Statutory, at("2026-10-07T23:59:00+08:00")).state,
             SlaState::OnTrack);
    const SlaClockStatus open = statusOf(p, t, {}, SlaClock::Statutory, at("2026-10-09T03:00:00+08:00"));
    QCOMPARE(open.deadline, OptInstant(at("2026-10-09T00:00:00+08:00")));
    QCOMPARE(open.state, SlaState::Breached);
    QCOMPARE(open.overdueMs, 3 * kHour);
    // Resolved on the 5th, reopened on the 6th: stopped (met) at the first resolution.
    const QList<TicketEvent> events{ev(EventKind::StatusChange, at("2026-10-05T09:00:00+08:00"),
                                       {{u"from"_s, u"open"_s}, {u"to"_s, u"resolved"_s}}),
                                    ev(EventKind::StatusChange, at("2026-10-06T09:00:00+08:00"),
                                       {{u"from"_s, u"resolved"_s}, {u"to"_s, u"reopened"_s}})};
    t.status = TicketStatus::Reopened;
    const SlaClockStatus met = statusOf(p, t, events, SlaClock::Statutory, at("2026-10-20T00:00:00+08:00"));
    QCOMPARE(met.state, SlaState::Met);
    QCOMPARE(met.stoppedAt, OptInstant(at("2026-10-05T09:00:00+08:00")));
    // On a working-day calendar instead: 8, 9, 10 (Sat, worked), 12, 13, 14, 15 → 15 Oct 24:00.
    SlaPolicy working = p;
    working.setLegalRule(SlaClock::Statutory, {7, 1, u"cn"_s});
    QCOMPARE(legalClockPlan(working, LegalClockInputs::fromTicket(t, {}), SlaClock::Statutory)->deadline,
             OptInstant(at("2026-10-16T00:00:00+08:00")));
    // The display list: statutory only on a customer ticket; all three on a rejected appeal.
    QCOMPARE(legalClockStatuses(p, t, events, at("2026-10-20T00:00:00+08:00")).size(), 1);
}

void TestSlaLegalClocks::policyJson()
{
    // A policy without legal_clocks reads with the built-in 7/15/5 natural days and writes none.
    const auto plain = SlaPolicy::fromJson(QJsonObject{});
    QVERIFY(plain);
    QCOMPARE(plain->legalRule(SlaClock::AppealAnswer), (LegalClockRule{15, 2, {}}));
    QCOMPARE(plain->legalRule(SlaClock::AppealRedo), (LegalClockRule{5, 1, {}}));
    QCOMPARE(plain->legalRule(SlaClock::Statutory), (LegalClockRule{7, 1, {}}));
    QVERIFY(!plain->toJson().contains(u"legal_clocks"_s));
    const SlaPolicy p = regulatorPolicy();
    const QJsonObject json = p.toJson();
    QCOMPARE(json.value(u"legal_clocks"_s).toObject().value(u"appeal_answer"_s).toObject(),
             (QJsonObject{{u"days"_s, 15}, {u"warning_days"_s, 2}, {u"calendar"_s, u"cn"_s}}));
    const auto back = SlaPolicy::fromJson(json);
    QVERIFY(back);
    QVERIFY(*back == p);
}

void TestSlaLegalClocks::policyValidation()
{
    auto errorOf = [](const QJsonObject &legal) {
        QJsonObject o = regulatorPolicy().toJson();
        o.insert(u"legal_clocks"_s, legal);
        JsonError e;
        const auto p = SlaPolicy::fromJson(o, &e);
        return p ? QString() : e.field + u": "_s + e.message;
    };
    QCOMPARE(errorOf({{u"appeal_answer"_s, QJsonObject{{u"days"_s, 0}}}}),
             u"legal_clocks.appeal_answer.days: must be a whole number of days from 1 to 366"_s);
    QCOMPARE(errorOf({{u"appeal_redo"_s, QJsonObject{{u"days"_s, 5}, {u"warning_days"_s, 5}}}}),
             u"legal_clocks.appeal_redo.warning_days: must be fewer than the clock's 5 day(s)"_s);
    QCOMPARE(errorOf({{u"statutory"_s, QJsonObject{{u"calendar"_s, u"moon"_s}}}}),
             u"legal_clocks.statutory.calendar: names no calendar of this policy"_s);
    QCOMPARE(errorOf({{u"resolution"_s, QJsonObject{}}}),
             u"legal_clocks.resolution: must be one of: statutory, appeal_answer, appeal_redo"_s);
    QCOMPARE(errorOf({{u"statutory"_s, QJsonObject{{u"days"_s, 10}}}}), QString());
}

void TestSlaLegalClocks::queueTakesTheEarliestDeadline()
{
    const SlaPolicy p = regulatorPolicy();
    // A customer ticket: the 24 h resolution clock comes before the statutory one; pending stays unordered.
    Ticket pending;
    pending.id = u"P"_s;
    pending.createdAt = at("2026-10-01T10:00:00+08:00");
    pending.firstResponseAt = at("2026-10-01T10:10:00+08:00");
    pending.status = TicketStatus::Open;
    QCOMPARE(slaQueueTimes(p, pending).clock, SlaClock::Resolution);
    QCOMPARE(slaQueueTimes(p, pending).due, OptInstant(at("2026-10-02T10:00:00+08:00")));
    pending.status = TicketStatus::Pending;
    QCOMPARE(slaQueueTimes(p, pending).due, std::nullopt);
    // With a resolution target beyond 7 days the statutory deadline orders the queue.
    SlaPolicy slow = p;
    SlaRule def;
    def.resolution = {10 * kDay, kDay};
    slow.setDefaultRule(def);
    pending.status = TicketStatus::Open;
    const SlaQueueTimes q = slaQueueTimes(slow, pending);
    QCOMPARE(q.clock, SlaClock::Statutory);
    QCOMPARE(q.due, OptInstant(at("2026-10-09T00:00:00+08:00")));
    QCOMPARE(q.warnAt, OptInstant(at("2026-10-08T00:00:00+08:00")));
    // A pending appeal: its statutory deadline (forwarded and created 29 Sep: 7 days → 6 Oct 24:00).
    Ticket pendingAppeal = appealTicket(at("2026-09-29T10:00:00+08:00"));
    pendingAppeal.status = TicketStatus::Pending;
    QCOMPARE(slaQueueTimes(p, pendingAppeal).clock, SlaClock::Statutory);
    QCOMPARE(slaQueueTimes(p, pendingAppeal).due, OptInstant(at("2026-10-07T00:00:00+08:00")));
    // A resolved appeal not yet answered to the regulator: its answer deadline.
    Ticket appeal = appealTicket(at("2026-09-29T10:00:00+08:00"));
    appeal.status = TicketStatus::Resolved;
    appeal.resolvedAt = at("2026-09-30T10:00:00+08:00");
    const SlaQueueTimes a = slaQueueTimes(p, appeal);
    QCOMPARE(a.clock, SlaClock::AppealAnswer);
    QCOMPARE(a.due, OptInstant(at("2026-10-27T00:00:00+08:00")));
    appeal.status = TicketStatus::Closed;
    QCOMPARE(slaQueueTimes(p, appeal).due, std::nullopt);
}

void TestSlaLegalClocks::monitorBreachesOncePerInstance()
{
    ManualClock clock(at("2026-10-09T18:00:00+08:00"));
    SlaMonitor monitor(&clock);
    monitor.setPolicy(regulatorPolicy());
    QSignalSpy breached(&monitor, &SlaMonitor::breached);
    Ticket t = appealTicket(at("2026-09-29T10:00:00+08:00"));
    t.status = TicketStatus::Resolved;
    t.resolvedAt = at("2026-10-09T15:00:00+08:00");
    t.appeal->answeredAt = at("2026-10-09T15:00:00+08:00");
    t.appeal->rejectedAt = at("2026-10-09T18:00:00+08:00");
    t.appeal->rejections = 1;
    monitor.updateTicket(t);
    QCOMPARE(monitor.plan(u"A"_s, SlaClock::AppealRedo)->deadline,
             OptInstant(at("2026-10-16T00:00:00+08:00")));
    QCOMPARE(monitor.status(u"A"_s, SlaClock::AppealAnswer)->state, SlaState::Met);
    clock.setNow(at("2026-10-16T00:00:01+08:00"));
    QTRY_COMPARE(breached.size(), 1);
    QCOMPARE(breached.at(0).at(1).value<SlaClock>(), SlaClock::AppealRedo);
    // The same instance again (an unrelated update): no second signal.
    monitor.updateTicket(t);
    QTest::qWait(50);
    QCOMPARE(breached.size(), 1);
    // A second rejection: a new redo clock, a new breach when it passes (Fri 16 Oct → 23 Oct 24:00).
    t.appeal->answeredAt = at("2026-10-16T09:00:00+08:00");
    t.appeal->rejectedAt = at("2026-10-16T10:00:00+08:00");
    t.appeal->rejections = 2;
    monitor.updateTicket(t);
    QCOMPARE(monitor.plan(u"A"_s, SlaClock::AppealRedo)->deadline,
             OptInstant(at("2026-10-24T00:00:00+08:00")));
    clock.setNow(at("2026-10-24T00:00:01+08:00"));
    QTRY_COMPARE(breached.size(), 2);
    QCOMPARE(breached.at(1).at(1).value<SlaClock>(), SlaClock::AppealRedo);
}

QTEST_GUILESS_MAIN(TestSlaLegalClocks)
#include "tst_sla_legalclocks.moc"
