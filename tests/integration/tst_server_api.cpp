// The REST API of the real parceldesk-server: every route, statuses, bodies, headers, rules.
#include "serverfixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd::test;

class TestServerApi final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void healthAndHeaders();
    void loginRefreshLogout();
    void loginThrottled();
    void throttleCountsTheClientBehindATrustedProxy();
    void malformedAndOversized();
    void createTicketValidates();
    void patchWithIfMatch();
    void eventsIdempotent();
    void eventsChecked_data();
    void eventsChecked();
    void stateMachine_data();
    void stateMachine();
    void teamVisibility();
    void auditLog();

private:
    /// The events route of one ticket these tests share (created by the first that needs it).
    QString eventsPath();
    ServerFixture m_server;
    QString m_eventsTicket;
};

void TestServerApi::initTestCase()
{
    QVERIFY(m_server.prepare());
    QCOMPARE(m_server.start(), 0);
}

void TestServerApi::healthAndHeaders()
{
    const Reply r = m_server.request("GET", QStringLiteral("/api/v1/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QVERIFY(!r.json().value(QStringLiteral("version")).toString().isEmpty());
    QCOMPARE(r.json().value(QStringLiteral("storage")).toString(), QStringLiteral("sqlite"));
    const qint64 serverMs = r.header("X-Server-Time-Ms").toLongLong();
    QVERIFY(qAbs(serverMs - QDateTime::currentMSecsSinceEpoch()) < 5000);
    QVERIFY(r.header("Date").endsWith(" GMT"));
    // Errors carry the same headers and the error shape.
    const Reply missing = m_server.request("GET", QStringLiteral("/api/v1/nothing-here"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.errorCode(), QStringLiteral("not_found"));
    QVERIFY(missing.json().value(QStringLiteral("error")).toObject().contains(QStringLiteral("field")));
    QVERIFY(!missing.header("X-Server-Time-Ms").isEmpty());
    QCOMPARE(m_server.request("DELETE", QStringLiteral("/api/v1/health")).status, 405);
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/live"), m_server.token(QStringLiteral("agent1")))
                 .status,
             426);
}

void TestServerApi::loginRefreshLogout()
{
    const Reply bad = m_server.request("POST", QStringLiteral("/api/v1/auth/login"), {},
                                       {{QStringLiteral("login"), QStringLiteral("agent2")},
                                        {QStringLiteral("password"), QStringLiteral("wrong-password")}});
    QCOMPARE(bad.status, 401);
    QVERIFY(!bad.body.contains("wrong-password"));
    const Reply ok = m_server.request("POST", QStringLiteral("/api/v1/auth/login"), {},
                                      {{QStringLiteral("login"), QStringLiteral("agent2")},
                                       {QStringLiteral("password"), ServerFixture::kPassword}});
    QCOMPARE(ok.status, 200);
    const QJsonObject o = ok.json();
    const QByteArray access = o.value(QStringLiteral("access_token")).toString().toLatin1();
    const QByteArray refresh = o.value(QStringLiteral("refresh_token")).toString().toLatin1();
    QVERIFY(access.size() >= 22); // ≥ 128 bits in base64url
    QCOMPARE(o.value(QStringLiteral("expires_in")).toInt(), 900);
    const QJsonObject user = o.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("login")).toString(), QStringLiteral("agent2"));
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("agent"));
    QCOMPARE(user.value(QStringLiteral("team_id")).toString(), QStringLiteral("team-a"));

    const Reply me = m_server.request("GET", QStringLiteral("/api/v1/auth/me"), access);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json().value(QStringLiteral("login")).toString(), QStringLiteral("agent2"));

    const Reply refreshed =
        m_server.request("POST", QStringLiteral("/api/v1/auth/refresh"), {},
                         {{QStringLiteral("refresh_token"), QString::fromLatin1(refresh)}});
    QCOMPARE(refreshed.status, 200);
    const QByteArray access2 = refreshed.json().value(QStringLiteral("access_token")).toString().toLatin1();
    QVERIFY(access2 != access);
    // A rotated refresh token is refused, and its reuse ends the whole session family.
    const Reply reused = m_server.request("POST", QStringLiteral("/api/v1/auth/refresh"), {},
                                          {{QStringLiteral("refresh_token"), QString::fromLatin1(refresh)}});
    QCOMPARE(reused.status, 401);
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/auth/me"), access2).status, 401);

    const QByteArray access3 = m_server
                                   .request("POST", QStringLiteral("/api/v1/auth/login"), {},
                                            {{QStringLiteral("login"), QStringLiteral("agent2")},
                                             {QStringLiteral("password"), ServerFixture::kPassword}})
                                   .json()
                                   .value(QStringLiteral("access_token"))
                                   .toString()
                                   .toLatin1();
    QCOMPARE(m_server.request("POST", QStringLiteral("/api/v1/auth/logout"), access3).status, 204);
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/auth/me"), access3).status, 401);
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/auth/me"), "not-a-token").status, 401);
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/auth/me")).status, 401);

    // Passwords and tokens are stored hashed.
    const QVariant clearTokens = m_server.sqlValue(
        QStringLiteral("SELECT COUNT(*) FROM tokens WHERE token_hash = ?"), {QString::fromLatin1(access3)});
    QVERIFY(clearTokens.isValid());
    QCOMPARE(clearTokens.toInt(), 0);
    const QList<QVariantList> credentials = m_server.sqlRows(
        QStringLiteral("SELECT hash, salt, iterations FROM credentials WHERE login = 'agent2'"));
    QCOMPARE(credentials.size(), 1);
    QVERIFY(!credentials.first().value(0).toString().contains(ServerFixture::kPassword));
    QCOMPARE(credentials.first().value(1).toString().size(), 32);
    QVERIFY(credentials.first().value(2).toInt() >= 100000);
}

void TestServerApi::loginThrottled()
{
    Reply r;
    for (int i = 0; i < 5; ++i) {
        r = m_server.request("POST", QStringLiteral("/api/v1/auth/login"), {},
                             {{QStringLiteral("login"), QStringLiteral("guessed-login")},
                              {QStringLiteral("password"), QStringLiteral("guess-%1").arg(i)}});
        QCOMPARE(r.status, 401);
    }
    // Further attempts are refused without checking the password while the login is locked.
    r = m_server.request("POST", QStringLiteral("/api/v1/auth/login"), {},
                         {{QStringLiteral("login"), QStringLiteral("Guessed-Login")},
                          {QStringLiteral("password"), ServerFixture::kPassword}});
    QCOMPARE(r.status, 429);
    QCOMPARE(r.errorCode(), QStringLiteral("too_many_attempts"));
    QVERIFY(r.header("Retry-After").toInt() > 0);
}

void TestServerApi::throttleCountsTheClientBehindATrustedProxy()
{
    // A second server behind a "proxy" on loopback: the failures of one client address lock that address,
    // not the proxy's, so a colleague behind the same proxy still signs in.
    ServerFixture proxied;
    QVERIFY(proxied.prepare());
    QCOMPARE(proxied.start({QStringLiteral("--trusted-proxy"), QStringLiteral("127.0.0.1")}), 0);
    const auto login = [&proxied](const QString &name, const QString &password,
                                  const QByteArray &forwardedFor) {
        return proxied.request("POST", QStringLiteral("/api/v1/auth/login"), {},
                               {{QStringLiteral("login"), name}, {QStringLiteral("password"), password}},
                               {{"X-Forwarded-For", forwardedFor}});
    };
    // 20 failures from 10.0.0.1 under different names (4 per name: no name is locked), the first with a
    // forged address on the left that must not count.
    for (int i = 0; i < 20; ++i)
        QCOMPARE(login(QStringLiteral("guess-%1").arg(i / 4), QStringLiteral("wrong"),
                       i == 0 ? "203.0.113.9, 10.0.0.1" : "10.0.0.1")
                     .status,
                 401);
    Reply r = login(QStringLiteral("agent1"), ServerFixture::kPassword, "10.0.0.1");
    QCOMPARE(r.status, 429); // the address is locked, whatever the name
    QCOMPARE(r.errorCode(), QStringLiteral("too_many_attempts"));
    QCOMPARE(login(QStringLiteral("agent1"), ServerFixture::kPassword, "10.0.0.2").status, 200);
    QCOMPARE(login(QStringLiteral("agent1"), ServerFixture::kPassword, "203.0.113.9").status, 200);
    // Without --trusted-proxy the header is ignored: the suite's own server sees only its peer.
    QCOMPARE(m_server
                 .request("POST", QStringLiteral("/api/v1/auth/login"), {},
                          {{QStringLiteral("login"), QStringLiteral("agent1")},
                           {QStringLiteral("password"), ServerFixture::kPassword}},
                          {{"X-Forwarded-For", "10.0.0.1"}})
                 .status,
             200);
}

void TestServerApi::malformedAndOversized()
{
    const QByteArray token = m_server.token(QStringLiteral("agent1"));
    Reply r = m_server.requestRaw("POST", QStringLiteral("/api/v1/tickets"), token, "{not json");
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("bad_request"));
    r = m_server.requestRaw("POST", QStringLiteral("/api/v1/tickets"), token, "[1,2]");
    QCOMPARE(r.status, 400);
    r = m_server.requestRaw("POST", QStringLiteral("/api/v1/tickets"), token,
                            QByteArray(1024 * 1024 + 10, 'x'));
    QCOMPARE(r.status, 413);
    QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
    r = m_server.request("GET", QStringLiteral("/api/v1/changes?cursor=bogus"), token);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
             QStringLiteral("cursor"));
    r = m_server.request("GET", QStringLiteral("/api/v1/changes?limit=0"), token);
    QCOMPARE(r.status, 400);
}

void TestServerApi::createTicketValidates()
{
    const QByteArray token = m_server.token(QStringLiteral("agent1"));
    Reply r = m_server.request("POST", QStringLiteral("/api/v1/tickets"), token,
                               {{QStringLiteral("waybill_no"), QStringLiteral("SF123")},
                                {QStringLiteral("description"), QStringLiteral("x")},
                                {QStringLiteral("category"), QStringLiteral("delay")}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
             QStringLiteral("waybill_no"));
    r = m_server.request("POST", QStringLiteral("/api/v1/tickets"), token,
                         {{QStringLiteral("description"), QStringLiteral("x")},
                          {QStringLiteral("customer_phone"), QStringLiteral("12345")},
                          {QStringLiteral("category"), QStringLiteral("delay")}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
             QStringLiteral("customer_phone"));
    r = m_server.request("POST", QStringLiteral("/api/v1/tickets"), token,
                         {{QStringLiteral("description"), QStringLiteral("x")},
                          {QStringLiteral("category"), QStringLiteral("late")}});
    QCOMPARE(r.status, 422);
    // An agent cannot open a ticket for another team.
    r = m_server.request("POST", QStringLiteral("/api/v1/tickets"), token,
                         {{QStringLiteral("description"), QStringLiteral("x")},
                          {QStringLiteral("category"), QStringLiteral("delay")},
                          {QStringLiteral("team_id"), QStringLiteral("team-b")}});
    QCOMPARE(r.status, 403);

    // A good one: server fields filled in, priority from category and declared value (¥2500 damage → p1).
    const QString id = uuid();
    r = m_server.request("POST", QStringLiteral("/api/v1/tickets"), token,
                         {{QStringLiteral("id"), id},
                          {QStringLiteral("waybill_no"), QStringLiteral("yt 4600000000123")},
                          {QStringLiteral("description"), QStringLiteral("外箱破损")},
                          {QStringLiteral("customer_phone"), QStringLiteral("138 1234 5678")},
                          {QStringLiteral("category"), QStringLiteral("damage")}});
    QCOMPARE(r.status, 201);
    const QJsonObject t = r.json();
    QCOMPARE(t.value(QStringLiteral("id")).toString(), id);
    QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("new"));
    QCOMPARE(t.value(QStringLiteral("priority")).toString(), QStringLiteral("p1"));
    QCOMPARE(t.value(QStringLiteral("team_id")).toString(), QStringLiteral("team-a"));
    QCOMPARE(t.value(QStringLiteral("waybill_no")).toString(), QStringLiteral("YT4600000000123"));
    // Normalized; unassigned, so its creator gets it masked (issue 17: only the assignee and the team's
    // supervisors read it in full).
    QCOMPARE(t.value(QStringLiteral("customer_phone")).toString(), QStringLiteral("138****5678"));
    QCOMPARE(
        m_server
            .request("GET", QStringLiteral("/api/v1/tickets/") + id, m_server.token(QStringLiteral("lead1")))
            .json()
            .value(QStringLiteral("customer_phone"))
            .toString(),
        QStringLiteral("13812345678"));
    QCOMPARE(t.value(QStringLiteral("version")).toInt(), 1);
    QVERIFY(QRegularExpression(QStringLiteral("^C\\d{4}-\\d{6}$"))
                .match(t.value(QStringLiteral("number")).toString())
                .hasMatch());
    // The same create sent again (client id) returns the first result and creates nothing.
    const Reply again = m_server.request("POST", QStringLiteral("/api/v1/tickets"), token,
                                         {{QStringLiteral("id"), id},
                                          {QStringLiteral("waybill_no"), QStringLiteral("YT4600000000123")},
                                          {QStringLiteral("description"), QStringLiteral("外箱破损")},
                                          {QStringLiteral("category"), QStringLiteral("damage")}});
    QCOMPARE(again.status, 201);
    QCOMPARE(again.body, r.body);
    const Reply got = m_server.request("GET", QStringLiteral("/api/v1/tickets/") + id, token);
    QCOMPARE(got.status, 200);
    QCOMPARE(got.header("ETag"), QByteArray("\"1\""));
    QCOMPARE(got.json(), t);
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/tickets/no-such-ticket"), token).status, 404);
}

void TestServerApi::patchWithIfMatch()
{
    const QString id = m_server.createTicket(QStringLiteral("agent1"));
    const QByteArray token = m_server.token(QStringLiteral("agent1"));
    const QString path = QStringLiteral("/api/v1/tickets/") + id;
    Reply r = m_server.request("PATCH", path, token, {{QStringLiteral("priority"), QStringLiteral("p2")}});
    QCOMPARE(r.status, 428);
    r = m_server.request("PATCH", path, token, {{QStringLiteral("priority"), QStringLiteral("p2")}},
                         {{"If-Match", "\"1\""}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(r.json().value(QStringLiteral("priority")).toString(), QStringLiteral("p2"));
    // A stale version gets 412 with the server's current copy, and nothing changes.
    r = m_server.request("PATCH", path, token, {{QStringLiteral("priority"), QStringLiteral("p4")}},
                         {{"If-Match", "1"}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.errorCode(), QStringLiteral("version_mismatch"));
    const QJsonObject current = r.json().value(QStringLiteral("current")).toObject();
    QCOMPARE(current.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(current.value(QStringLiteral("priority")).toString(), QStringLiteral("p2"));
    QCOMPARE(m_server.ticketVersion(id), 2);
    // Read-only and unknown fields are refused with the field named.
    r = m_server.request("PATCH", path, token,
                         {{QStringLiteral("created_at"), QStringLiteral("2020-01-01T00:00:00Z")}},
                         {{"If-Match", "2"}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
             QStringLiteral("created_at"));
    // Taking the ticket writes an assignment event.
    r = m_server.request("PATCH", path, token, {{QStringLiteral("assignee_id"), QStringLiteral("")}},
                         {{"If-Match", "2"}});
    QCOMPARE(r.status, 403); // releasing a ticket one does not hold
    const QString me = m_server.request("GET", QStringLiteral("/api/v1/auth/me"), token)
                           .json()
                           .value(QStringLiteral("id"))
                           .toString();
    r = m_server.request("PATCH", path, token, {{QStringLiteral("assignee_id"), me}}, {{"If-Match", "2"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("assignee_id")).toString(), me);
    const QJsonArray events = m_server.request("GET", path + QStringLiteral("/events"), token)
                                  .json()
                                  .value(QStringLiteral("items"))
                                  .toArray();
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.at(0).toObject().value(QStringLiteral("kind")).toString(), QStringLiteral("assignment"));
}

void TestServerApi::eventsIdempotent()
{
    const QString path = eventsPath();
    const QByteArray token = m_server.token(QStringLiteral("agent1"));
    const QString eventId = uuid();
    const QJsonObject reply{{QStringLiteral("id"), eventId},
                            {QStringLiteral("kind"), QStringLiteral("reply")},
                            {QStringLiteral("text"), QStringLiteral("您好，已加急派送")}};
    const Reply first =
        m_server.request("POST", path, token, reply, {{"Idempotency-Key", eventId.toLatin1()}});
    QCOMPARE(first.status, 201);
    const QJsonObject ticket = first.json().value(QStringLiteral("ticket")).toObject();
    // The first reply is the first response and opens the ticket (with its own status_change event).
    QCOMPARE(ticket.value(QStringLiteral("status")).toString(), QStringLiteral("open"));
    QVERIFY(ticket.contains(QStringLiteral("first_response_at")));
    QCOMPARE(ticket.value(QStringLiteral("version")).toInt(), 2);
    const Reply retry =
        m_server.request("POST", path, token, reply, {{"Idempotency-Key", eventId.toLatin1()}});
    QCOMPARE(retry.status, 201);
    QCOMPARE(retry.body, first.body);
    const QJsonArray items =
        m_server.request("GET", path, token).json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).toObject().value(QStringLiteral("id")).toString(), eventId);
    QCOMPARE(items.at(1).toObject().value(QStringLiteral("kind")).toString(),
             QStringLiteral("status_change"));
    QCOMPARE(m_server.ticketVersion(m_eventsTicket), 2);
    // Another user replaying someone else's key is refused.
    QCOMPARE(m_server
                 .request("POST", path, m_server.token(QStringLiteral("lead1")), reply,
                          {{"Idempotency-Key", eventId.toLatin1()}})
                 .status,
             409);
}

QString TestServerApi::eventsPath()
{
    if (m_eventsTicket.isEmpty())
        m_eventsTicket = m_server.createTicket(QStringLiteral("agent1"));
    return QStringLiteral("/api/v1/tickets/") + m_eventsTicket + QStringLiteral("/events");
}

void TestServerApi::eventsChecked_data()
{
    QTest::addColumn<QJsonObject>("event"); // posted with a new id unless it has "id": false
    QTest::addColumn<QString>("key");       // Idempotency-Key: "id" (the event's), "other" or "" (none)
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field"); // the error's field, when it names one
    const auto event = [](const char *kind, const QJsonObject &data = {}) {
        QJsonObject e{{QStringLiteral("kind"), QLatin1String(kind)}};
        if (!data.isEmpty())
            e.insert(QStringLiteral("data"), data);
        return e;
    };
    const QJsonObject call{{QStringLiteral("direction"), QStringLiteral("outbound")},
                           {QStringLiteral("duration_s"), 95},
                           {QStringLiteral("outcome"), QStringLiteral("no_answer")}};
    QJsonObject markup = call;
    markup.insert(QStringLiteral("outcome"), QStringLiteral("<b>reached</b>"));
    QJsonObject reply = event("reply");
    reply.insert(QStringLiteral("text"), QStringLiteral("您好，已加急派送"));
    QJsonObject noId = event("note");
    noId.insert(QStringLiteral("id"), false);

    QTest::addRow("a key that differs from the id") << reply << u"other"_s << 400 << QString();
    QTest::addRow("no id and no key") << noId << QString() << 400 << QString();
    QTest::addRow("a kind only the server writes") << event("sla_breach") << u"id"_s << 422 << QString();
    QTest::addRow("a call direction that is not a code")
        << event("call", {{QStringLiteral("direction"), QStringLiteral("sideways")}}) << u"id"_s << 422
        << u"direction"_s;
    // A call keeps its direction, duration and outcome; an outcome that is not a code is refused.
    QTest::addRow("a call kept whole") << event("call", call) << u"id"_s << 201 << QString();
    QTest::addRow("a call outcome with markup") << event("call", markup) << u"id"_s << 422 << u"outcome"_s;
}

void TestServerApi::eventsChecked()
{
    QFETCH(QJsonObject, event);
    QFETCH(QString, key);
    QFETCH(int, status);
    QFETCH(QString, field);
    const QString path = eventsPath();
    const QByteArray token = m_server.token(QStringLiteral("agent1"));
    const QString id = uuid();
    if (event.value(QStringLiteral("id")) == QJsonValue(false))
        event.remove(QStringLiteral("id"));
    else
        event.insert(QStringLiteral("id"), id);
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!key.isEmpty())
        headers.append({"Idempotency-Key", key == u"id"_s ? id.toLatin1() : uuid().toLatin1()});
    const Reply r = m_server.request("POST", path, token, event, headers);
    QCOMPARE(r.status, status);
    if (!field.isEmpty())
        QCOMPARE(r.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
                 field);
    if (status != 201)
        return;
    QJsonObject stored;
    for (const QJsonValue &item :
         m_server.request("GET", path, token).json().value(QStringLiteral("items")).toArray()) {
        if (item.toObject().value(QStringLiteral("id")).toString() == id)
            stored = item.toObject().value(QStringLiteral("data")).toObject();
    }
    QCOMPARE(stored, event.value(QStringLiteral("data")).toObject());
}

void TestServerApi::stateMachine_data()
{
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<QString>("to");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addRow("new → resolved without resolution")
        << QStringList{} << u"resolved"_s << 409 << u"resolution_required"_s;
    QTest::addRow("new → pending") << QStringList{} << u"pending"_s << 409 << u"illegal_transition"_s;
    QTest::addRow("new → closed") << QStringList{} << u"closed"_s << 409 << u"illegal_transition"_s;
    QTest::addRow("new → open") << QStringList{} << u"open"_s << 201 << u""_s;
    QTest::addRow("open → pending") << QStringList{u"open"_s} << u"pending"_s << 201 << u""_s;
    QTest::addRow("pending → open") << QStringList{u"open"_s, u"pending"_s} << u"open"_s << 201 << u""_s;
    QTest::addRow("open → reopened") << QStringList{u"open"_s} << u"reopened"_s << 409
                                     << u"illegal_transition"_s;
    QTest::addRow("resolved → closed")
        << QStringList{u"open"_s, u"resolved"_s} << u"closed"_s << 201 << u""_s;
    QTest::addRow("resolved → reopened")
        << QStringList{u"open"_s, u"resolved"_s} << u"reopened"_s << 201 << u""_s;
    QTest::addRow("closed → pending")
        << QStringList{u"open"_s, u"resolved"_s, u"closed"_s} << u"pending"_s << 409 << u"ticket_closed"_s;
    QTest::addRow("closed → reopened")
        << QStringList{u"open"_s, u"resolved"_s, u"closed"_s} << u"reopened"_s << 409 << u"ticket_closed"_s;
}

void TestServerApi::stateMachine()
{
    QFETCH(QStringList, path);
    QFETCH(QString, to);
    QFETCH(int, status);
    QFETCH(QString, code);
    const QString id = m_server.createTicket(QStringLiteral("agent1"));
    const QByteArray token = m_server.token(QStringLiteral("agent1"));
    const QString url = QStringLiteral("/api/v1/tickets/") + id + QStringLiteral("/events");
    const auto change = [&](const QString &target) {
        const QString e = uuid();
        QJsonObject data{{QStringLiteral("to"), target}};
        if (target == QLatin1StringView("resolved") && !path.isEmpty())
            data.insert(QStringLiteral("resolution"), QStringLiteral("redelivery"));
        return m_server.request("POST", url, token,
                                {{QStringLiteral("id"), e},
                                 {QStringLiteral("kind"), QStringLiteral("status_change")},
                                 {QStringLiteral("data"), data}},
                                {{"Idempotency-Key", e.toLatin1()}});
    };
    for (const QString &step : path)
        QCOMPARE(change(step).status, 201);
    const qint64 before = m_server.ticketVersion(id);
    const Reply r = change(to);
    QCOMPARE(r.status, status);
    if (status == 201) {
        QCOMPARE(
            r.json().value(QStringLiteral("ticket")).toObject().value(QStringLiteral("status")).toString(),
            to);
        QCOMPARE(r.json()
                     .value(QStringLiteral("event"))
                     .toObject()
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("from"))
                     .toString(),
                 path.isEmpty() ? QStringLiteral("new") : path.last());
        QCOMPARE(m_server.ticketVersion(id), before + 1);
    } else {
        QCOMPARE(r.errorCode(), code);
        QVERIFY(!r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString()
                     .isEmpty());
        QCOMPARE(m_server.ticketVersion(id), before);
    }
}

void TestServerApi::teamVisibility()
{
    const QString teamB =
        m_server.createTicket(QStringLiteral("agent3"), ServerFixture::ticketBody(QStringLiteral("team-b")));
    QVERIFY(!teamB.isEmpty());
    QCOMPARE(m_server
                 .request("GET", QStringLiteral("/api/v1/tickets/") + teamB,
                          m_server.token(QStringLiteral("agent1")))
                 .status,
             403);
    QCOMPARE(m_server
                 .request("GET", QStringLiteral("/api/v1/tickets/") + teamB,
                          m_server.token(QStringLiteral("manager1")))
                 .status,
             200);
    // The change feed of an agent holds no ticket or event of another team.
    const auto types = [&](const QString &login) {
        QSet<QString> teams;
        QString cursor;
        for (;;) {
            const QJsonObject page =
                m_server
                    .request("GET", QStringLiteral("/api/v1/changes?limit=200&cursor=") + cursor,
                             m_server.token(login))
                    .json();
            for (const auto &v : page.value(QStringLiteral("items")).toArray()) {
                const QJsonObject item = v.toObject();
                if (item.value(QStringLiteral("type")).toString() == QLatin1StringView("ticket"))
                    teams.insert(item.value(QStringLiteral("data"))
                                     .toObject()
                                     .value(QStringLiteral("team_id"))
                                     .toString());
            }
            cursor = page.value(QStringLiteral("next_cursor")).toString();
            if (!page.value(QStringLiteral("has_more")).toBool())
                break;
        }
        return teams;
    };
    QCOMPARE(types(QStringLiteral("agent1")), QSet<QString>{QStringLiteral("team-a")});
    QCOMPARE(types(QStringLiteral("agent3")), QSet<QString>{QStringLiteral("team-b")});
    QCOMPARE(types(QStringLiteral("lead1")),
             (QSet<QString>{QStringLiteral("team-a"), QStringLiteral("team-b")}));
}

void TestServerApi::auditLog()
{
    const QVariant creations = m_server.sqlValue(
        QStringLiteral("SELECT COUNT(*) FROM audit WHERE action = 'ticket.create' AND user_id <> ''"));
    QVERIFY(creations.isValid());
    QVERIFY(creations.toInt() >= 10);
    const QVariant patches = m_server.sqlValue(QStringLiteral(
        "SELECT COUNT(*) FROM audit WHERE action = 'ticket.patch' AND target_type = 'ticket'"));
    QVERIFY(patches.isValid());
    QVERIFY(patches.toInt() >= 1);
}

QTEST_MAIN(TestServerApi)
#include "tst_server_api.moc"
