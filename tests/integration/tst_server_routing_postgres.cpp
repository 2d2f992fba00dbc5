// Issue 20, must show: two server instances on one PostgreSQL database and 20 agents pressing "Next ticket"
// at once for 1,000 tickets — no ticket assigned twice, none lost, each decision's event present (by SQL on
// the database and through the API). Run through scripts/test-postgres.sh (ctest does).
#include "liveclient.h"
#include "serverfixture.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QTest>

#include <algorithm>
#include <memory>
#include <vector>

using namespace pd::test;
using namespace Qt::StringLiterals;

namespace {
constexpr int kAgents = 20;
constexpr int kTickets = 1000;

/// @brief One simulated agent: presses "Next ticket" on its instance until it gets 204, one press at a time.
struct Agent
{
    QString login;
    QString id;
    int instance = 0;
    QByteArray token;
    std::unique_ptr<QNetworkAccessManager> nam = std::make_unique<QNetworkAccessManager>();
    QStringList got;
    QStringList events;
    int presses = 0;
    bool done = false;
    QString failure;
};
} // namespace

class TestServerRoutingPostgres final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void twentyAgentsPullAThousandTickets();
    void bothInstancesPushEachTicketOnce(); // after the pulls: the same agents, loads of about 50 each
    void statusCrossesInstancesAndOutlivesALostOne();

private:
    bool addAgents();
    bool createTickets(int count, int offset = 0);
    void press(Agent &a);
    ServerFixture m_server;
    std::vector<Agent> m_agents;
};

void TestServerRoutingPostgres::initTestCase()
{
    const QByteArray skip = qgetenv("PD_TEST_POSTGRES_SKIP");
    if (!skip.isEmpty())
        QSKIP(qPrintable(u"PostgreSQL could not be started: "_s + QString::fromUtf8(skip)));
    const QString url = qEnvironmentVariable("PD_TEST_POSTGRES_URL");
    if (url.isEmpty())
        QSKIP("PD_TEST_POSTGRES_URL is not set: run this test through scripts/test-postgres.sh (ctest does)");
    QVERIFY(m_server.prepare(url));
    QVERIFY(addAgents());
    QCOMPARE(m_server.start(), 0);
    QCOMPARE(m_server.start(), 1);
    // Pull only (nothing pushed), room for every ticket with whoever presses fastest.
    const QByteArray manager = m_server.token(u"manager1"_s);
    QJsonObject policy = m_server.request("GET", u"/api/v1/routing-policy"_s, manager).json();
    QJsonObject row = policy.value(u"default"_s).toObject();
    row.insert(u"strategy"_s, u"pull_only"_s);
    row.insert(u"max_open"_s, 500);
    policy.insert(u"default"_s, row);
    QCOMPARE(m_server.request("PUT", u"/api/v1/routing-policy"_s, manager, policy).status, 200);
}

bool TestServerRoutingPostgres::addAgents()
{
    // Twenty agents of team-a, added in parallel (each `user add` hashes one password).
    std::vector<std::unique_ptr<QProcess>> procs;
    for (int i = 0; i < kAgents; ++i) {
        auto p = std::make_unique<QProcess>();
        p->setProcessChannelMode(QProcess::MergedChannels);
        p->start(ServerFixture::binary(),
                 {u"user"_s, u"add"_s, u"pull%1"_s.arg(i, 2, 10, QLatin1Char('0')), u"--db"_s,
                  m_server.dbUrl(), u"--role"_s, u"agent"_s, u"--team"_s, u"team-a"_s});
        p->write(ServerFixture::kPassword.toUtf8() + '\n');
        p->closeWriteChannel();
        procs.push_back(std::move(p));
    }
    for (auto &p : procs) {
        if (!p->waitForFinished(60000) || p->exitCode() != 0) {
            qWarning() << "user add failed:" << p->readAll();
            return false;
        }
    }
    return true;
}

bool TestServerRoutingPostgres::createTickets(int count, int offset)
{
    // Posted to both instances at once, priorities and categories mixed so urgency differs.
    const QStringList priorities{u"p1"_s, u"p2"_s, u"p3"_s, u"p4"_s};
    const QStringList categories{u"delay"_s, u"damage"_s, u"loss"_s, u"service"_s, u"other"_s};
    QNetworkAccessManager nams[2];
    int finished = 0;
    int created = 0;
    for (int i = offset; i < offset + count; ++i) {
        const int instance = i % 2;
        QNetworkRequest req(m_server.url(u"/api/v1/tickets"_s, instance));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + m_server.token(u"lead1"_s, instance));
        const QJsonObject body{{u"description"_s, u"投诉 %1"_s.arg(i)},
                               {u"category"_s, categories.at(i % categories.size())},
                               {u"priority"_s, priorities.at(i % priorities.size())},
                               {u"team_id"_s, u"team-a"_s}};
        QNetworkReply *r = nams[instance].post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
        connect(r, &QNetworkReply::finished, this, [r, &finished, &created] {
            ++finished;
            created += r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201 ? 1 : 0;
            r->deleteLater();
        });
    }
    if (!QTest::qWaitFor([&finished, count] { return finished == count; }, 120000))
        return false;
    return created == count;
}

void TestServerRoutingPostgres::press(Agent &a)
{
    QNetworkRequest req(m_server.url(u"/api/v1/agents/me/next"_s, a.instance));
    req.setRawHeader("Authorization", "Bearer " + a.token);
    QNetworkReply *r = a.nam->post(req, QByteArray());
    ++a.presses;
    connect(r, &QNetworkReply::finished, this, [this, r, &a] {
        r->deleteLater();
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 204) {
            a.done = true;
            return;
        }
        if (status != 200) {
            a.failure = u"%1 %2"_s.arg(status).arg(QString::fromUtf8(r->readAll()));
            a.done = true;
            return;
        }
        const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
        a.got.append(o.value(u"ticket"_s).toObject().value(u"id"_s).toString());
        a.events.append(o.value(u"event"_s).toObject().value(u"id"_s).toString());
        press(a);
    });
}

void TestServerRoutingPostgres::twentyAgentsPullAThousandTickets()
{
    QElapsedTimer setup;
    setup.start();
    QVERIFY(createTickets(kTickets));
    const qint64 createdMs = setup.elapsed();
    QCOMPARE(m_server.sqlValue(u"SELECT count(*) FROM docs WHERE type = 'ticket' AND holder = ''"_s).toInt(),
             kTickets);
    for (int i = 0; i < kAgents; ++i) {
        Agent a;
        a.login = u"pull%1"_s.arg(i, 2, 10, QLatin1Char('0'));
        a.instance = i % 2;
        a.token = m_server.token(a.login, a.instance);
        QVERIFY(!a.token.isEmpty());
        const Reply online = m_server.request("PUT", u"/api/v1/agents/me/status"_s, a.token,
                                              {{u"status"_s, u"online"_s}}, {}, a.instance);
        QCOMPARE(online.status, 200);
        a.id = online.json().value(u"user_id"_s).toString();
        m_agents.push_back(std::move(a));
    }
    QElapsedTimer run;
    run.start();
    for (Agent &a : m_agents)
        press(a);
    QVERIFY(QTest::qWaitFor(
        [this] {
            return std::all_of(m_agents.begin(), m_agents.end(), [](const Agent &a) { return a.done; });
        },
        300000));
    const qint64 runMs = run.elapsed();

    // Through the API: every agent stopped at 204, every ticket handed out once.
    QHash<QString, QString> holderOf;
    QHash<QString, QString> eventOf;
    int presses = 0, minGot = kTickets, maxGot = 0, perInstance[2] = {0, 0};
    for (const Agent &a : m_agents) {
        QVERIFY2(a.failure.isEmpty(), qPrintable(a.login + u": "_s + a.failure));
        presses += a.presses;
        minGot = std::min(minGot, int(a.got.size()));
        maxGot = std::max(maxGot, int(a.got.size()));
        perInstance[a.instance] += int(a.got.size());
        for (int i = 0; i < a.got.size(); ++i) {
            QVERIFY2(!holderOf.contains(a.got.at(i)), qPrintable(u"handed out twice: "_s + a.got.at(i)));
            holderOf.insert(a.got.at(i), a.id);
            eventOf.insert(a.got.at(i), a.events.at(i));
        }
    }
    QCOMPARE(holderOf.size(), kTickets);
    QVERIFY(perInstance[0] > 0 && perInstance[1] > 0);

    // By SQL: nobody's ticket is unassigned, each ticket's holder is the agent that got it, and each has
    // exactly one assignment event — the one the answer named, with the decision for that agent.
    QCOMPARE(m_server.sqlValue(u"SELECT count(*) FROM docs WHERE type = 'ticket' AND holder = ''"_s).toInt(),
             0);
    const QList<QVariantList> tickets = m_server.sqlRows(
        u"SELECT id, holder, version FROM docs WHERE type = 'ticket' AND team_id = 'team-a'"_s);
    QCOMPARE(tickets.size(), kTickets);
    for (const QVariantList &t : tickets) {
        QCOMPARE(t.at(1).toString(), holderOf.value(t.at(0).toString()));
        QCOMPARE(t.at(2).toInt(), 2); // created, then one decision
    }
    const QList<QVariantList> events = m_server.sqlRows(
        u"SELECT id, parent, data FROM docs WHERE type = 'ticket_event' AND status = 'assignment'"_s);
    QCOMPARE(events.size(), kTickets);
    QSet<QString> eventTickets;
    for (const QVariantList &e : events) {
        const QString ticket = e.at(1).toString();
        eventTickets.insert(ticket);
        QCOMPARE(e.at(0).toString(), eventOf.value(ticket));
        const QJsonObject data =
            QJsonDocument::fromJson(e.at(2).toString().toUtf8()).object().value(u"data"_s).toObject();
        QCOMPARE(data.value(u"agent_id"_s).toString(), holderOf.value(ticket));
        QCOMPARE(data.value(u"ticket_id"_s).toString(), ticket);
        QCOMPARE(data.value(u"kind"_s).toString(), u"pull"_s);
    }
    QCOMPARE(eventTickets.size(), kTickets);

    // Through the change feed of the other instance: the same 1,000 decisions, as consoles receive them.
    const FeedRead feed = m_server.readFeed(m_server.token(u"lead1"_s, 1), {}, 500, 1);
    int fed = 0;
    for (const QJsonObject &i : feed.items) {
        const QJsonObject d = i.value(u"data"_s).toObject();
        if (i.value(u"type"_s).toString() != u"ticket_event"_s ||
            d.value(u"kind"_s).toString() != u"assignment"_s)
            continue;
        ++fed;
        QCOMPARE(d.value(u"data"_s).toObject().value(u"agent_id"_s).toString(),
                 holderOf.value(d.value(u"ticket_id"_s).toString()));
    }
    QCOMPARE(fed, kTickets);
    // Nothing left: one more press on either instance gets 204.
    QCOMPARE(m_server.request("POST", u"/api/v1/agents/me/next"_s, m_agents.front().token, {}, {}, 0).status,
             204);
    qInfo().noquote()
        << u"routing (PostgreSQL, 2 instances): %1 tickets created in %2 ms; %3 agents, %4 presses "
           "in %5 ms (%6 decisions/s): %7 handed out once each (instance 0: %8, instance 1: %9), "
           "per agent %10–%11, 0 twice, 0 unassigned, %12 assignment events"_s.arg(kTickets)
               .arg(createdMs)
               .arg(kAgents)
               .arg(presses)
               .arg(runMs)
               .arg(runMs > 0 ? kTickets * 1000 / runMs : 0)
               .arg(holderOf.size())
               .arg(perInstance[0])
               .arg(perInstance[1])
               .arg(minGot)
               .arg(maxGot)
               .arg(events.size());
}

void TestServerRoutingPostgres::bothInstancesPushEachTicketOnce()
{
    // Earliest deadline to the least loaded: every instance hears of every new ticket and tries to push it;
    // one claim wins per ticket, and loads read under the writer lock keep the agents level.
    QVERIFY(!m_agents.empty());
    const QByteArray manager = m_server.token(u"manager1"_s);
    QJsonObject policy = m_server.request("GET", u"/api/v1/routing-policy"_s, manager).json();
    QJsonObject row = policy.value(u"default"_s).toObject();
    row.insert(u"strategy"_s, u"earliest_deadline"_s);
    policy.insert(u"default"_s, row);
    QCOMPARE(m_server.request("PUT", u"/api/v1/routing-policy"_s, manager, policy, {}, 1).status, 200);
    constexpr int kPushed = 200;
    QElapsedTimer run;
    run.start();
    QVERIFY(createTickets(kPushed, kTickets));
    const QString unassigned = u"SELECT count(*) FROM docs WHERE type = 'ticket' AND holder = ''"_s;
    QTRY_COMPARE_WITH_TIMEOUT(m_server.sqlValue(unassigned).toInt(), 0, 60000);
    const qint64 runMs = run.elapsed();
    QTest::qWait(1500); // a second claim, had there been one, would have committed by now
    const QList<QVariantList> pushes = m_server.sqlRows(
        u"SELECT e.parent, e.data, t.holder FROM docs e JOIN docs t ON t.type = 'ticket' AND t.id = e.parent "
        "WHERE e.type = 'ticket_event' AND e.status = 'assignment' AND e.data LIKE '%\"kind\":\"push\"%'"_s);
    QCOMPARE(pushes.size(), kPushed);
    QSet<QString> tickets;
    for (const QVariantList &p : pushes) {
        tickets.insert(p.at(0).toString());
        const QJsonObject data =
            QJsonDocument::fromJson(p.at(1).toString().toUtf8()).object().value(u"data"_s).toObject();
        QCOMPARE(data.value(u"agent_id"_s).toString(), p.at(2).toString());
        QCOMPARE(data.value(u"qualified"_s).toInt(), kAgents);
    }
    QCOMPARE(tickets.size(), kPushed);
    QCOMPARE(
        m_server
            .sqlValue(u"SELECT count(*) FROM docs WHERE type = 'ticket_event' AND status = 'assignment'"_s)
            .toInt(),
        kTickets + kPushed);
    const QList<QVariantList> loads = m_server.sqlRows(
        u"SELECT holder, count(*) FROM docs WHERE type = 'ticket' AND holder <> '' GROUP BY holder"_s);
    QCOMPARE(loads.size(), kAgents);
    int least = kTickets, most = 0;
    for (const QVariantList &l : loads) {
        least = std::min(least, l.at(1).toInt());
        most = std::max(most, l.at(1).toInt());
    }
    QVERIFY2(most - least <= 1, qPrintable(u"loads %1–%2"_s.arg(least).arg(most)));
    qInfo().noquote() << u"routing pushes (PostgreSQL, 2 instances): %1 tickets created and pushed in %2 ms, "
                         "one decision each, loads %3–%4 open tickets per agent"_s.arg(kPushed)
                             .arg(runMs)
                             .arg(least)
                             .arg(most);
}

void TestServerRoutingPostgres::statusCrossesInstancesAndOutlivesALostOne()
{
    // No grace: an agent whose consoles are all gone is offline at once — here because the instance holding
    // the console stops, and another instance notices.
    const QByteArray manager = m_server.token(u"manager1"_s);
    QJsonObject policy = m_server.request("GET", u"/api/v1/routing-policy"_s, manager).json();
    QJsonObject row = policy.value(u"default"_s).toObject();
    row.insert(u"strategy"_s, u"pull_only"_s);
    row.insert(u"offline_grace_minutes"_s, 0);
    policy.insert(u"default"_s, row);
    QCOMPARE(m_server.request("PUT", u"/api/v1/routing-policy"_s, manager, policy).status, 200);
    const int doomed = m_server.start();
    QVERIFY(doomed > 1);
    LiveClient lead, agent;
    lead.open(m_server.port(1), m_server.token(u"lead1"_s, 1));
    agent.open(m_server.port(doomed), m_server.token(u"pull00"_s, doomed));
    QTRY_COMPARE(lead.ofKind(u"snapshot"_s).size(), 1);
    QTRY_COMPARE(agent.ofKind(u"snapshot"_s).size(), 1);
    agent.send({{u"kind"_s, u"status"_s}, {u"status"_s, u"busy"_s}});
    const auto statusOf = [&lead](const QString &status) {
        return lead.ofKind(u"agent_status"_s, [&status](const QJsonObject &m) {
            return m.value(u"status"_s).toString() == status;
        });
    };
    QTRY_COMPARE(statusOf(u"busy"_s).size(), 1);
    QCOMPARE(statusOf(u"busy"_s).first().value(u"user_id"_s).toString(), m_agents.front().id);
    const auto row0 = [this] {
        for (const QJsonValue &v :
             m_server.request("GET", u"/api/v1/agents"_s, m_server.token(u"lead1"_s, 1), {}, {}, 1)
                 .json()
                 .value(u"items"_s)
                 .toArray()) {
            if (v.toObject().value(u"login"_s).toString() == u"pull00"_s)
                return v.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(row0().value(u"connected"_s).toBool(), true);
    QCOMPARE(row0().value(u"status"_s).toString(), u"busy"_s);
    QElapsedTimer lost;
    lost.start();
    m_server.stop(doomed);
    QTRY_VERIFY_WITH_TIMEOUT(!statusOf(u"offline"_s).isEmpty(), 40000);
    QCOMPARE(statusOf(u"offline"_s).first().value(u"cause"_s).toString(), u"disconnected"_s);
    QCOMPARE(row0().value(u"connected"_s).toBool(), false);
    qInfo().noquote()
        << u"the instance holding the agent's console stopped; offline on the other after %1 ms"_s.arg(
               lost.elapsed());
}

QTEST_GUILESS_MAIN(TestServerRoutingPostgres)
#include "tst_server_routing_postgres.moc"
