#include "slatestutil.h"

#include "models/domain/clock.h"
#include "models/sla/slamonitor.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {

constexpr qint64 kMaxLatenessMs = 1000;

// First response `target` ms with `warning` ms window for every ticket unless a p1 rule is given.
SlaPolicy fastPolicy(qint64 target, qint64 warning, qint64 p1Target = 0)
{
    SlaPolicy p;
    SlaRule def;
    def.firstResponse = {target, warning};
    p.setDefaultRule(def);
    if (p1Target > 0) {
        SlaRule p1;
        p1.priority = Priority::P1;
        p1.firstResponse = {p1Target, p1Target / 2};
        p.addRule(p1);
    }
    return p;
}

SlaHistory createdAt(Instant t)
{
    SlaHistory h;
    h.createdAt = t;
    return h;
}

// Every signal with the clock's "now" at the moment it was emitted.
struct Recorder
{
    struct Hit
    {
        QString id;
        SlaClock clock;
        bool breach;
        Instant now;
    };
    QList<Hit> hits;

    Recorder(SlaMonitor &monitor, const Clock &clock)
    {
        QObject::connect(&monitor, &SlaMonitor::atRisk, &monitor,
                         [this, &clock](const QString &id, SlaClock c) {
                             hits.append({id, c, false, clock.nowMs()});
                         });
        QObject::connect(&monitor, &SlaMonitor::breached, &monitor,
                         [this, &clock](const QString &id, SlaClock c) {
                             hits.append({id, c, true, clock.nowMs()});
                         });
    }
    [[nodiscard]] qsizetype count(const QString &id) const
    {
        return std::count_if(hits.cbegin(), hits.cend(), [&id](const Hit &h) { return h.id == id; });
    }
    [[nodiscard]] const Hit *find(const QString &id, SlaClock c, bool breach) const
    {
        for (const Hit &h : hits) {
            if (h.id == id && h.clock == c && h.breach == breach)
                return &h;
        }
        return nullptr;
    }
};

// A manual clock at 2026-03-02 10:00 UTC running with real time (unless told otherwise), a monitor on it
// under
// @p policy (the default one when none is given), every signal recorded and a spy on breaches.
struct MonitorRig
{
    explicit MonitorRig(std::optional<SlaPolicy> policy = std::nullopt, bool running = true,
                        Instant start = at("2026-03-02T10:00:00Z"))
        : clock(start)
    {
        clock.setRunning(running);
        if (policy)
            monitor.setPolicy(*policy);
    }

    ManualClock clock;
    SlaMonitor monitor{&clock};
    Recorder rec{monitor, clock};
    QSignalSpy breached{&monitor, &SlaMonitor::breached};
};

} // namespace

class TestSlaMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void processTimeZone() { verifyProcessTimeZone(); }

    void breachSignalledOnTimeAndOnce();
    void metBeforeDeadlineNeverSignals();
    void removalCancels();
    void clockJumpForwardAndBack();
    void policyChangeRecomputes();
    void alreadyBreachedAndRecorded();
    void pausedClockWaitsForResume();
    void statusAtClockNow();
    void heapStaysCompact();
};

void TestSlaMonitor::breachSignalledOnTimeAndOnce()
{
    MonitorRig rig(fastPolicy(1200, 600));
    auto &[clock, monitor, rec, breached] = rig;
    QVERIFY(breached.isValid());

    const Instant t0 = clock.nowMs();
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, createdAt(t0));
    QCOMPARE(monitor.plan(u"A"_s, SlaClock::FirstResponse)->deadline, OptInstant(t0 + 1200));
    QCOMPARE(monitor.nextDueAt(), OptInstant(t0 + 600));
    QVERIFY(breached.wait(5000));

    QCOMPARE(breached.count(), 1);
    QCOMPARE(breached.at(0).at(0).toString(), u"A"_s);
    QCOMPARE(breached.at(0).at(1).value<SlaClock>(), SlaClock::FirstResponse);
    const auto *warn = rec.find(u"A"_s, SlaClock::FirstResponse, false);
    const auto *breach = rec.find(u"A"_s, SlaClock::FirstResponse, true);
    QVERIFY(warn && breach);
    const qint64 warnLateness = warn->now - (t0 + 600);
    const qint64 breachLateness = breach->now - (t0 + 1200);
    qInfo("atRisk %lld ms and breached %lld ms after their instants", warnLateness, breachLateness);
    QVERIFY2(warnLateness >= 0 && warnLateness < kMaxLatenessMs, qPrintable(QString::number(warnLateness)));
    QVERIFY2(breachLateness >= 0 && breachLateness < kMaxLatenessMs,
             qPrintable(QString::number(breachLateness)));
    QCOMPARE(rec.hits.size(), 2);

    // Two days later the resolution clock (24 h) is past its warning and its target at once: breached only.
    clock.advance(48 * kHour);
    QCOMPARE(rec.hits.size(), 3);
    QVERIFY(rec.find(u"A"_s, SlaClock::Resolution, true));
    QVERIFY(!rec.find(u"A"_s, SlaClock::Resolution, false));

    // Nothing repeats: not after more time, not after an update with the same history.
    clock.advance(48 * kHour);
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, createdAt(t0));
    clock.advance(kHour);
    QVERIFY(!breached.wait(200));
    QCOMPARE(rec.hits.size(), 3);
    QCOMPARE(monitor.nextDueAt(), std::nullopt);
}

void TestSlaMonitor::metBeforeDeadlineNeverSignals()
{
    MonitorRig rig(fastPolicy(800, 400));
    auto &[clock, monitor, rec, breached] = rig;

    const Instant t0 = clock.nowMs();
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, createdAt(t0));
    SlaHistory answered = createdAt(t0);
    answered.append(t0 + 100, SlaTransition::FirstResponse);
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, answered);
    // A sentinel due after A's old deadline proves the loop ran past it.
    monitor.updateTicket(u"B"_s, Priority::P3, Category::Delay, createdAt(t0 + 300));

    QVERIFY(breached.wait(5000));
    QCOMPARE(breached.at(0).at(0).toString(), u"B"_s);
    QVERIFY(clock.nowMs() >= t0 + 1100);
    QCOMPARE(rec.count(u"A"_s), 0);
    QCOMPARE(rec.count(u"B"_s), 2); // atRisk, then breached
    QCOMPARE(monitor.status(u"A"_s, SlaClock::FirstResponse)->state, SlaState::Met);
}

void TestSlaMonitor::removalCancels()
{
    MonitorRig rig(fastPolicy(600, 300));
    auto &[clock, monitor, rec, breached] = rig;

    const Instant t0 = clock.nowMs();
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, createdAt(t0));
    monitor.updateTicket(u"B"_s, Priority::P3, Category::Delay, createdAt(t0 + 300));
    QCOMPARE(monitor.ticketCount(), 2);
    QVERIFY(monitor.removeTicket(u"A"_s));
    QVERIFY(!monitor.removeTicket(u"A"_s));
    QVERIFY(!monitor.contains(u"A"_s));
    QCOMPARE(monitor.nextDueAt(), OptInstant(t0 + 600)); // B's warning, not A's

    QVERIFY(breached.wait(5000));
    QCOMPARE(rec.count(u"A"_s), 0);
    QCOMPARE(rec.count(u"B"_s), 2);

    // A slot freed by a removal is reused without inheriting the old ticket's "already signalled" state.
    monitor.updateTicket(u"C"_s, Priority::P3, Category::Delay, createdAt(clock.nowMs() - 10 * kHour));
    QVERIFY(breached.wait(5000));
    QCOMPARE(breached.last().at(0).toString(), u"C"_s);
}

void TestSlaMonitor::clockJumpForwardAndBack()
{
    MonitorRig rig(fastPolicy(10 * kMin, 2 * kMin));
    auto &[clock, monitor, rec, breached] = rig;

    const Instant t0 = clock.nowMs();
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, createdAt(t0));
    // The offset is re-measured: 9 min 59.5 s later. The warning (8 min) is due at once, synchronously.
    clock.advance(10 * kMin - 500);
    QCOMPARE(rec.hits.size(), 1);
    QVERIFY(rec.find(u"A"_s, SlaClock::FirstResponse, false));
    // The breach is 500 ms away: the timer must have been re-armed from the new "now".
    QVERIFY(breached.wait(5000));
    const auto *breach = rec.find(u"A"_s, SlaClock::FirstResponse, true);
    QVERIFY(breach);
    const qint64 lateness = breach->now - (t0 + 10 * kMin);
    QVERIFY2(lateness >= 0 && lateness < kMaxLatenessMs, qPrintable(QString::number(lateness)));

    // Backwards: nothing fires and the next due instant stays the new ticket's warning.
    const Instant t1 = clock.nowMs();
    monitor.updateTicket(u"B"_s, Priority::P3, Category::Delay, createdAt(t1));
    clock.setNow(t1 - kHour);
    QCOMPARE(rec.hits.size(), 2);
    QCOMPARE(monitor.nextDueAt(), OptInstant(t1 + 8 * kMin));
}

void TestSlaMonitor::policyChangeRecomputes()
{
    MonitorRig rig(fastPolicy(700, 300));
    auto &[clock, monitor, rec, breached] = rig;

    const Instant t0 = clock.nowMs();
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, createdAt(t0));
    monitor.updateTicket(u"B"_s, Priority::P1, Category::Loss, createdAt(t0));
    // Looser for everyone but p1: A's deadline moves an hour out, B's to 1 s.
    monitor.setPolicy(fastPolicy(kHour, 10 * kMin, 1000));
    QCOMPARE(monitor.plan(u"A"_s, SlaClock::FirstResponse)->deadline, OptInstant(t0 + kHour));
    QCOMPARE(monitor.plan(u"B"_s, SlaClock::FirstResponse)->deadline, OptInstant(t0 + 1000));

    QVERIFY(breached.wait(5000));
    QCOMPARE(breached.at(0).at(0).toString(), u"B"_s);
    const qint64 lateness = rec.find(u"B"_s, SlaClock::FirstResponse, true)->now - (t0 + 1000);
    QVERIFY2(lateness >= 0 && lateness < kMaxLatenessMs, qPrintable(QString::number(lateness)));
    QCOMPARE(rec.count(u"A"_s), 0);

    // Stricter again: A is now past both its warning and its deadline; it is reported as breached only.
    monitor.setPolicy(fastPolicy(700, 300));
    QCOMPARE(rec.count(u"A"_s), 0); // never from inside setPolicy
    QVERIFY(breached.wait(5000));
    QCOMPARE(breached.last().at(0).toString(), u"A"_s);
    QCOMPARE(rec.count(u"A"_s), 1);
    QCOMPARE(rec.count(u"B"_s), 2); // B's signals were not repeated by the recomputation
}

void TestSlaMonitor::alreadyBreachedAndRecorded()
{
    MonitorRig rig;
    auto &[clock, monitor, rec, breached] = rig;

    const Instant now = clock.nowMs();
    SlaHistory recorded = createdAt(now - 2 * kHour);
    recorded.breachRecorded[clockIndex(SlaClock::FirstResponse)] = true;
    monitor.updateTicket(u"R"_s, Priority::P3, Category::Delay, recorded);
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, createdAt(now - 2 * kHour));
    QCOMPARE(breached.count(), 0); // never from inside updateTicket
    QVERIFY(breached.wait(5000));
    QCOMPARE(breached.count(), 1);
    QCOMPARE(breached.at(0).at(0).toString(), u"A"_s);
    QCOMPARE(rec.count(u"A"_s), 1); // no atRisk before a breach that is already due
    QCOMPARE(rec.count(u"R"_s), 0);
}

void TestSlaMonitor::pausedClockWaitsForResume()
{
    SlaPolicy p;
    SlaRule def;
    def.resolution = {1000, 400};
    p.setDefaultRule(def);
    MonitorRig rig(p);
    auto &[clock, monitor, rec, breached] = rig;

    const Instant t0 = clock.nowMs();
    SlaHistory h = createdAt(t0);
    h.append(t0, SlaTransition::FirstResponse);
    h.append(t0 + 100, SlaTransition::PendingEnter);
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, h);
    QCOMPARE(monitor.plan(u"A"_s, SlaClock::Resolution)->phase, SlaClockPlan::Phase::Paused);
    clock.advance(24 * kHour); // a day pending: nothing
    QCOMPARE(rec.hits.size(), 0);

    const Instant resumed = clock.nowMs();
    h.append(resumed, SlaTransition::PendingLeave);
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, h);
    QCOMPARE(monitor.plan(u"A"_s, SlaClock::Resolution)->deadline, OptInstant(resumed + 900));
    QVERIFY(breached.wait(5000));
    const qint64 lateness = rec.find(u"A"_s, SlaClock::Resolution, true)->now - (resumed + 900);
    QVERIFY2(lateness >= 0 && lateness < kMaxLatenessMs, qPrintable(QString::number(lateness)));
    QVERIFY(rec.find(u"A"_s, SlaClock::Resolution, false)); // warning at resumed + 500
}

void TestSlaMonitor::statusAtClockNow()
{
    MonitorRig rig(std::nullopt, false, at("2026-03-02T10:25:00Z"));
    auto &[clock, monitor, rec, breached] = rig;
    monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, createdAt(at("2026-03-02T10:00:00Z")));
    const auto s = monitor.status(u"A"_s, SlaClock::FirstResponse);
    QVERIFY(s);
    QCOMPARE(s->state, SlaState::AtRisk);
    QCOMPARE(s->remainingMs, 5 * kMin);
    QCOMPARE(monitor.status(u"missing"_s, SlaClock::FirstResponse), std::nullopt);

    // The same from a Ticket and its events.
    Ticket t;
    t.id = u"T"_s;
    t.createdAt = at("2026-03-02T10:00:00Z");
    t.firstResponseAt = at("2026-03-02T10:05:00Z");
    monitor.updateTicket(t);
    QCOMPARE(monitor.status(u"T"_s, SlaClock::FirstResponse)->state, SlaState::Met);
    QCOMPARE(monitor.ticketCount(), 2);
}

void TestSlaMonitor::heapStaysCompact()
{
    MonitorRig rig(std::nullopt, false);
    auto &[clock, monitor, rec, breached] = rig;
    const Instant t0 = clock.nowMs();
    for (int i = 0; i < 5000; ++i)
        monitor.updateTicket(u"A"_s, Priority::P3, Category::Delay, createdAt(t0 + i));
    // 4 items per update; stale ones are dropped once they outnumber the live ones past 1,024.
    QVERIFY2(monitor.queuedItems() <= 1024 + 4, qPrintable(QString::number(monitor.queuedItems())));
    QCOMPARE(monitor.nextDueAt(), OptInstant(t0 + 4999 + 20 * kMin));
    QVERIFY(monitor.removeTicket(u"A"_s));
    QCOMPARE(monitor.nextDueAt(), std::nullopt);
}

QTEST_GUILESS_MAIN(TestSlaMonitor)
#include "tst_sla_monitor.moc"
