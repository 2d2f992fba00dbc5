// Issue 16, part B, hostile input: event data reduced to the fields of its kind, free text without control,
// direction-override or broken characters, one compensation rule, a login throttle that neither lets rotating
// addresses through nor locks owners out, idempotency records pruned, refresh tokens spent once. Each test
// says what the server did before this change (each fails against that server).
#include "serverfixture.h"

#include "server/auth/passwords.h"
#include "server/live/livemessage.h"

#include <QPasswordDigestor>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd::test;
using pd::server::LiveClientMessage;

class TestServerInput final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void eventDataKeepsOnlyDefinedFields();
    void eventDataChecked_data();
    void eventDataChecked();
    void unsafeTextRefused_data();
    void unsafeTextRefused();
    void compensationCappedAtOneMillion();
    void liveMessageParserRefusesOversizeText();
    void throttleCountsPrefixesAndSparesKnownAddresses();
    void idempotencyRecordsPruned();
    void refreshTokenSpentOnce();
    void passwordHashesAreStandardPbkdf2();

private:
    QString createTicket();
    Reply postEvent(const QString &ticketId, const QJsonObject &event);
    ServerFixture m_server;
    QString m_ticket;
};

void TestServerInput::initTestCase()
{
    QVERIFY(m_server.prepare());
    QCOMPARE(m_server.start({u"--trusted-proxy"_s, u"127.0.0.1"_s}), 0);
    m_ticket = createTicket();
    QVERIFY(!m_ticket.isEmpty());
}

QString TestServerInput::createTicket()
{
    const Reply r = m_server.request(
        "POST", u"/api/v1/tickets"_s, m_server.token(u"lead1"_s),
        {{u"description"_s, u"输入测试"_s}, {u"category"_s, u"damage"_s}, {u"team_id"_s, u"team-a"_s}});
    return r.json().value(u"id"_s).toString();
}

Reply TestServerInput::postEvent(const QString &ticketId, const QJsonObject &event)
{
    QJsonObject e = event;
    const QString id = uuid();
    e.insert(u"id"_s, id);
    return m_server.request("POST", u"/api/v1/tickets/%1/events"_s.arg(ticketId), m_server.token(u"lead1"_s),
                            e, {{"Idempotency-Key", id.toLatin1()}});
}

// Item 4. Before: data was stored as sent (up to the 1 MiB body), with the event and again in the
// idempotency record, and pulled by every console of the team.
void TestServerInput::eventDataKeepsOnlyDefinedFields()
{
    const QString padding(50000, u'x');
    Reply r = postEvent(
        m_ticket,
        {{u"kind"_s, u"note"_s}, {u"text"_s, u"备注"_s}, {u"data"_s, QJsonObject{{u"blob"_s, padding}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"event"_s).toObject().value(u"data"_s).toObject(), QJsonObject());
    QVERIFY(r.body.size() < 5000);
    r = postEvent(m_ticket, {{u"kind"_s, u"call"_s},
                             {u"data"_s, QJsonObject{{u"direction"_s, u"outbound"_s},
                                                     {u"duration_s"_s, 95},
                                                     {u"outcome"_s, u"reached"_s},
                                                     {u"recording"_s, padding}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(
        r.json().value(u"event"_s).toObject().value(u"data"_s).toObject(),
        (QJsonObject{{u"direction"_s, u"outbound"_s}, {u"duration_s"_s, 95}, {u"outcome"_s, u"reached"_s}}));
    r = postEvent(m_ticket, {{u"kind"_s, u"escalation"_s},
                             {u"data"_s, QJsonObject{{u"priority"_s, u"p1"_s},
                                                     {u"reason"_s, u"agent_request"_s},
                                                     {u"extra"_s, QJsonArray{1, 2, 3}}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"event"_s).toObject().value(u"data"_s).toObject(),
             (QJsonObject{{u"priority"_s, u"p1"_s}, {u"reason"_s, u"agent_request"_s}}));
    r = postEvent(m_ticket,
                  {{u"kind"_s, u"csat_recorded"_s},
                   {u"data"_s, QJsonObject{{u"csat"_s, 5}, {u"nps"_s, 9}, {u"comment"_s, padding}}}});
    QCOMPARE(r.status, 201);
    QCOMPARE(r.json().value(u"event"_s).toObject().value(u"data"_s).toObject(),
             (QJsonObject{{u"csat"_s, 5}, {u"nps"_s, 9}}));
    // What the change feed serves is what was kept.
    const FeedRead feed = m_server.readFeed(m_server.token(u"lead1"_s));
    QVERIFY(!feed.items.isEmpty());
    for (const QJsonObject &item : feed.items)
        QVERIFY(!QJsonDocument(item).toJson().contains(padding.left(1000).toLatin1()));
}

void TestServerInput::eventDataChecked_data()
{
    QTest::addColumn<QJsonObject>("event");
    QTest::addColumn<QString>("field");
    const auto ev = [](const char *kind, const QJsonObject &data) {
        return QJsonObject{{u"kind"_s, QString::fromLatin1(kind)}, {u"data"_s, data}};
    };
    QTest::addRow("call duration text")
        << ev("call", {{u"direction"_s, u"inbound"_s}, {u"duration_s"_s, u"95"_s}}) << u"duration_s"_s;
    QTest::addRow("call duration range")
        << ev("call", {{u"direction"_s, u"inbound"_s}, {u"duration_s"_s, 90000}}) << u"duration_s"_s;
    QTest::addRow("escalation reason bidi")
        << ev("escalation", {{u"priority"_s, u"p1"_s}, {u"reason"_s, u"abc\u202Edef"_s}}) << u"reason"_s;
    QTest::addRow("escalation reason long")
        << ev("escalation", {{u"reason"_s, QString(501, u'r')}}) << u"reason"_s;
    QTest::addRow("assignment id") << ev("assignment", {{u"assignee_id"_s, u"u-agent1 OR 1=1"_s}})
                                   << u"assignee_id"_s;
    QTest::addRow("csat range") << ev("csat_recorded", {{u"csat"_s, 6}}) << u"csat"_s;
    QTest::addRow("csat type") << ev("csat_recorded", {{u"nps"_s, true}}) << u"nps"_s;
}

// Item 4. Before: escalation reasons and assignment ids were stored unchecked.
void TestServerInput::eventDataChecked()
{
    QFETCH(QJsonObject, event);
    QFETCH(QString, field);
    const Reply r = postEvent(m_ticket, event);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), field);
}

void TestServerInput::unsafeTextRefused_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field");
    QTest::addRow("NUL in description")
        << QByteArray(R"({"description":"a\u0000b","category":"delay","team_id":"team-a"})")
        << u"description"_s;
    QTest::addRow("escape in description")
        << QByteArray(R"({"description":"a\u001b[31mb","category":"delay","team_id":"team-a"})")
        << u"description"_s;
    QTest::addRow("RLO in description")
        << QByteArray(R"({"description":"invoice \u202Efdp.exe","category":"delay","team_id":"team-a"})")
        << u"description"_s;
    QTest::addRow("isolate in name")
        << QByteArray(
               R"({"description":"ok","customer_name":"\u2067x","category":"delay","team_id":"team-a"})")
        << u"customer_name"_s;
    QTest::addRow("lone surrogate")
        << QByteArray(R"({"description":"broken \ud800 text","category":"delay","team_id":"team-a"})")
        << u"description"_s;
}

// Item 6 (text). Before: NUL, bidi overrides and lone surrogates were stored (a lone surrogate broke JSON
// consumers of /changes).
void TestServerInput::unsafeTextRefused()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    const Reply r = m_server.requestRaw("POST", u"/api/v1/tickets"_s, m_server.token(u"lead1"_s), json);
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), field);
    // Tabs and line breaks stay allowed.
    QCOMPARE(m_server
                 .request("POST", u"/api/v1/tickets"_s, m_server.token(u"lead1"_s),
                          {{u"description"_s, u"第一行\n第二行\t缩进"_s},
                           {u"category"_s, u"delay"_s},
                           {u"team_id"_s, u"team-a"_s}})
                 .status,
             201);
    // Event text and team names follow the same rule.
    const Reply note = m_server.requestRaw(
        "POST", u"/api/v1/tickets/%1/events"_s.arg(m_ticket), m_server.token(u"lead1"_s),
        QByteArray(R"({"id":")") + uuid().toLatin1() + R"(","kind":"note","text":"x\u202Dy"})");
    QCOMPARE(note.status, 422);
    QCOMPARE(m_server
                 .requestRaw("POST", u"/api/v1/teams"_s, m_server.token(u"admin"_s),
                             QByteArray(R"({"id":"team-z","name":"Z\u0007"})"))
                 .status,
             422);
}

// Item 6 (compensation). Before: up to ¥10,000,000,000 was accepted while the console capped at ¥1,000,000.
void TestServerInput::compensationCappedAtOneMillion()
{
    const QString id = createTicket();
    const QByteArray lead = m_server.token(u"lead1"_s);
    Reply r = postEvent(id, {{u"kind"_s, u"status_change"_s},
                             {u"data"_s, QJsonObject{{u"to"_s, u"resolved"_s},
                                                     {u"resolution"_s, u"compensation"_s},
                                                     {u"compensation_amount"_s, 1000000.01}}}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(u"error"_s).toObject().value(u"field"_s).toString(), u"compensation_amount"_s);
    const qint64 version =
        m_server.request("GET", u"/api/v1/tickets/"_s + id, lead).json().value(u"version"_s).toInteger();
    r = m_server.request("PATCH", u"/api/v1/tickets/"_s + id, lead, {{u"compensation_amount"_s, 1e10}},
                         {{"If-Match", QByteArray::number(version)}});
    QCOMPARE(r.status, 422);
    // The largest amount is above a supervisor's approval limit (¥2,000, docs/compensation.md): the
    // supervisor asks, a manager approves, and the ticket is resolved with exactly ¥1,000,000.
    r = m_server.request("POST", u"/api/v1/tickets/%1/compensations"_s.arg(id), lead,
                         {{u"amount"_s, 1000000.01}, {u"reason"_s, u"保价"_s}});
    QCOMPARE(r.status, 422);
    r = m_server.request("POST", u"/api/v1/tickets/%1/compensations"_s.arg(id), lead,
                         {{u"amount"_s, 1000000}, {u"reason"_s, u"保价"_s}});
    QCOMPARE(r.status, 202);
    const QString request = r.json().value(u"compensation"_s).toObject().value(u"id"_s).toString();
    r = m_server.request("POST", u"/api/v1/compensations/%1/approve"_s.arg(request),
                         m_server.token(u"manager1"_s), QJsonObject{});
    QCOMPARE(r.status, 200);
    r = m_server.request("GET", u"/api/v1/tickets/"_s + id, lead);
    QCOMPARE(r.json().value(u"status"_s).toString(), u"resolved"_s);
    QCOMPARE(r.json().value(u"compensation_amount"_s).toDouble(), 1000000.0);
}

// Item 3 (incoming messages). Before: any text up to the frame size was parsed as JSON.
void TestServerInput::liveMessageParserRefusesOversizeText()
{
    const QString ok = uR"({"kind":"presence","ticket_id":"t-1","mode":"view"})"_s;
    QCOMPARE(int(LiveClientMessage::parse(ok).kind), int(LiveClientMessage::Kind::Presence));
    QString big = ok;
    big.insert(1, uR"("pad":")"_s + QString(5000, u'x') + u"\","_s);
    QCOMPARE(int(LiveClientMessage::parse(big).kind), int(LiveClientMessage::Kind::Invalid));
    // 1,500 CJK characters are 4,500 UTF-8 bytes: over the limit although under 4,096 UTF-16 units.
    QString cjk = ok;
    cjk.insert(1, uR"("pad":")"_s + QString(1500, u'字') + u"\","_s);
    QCOMPARE(int(LiveClientMessage::parse(cjk).kind), int(LiveClientMessage::Kind::Invalid));
    QCOMPARE(int(LiveClientMessage::parse(uR"({"kind":"presence","ticket_id":"a b","mode":"view"})"_s).kind),
             int(LiveClientMessage::Kind::Invalid));
    QCOMPARE(int(LiveClientMessage::parse(uR"({"kind":"ping"})"_s).kind), int(LiveClientMessage::Kind::Ping));
}

// Item 6 (throttle). Before: failures counted per exact address (a /64 rotating through addresses was never
// throttled) and five failures from anywhere locked the login for its owner too.
void TestServerInput::throttleCountsPrefixesAndSparesKnownAddresses()
{
    const auto attempt = [&](const QString &login, const QString &password, const QByteArray &from) {
        return m_server
            .request("POST", u"/api/v1/auth/login"_s, {}, {{u"login"_s, login}, {u"password"_s, password}},
                     {{"X-Forwarded-For", from}})
            .status;
    };
    // Twenty failures from twenty addresses of one /64, each for another (unknown) login: the prefix is
    // locked.
    for (int i = 1; i <= 20; ++i)
        QCOMPARE(attempt(u"nobody%1"_s.arg(i), u"wrong"_s, "2001:db8:1:2::" + QByteArray::number(i, 16)),
                 401);
    QCOMPARE(attempt(u"agent2"_s, ServerFixture::kPassword, "2001:db8:1:2:ffff::1"), 429);
    // Another /64 is not affected.
    QCOMPARE(attempt(u"agent2"_s, ServerFixture::kPassword, "2001:db8:1:3::1"), 200);

    // The owner signs in from their usual address; someone elsewhere fails five times for that login.
    QCOMPARE(attempt(u"agent1"_s, ServerFixture::kPassword, "10.1.2.3"), 200);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(attempt(u"agent1"_s, u"guess%1"_s.arg(i), "198.51.100." + QByteArray::number(i + 1)), 401);
    QCOMPARE(attempt(u"agent1"_s, ServerFixture::kPassword, "198.51.100.77"),
             429);                                                             // unknown address: locked
    QCOMPARE(attempt(u"agent1"_s, ServerFixture::kPassword, "10.1.2.3"), 200); // the owner still gets in
}

// Item 6 (idempotency retention). Before: records with customer data were kept for ever (and the option did
// not exist, so the server did not start).
void TestServerInput::idempotencyRecordsPruned()
{
    ServerFixture server;
    QVERIFY(server.prepare());
    QCOMPARE(server.start({u"--idempotency-retention"_s, u"1"_s}), 0);
    const Reply r = server.request("POST", u"/api/v1/tickets"_s, server.token(u"lead1"_s),
                                   {{u"id"_s, uuid()},
                                    {u"description"_s, u"留存"_s},
                                    {u"category"_s, u"delay"_s},
                                    {u"team_id"_s, u"team-a"_s}});
    QCOMPARE(r.status, 201);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"idem"_s);
    db.setDatabaseName(server.dbPath());
    QVERIFY(db.open());
    const auto count = [&] {
        QSqlQuery q(db);
        return q.exec(u"SELECT count(*) FROM idempotency"_s) && q.next() ? q.value(0).toInt() : -1;
    };
    QCOMPARE(count(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(count(), 0, 5000);
    db.close();
}

// Item 6 (refresh). A spent refresh token answers 401 and ends the family; the rotation is one conditional
// update under the writer lock (the race between two instances: tst_server_postgres).
void TestServerInput::refreshTokenSpentOnce()
{
    const QJsonObject login =
        m_server
            .request("POST", u"/api/v1/auth/login"_s, {},
                     {{u"login"_s, u"agent3"_s}, {u"password"_s, ServerFixture::kPassword}},
                     {{"X-Forwarded-For", "192.0.2.10"}})
            .json();
    const QString refresh = login.value(u"refresh_token"_s).toString();
    QVERIFY(!refresh.isEmpty());
    const Reply first =
        m_server.request("POST", u"/api/v1/auth/refresh"_s, {}, {{u"refresh_token"_s, refresh}});
    QCOMPARE(first.status, 200);
    const Reply again =
        m_server.request("POST", u"/api/v1/auth/refresh"_s, {}, {{u"refresh_token"_s, refresh}});
    QCOMPARE(again.status, 401);
    const Reply newer = m_server.request("POST", u"/api/v1/auth/refresh"_s, {},
                                         {{u"refresh_token"_s, first.json().value(u"refresh_token"_s)}});
    QCOMPARE(newer.status, 401); // the family ended
}

// Hashing moved from QPasswordDigestor to OpenSSL's PBKDF2 (about six times faster, so that sign-ins at a
// shift start fit on the hashing threads). Hashes stored before must still verify: both are
// PBKDF2-HMAC-SHA256.
void TestServerInput::passwordHashesAreStandardPbkdf2()
{
    using pd::server::Passwords;
    // RFC 7914, section 11: PBKDF2-HMAC-SHA256 (P = "passwd", S = "salt", c = 1), the first 32 bytes.
    QVERIFY(Passwords::verify(u"passwd"_s, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc",
                              QByteArray("salt").toHex(), 1));
    QVERIFY(!Passwords::verify(u"passwe"_s,
                               "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc",
                               QByteArray("salt").toHex(), 1));
    // A hash as the server stored it before (QPasswordDigestor, a Chinese password, the real iteration
    // count).
    const QByteArray salt = QByteArray::fromHex("00112233445566778899aabbccddeeff");
    const QByteArray before =
        QPasswordDigestor::deriveKeyPbkdf2(QCryptographicHash::Sha256, u"客服密码-2026"_s.toUtf8(), salt,
                                           Passwords::kIterations, 32)
            .toHex();
    QVERIFY(Passwords::verify(u"客服密码-2026"_s, before, salt.toHex(), Passwords::kIterations));
    const Passwords::Hash fresh = Passwords::hash(u"客服密码-2026"_s);
    QVERIFY(Passwords::verify(u"客服密码-2026"_s, fresh.hashHex, fresh.saltHex, fresh.iterations));
    QVERIFY(!Passwords::verify(u"客服密码-2027"_s, fresh.hashHex, fresh.saltHex, fresh.iterations));
}

QTEST_GUILESS_MAIN(TestServerInput)
#include "tst_server_input.moc"
