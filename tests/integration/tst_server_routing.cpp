// Issue 20, server side: agent status (REST and live feed, offline after the grace period), the routing
// policy endpoint, and the assignment service (push on create, acceptance timeout) on one SQLite server.
#include "liveclient.h"
#include "serverfixture.h"

#include <QTest>

using namespace pd::test;
using namespace Qt::StringLiterals;

class TestServerRouting final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statusIsValidatedAndListed();
    void statusTravelsThroughTheLiveFeed();
    void closedConsoleGoesOfflineAfterGrace();
    void routingPolicyIsManagersAndVersioned();
    void newTicketIsPushedToTheLeastLoaded();
    void unopenedPushMovesOnAfterTheTimeout();
    void offlineAgentsUnopenedTicketMoves();
    void nextTicketHandsOutTheMostUrgent();

private:
    /// A server at @p speed times real time with @p policy (the default row's fields) stored by manager1.
    bool startWith(ServerFixture &s, double speed, const QJsonObject &defaults);
    static QString userId(ServerFixture &s, const QString &login);
    static QJsonObject agentRow(ServerFixture &s, const QString &asLogin, const QString &login);
    static Reply setStatus(ServerFixture &s, const QString &login, const QString &status);
    static QList<QJsonObject> assignments(ServerFixture &s, const QString &ticketId);
};

bool TestServerRouting::startWith(ServerFixture &s, double speed, const QJsonObject &defaults)
{
    if (!s.prepare() || s.start({u"--speed"_s, QString::number(speed)}) != 0)
        return false;
    if (defaults.isEmpty())
        return true;
    const QByteArray manager = s.token(u"manager1"_s);
    QJsonObject policy = s.request("GET", u"/api/v1/routing-policy"_s, manager).json();
    QJsonObject row = policy.value(u"default"_s).toObject();
    for (auto it = defaults.begin(); it != defaults.end(); ++it)
        row.insert(it.key(), it.value());
    policy.insert(u"default"_s, row);
    const Reply put = s.request("PUT", u"/api/v1/routing-policy"_s, manager, policy);
    if (put.status != 200)
        qWarning() << "policy not stored:" << put.status << put.body;
    return put.status == 200;
}

QString TestServerRouting::userId(ServerFixture &s, const QString &login)
{
    const Reply r = s.request("POST", u"/api/v1/auth/login"_s, {},
                              {{u"login"_s, login}, {u"password"_s, ServerFixture::kPassword}});
    return r.json().value(u"user"_s).toObject().value(u"id"_s).toString();
}

QJsonObject TestServerRouting::agentRow(ServerFixture &s, const QString &asLogin, const QString &login)
{
    const QJsonArray items =
        s.request("GET", u"/api/v1/agents"_s, s.token(asLogin)).json().value(u"items"_s).toArray();
    for (const QJsonValue &v : items) {
        if (v.toObject().value(u"login"_s).toString() == login)
            return v.toObject();
    }
    return {};
}

Reply TestServerRouting::setStatus(ServerFixture &s, const QString &login, const QString &status)
{
    return s.request("PUT", u"/api/v1/agents/me/status"_s, s.token(login), {{u"status"_s, status}});
}

QList<QJsonObject> TestServerRouting::assignments(ServerFixture &s, const QString &ticketId)
{
    QList<QJsonObject> out;
    const QJsonArray items =
        s.request("GET", u"/api/v1/tickets/"_s + ticketId + u"/events"_s, s.token(u"lead1"_s))
            .json()
            .value(u"items"_s)
            .toArray();
    for (const QJsonValue &v : items) {
        if (v.toObject().value(u"kind"_s).toString() == u"assignment"_s)
            out.append(v.toObject());
    }
    return out;
}

void TestServerRouting::statusIsValidatedAndListed()
{
    ServerFixture s;
    QVERIFY(startWith(s, 1, {}));
    const Reply ok = setStatus(s, u"agent1"_s, u"online"_s);
    QCOMPARE(ok.status, 200);
    QCOMPARE(ok.json().value(u"status"_s).toString(), u"online"_s);
    QVERIFY(ok.json().value(u"since_ms"_s).toInteger() > 0);
    // Unknown codes, wrong types and other roles are refused; nothing changes.
    const Reply bad = setStatus(s, u"agent1"_s, u"sleeping"_s);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorCode(), u"invalid_status"_s);
    QCOMPARE(bad.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"status"_s);
    QVERIFY(bad.json().value(u"error"_s).toObject().value(u"message"_s).toString().contains(u"online"_s));
    QCOMPARE(s.request("PUT", u"/api/v1/agents/me/status"_s, s.token(u"agent1"_s), {{u"status"_s, 3}}).status,
             400);
    QCOMPARE(setStatus(s, u"lead1"_s, u"online"_s).status, 403);
    QCOMPARE(s.sqlValue(u"SELECT status FROM agent_status WHERE user_id = ?"_s, {userId(s, u"agent1"_s)})
                 .toString(),
             u"online"_s);
    QVERIFY(
        !s.sqlValue(u"SELECT 1 FROM agent_status WHERE user_id = ?"_s, {userId(s, u"lead1"_s)}).isValid());

    // Who sees whom: an agent themselves, a supervisor the team, a manager everyone.
    const auto logins = [&s](const QString &as) {
        QStringList out;
        for (const QJsonValue &v :
             s.request("GET", u"/api/v1/agents"_s, s.token(as)).json().value(u"items"_s).toArray())
            out.append(v.toObject().value(u"login"_s).toString());
        out.sort();
        return out;
    };
    QCOMPARE(logins(u"agent1"_s), QStringList{u"agent1"_s});
    QCOMPARE(logins(u"lead1"_s), (QStringList{u"agent1"_s, u"agent2"_s}));
    QCOMPARE(logins(u"manager1"_s), (QStringList{u"agent1"_s, u"agent2"_s, u"agent3"_s}));
    const QJsonObject row = agentRow(s, u"lead1"_s, u"agent1"_s);
    QCOMPARE(row.value(u"status"_s).toString(), u"online"_s);
    QCOMPARE(row.value(u"open"_s).toInt(), 0);
    QCOMPARE(row.value(u"capacity"_s).toInt(), 8); // the default policy
    QCOMPARE(row.value(u"idle_away_minutes"_s).toInt(), 10);
    QCOMPARE(row.value(u"at_risk"_s).toInt(), 0);
    QCOMPARE(row.value(u"breached"_s).toInt(), 0);
    QVERIFY(row.value(u"current_ticket_id"_s).isNull());
    QCOMPARE(agentRow(s, u"lead1"_s, u"agent2"_s).value(u"status"_s).toString(), u"offline"_s);
}

void TestServerRouting::statusTravelsThroughTheLiveFeed()
{
    ServerFixture s;
    QVERIFY(startWith(s, 1, {}));
    LiveClient lead, otherTeam, agent;
    lead.open(s.port(), s.token(u"lead1"_s));
    otherTeam.open(s.port(), s.token(u"agent3"_s));
    agent.open(s.port(), s.token(u"agent1"_s));
    for (LiveClient *c : {&lead, &otherTeam, &agent})
        QTRY_COMPARE(c->ofKind(u"snapshot"_s).size(), 1);
    agent.send({{u"kind"_s, u"status"_s}, {u"status"_s, u"break"_s}});
    QTRY_COMPARE(lead.ofKind(u"agent_status"_s).size(), 1);
    const QJsonObject m = lead.ofKind(u"agent_status"_s).first();
    QCOMPARE(m.value(u"status"_s).toString(), u"break"_s);
    QCOMPARE(m.value(u"previous"_s).toString(), u"offline"_s);
    QCOMPARE(m.value(u"user_id"_s).toString(), userId(s, u"agent1"_s));
    QCOMPARE(m.value(u"team_id"_s).toString(), u"team-a"_s);
    QCOMPARE(m.value(u"cause"_s).toString(), u"set"_s);
    QVERIFY(m.value(u"seq"_s).toInteger() > 0);
    QTRY_COMPARE(agent.ofKind(u"agent_status"_s).size(), 1); // the sender's acknowledgement
    // Sent again (a console does after every reconnect): acknowledged, nothing changes.
    const qint64 since = m.value(u"since_ms"_s).toInteger();
    agent.send({{u"kind"_s, u"status"_s}, {u"status"_s, u"break"_s}});
    QTRY_COMPARE(agent.ofKind(u"agent_status"_s).size(), 2);
    QCOMPARE(agent.ofKind(u"agent_status"_s).last().value(u"previous"_s).toString(), u"break"_s);
    QCOMPARE(agent.ofKind(u"agent_status"_s).last().value(u"since_ms"_s).toInteger(), since);
    QCOMPARE(agentRow(s, u"manager1"_s, u"agent1"_s).value(u"status"_s).toString(), u"break"_s);
    QCOMPARE(agentRow(s, u"manager1"_s, u"agent1"_s).value(u"connected"_s).toBool(), true);
    // An unknown code is answered to the sender only.
    agent.send({{u"kind"_s, u"status"_s}, {u"status"_s, u"napping"_s}});
    QTRY_COMPARE(agent.ofKind(u"status_refused"_s).size(), 1);
    QCOMPARE(
        agent.ofKind(u"status_refused"_s).first().value(u"error"_s).toObject().value(u"code"_s).toString(),
        u"invalid_status"_s);
    QCOMPARE(agent.socket().state(), QAbstractSocket::ConnectedState);
    QTest::qWait(300);
    QCOMPARE(lead.ofKind(u"agent_status"_s).size(), 2);
    QCOMPARE(otherTeam.ofKind(u"agent_status"_s).size(), 0); // another team's agent
}

void TestServerRouting::closedConsoleGoesOfflineAfterGrace()
{
    // Two minutes of grace at 60 times real time: two seconds.
    ServerFixture s;
    QVERIFY(startWith(s, 60, {{u"offline_grace_minutes"_s, 2}}));
    LiveClient lead, agent;
    lead.open(s.port(), s.token(u"lead1"_s));
    agent.open(s.port(), s.token(u"agent1"_s));
    QTRY_COMPARE(lead.ofKind(u"snapshot"_s).size(), 1);
    QTRY_COMPARE(agent.ofKind(u"snapshot"_s).size(), 1);
    agent.send({{u"kind"_s, u"status"_s}, {u"status"_s, u"online"_s}});
    QTRY_COMPARE(lead.ofKind(u"agent_status"_s).size(), 1);
    agent.socket().close();
    // Within the grace period nothing changes (a console that reconnects at once stays online) …
    QTest::qWait(200);
    QCOMPARE(agentRow(s, u"lead1"_s, u"agent1"_s).value(u"status"_s).toString(), u"online"_s);
    // … then the team sees the agent offline, since the moment the console went away.
    QTRY_VERIFY_WITH_TIMEOUT(lead.ofKind(u"agent_status"_s).size() == 2, 8000);
    const QJsonObject off = lead.ofKind(u"agent_status"_s).last();
    QCOMPARE(off.value(u"status"_s).toString(), u"offline"_s);
    QCOMPARE(off.value(u"previous"_s).toString(), u"online"_s);
    QCOMPARE(off.value(u"cause"_s).toString(), u"disconnected"_s);
    const QJsonObject row = agentRow(s, u"lead1"_s, u"agent1"_s);
    QCOMPARE(row.value(u"status"_s).toString(), u"offline"_s);
    QCOMPARE(row.value(u"connected"_s).toBool(), false);
    QCOMPARE(
        row.value(u"since_ms"_s).toInteger(),
        s.sqlValue(u"SELECT disconnected_ms FROM agent_status WHERE user_id = ?"_s, {userId(s, u"agent1"_s)})
            .toLongLong());
    // A console that comes back within the grace period keeps its status.
    LiveClient again;
    again.open(s.port(), s.token(u"agent2"_s));
    QTRY_COMPARE(again.ofKind(u"snapshot"_s).size(), 1);
    again.send({{u"kind"_s, u"status"_s}, {u"status"_s, u"busy"_s}});
    QTRY_COMPARE(lead.ofKind(u"agent_status"_s).size(), 3);
    again.socket().close();
    QTRY_COMPARE(again.socket().state(), QAbstractSocket::UnconnectedState);
    again.open(s.port(), s.token(u"agent2"_s));
    QTRY_COMPARE(again.ofKind(u"snapshot"_s).size(), 1);
    QTest::qWait(3500);
    QCOMPARE(agentRow(s, u"lead1"_s, u"agent2"_s).value(u"status"_s).toString(), u"busy"_s);
    QCOMPARE(lead.ofKind(u"agent_status"_s).size(), 3);
}

void TestServerRouting::routingPolicyIsManagersAndVersioned()
{
    ServerFixture s;
    QVERIFY(startWith(s, 1, {}));
    const QByteArray manager = s.token(u"manager1"_s);
    const Reply initial = s.request("GET", u"/api/v1/routing-policy"_s, manager);
    QCOMPARE(initial.status, 200);
    QCOMPARE(initial.json().value(u"version"_s).toInt(), 1);
    QCOMPARE(initial.header("ETag"), QByteArray("\"1\""));
    QCOMPARE(initial.json().value(u"default"_s).toObject().value(u"strategy"_s).toString(),
             u"earliest_deadline"_s);
    for (const QString &login : {u"agent1"_s, u"lead1"_s, u"admin"_s}) {
        QCOMPARE(s.request("GET", u"/api/v1/routing-policy"_s, s.token(login)).status, 403);
        QCOMPARE(s.request("PUT", u"/api/v1/routing-policy"_s, s.token(login), initial.json()).status, 403);
    }
    // A policy that does not validate is refused with its field, and nothing is stored.
    QJsonObject bad = initial.json();
    QJsonObject row = bad.value(u"default"_s).toObject();
    row.insert(u"max_open"_s, 0);
    bad.insert(u"default"_s, row);
    const Reply refused = s.request("PUT", u"/api/v1/routing-policy"_s, manager, bad);
    QCOMPARE(refused.status, 422);
    QVERIFY(refused.json().value(u"error"_s).toObject().value(u"field"_s).toString().contains(u"max_open"_s));
    QCOMPARE(s.sqlValue(u"SELECT count(*) FROM routing_policy"_s).toInt(), 0);
    QCOMPARE(s.request("GET", u"/api/v1/routing-policy"_s, manager).json(), initial.json());
    // A good one from the version read: stored as the next version.
    QJsonObject good = initial.json();
    row = good.value(u"default"_s).toObject();
    row.insert(u"strategy"_s, u"round_robin"_s);
    row.insert(u"max_open"_s, 12);
    row.insert(u"idle_away_minutes"_s, 7);
    good.insert(u"default"_s, row);
    const Reply put = s.request("PUT", u"/api/v1/routing-policy"_s, manager, good, {{"If-Match", "\"1\""}});
    QCOMPARE(put.status, 200);
    QCOMPARE(put.json().value(u"version"_s).toInt(), 2);
    const QJsonObject now = s.request("GET", u"/api/v1/routing-policy"_s, manager).json();
    QCOMPARE(now.value(u"version"_s).toInt(), 2);
    QCOMPARE(now.value(u"default"_s).toObject().value(u"strategy"_s).toString(), u"round_robin"_s);
    QCOMPARE(s.sqlValue(u"SELECT version FROM routing_policy"_s).toInt(), 2);
    QCOMPARE(s.sqlValue(u"SELECT count(*) FROM audit WHERE action = 'routing_policy.update'"_s).toInt(), 1);
    // Another edit of version 1 (the body's version or If-Match) is refused with the current policy.
    const Reply stale = s.request("PUT", u"/api/v1/routing-policy"_s, manager, good);
    QCOMPARE(stale.status, 412);
    QCOMPARE(stale.errorCode(), u"version_mismatch"_s);
    QCOMPARE(stale.json().value(u"current"_s).toObject().value(u"version"_s).toInt(), 2);
    QCOMPARE(s.request("PUT", u"/api/v1/routing-policy"_s, manager, now, {{"If-Match", "\"1\""}}).status,
             412);
    // The board shows the new capacity, and the agent's own row the idle time the console turns "away" after.
    QCOMPARE(agentRow(s, u"manager1"_s, u"agent1"_s).value(u"capacity"_s).toInt(), 12);
    QCOMPARE(agentRow(s, u"agent1"_s, u"agent1"_s).value(u"idle_away_minutes"_s).toInt(), 7);
}

void TestServerRouting::newTicketIsPushedToTheLeastLoaded()
{
    ServerFixture s;
    QVERIFY(startWith(s, 1, {}));
    QCOMPARE(setStatus(s, u"agent1"_s, u"online"_s).status, 200);
    QCOMPARE(setStatus(s, u"agent2"_s, u"online"_s).status, 200);
    // agent2 holds one ticket already (taken by themselves: a pick of their own, never moved).
    QJsonObject own = ServerFixture::ticketBody();
    own.insert(u"assignee_id"_s, userId(s, u"agent2"_s));
    const QString held = s.createTicket(u"agent2"_s, own);
    QVERIFY(!held.isEmpty());
    const QString id = s.createTicket(u"lead1"_s);
    QVERIFY(!id.isEmpty());
    const QString agent1 = userId(s, u"agent1"_s);
    QTRY_COMPARE(s.request("GET", u"/api/v1/tickets/"_s + id, s.token(u"lead1"_s))
                     .json()
                     .value(u"assignee_id"_s)
                     .toString(),
                 agent1);
    const QList<QJsonObject> events = assignments(s, id);
    QCOMPARE(events.size(), 1);
    const QJsonObject data = events.first().value(u"data"_s).toObject();
    QCOMPARE(data.value(u"agent_id"_s).toString(), agent1);
    QCOMPARE(data.value(u"ticket_id"_s).toString(), id);
    QCOMPARE(data.value(u"strategy"_s).toString(), u"earliest_deadline"_s);
    QCOMPARE(data.value(u"kind"_s).toString(), u"push"_s);
    QCOMPARE(data.value(u"qualified"_s).toInt(), 2);
    QCOMPARE(data.value(u"agent_load"_s).toInt(), 0);
    QCOMPARE(data.value(u"to"_s).toString(), agent1);
    QVERIFY(!events.first().value(u"text"_s).toString().isEmpty()); // the reason
    QCOMPARE(events.first().value(u"author_id"_s).toString(), u"system"_s);
    QCOMPARE(assignments(s, held).size(), 1); // agent2's own pick was not routed
    // The next one goes to agent2 now: both hold one, agent2 waited longer since its last assignment.
    const QString second = s.createTicket(u"lead1"_s);
    QTRY_VERIFY(!s.request("GET", u"/api/v1/tickets/"_s + second, s.token(u"lead1"_s))
                     .json()
                     .value(u"assignee_id"_s)
                     .toString()
                     .isEmpty());
    QCOMPARE(s.request("GET", u"/api/v1/tickets/"_s + second, s.token(u"lead1"_s))
                 .json()
                 .value(u"assignee_id"_s)
                 .toString(),
             userId(s, u"agent2"_s));
    QCOMPARE(agentRow(s, u"lead1"_s, u"agent1"_s).value(u"open"_s).toInt(), 1);
    QCOMPARE(agentRow(s, u"lead1"_s, u"agent2"_s).value(u"open"_s).toInt(), 2);
    // A supervisor moves the first one by hand: its push no longer matters and is pruned; it never times out.
    const qint64 version = s.ticketVersion(id);
    QCOMPARE(s.request("PATCH", u"/api/v1/tickets/"_s + id, s.token(u"lead1"_s),
                       {{u"assignee_id"_s, userId(s, u"agent2"_s)}},
                       {{"If-Match", QByteArray::number(version)}})
                 .status,
             200);
    QTRY_VERIFY_WITH_TIMEOUT(
        !s.sqlValue(u"SELECT 1 FROM routing_offers WHERE ticket_id = ?"_s, {id}).isValid(), 10000);
    QCOMPARE(assignments(s, id).size(), 2); // the push and the supervisor's move
}

void TestServerRouting::unopenedPushMovesOnAfterTheTimeout()
{
    // One minute to open a pushed ticket at 10 times real time: six seconds.
    ServerFixture s;
    QVERIFY(startWith(s, 10, {{u"acceptance_timeout_minutes"_s, 1}, {u"offline_grace_minutes"_s, 60}}));
    LiveClient console;
    console.open(s.port(), s.token(u"agent2"_s));
    QTRY_COMPARE(console.ofKind(u"snapshot"_s).size(), 1);
    QCOMPARE(setStatus(s, u"agent1"_s, u"online"_s).status, 200);
    const QString id = s.createTicket(u"lead1"_s);
    const QString agent1 = userId(s, u"agent1"_s);
    const QString agent2 = userId(s, u"agent2"_s);
    QTRY_COMPARE(assignments(s, id).size(), 1);
    QCOMPARE(assignments(s, id).first().value(u"data"_s).toObject().value(u"agent_id"_s).toString(), agent1);
    // Alone, agent1 keeps it past the timeout: nobody else may take it.
    QTest::qWait(7500);
    QCOMPARE(assignments(s, id).size(), 1);
    // With agent2 online, the unopened ticket moves on.
    QCOMPARE(setStatus(s, u"agent2"_s, u"online"_s).status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(assignments(s, id).size() == 2, 15000);
    const QJsonObject moved = assignments(s, id).last().value(u"data"_s).toObject();
    QCOMPARE(moved.value(u"agent_id"_s).toString(), agent2);
    QCOMPARE(moved.value(u"previous_agent_id"_s).toString(), agent1);
    QCOMPARE(moved.value(u"from"_s).toString(), agent1);
    // agent2 opens it (presence): it stays with agent2 however long.
    console.send({{u"kind"_s, u"presence"_s}, {u"ticket_id"_s, id}, {u"mode"_s, u"view"_s}});
    QTRY_VERIFY(
        s.sqlValue(u"SELECT accepted_ms FROM routing_offers WHERE ticket_id = ?"_s, {id}).toLongLong() > 0);
    QTest::qWait(7500);
    QCOMPARE(assignments(s, id).size(), 2);
    QCOMPARE(agentRow(s, u"lead1"_s, u"agent2"_s).value(u"current_ticket_id"_s).toString(), id);
}

void TestServerRouting::offlineAgentsUnopenedTicketMoves()
{
    // Two minutes of grace at 60 times real time; the acceptance timeout far away.
    ServerFixture s;
    QVERIFY(startWith(s, 60, {{u"offline_grace_minutes"_s, 2}, {u"acceptance_timeout_minutes"_s, 600}}));
    LiveClient console;
    console.open(s.port(), s.token(u"agent1"_s));
    QTRY_COMPARE(console.ofKind(u"snapshot"_s).size(), 1);
    console.send({{u"kind"_s, u"status"_s}, {u"status"_s, u"online"_s}});
    QTRY_COMPARE(console.ofKind(u"agent_status"_s).size(), 1);
    const QString id = s.createTicket(u"lead1"_s);
    const QString agent1 = userId(s, u"agent1"_s);
    QTRY_COMPARE(assignments(s, id).size(), 1);
    QCOMPARE(assignments(s, id).first().value(u"data"_s).toObject().value(u"agent_id"_s).toString(), agent1);
    QCOMPARE(setStatus(s, u"agent2"_s, u"online"_s).status, 200);
    // agent1's console goes away without opening the ticket: offline after the grace period, and the ticket
    // moves to the agent who is there.
    console.abort();
    QTRY_VERIFY_WITH_TIMEOUT(assignments(s, id).size() == 2, 15000);
    QCOMPARE(agentRow(s, u"lead1"_s, u"agent1"_s).value(u"status"_s).toString(), u"offline"_s);
    const QJsonObject moved = assignments(s, id).last().value(u"data"_s).toObject();
    QCOMPARE(moved.value(u"agent_id"_s).toString(), userId(s, u"agent2"_s));
    QCOMPARE(moved.value(u"previous_agent_id"_s).toString(), agent1);
    QCOMPARE(agentRow(s, u"lead1"_s, u"agent1"_s).value(u"open"_s).toInt(), 0);
}

void TestServerRouting::nextTicketHandsOutTheMostUrgent()
{
    ServerFixture s;
    QVERIFY(startWith(s, 1, {{u"strategy"_s, u"pull_only"_s}}));
    // P1 complaints are due in 10 minutes, the others in 30: the later P1 is more urgent than the earlier P4.
    const QJsonObject sla{{u"rules"_s, QJsonArray{QJsonObject{{u"priority"_s, u"p1"_s},
                                                              {u"first_response_target_minutes"_s, 10},
                                                              {u"first_response_warning_minutes"_s, 5}}}}};
    QCOMPARE(s.request("PUT", u"/api/v1/sla/policy"_s, s.token(u"manager1"_s), sla).status, 200);
    // Pull-only: nothing is pushed, whoever is online.
    QCOMPARE(setStatus(s, u"agent1"_s, u"online"_s).status, 200);
    QJsonObject low = ServerFixture::ticketBody();
    low.insert(u"priority"_s, u"p4"_s);
    QJsonObject urgent = ServerFixture::ticketBody();
    urgent.insert(u"priority"_s, u"p1"_s);
    const QString lowId = s.createTicket(u"lead1"_s, low);
    const QString urgentId = s.createTicket(u"lead1"_s, urgent);
    QTest::qWait(500);
    QVERIFY(assignments(s, urgentId).isEmpty());
    // On break: refused with the reason.
    QCOMPARE(setStatus(s, u"agent2"_s, u"break"_s).status, 200);
    const Reply onBreak = s.request("POST", u"/api/v1/agents/me/next"_s, s.token(u"agent2"_s));
    QCOMPARE(onBreak.status, 409);
    QCOMPARE(onBreak.errorCode(), u"not_available"_s);
    QCOMPARE(s.request("POST", u"/api/v1/agents/me/next"_s, s.token(u"lead1"_s)).status, 403);
    const Reply first = s.request("POST", u"/api/v1/agents/me/next"_s, s.token(u"agent1"_s));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(u"ticket"_s).toObject().value(u"id"_s).toString(), urgentId);
    QCOMPARE(first.json().value(u"ticket"_s).toObject().value(u"assignee_id"_s).toString(),
             userId(s, u"agent1"_s));
    QCOMPARE(
        first.json().value(u"event"_s).toObject().value(u"data"_s).toObject().value(u"kind"_s).toString(),
        u"pull"_s);
    QCOMPARE(first.json().value(u"ticket"_s).toObject().value(u"customer_phone"_s).toString(),
             u"13812345678"_s);
    const Reply second = s.request("POST", u"/api/v1/agents/me/next"_s, s.token(u"agent1"_s));
    QCOMPARE(second.json().value(u"ticket"_s).toObject().value(u"id"_s).toString(), lowId);
    const Reply none = s.request("POST", u"/api/v1/agents/me/next"_s, s.token(u"agent1"_s));
    QCOMPARE(none.status, 204);
    QVERIFY(none.body.isEmpty());
    QCOMPARE(assignments(s, urgentId).size(), 1);
    QCOMPARE(assignments(s, lowId).size(), 1);
}

QTEST_GUILESS_MAIN(TestServerRouting)
#include "tst_server_routing.moc"
