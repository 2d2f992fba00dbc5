#include "routingtestutil.h"

#include "models/routing/unassignedqueue.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::routing;
using namespace pd::test;

// Who gets a ticket: the strategies, ties, "Next ticket", key accounts first and the timeline reason.
class TestRoutingDecisions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void earliestDeadlineGoesToLeastLoaded();
    void ties_data();
    void ties();
    void roundRobinOrder();
    void roundRobinSkipsUnqualified();
    void pullOnlyNeverPushes();
    void nobodyQualified();
    void assignAllTakesUrgentFirstAndCountsLoad();
    void nextOrder_data();
    void nextOrder();
    void nextSkipsWhatTheAgentCannotTake();
    void queueKeepsUrgencyOrder();
    void nextFromQueueMatchesTheScan();
    void keyAccountsFirst_data();
    void keyAccountsFirst();
    void reasonAndJson();
    void reasonOnAnotherDay();
};

namespace {

RoutingPolicy withStrategy(Strategy s)
{
    RoutingPolicy p = RoutingPolicy::defaults();
    TeamRouting team = p.defaultTeam();
    team.strategy = s;
    p.setDefaultTeam(team);
    return p;
}

} // namespace

void TestRoutingDecisions::earliestDeadlineGoesToLeastLoaded()
{
    const RoutingEngine engine(RoutingPolicy::defaults());
    QCOMPARE(engine.policy().defaultTeam().strategy, Strategy::EarliestDeadline);
    const Instant now = at("2026-12-07T02:00:00Z");
    AgentState full = agent(u"u-e"_s, 8); // at capacity (max_open 8): not qualified
    const QList<AgentState> agents{agent(u"u-a"_s, 3), agent(u"u-b"_s, 1), agent(u"u-c"_s, 2),
                                   agent(u"u-d"_s, 5), full};
    RoundRobinCursor cursor;
    const auto d = engine.assign(ticket(u"T1"_s, at("2026-12-07T02:42:00Z")), agents, now, cursor);
    QVERIFY(d);
    QCOMPARE(d->agentId, u"u-b"_s);
    QCOMPARE(d->qualified, 4);
    QCOMPARE(d->agentLoad, 1);
    QCOMPARE(d->strategy, Strategy::EarliestDeadline);
    QCOMPARE(d->kind, DecisionKind::Push);
    QVERIFY(cursor.lastByTeam.isEmpty()); // only round-robin moves the cursor
}

void TestRoutingDecisions::ties_data()
{
    QTest::addColumn<int>("openA");
    QTest::addColumn<int>("openB");
    QTest::addColumn<int>("lastA"); // minutes before now; 0 = never assigned
    QTest::addColumn<int>("lastB");
    QTest::addColumn<QString>("chosen");

    QTest::addRow("fewest open wins") << 2 << 1 << 50 << 5 << u"u-b"_s;
    QTest::addRow("equal load: longest since last assignment") << 1 << 1 << 5 << 50 << u"u-b"_s;
    QTest::addRow("equal load: never assigned beats assigned") << 1 << 1 << 5 << 0 << u"u-b"_s;
    QTest::addRow("full tie: smaller user id") << 1 << 1 << 20 << 20 << u"u-a"_s;
    QTest::addRow("full tie, never assigned: smaller user id") << 0 << 0 << 0 << 0 << u"u-a"_s;
}

void TestRoutingDecisions::ties()
{
    QFETCH(int, openA);
    QFETCH(int, openB);
    QFETCH(int, lastA);
    QFETCH(int, lastB);
    QFETCH(QString, chosen);

    const RoutingEngine engine(RoutingPolicy::defaults());
    const Instant now = at("2026-12-07T02:00:00Z");
    AgentState a = agent(u"u-a"_s, openA);
    AgentState b = agent(u"u-b"_s, openB);
    a.lastAssignedAt = lastA ? now - lastA * kMin : 0;
    b.lastAssignedAt = lastB ? now - lastB * kMin : 0;
    RoundRobinCursor cursor;
    // The order of the list never matters.
    for (const auto &agents : {QList<AgentState>{a, b}, QList<AgentState>{b, a}}) {
        const auto d = engine.assign(ticket(u"T1"_s), agents, now, cursor);
        QVERIFY(d);
        QCOMPARE(d->agentId, chosen);
    }
}

void TestRoutingDecisions::roundRobinOrder()
{
    const RoutingEngine engine(withStrategy(Strategy::RoundRobin));
    const Instant now = at("2026-12-07T02:00:00Z");
    // Loads do not matter to round-robin; the list is not in id order.
    const QList<AgentState> agents{agent(u"u-c"_s, 0), agent(u"u-a"_s, 6), agent(u"u-b"_s, 3)};
    RoundRobinCursor cursor;
    QStringList order;
    for (int i = 0; i < 5; ++i) {
        const auto d = engine.assign(ticket(u"T%1"_s.arg(i)), agents, now, cursor);
        QVERIFY(d);
        QCOMPARE(d->qualified, 3);
        QCOMPARE(d->strategy, Strategy::RoundRobin);
        order.append(d->agentId);
    }
    QCOMPARE(order, (QStringList{u"u-a"_s, u"u-b"_s, u"u-c"_s, u"u-a"_s, u"u-b"_s}));
    QCOMPARE(cursor.lastByTeam.value(u"t1"_s), u"u-b"_s);
    // Another team keeps its own place.
    const auto other = engine.assign(ticket(u"X"_s, 0, u"t2"_s), {agent(u"u-z"_s, 0, u"t2"_s)}, now, cursor);
    QCOMPARE(other->agentId, u"u-z"_s);
    QCOMPARE(cursor.lastByTeam.value(u"t1"_s), u"u-b"_s);
}

void TestRoutingDecisions::roundRobinSkipsUnqualified()
{
    RoutingPolicy p = withStrategy(Strategy::RoundRobin);
    p.setAgentSkills(u"u-b"_s, AgentSkills{{u"loss"_s}, {}, {}, {}, true, {}});
    const RoutingEngine engine(p);
    const Instant now = at("2026-12-07T02:00:00Z");
    AgentState c = agent(u"u-c"_s);
    c.status = AgentStatus::Break;
    const QList<AgentState> agents{agent(u"u-a"_s), agent(u"u-b"_s), c, agent(u"u-d"_s)};
    RoundRobinCursor cursor;
    cursor.lastByTeam.insert(u"t1"_s, u"u-a"_s);
    QStringList order;
    for (int i = 0; i < 3; ++i)
        order.append(engine.assign(ticket(u"T%1"_s.arg(i)), agents, now, cursor)->agentId);
    QCOMPARE(order, (QStringList{u"u-d"_s, u"u-a"_s, u"u-d"_s}));
}

void TestRoutingDecisions::pullOnlyNeverPushes()
{
    const RoutingEngine engine(withStrategy(Strategy::PullOnly));
    const Instant now = at("2026-12-07T02:00:00Z");
    RoundRobinCursor cursor;
    QVERIFY(!engine.assign(ticket(u"T1"_s), {agent(u"u-a"_s)}, now, cursor));
    QVERIFY(engine.assignAll({ticket(u"T1"_s), ticket(u"T2"_s)}, {agent(u"u-a"_s)}, now, cursor).isEmpty());
    const auto d = engine.next(agent(u"u-a"_s), {ticket(u"T1"_s)}, now);
    QVERIFY(d);
    QCOMPARE(d->kind, DecisionKind::Pull);
    QCOMPARE(d->strategy, Strategy::PullOnly);
}

void TestRoutingDecisions::nobodyQualified()
{
    const RoutingEngine engine(RoutingPolicy::defaults());
    const Instant now = at("2026-12-07T02:00:00Z");
    AgentState away = agent(u"u-a"_s);
    away.status = AgentStatus::Away;
    RoundRobinCursor cursor;
    QVERIFY(!engine.assign(ticket(u"T1"_s), {away, agent(u"u-b"_s, 8)}, now, cursor));
    QVERIFY(!engine.assign(ticket(u"T1"_s), {}, now, cursor));
}

void TestRoutingDecisions::assignAllTakesUrgentFirstAndCountsLoad()
{
    RoutingPolicy p = RoutingPolicy::defaults();
    TeamRouting team = p.defaultTeam();
    team.maxOpen = 2;
    p.setDefaultTeam(team);
    const RoutingEngine engine(p);
    const Instant now = at("2026-12-07T02:00:00Z");
    // Five tickets, room for four: the latest deadline stays unassigned.
    const QList<RoutableTicket> queue{ticket(u"T-late"_s, now + 50 * kMin), ticket(u"T-1"_s, now + 10 * kMin),
                                      ticket(u"T-2"_s, now + 20 * kMin), ticket(u"T-3"_s, now + 30 * kMin),
                                      ticket(u"T-4"_s, now + 40 * kMin)};
    RoundRobinCursor cursor;
    const auto ds = engine.assignAll(queue, {agent(u"u-b"_s, 0), agent(u"u-a"_s, 0)}, now, cursor);
    QStringList got;
    for (const Decision &d : ds)
        got.append(d.ticketId + u'>' + d.agentId + u'/' + QString::number(d.agentLoad));
    QCOMPARE(got, (QStringList{u"T-1>u-a/0"_s, u"T-2>u-b/0"_s, u"T-3>u-a/1"_s, u"T-4>u-b/1"_s}));
}

void TestRoutingDecisions::nextOrder_data()
{
    QTest::addColumn<QList<RoutableTicket>>("queue");
    QTest::addColumn<QString>("expected");

    const Instant now = at("2026-12-07T02:00:00Z");
    auto t = [&](const char *id, int deadlineMin, int createdMin) {
        RoutableTicket r = ticket(QString::fromLatin1(id), deadlineMin ? now + deadlineMin * kMin : 0);
        r.createdAt = now - createdMin * kMin;
        return r;
    };
    QTest::addRow("earliest deadline")
        << QList{t("T-a", 30, 50), t("T-b", 10, 5), t("T-c", 20, 90)} << u"T-b"_s;
    QTest::addRow("no deadline comes last") << QList{t("T-a", 0, 500), t("T-b", 240, 5)} << u"T-b"_s;
    QTest::addRow("same deadline: oldest")
        << QList{t("T-a", 10, 5), t("T-b", 10, 9), t("T-c", 10, 7)} << u"T-b"_s;
    QTest::addRow("same deadline and age: smaller id") << QList{t("T-c", 10, 5), t("T-b", 10, 5)} << u"T-b"_s;
    QTest::addRow("none has a deadline: oldest") << QList{t("T-a", 0, 5), t("T-b", 0, 6)} << u"T-b"_s;
    QTest::addRow("overdue first") << QList{t("T-a", 5, 5), t("T-b", -20, 1)} << u"T-b"_s;
}

void TestRoutingDecisions::nextOrder()
{
    QFETCH(QList<RoutableTicket>, queue);
    QFETCH(QString, expected);

    const RoutingEngine engine(RoutingPolicy::defaults());
    const Instant now = at("2026-12-07T02:00:00Z");
    const auto d = engine.next(agent(u"u-a"_s), queue, now);
    QVERIFY(d);
    QCOMPARE(d->ticketId, expected);
    QCOMPARE(d->agentId, u"u-a"_s);
    // The order of the queue never matters.
    std::reverse(queue.begin(), queue.end());
    QCOMPARE(engine.next(agent(u"u-a"_s), queue, now)->ticketId, expected);
}

void TestRoutingDecisions::nextSkipsWhatTheAgentCannotTake()
{
    RoutingPolicy p = RoutingPolicy::defaults();
    TeamRouting team = p.defaultTeam();
    team.maxOpenByPriority[priorityIndex(Priority::P1)] = 1;
    p.setDefaultTeam(team);
    p.setAgentSkills(u"u-a"_s, AgentSkills{{u"delay"_s, u"loss"_s}, {}, {}, {}, true, {}});
    const RoutingEngine engine(p);
    const Instant now = at("2026-12-07T02:00:00Z");
    AgentState a = agent(u"u-a"_s, 1);
    a.openByPriority = {1, 0, 0, 0};

    RoutableTicket damage = ticket(u"T-damage"_s, now + 1 * kMin);
    damage.category = Category::Damage;
    RoutableTicket p1 = ticket(u"T-p1"_s, now + 2 * kMin);
    p1.priority = Priority::P1;
    const RoutableTicket otherTeam = ticket(u"T-team2"_s, now + 3 * kMin, u"t2"_s);
    RoutableTicket taken = ticket(u"T-taken"_s, now + 4 * kMin);
    taken.assigneeId = u"u-b"_s;
    const RoutableTicket loss = ticket(u"T-ok"_s, now + 30 * kMin);

    const auto d = engine.next(a, {damage, p1, otherTeam, taken, loss}, now);
    QVERIFY(d);
    QCOMPARE(d->ticketId, u"T-ok"_s);
    QVERIFY(!engine.next(a, {damage, p1, otherTeam, taken}, now));
    a.open = 8; // at capacity: nothing at all
    QVERIFY(!engine.next(a, {loss}, now));
}

void TestRoutingDecisions::queueKeepsUrgencyOrder()
{
    const Instant now = at("2026-12-07T02:00:00Z");
    UnassignedQueue q;
    q.insert(ticket(u"T-b"_s, now + 20 * kMin));
    q.insert(ticket(u"T-a"_s, now + 30 * kMin));
    q.insert(ticket(u"T-c"_s, 0));
    RoutableTicket vip = ticket(u"T-vip"_s, now + 50 * kMin);
    vip.keyAccount = true;
    q.insert(vip);
    q.insert(ticket(u"T-x"_s, now, u"t2"_s));
    auto ids = [&q] {
        QStringList out;
        for (const RoutableTicket &t : q.ofTeam(u"t1"_s))
            out.append(t.id);
        return out;
    };
    QCOMPARE(q.size(), 5);
    QCOMPARE(ids(), (QStringList{u"T-vip"_s, u"T-b"_s, u"T-a"_s, u"T-c"_s}));
    // A new deadline moves the ticket; removing takes it out once.
    q.insert(ticket(u"T-a"_s, now + 10 * kMin));
    QCOMPARE(ids(), (QStringList{u"T-vip"_s, u"T-a"_s, u"T-b"_s, u"T-c"_s}));
    QVERIFY(q.remove(u"T-vip"_s));
    QVERIFY(!q.remove(u"T-vip"_s));
    QCOMPARE(ids(), (QStringList{u"T-a"_s, u"T-b"_s, u"T-c"_s}));
    QCOMPARE(q.size(), 4);
    QVERIFY(q.contains(u"T-x"_s));
}

void TestRoutingDecisions::nextFromQueueMatchesTheScan()
{
    RoutingPolicy p = RoutingPolicy::defaults();
    TeamRouting team = p.defaultTeam();
    team.maxOpenByPriority[priorityIndex(Priority::P1)] = 1;
    p.setDefaultTeam(team);
    p.setAgentSkills(u"u-claims"_s, AgentSkills{{u"damage"_s, u"loss"_s}, {}, {}, {}, true, {}});
    p.setAgentSkills(u"u-en"_s, AgentSkills{{}, {}, {u"en"_s}, {}, false, {}});
    p.setAgentSkills(u"u-none"_s, AgentSkills{{}, {}, {u"fr"_s}, {}, true, {}});
    const RoutingEngine engine(p);
    const Instant now = at("2026-12-07T02:00:00Z");
    QList<RoutableTicket> tickets;
    UnassignedQueue q(p);
    quint32 x = 12345; // a small LCG: the same tickets on every run
    auto draw = [&x](quint32 n) {
        x = x * 1664525u + 1013904223u;
        return (x >> 8) % n;
    };
    for (int i = 0; i < 400; ++i) {
        RoutableTicket t =
            ticket(u"T%1"_s.arg(i, 3, 10, QLatin1Char('0')), draw(5) ? now + draw(90) * kMin : 0,
                   draw(4) == 0 ? u"t2"_s : (draw(10) == 0 ? QString() : u"t1"_s));
        t.category = static_cast<Category>(draw(6));
        t.language = draw(3) == 0 ? u"en"_s : u"zh"_s;
        t.keyAccount = draw(8) == 0;
        t.priority = static_cast<Priority>(draw(4));
        t.createdAt = now - draw(60) * kMin;
        tickets.append(t);
        q.insert(t);
    }
    AgentState busyP1 = agent(u"u-any"_s, 2);
    busyP1.openByPriority = {1, 0, 0, 1};
    for (const AgentState &a : {agent(u"u-any"_s), busyP1, agent(u"u-claims"_s), agent(u"u-en"_s),
                                agent(u"u-none"_s), agent(u"u-t2"_s, 0, u"t2"_s)}) {
        const auto scanned = engine.next(a, tickets, now);
        const auto queued = engine.next(a, q, now);
        QCOMPARE(queued.has_value(), scanned.has_value());
        if (scanned)
            QCOMPARE(queued->ticketId, scanned->ticketId);
        QCOMPARE(scanned.has_value(), a.userId != u"u-none"_s);
    }
}

void TestRoutingDecisions::keyAccountsFirst_data()
{
    QTest::addColumn<bool>("keyAccountsFirst");
    QTest::addColumn<QString>("expected");

    QTest::addRow("key accounts first") << true << u"T-vip"_s;
    QTest::addRow("deadline only") << false << u"T-soon"_s;
}

void TestRoutingDecisions::keyAccountsFirst()
{
    QFETCH(bool, keyAccountsFirst);
    QFETCH(QString, expected);

    RoutingPolicy p = RoutingPolicy::defaults();
    TeamRouting team = p.defaultTeam();
    team.keyAccountsFirst = keyAccountsFirst;
    team.maxOpen = 1;
    p.setDefaultTeam(team);
    const RoutingEngine engine(p);
    const Instant now = at("2026-12-07T02:00:00Z");
    RoutableTicket vip = ticket(u"T-vip"_s, now + 25 * kMin);
    vip.keyAccount = true;
    const RoutableTicket soon = ticket(u"T-soon"_s, now + 5 * kMin);

    QCOMPARE(engine.next(agent(u"u-a"_s), {soon, vip}, now)->ticketId, expected);
    QCOMPARE(RoutingEngine::moreUrgent(vip, soon, keyAccountsFirst), keyAccountsFirst);
    // One agent with room for one: the queue order decides who waits.
    RoundRobinCursor cursor;
    const auto ds = engine.assignAll({soon, vip}, {agent(u"u-a"_s)}, now, cursor);
    QCOMPARE(ds.size(), 1);
    QCOMPARE(ds.first().ticketId, expected);
}

void TestRoutingDecisions::reasonAndJson()
{
    const RoutingEngine engine(RoutingPolicy::defaults());
    const Instant now = at("2026-12-07T02:00:00Z");
    const QList<AgentState> agents{agent(u"u-a"_s, 3), agent(u"u-b"_s, 1), agent(u"u-c"_s, 2),
                                   agent(u"u-d"_s, 4)};
    RoutableTicket t = ticket(u"T1"_s, at("2026-12-07T02:42:00Z")); // 10:42 in Shanghai
    RoundRobinCursor cursor;
    const auto d = engine.assign(t, agents, now, cursor);
    QVERIFY(d);
    QCOMPARE(d->reason(), u"least loaded of 4 qualified agents; deadline 10:42"_s);

    const QJsonObject o = d->toJson();
    QCOMPARE(o.value(u"ticket_id"_s).toString(), u"T1"_s);
    QCOMPARE(o.value(u"agent_id"_s).toString(), u"u-b"_s);
    QCOMPARE(o.value(u"kind"_s).toString(), u"push"_s);
    QCOMPARE(o.value(u"strategy"_s).toString(), u"earliest_deadline"_s);
    QCOMPARE(o.value(u"qualified"_s).toInt(), 4);
    QCOMPARE(o.value(u"agent_load"_s).toInt(), 1);
    QCOMPARE(o.value(u"deadline"_s).toString(), u"2026-12-07T02:42:00.000Z"_s);
    QCOMPARE(o.value(u"decided_at"_s).toString(), u"2026-12-07T02:00:00.000Z"_s);
    QCOMPARE(o.value(u"reason"_s).toString(), d->reason());
    QVERIFY(!o.contains(u"previous_agent_id"_s));

    t.keyAccount = true;
    t.assigneeId = u"u-b"_s;
    const auto moved = engine.assign(t, agents, now, cursor);
    QCOMPARE(moved->agentId, u"u-c"_s);
    QCOMPARE(moved->reason(),
             u"key account; least loaded of 3 qualified agents; deadline 10:42; taken from u-b"_s);
    QCOMPARE(moved->toJson().value(u"previous_agent_id"_s).toString(), u"u-b"_s);
    QVERIFY(!moved->toJson().contains(u"reroute_cause"_s));
    Decision timedOut = *moved;
    timedOut.rerouteCause = RerouteCause::AcceptanceTimeout;
    QCOMPARE(
        timedOut.reason(),
        u"key account; least loaded of 3 qualified agents; deadline 10:42; taken from u-b, not opened in time"_s);
    QCOMPARE(timedOut.toJson().value(u"reroute_cause"_s).toString(), u"acceptance_timeout"_s);
    timedOut.rerouteCause = RerouteCause::AssigneeOffline;
    QVERIFY(timedOut.reason().endsWith(u"; taken from u-b, who is offline"_s));
    QCOMPARE(timedOut.toJson().value(u"reroute_cause"_s).toString(), u"assignee_offline"_s);

    const auto pulled = engine.next(agent(u"u-a"_s), {ticket(u"T2"_s)}, now);
    QCOMPARE(pulled->reason(), u"taken with Next ticket; no deadline"_s);
    QCOMPARE(pulled->toJson().value(u"kind"_s).toString(), u"pull"_s);
    QVERIFY(!pulled->toJson().contains(u"deadline"_s));
}

void TestRoutingDecisions::reasonOnAnotherDay()
{
    // 23:50 in Shanghai, deadline 00:20 the next local day (16:20Z is after local midnight at 16:00Z).
    const RoutingEngine engine(RoutingPolicy::defaults());
    RoundRobinCursor cursor;
    const auto d = engine.assign(ticket(u"T1"_s, at("2026-12-07T16:20:00Z")), {agent(u"u-a"_s)},
                                 at("2026-12-07T15:50:00Z"), cursor);
    QCOMPARE(d->reason(), u"the only qualified agent; deadline 12-08 00:20"_s);
    // In another company zone the same instants fall on one day.
    const RoutingEngine utc(RoutingPolicy::defaults(), QTimeZone::utc());
    const auto u = utc.assign(ticket(u"T1"_s, at("2026-12-07T16:20:00Z")), {agent(u"u-a"_s)},
                              at("2026-12-07T15:50:00Z"), cursor);
    QCOMPARE(u->reason(), u"the only qualified agent; deadline 16:20"_s);
}

QTEST_GUILESS_MAIN(TestRoutingDecisions)
#include "tst_routing_decisions.moc"
