#include "routingtestutil.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::routing;
using namespace pd::test;

// Who may take a ticket (status, team, skills, capacity, shifts) and which assigned tickets must move.
class TestRoutingRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void skills_data();
    void skills();
    void capacity_data();
    void capacity();
    void status_data();
    void status();
    void otherTeamNeverQualifies();
    void shifts_data();
    void shifts();
    void pullIgnoresShift();
    void noShiftOnAHoliday();
    void acceptanceTimeout_data();
    void acceptanceTimeout();
    void offlineRerouting_data();
    void offlineRerouting();
    void idleBecomesAway();
};

namespace {

constexpr int kQualifies = -1;

} // namespace

void TestRoutingRules::skills_data()
{
    QTest::addColumn<QStringList>("categories");
    QTest::addColumn<QStringList>("channels");
    QTest::addColumn<QStringList>("languages");
    QTest::addColumn<QStringList>("stations");
    QTest::addColumn<bool>("keyAccounts");
    QTest::addColumn<bool>("keyAccountTicket");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("refusal");

    const QStringList any;
    // The ticket: delay, phone, station st-sh-01, language as given.
    QTest::addRow("no skills listed: any")
        << any << any << any << any << true << true << u"en"_s << kQualifies;
    QTest::addRow("category listed") << QStringList{u"delay"_s, u"loss"_s} << any << any << any << true
                                     << false << u""_s << kQualifies;
    QTest::addRow("category missing")
        << QStringList{u"damage"_s} << any << any << any << true << false << u""_s << int(Refusal::Category);
    QTest::addRow("channel listed") << any << QStringList{u"phone"_s} << any << any << true << false << u""_s
                                    << kQualifies;
    QTest::addRow("channel missing") << any << QStringList{u"email"_s, u"online_chat"_s} << any << any << true
                                     << false << u""_s << int(Refusal::Channel);
    QTest::addRow("language listed") << any << any << QStringList{u"zh"_s, u"en"_s} << any << true << false
                                     << u"en"_s << kQualifies;
    QTest::addRow("language missing")
        << any << any << QStringList{u"zh"_s} << any << true << false << u"yue"_s << int(Refusal::Language);
    QTest::addRow("ticket without language")
        << any << any << QStringList{u"zh"_s} << any << true << false << u""_s << kQualifies;
    QTest::addRow("station listed") << any << any << any << QStringList{u"st-sh-01"_s} << true << false
                                    << u""_s << kQualifies;
    QTest::addRow("station missing") << any << any << any << QStringList{u"st-bj-02"_s} << true << false
                                     << u""_s << int(Refusal::Station);
    QTest::addRow("key account, skilled") << any << any << any << any << true << true << u""_s << kQualifies;
    QTest::addRow("key account, not skilled")
        << any << any << any << any << false << true << u""_s << int(Refusal::KeyAccount);
    QTest::addRow("ordinary ticket, not key-account skilled")
        << any << any << any << any << false << false << u""_s << kQualifies;
    QTest::addRow("first failing rule is reported")
        << QStringList{u"loss"_s} << QStringList{u"email"_s} << any << any << true << false << u""_s
        << int(Refusal::Category);
}

void TestRoutingRules::skills()
{
    QFETCH(QStringList, categories);
    QFETCH(QStringList, channels);
    QFETCH(QStringList, languages);
    QFETCH(QStringList, stations);
    QFETCH(bool, keyAccounts);
    QFETCH(bool, keyAccountTicket);
    QFETCH(QString, language);
    QFETCH(int, refusal);

    RoutingPolicy p = RoutingPolicy::defaults();
    p.setAgentSkills(u"u-a"_s, {categories, channels, languages, stations, keyAccounts, {}});
    const RoutingEngine engine(p);
    RoutableTicket t = ticket(u"T1"_s, at("2026-12-07T03:00:00Z"));
    t.stationId = u"st-sh-01"_s;
    t.language = language;
    t.keyAccount = keyAccountTicket;
    const Instant now = at("2026-12-07T02:00:00Z");

    const auto why = engine.whyNot(agent(u"u-a"_s), t, now);
    QCOMPARE(why ? int(*why) : kQualifies, refusal);
    QCOMPARE(engine.qualifies(agent(u"u-a"_s), t, now), refusal == kQualifies);
    // An agent the policy does not list may take anything.
    QVERIFY(engine.qualifies(agent(u"u-other"_s), t, now));
    // The same rules hold for "Next ticket".
    const auto pulled = engine.next(agent(u"u-a"_s), {t}, now);
    QCOMPARE(pulled.has_value(), refusal == kQualifies);
}

void TestRoutingRules::capacity_data()
{
    QTest::addColumn<int>("open");
    QTest::addColumn<int>("openP1");
    QTest::addColumn<QString>("priority");
    QTest::addColumn<int>("refusal");

    // max_open 4, at most 1 open P1, P4 barred (cap 0), P2 and P3 without a cap of their own.
    QTest::addRow("empty") << 0 << 0 << u"p1"_s << kQualifies;
    QTest::addRow("3 of 4") << 3 << 0 << u"p3"_s << kQualifies;
    QTest::addRow("4 of 4") << 4 << 0 << u"p3"_s << int(Refusal::Capacity);
    QTest::addRow("5 of 4") << 5 << 0 << u"p2"_s << int(Refusal::Capacity);
    QTest::addRow("p1 cap reached") << 1 << 1 << u"p1"_s << int(Refusal::PriorityCapacity);
    QTest::addRow("p1 cap reached, p2 ticket") << 1 << 1 << u"p2"_s << kQualifies;
    QTest::addRow("p4 cap 0") << 0 << 0 << u"p4"_s << int(Refusal::PriorityCapacity);
}

void TestRoutingRules::capacity()
{
    QFETCH(int, open);
    QFETCH(int, openP1);
    QFETCH(QString, priority);
    QFETCH(int, refusal);

    RoutingPolicy p = RoutingPolicy::defaults();
    TeamRouting team;
    team.teamId = u"t1"_s;
    team.maxOpen = 4;
    team.maxOpenByPriority = {1, kNoCap, kNoCap, 0};
    p.setTeam(team);
    const RoutingEngine engine(p);
    AgentState a = agent(u"u-a"_s);
    a.open = open;
    a.openByPriority = {openP1, open - openP1, 0, 0};
    RoutableTicket t = ticket(u"T1"_s);
    t.priority = *fromCode<Priority>(priority);
    const Instant now = at("2026-12-07T02:00:00Z");

    const auto why = engine.whyNot(a, t, now);
    QCOMPARE(why ? int(*why) : kQualifies, refusal);
    QCOMPARE(engine.next(a, {t}, now).has_value(), refusal == kQualifies);
    // Below max_open some ticket may still be pushed (a priority cap refuses only its priority).
    QCOMPARE(engine.mayReceivePush(a), open < 4);
}

void TestRoutingRules::status_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("push");
    QTest::addColumn<bool>("pull");

    QTest::addRow("online") << u"online"_s << true << true;
    QTest::addRow("busy") << u"busy"_s << false << true;
    QTest::addRow("away") << u"away"_s << false << true;
    QTest::addRow("break") << u"break"_s << false << false;
    QTest::addRow("offline") << u"offline"_s << false << false;
}

void TestRoutingRules::status()
{
    QFETCH(QString, status);
    QFETCH(bool, push);
    QFETCH(bool, pull);

    const RoutingEngine engine(RoutingPolicy::defaults());
    AgentState a = agent(u"u-a"_s);
    a.status = *agentStatusFromString(status);
    const RoutableTicket t = ticket(u"T1"_s);
    const Instant now = at("2026-12-07T02:00:00Z");
    QCOMPARE(engine.qualifies(a, t, now), push);
    QCOMPARE(engine.whyNot(a, t, now, DecisionKind::Pull).has_value(), !pull);
    QCOMPARE(engine.next(a, {t}, now).has_value(), pull);
    RoundRobinCursor cursor;
    const auto d = engine.assign(t, {a}, now, cursor);
    QCOMPARE(d.has_value(), push);
    QCOMPARE(engine.mayReceivePush(a), push);
}

void TestRoutingRules::otherTeamNeverQualifies()
{
    const RoutingEngine engine(RoutingPolicy::defaults());
    const Instant now = at("2026-12-07T02:00:00Z");
    const RoutableTicket t = ticket(u"T1"_s, 0, u"t2"_s);
    QCOMPARE(engine.whyNot(agent(u"u-a"_s), t, now), std::optional(Refusal::Team));
    QVERIFY(!engine.next(agent(u"u-a"_s), {t}, now));
    // A ticket of no team may go to anyone.
    QVERIFY(engine.qualifies(agent(u"u-a"_s), ticket(u"T2"_s, 0, QString()), now));
}

void TestRoutingRules::shifts_data()
{
    QTest::addColumn<QString>("agentCalendar");
    QTest::addColumn<QByteArray>("now");
    QTest::addColumn<bool>("onShift");

    // The team works "day" (Mon–Fri 09:00–18:00 Shanghai); an agent may have "night" (22:00–06:00 daily).
    // 2026-12-07 is a Monday; Shanghai is UTC+8.
    QTest::addRow("team day shift, 08:59") << u""_s << QByteArray("2026-12-07T00:59:00Z") << false;
    QTest::addRow("team day shift, 09:00") << u""_s << QByteArray("2026-12-07T01:00:00Z") << true;
    QTest::addRow("team day shift, 17:59") << u""_s << QByteArray("2026-12-07T09:59:00Z") << true;
    QTest::addRow("team day shift, 18:00") << u""_s << QByteArray("2026-12-07T10:00:00Z") << false;
    QTest::addRow("team day shift, Saturday 10:00") << u""_s << QByteArray("2026-12-12T02:00:00Z") << false;
    QTest::addRow("night shift, Monday 21:59") << u"night"_s << QByteArray("2026-12-07T13:59:00Z") << false;
    QTest::addRow("night shift, Monday 22:00") << u"night"_s << QByteArray("2026-12-07T14:00:00Z") << true;
    QTest::addRow("night shift, 23:59") << u"night"_s << QByteArray("2026-12-07T15:59:00Z") << true;
    QTest::addRow("night shift, across midnight 00:00")
        << u"night"_s << QByteArray("2026-12-07T16:00:00Z") << true;
    QTest::addRow("night shift, Tuesday 05:59") << u"night"_s << QByteArray("2026-12-07T21:59:00Z") << true;
    QTest::addRow("night shift, Tuesday 06:00") << u"night"_s << QByteArray("2026-12-07T22:00:00Z") << false;
    QTest::addRow("night shift overrides team, Monday 10:00")
        << u"night"_s << QByteArray("2026-12-07T02:00:00Z") << false;
}

void TestRoutingRules::shifts()
{
    QFETCH(QString, agentCalendar);
    QFETCH(QByteArray, now);
    QFETCH(bool, onShift);

    RoutingPolicy p = RoutingPolicy::defaults();
    p.setCalendar(dayShift());
    p.setCalendar(nightShift());
    TeamRouting team;
    team.teamId = u"t1"_s;
    team.shiftCalendar = u"day"_s;
    p.setTeam(team);
    p.setAgentSkills(u"u-a"_s, AgentSkills{{}, {}, {}, {}, true, agentCalendar});
    const RoutingEngine engine(p);
    const Instant t = at(now.constData());

    QCOMPARE(engine.onShift(agent(u"u-a"_s), t), onShift);
    const auto why = engine.whyNot(agent(u"u-a"_s), ticket(u"T1"_s), t);
    QCOMPARE(why ? int(*why) : kQualifies, onShift ? kQualifies : int(Refusal::Shift));
    RoundRobinCursor cursor;
    QCOMPARE(engine.assign(ticket(u"T1"_s), {agent(u"u-a"_s)}, t, cursor).has_value(), onShift);
}

void TestRoutingRules::pullIgnoresShift()
{
    RoutingPolicy p = RoutingPolicy::defaults();
    p.setCalendar(dayShift());
    TeamRouting team = p.defaultTeam();
    team.shiftCalendar = u"day"_s;
    p.setDefaultTeam(team);
    const RoutingEngine engine(p);
    const Instant saturday = at("2026-12-12T02:00:00Z");
    QVERIFY(!engine.qualifies(agent(u"u-a"_s), ticket(u"T1"_s), saturday));
    const auto d = engine.next(agent(u"u-a"_s), {ticket(u"T1"_s)}, saturday);
    QVERIFY(d);
    QCOMPARE(d->ticketId, u"T1"_s);
}

void TestRoutingRules::noShiftOnAHoliday()
{
    // The shift calendar is a business calendar: its holidays and extra working days (调休) apply.
    BusinessCalendar day = dayShift();
    day.addHoliday(QDate(2026, 12, 8));                               // a Tuesday off
    day.setExtraWorkingDay(QDate(2026, 12, 12), {{9 * 60, 18 * 60}}); // a Saturday worked
    RoutingPolicy p = RoutingPolicy::defaults();
    p.setCalendar(day);
    TeamRouting team = p.defaultTeam();
    team.shiftCalendar = u"day"_s;
    p.setDefaultTeam(team);
    const RoutingEngine engine(p);
    QVERIFY(engine.onShift(agent(u"u-a"_s), at("2026-12-07T02:00:00Z")));  // Monday 10:00
    QVERIFY(!engine.onShift(agent(u"u-a"_s), at("2026-12-08T02:00:00Z"))); // holiday 10:00
    QVERIFY(engine.onShift(agent(u"u-a"_s), at("2026-12-12T02:00:00Z")));  // worked Saturday 10:00
    QVERIFY(!engine.onShift(agent(u"u-a"_s), at("2026-12-13T02:00:00Z"))); // Sunday 10:00
}

void TestRoutingRules::acceptanceTimeout_data()
{
    QTest::addColumn<int>("secondsSinceAssigned");
    QTest::addColumn<bool>("opened");
    QTest::addColumn<bool>("pushed");
    QTest::addColumn<bool>("moves");

    // The team's acceptance timeout is 5 minutes.
    QTest::addRow("4:59, not opened") << 299 << false << true << false;
    QTest::addRow("5:00, not opened") << 300 << false << true << true;
    QTest::addRow("20:00, not opened") << 1200 << false << true << true;
    QTest::addRow("20:00, opened") << 1200 << true << true << false;
    QTest::addRow("20:00, assigned by a supervisor") << 1200 << false << false << false;
}

void TestRoutingRules::acceptanceTimeout()
{
    QFETCH(int, secondsSinceAssigned);
    QFETCH(bool, opened);
    QFETCH(bool, pushed);
    QFETCH(bool, moves);

    const RoutingEngine engine(RoutingPolicy::defaults());
    QCOMPARE(engine.policy().defaultTeam().acceptanceTimeoutMinutes, 5);
    const Instant now = at("2026-12-07T02:00:00Z");
    RoutableTicket t = ticket(u"T1"_s, now + 10 * kMin);
    t.assigneeId = u"u-a"_s;
    t.assignedAt = now - secondsSinceAssigned * 1000LL;
    t.opened = opened;
    t.pushed = pushed;
    const RoutableTicket other = ticket(u"T2"_s); // unassigned: never re-routed
    const QList<AgentState> agents{agent(u"u-a"_s, 1), agent(u"u-b"_s, 3)};

    QCOMPARE(engine.toReroute({other, t}, agents, now), moves ? QList<QString>{u"T1"_s} : QList<QString>{});
    if (!moves)
        return;
    const auto r = engine.reroutes({t}, agents, now);
    QCOMPARE(r.size(), 1);
    QCOMPARE(r.first().fromAgentId, u"u-a"_s);
    QCOMPARE(r.first().cause, RerouteCause::AcceptanceTimeout);
    // It goes to the next agent, although u-a is less loaded.
    RoundRobinCursor cursor;
    const auto d = engine.assign(t, agents, now, cursor);
    QVERIFY(d);
    QCOMPARE(d->agentId, u"u-b"_s);
    QCOMPARE(d->previousAgentId, u"u-a"_s);
    QCOMPARE(d->qualified, 1);
}

void TestRoutingRules::offlineRerouting_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("minutesOffline");
    QTest::addColumn<int>("minutesAssigned");
    QTest::addColumn<bool>("opened");
    QTest::addColumn<bool>("moves");

    // Supervisor-assigned tickets (no acceptance timeout); grace period 10 minutes.
    QTest::addRow("offline 9 min") << u"offline"_s << 9 << 60 << false << false;
    QTest::addRow("offline 10 min") << u"offline"_s << 10 << 60 << false << true;
    QTest::addRow("offline 3 h") << u"offline"_s << 180 << 240 << false << true;
    QTest::addRow("offline 3 h, ticket opened") << u"offline"_s << 180 << 240 << true << false;
    QTest::addRow("on break 3 h") << u"break"_s << 180 << 240 << false << false;
    QTest::addRow("online") << u"online"_s << 180 << 240 << false << false;
    QTest::addRow("assigned 5 min ago to an agent offline 3 h") << u"offline"_s << 180 << 5 << false << false;
    QTest::addRow("assigned 10 min ago to an agent offline 3 h")
        << u"offline"_s << 180 << 10 << false << true;
}

void TestRoutingRules::offlineRerouting()
{
    QFETCH(QString, status);
    QFETCH(int, minutesOffline);
    QFETCH(int, minutesAssigned);
    QFETCH(bool, opened);
    QFETCH(bool, moves);

    const RoutingEngine engine(RoutingPolicy::defaults());
    QCOMPARE(engine.policy().defaultTeam().offlineGraceMinutes, 10);
    const Instant now = at("2026-12-07T02:00:00Z");
    AgentState a = agent(u"u-a"_s, 2);
    a.status = *agentStatusFromString(status);
    a.statusSince = now - minutesOffline * kMin;
    RoutableTicket t = ticket(u"T9"_s);
    t.assigneeId = u"u-a"_s;
    t.assignedAt = now - minutesAssigned * kMin;
    t.pushed = false;
    t.opened = opened;

    const auto r = engine.reroutes({t}, {a, agent(u"u-b"_s)}, now);
    QCOMPARE(r.size(), moves ? 1 : 0);
    if (moves) {
        QCOMPARE(r.first().ticketId, u"T9"_s);
        QCOMPARE(r.first().cause, RerouteCause::AssigneeOffline);
    }
    // An assignee the caller does not know is left alone.
    QVERIFY(engine.reroutes({t}, {agent(u"u-b"_s)}, now).isEmpty());
}

void TestRoutingRules::idleBecomesAway()
{
    const RoutingEngine engine(RoutingPolicy::defaults());
    const Instant now = at("2026-12-07T02:00:00Z");
    AgentState a = agent(u"u-a"_s);
    QCOMPARE(engine.idleStatus(a, now - 9 * kMin, now), AgentStatus::Online);
    QCOMPARE(engine.idleStatus(a, now - 10 * kMin, now), AgentStatus::Away);
    a.status = AgentStatus::Busy; // on a call: never away
    QCOMPARE(engine.idleStatus(a, now - 60 * kMin, now), AgentStatus::Busy);
}

QTEST_GUILESS_MAIN(TestRoutingRules)
#include "tst_routing_rules.moc"
