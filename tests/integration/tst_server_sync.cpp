// The sync contract of the real server: paging under concurrent writes, the live feed, SLA authority.
#include "liveclient.h"
#include "serverfixture.h"

#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace pd::test;

class TestServerSync final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pagingUnderConcurrentWrites();
    void liveSnapshotAndTeamFilter();
    void liveResumeAfterDrop();
    void liveKeepaliveAndPresence();
    void slaBreachWrittenOnce();

private:
    QString createTicket(const QString &login, const QString &team, int index = 0);
    ServerFixture m_server;
};

void TestServerSync::initTestCase()
{
    QVERIFY(m_server.prepare());
    QCOMPARE(m_server.start({QStringLiteral("--keepalive-ms"), QStringLiteral("300")}), 0);
}

QString TestServerSync::createTicket(const QString &login, const QString &team, int index)
{
    const Reply r = m_server.request("POST", QStringLiteral("/api/v1/tickets"), m_server.token(login, index),
                                     {{QStringLiteral("description"), QStringLiteral("配送延迟")},
                                      {QStringLiteral("category"), QStringLiteral("delay")},
                                      {QStringLiteral("team_id"), team}},
                                     {}, index);
    return r.status == 201 ? r.json().value(QStringLiteral("id")).toString() : QString();
}

void TestServerSync::pagingUnderConcurrentWrites()
{
    QStringList ids;
    for (int i = 0; i < 120; ++i)
        ids.append(createTicket(QStringLiteral("lead1"),
                                i % 2 ? QStringLiteral("team-a") : QStringLiteral("team-b")));
    QVERIFY(!ids.contains(QString()));
    const QByteArray reader = m_server.token(QStringLiteral("manager1"));
    const QByteArray writer = m_server.token(QStringLiteral("lead1"));

    QHash<QString, qint64> seen; // ticket id → highest version received
    QSet<QPair<QString, qint64>> seenVersions;
    QString cursor;
    qint64 lastCursor = -1;
    int pages = 0;
    int writes = 0;
    for (;;) {
        const Reply r =
            m_server.request("GET", QStringLiteral("/api/v1/changes?limit=25&cursor=") + cursor, reader);
        QCOMPARE(r.status, 200);
        const QJsonObject page = r.json();
        for (const auto &v : page.value(QStringLiteral("items")).toArray()) {
            const QJsonObject item = v.toObject();
            if (item.value(QStringLiteral("type")).toString() != QLatin1StringView("ticket"))
                continue;
            const QString id = item.value(QStringLiteral("id")).toString();
            const qint64 version = item.value(QStringLiteral("version")).toInteger();
            QVERIFY2(!seenVersions.contains({id, version}), "the same version of an item came twice");
            seenVersions.insert({id, version});
            seen[id] = std::max(seen.value(id), version);
        }
        cursor = page.value(QStringLiteral("next_cursor")).toString();
        // "c3.<seq>.<scope>": a manager reads every team.
        QVERIFY2(cursor.startsWith(QStringLiteral("c3.")) && cursor.endsWith(QStringLiteral(".all")),
                 qPrintable(cursor));
        const qint64 c = cursor.section(QLatin1Char('.'), 1, 1).toLongLong();
        QVERIFY(c >= lastCursor);
        lastCursor = c;
        ++pages;
        // Between pages another client writes: patches tickets already paged past and ones ahead, and creates
        // new ones.
        if (pages < 12) {
            for (int k = 0; k < 3; ++k) {
                const QString id = ids.at((pages * 7 + k * 41) % ids.size());
                const qint64 v = m_server.request("GET", QStringLiteral("/api/v1/tickets/") + id, writer)
                                     .json()
                                     .value(QStringLiteral("version"))
                                     .toInteger();
                const Reply p = m_server.request(
                    "PATCH", QStringLiteral("/api/v1/tickets/") + id, writer,
                    {{QStringLiteral("priority"), k % 2 ? QStringLiteral("p2") : QStringLiteral("p3")}},
                    {{"If-Match", QByteArray::number(v)}});
                QCOMPARE(p.status, 200);
                ++writes;
            }
            ids.append(createTicket(QStringLiteral("lead1"), QStringLiteral("team-a")));
            ++writes;
        }
        if (!page.value(QStringLiteral("has_more")).toBool() && pages >= 12)
            break;
        QVERIFY(pages < 200);
    }
    QVERIFY(writes > 40);
    // No gap: every ticket that exists is in the feed at its current version.
    for (const QString &id : std::as_const(ids)) {
        const qint64 current = m_server.request("GET", QStringLiteral("/api/v1/tickets/") + id, writer)
                                   .json()
                                   .value(QStringLiteral("version"))
                                   .toInteger();
        QVERIFY2(seen.contains(id), qPrintable(id));
        QCOMPARE(seen.value(id), current);
    }
    // And an empty page from the final cursor.
    const QJsonObject last =
        m_server.request("GET", QStringLiteral("/api/v1/changes?cursor=") + cursor, reader).json();
    QCOMPARE(last.value(QStringLiteral("items")).toArray().size(), 0);
    QCOMPARE(last.value(QStringLiteral("next_cursor")).toString(), cursor);
    QCOMPARE(last.value(QStringLiteral("has_more")).toBool(), false);
}

// Tickets' changes among a client's messages, in the order received.
static QStringList ticketChanges(const LiveClient &c)
{
    QStringList ids;
    for (const QJsonObject &m : c.ofKind(QStringLiteral("changed"))) {
        if (m.value(QStringLiteral("type")).toString() == QLatin1StringView("ticket"))
            ids.append(m.value(QStringLiteral("id")).toString());
    }
    return ids;
}

// Every message's seq, kind and type, for a failure's message.
static QByteArray describe(const LiveClient &c)
{
    QStringList out;
    for (const QJsonObject &m : c.messages)
        out.append(
            QStringLiteral("%1:%2/%3")
                .arg(m.value(QStringLiteral("seq")).toInteger())
                .arg(m.value(QStringLiteral("kind")).toString(), m.value(QStringLiteral("type")).toString()));
    return out.join(u' ').toUtf8();
}

void TestServerSync::liveSnapshotAndTeamFilter()
{
    LiveClient lead;
    LiveClient agentB;
    lead.open(m_server.port(), m_server.token(QStringLiteral("lead1")));
    agentB.open(m_server.port(), m_server.token(QStringLiteral("agent3")));
    QTRY_COMPARE(lead.ofKind(QStringLiteral("snapshot")).size(), 1);
    QTRY_COMPARE(agentB.ofKind(QStringLiteral("snapshot")).size(), 1);
    const QJsonObject hello = lead.ofKind(QStringLiteral("hello")).first();
    QCOMPARE(hello.value(QStringLiteral("resumed")).toBool(), false);
    const QJsonObject snap = lead.ofKind(QStringLiteral("snapshot")).first();
    QVERIFY(snap.value(QStringLiteral("change_cursor")).toString().startsWith(QStringLiteral("c3.")));
    // A supervisor reads every team and gets the customer data of their own team in full (issue 17).
    QVERIFY(snap.value(QStringLiteral("change_cursor")).toString().endsWith(QStringLiteral(".s-team-a")));
    QVERIFY(agentB.ofKind(QStringLiteral("snapshot"))
                .first()
                .value(QStringLiteral("change_cursor"))
                .toString()
                .endsWith(QStringLiteral(".t-team-b")));
    QVERIFY(snap.contains(QStringLiteral("positions")));
    const qint64 base = snap.value(QStringLiteral("seq")).toInteger();

    const QString a = createTicket(QStringLiteral("agent1"), QStringLiteral("team-a"));
    const QString b = createTicket(QStringLiteral("agent3"), QStringLiteral("team-b"));
    const auto isTicket = [](const QString &id) {
        return [id](const QJsonObject &m) { return m.value(QStringLiteral("id")).toString() == id; };
    };
    QTRY_COMPARE(lead.ofKind(QStringLiteral("changed"), isTicket(b)).size(), 1);
    QTRY_COMPARE(agentB.ofKind(QStringLiteral("changed"), isTicket(b)).size(), 1);
    const QJsonObject evA = lead.ofKind(QStringLiteral("changed"), isTicket(a)).value(0);
    QCOMPARE(evA.value(QStringLiteral("type")).toString(), QStringLiteral("ticket"));
    // Seqs run on from the snapshot's (other changes, such as a trend alert, may come between).
    const qint64 seqA = evA.value(QStringLiteral("seq")).toInteger();
    QVERIFY(seqA > base);
    QVERIFY(
        lead.ofKind(QStringLiteral("changed"), isTicket(b)).first().value(QStringLiteral("seq")).toInteger() >
        seqA);
    qint64 expected = base + 1;
    for (const QJsonObject &m : lead.messages) {
        if (m.contains(QStringLiteral("seq")) && m.value(QStringLiteral("kind")).toString() != u"snapshot")
            QVERIFY2(m.value(QStringLiteral("seq")).toInteger() == expected++, describe(lead).constData());
    }
    // The team-b agent never sees team A's ticket; its seq simply skips.
    QCOMPARE(agentB.ofKind(QStringLiteral("changed"), isTicket(a)).size(), 0);
}

void TestServerSync::liveResumeAfterDrop()
{
    LiveClient c;
    const QByteArray token = m_server.token(QStringLiteral("lead1"));
    c.open(m_server.port(), token);
    QTRY_COMPARE(c.ofKind(QStringLiteral("snapshot")).size(), 1);
    const QString instance =
        c.ofKind(QStringLiteral("hello")).first().value(QStringLiteral("instance")).toString();
    const QString first = createTicket(QStringLiteral("agent1"), QStringLiteral("team-a"));
    QTRY_VERIFY(ticketChanges(c).contains(first));
    // The server's own work (a trend alert after the tickets above, for one) may add changes of other types
    // at any moment: the client resumes after the last seq it received, whatever that was.
    qint64 lastSeq = 0;
    for (const QJsonObject &m : c.ofKind(QStringLiteral("changed")))
        lastSeq = std::max(lastSeq, m.value(QStringLiteral("seq")).toInteger());
    c.abort(); // the connection drops without a goodbye

    const QString missed1 = createTicket(QStringLiteral("agent1"), QStringLiteral("team-a"));
    const QString missed2 = createTicket(QStringLiteral("agent3"), QStringLiteral("team-b"));
    c.open(m_server.port(), token, QStringLiteral("&since=%1&instance=%2").arg(lastSeq).arg(instance));
    QTRY_VERIFY2(ticketChanges(c).contains(missed2), describe(c).constData());
    QCOMPARE(c.ofKind(QStringLiteral("hello")).first().value(QStringLiteral("resumed")).toBool(), true);
    QCOMPARE(c.ofKind(QStringLiteral("snapshot")).size(), 0);
    // The missed tickets once each, in order, and nothing the client had already received.
    QCOMPARE(ticketChanges(c), (QStringList{missed1, missed2}));
    // No change lost: a supervisor of every team receives each event, so the seqs run on from lastSeq.
    qint64 expected = lastSeq + 1;
    for (const QJsonObject &m : c.messages) {
        if (m.contains(QStringLiteral("seq")))
            QVERIFY2(m.value(QStringLiteral("seq")).toInteger() == expected++, describe(c).constData());
    }
    QVERIFY(expected >= lastSeq + 3);

    // A seq from another instance (or too old) cannot be resumed: a snapshot asks for a resync.
    LiveClient other;
    other.open(m_server.port(), token, QStringLiteral("&since=%1&instance=someone-else").arg(lastSeq));
    QTRY_COMPARE(other.ofKind(QStringLiteral("snapshot")).size(), 1);
    QCOMPARE(other.ofKind(QStringLiteral("snapshot")).first().value(QStringLiteral("resync")).toBool(), true);

    // A bad token gets an error message and a close.
    LiveClient intruder;
    QSignalSpy closed(&intruder.socket(), &QWebSocket::disconnected);
    intruder.open(m_server.port(), "nope");
    QVERIFY(closed.wait(5000));
    QCOMPARE(intruder.ofKind(QStringLiteral("error")).size(), 1);
}

void TestServerSync::liveKeepaliveAndPresence()
{
    LiveClient lead;
    LiveClient agent;
    lead.open(m_server.port(), m_server.token(QStringLiteral("lead1")));
    agent.open(m_server.port(), m_server.token(QStringLiteral("agent1")));
    QTRY_COMPARE(agent.ofKind(QStringLiteral("snapshot")).size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(lead.ofKind(QStringLiteral("keepalive")).size() >= 2, 3000);
    QVERIFY(lead.ofKind(QStringLiteral("keepalive")).first().contains(QStringLiteral("server_time_ms")));
    const QString ticket = createTicket(QStringLiteral("agent1"), QStringLiteral("team-a"));
    agent.send({{QStringLiteral("kind"), QStringLiteral("presence")},
                {QStringLiteral("ticket_id"), ticket},
                {QStringLiteral("mode"), QStringLiteral("edit")}});
    const auto presenceOf = [&](const QString &mode) {
        return [ticket, mode](const QJsonObject &m) {
            return m.value(QStringLiteral("ticket_id")).toString() == ticket &&
                   m.value(QStringLiteral("mode")).toString() == mode;
        };
    };
    QTRY_COMPARE(lead.ofKind(QStringLiteral("presence"), presenceOf(QStringLiteral("edit"))).size(), 1);
    QCOMPARE(
        lead.ofKind(QStringLiteral("presence"), presenceOf(QStringLiteral("edit")))
            .first()
            .value(QStringLiteral("user_id"))
            .toString(),
        m_server.request("GET", QStringLiteral("/api/v1/auth/me"), m_server.token(QStringLiteral("agent1")))
            .json()
            .value(QStringLiteral("id"))
            .toString());
    // Leaving (here: dropping the connection) is announced too.
    agent.abort();
    QTRY_COMPARE(lead.ofKind(QStringLiteral("presence"), presenceOf(QStringLiteral("leave"))).size(), 1);
}

void TestServerSync::slaBreachWrittenOnce()
{
    // A second server on the same database with server time at 3600× real time: 30 minutes pass in 0.5 s.
    const int fast = m_server.start({QStringLiteral("--speed"), QStringLiteral("3600")});
    QVERIFY(fast > 0);
    LiveClient lead;
    lead.open(m_server.port(fast), m_server.token(QStringLiteral("lead1"), fast));
    QTRY_COMPARE(lead.ofKind(QStringLiteral("snapshot")).size(), 1);
    const QString id = createTicket(QStringLiteral("agent1"), QStringLiteral("team-a"), fast);
    QVERIFY(!id.isEmpty());
    const auto breachOf = [id](const QJsonObject &m) {
        return m.value(QStringLiteral("ticket_id")).toString() == id;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!lead.ofKind(QStringLiteral("sla_breach"), breachOf).isEmpty(), 10000);
    QCOMPARE(
        lead.ofKind(QStringLiteral("sla_breach"), breachOf).first().value(QStringLiteral("clock")).toString(),
        QStringLiteral("first_response"));
    // Let server time run two more hours (two more monitor passes): still exactly one such breach event.
    const auto serverTime = [&] {
        return m_server.request("GET", QStringLiteral("/api/v1/health"), {}, {}, {}, fast)
            .header("X-Server-Time-Ms")
            .toLongLong();
    };
    const qint64 after = serverTime() + 2 * 3600 * 1000;
    QTRY_VERIFY_WITH_TIMEOUT(serverTime() > after, 10000);
    const QJsonArray events = m_server
                                  .request("GET", QStringLiteral("/api/v1/tickets/%1/events").arg(id),
                                           m_server.token(QStringLiteral("lead1"), fast), {}, {}, fast)
                                  .json()
                                  .value(QStringLiteral("items"))
                                  .toArray();
    int firstResponse = 0;
    for (const auto &v : events) {
        const QJsonObject e = v.toObject();
        if (e.value(QStringLiteral("kind")).toString() == QLatin1StringView("sla_breach") &&
            e.value(QStringLiteral("data")).toObject().value(QStringLiteral("clock")).toString() ==
                QLatin1StringView("first_response"))
            ++firstResponse;
    }
    QCOMPARE(firstResponse, 1);
    m_server.stop(fast);
}

QTEST_MAIN(TestServerSync)
#include "tst_server_sync.moc"
