// The role × route authorization matrix of the real server, data-driven: the console only hides, the server
// refuses.
#include "serverfixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd::test;

class TestServerAuthz final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void authorizationMatrix_data();
    void authorizationMatrix();

private:
    QString createTicket(const QString &login, const QString &team);
    ServerFixture m_server;
};

void TestServerAuthz::initTestCase()
{
    QVERIFY(m_server.prepare());
    QCOMPARE(m_server.start(), 0);
}

QString TestServerAuthz::createTicket(const QString &login, const QString &team)
{
    return m_server.createTicket(login, {{QStringLiteral("description"), QStringLiteral("授权矩阵")},
                                         {QStringLiteral("category"), QStringLiteral("delay")},
                                         {QStringLiteral("team_id"), team}});
}

void TestServerAuthz::authorizationMatrix_data()
{
    QTest::addColumn<QString>("login");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<bool>("allowed");
    const QStringList logins{u"agent1"_s, u"lead1"_s, u"manager1"_s, u"admin"_s};
    struct R
    {
        QByteArray method;
        QString path;
        QJsonObject body;
        QList<bool> allowed; // agent, supervisor, manager, admin
    };
    const QJsonObject ticket{{QStringLiteral("description"), QStringLiteral("授权矩阵")},
                             {QStringLiteral("category"), QStringLiteral("other")},
                             {QStringLiteral("team_id"), QStringLiteral("team-a")}};
    const QJsonObject policy{{QStringLiteral("rules"), QJsonArray()}};
    const QList<R> routes{
        {"GET", u"/api/v1/auth/me"_s, {}, {true, true, true, true}},
        {"GET", u"/api/v1/changes"_s, {}, {true, true, true, true}},
        {"POST", u"/api/v1/tickets"_s, ticket, {true, true, false, false}},
        {"GET", u"/api/v1/tickets/{a}"_s, {}, {true, true, true, true}},
        {"GET", u"/api/v1/tickets/{b}"_s, {}, {false, true, true, true}},
        {"PATCH",
         u"/api/v1/tickets/{a}"_s,
         {{QStringLiteral("priority"), QStringLiteral("p2")}},
         {true, true, false, false}},
        {"PATCH",
         u"/api/v1/tickets/{b}"_s,
         {{QStringLiteral("priority"), QStringLiteral("p2")}},
         {false, true, false, false}},
        {"DELETE", u"/api/v1/tickets/{d}"_s, {}, {false, true, false, true}},
        {"GET", u"/api/v1/tickets/{a}/events"_s, {}, {true, true, true, true}},
        {"POST",
         u"/api/v1/tickets/{a}/events"_s,
         {{QStringLiteral("kind"), QStringLiteral("note")}, {QStringLiteral("text"), QStringLiteral("n")}},
         {true, true, false, false}},
        {"POST",
         u"/api/v1/tickets/{b}/events"_s,
         {{QStringLiteral("kind"), QStringLiteral("note")}, {QStringLiteral("text"), QStringLiteral("n")}},
         {false, true, false, false}},
        {"GET", u"/api/v1/parcels/SF1400000000017"_s, {}, {true, true, true, true}},
        {"GET", u"/api/v1/parcels/SF1400000000017/tracking"_s, {}, {true, true, true, true}},
        {"GET", u"/api/v1/couriers"_s, {}, {true, true, true, true}},
        {"GET", u"/api/v1/couriers/positions"_s, {}, {true, true, true, true}},
        {"PUT",
         u"/api/v1/couriers/cr-m"_s,
         {{QStringLiteral("name"), QStringLiteral("m")}},
         {false, false, false, true}},
        {"POST",
         u"/api/v1/couriers/positions"_s,
         {{QStringLiteral("items"),
           QJsonArray{QJsonObject{{QStringLiteral("courier_id"), QStringLiteral("cr-m")},
                                  {QStringLiteral("lat"), 30.2},
                                  {QStringLiteral("lon"), 120.1}}}}},
         {false, false, false, true}},
        {"GET", u"/api/v1/stations"_s, {}, {true, true, true, true}},
        {"PUT",
         u"/api/v1/stations/st-m"_s,
         {{QStringLiteral("name"), QStringLiteral("m")}},
         {false, false, false, true}},
        {"GET", u"/api/v1/users"_s, {}, {false, false, false, true}},
        {"POST",
         u"/api/v1/users"_s,
         {{QStringLiteral("login"), QStringLiteral("u-{n}")},
          {QStringLiteral("role"), QStringLiteral("agent")},
          {QStringLiteral("password"), QStringLiteral("long-enough-1")}},
         {false, false, false, true}},
        {"PATCH",
         u"/api/v1/users/{me}"_s,
         {{QStringLiteral("name"), QStringLiteral("x")}},
         {false, false, false, true}},
        {"GET", u"/api/v1/teams"_s, {}, {false, false, false, true}},
        {"POST",
         u"/api/v1/teams"_s,
         {{QStringLiteral("name"), QStringLiteral("t")}},
         {false, false, false, true}},
        {"GET", u"/api/v1/sla/policy"_s, {}, {true, true, true, true}},
        {"PUT", u"/api/v1/sla/policy"_s, policy, {false, false, true, true}},
        // Customer data (issue 17): reveals by those who contact customers, the access log for managers and
        // admins, the export of full data for managers, the console's own entries from anyone.
        {"POST",
         u"/api/v1/tickets/{a}/reveal"_s,
         {{QStringLiteral("field"), QStringLiteral("phone")},
          {QStringLiteral("reason"), QStringLiteral("callback")}},
         {true, true, false, false}},
        {"POST",
         u"/api/v1/tickets/{b}/reveal"_s,
         {{QStringLiteral("field"), QStringLiteral("name")},
          {QStringLiteral("reason"), QStringLiteral("callback")}},
         {false, true, false, false}},
        {"GET", u"/api/v1/audit"_s, {}, {false, false, true, true}},
        {"POST",
         u"/api/v1/audit/events"_s,
         {{QStringLiteral("kind"), QStringLiteral("bulk_lookup")}},
         {true, true, true, true}},
        {"POST",
         u"/api/v1/exports/customer-data"_s,
         {{QStringLiteral("from"), QStringLiteral("2026-11-01T00:00:00Z")},
          {QStringLiteral("to"), QStringLiteral("2026-11-08T00:00:00Z")}},
         {false, false, true, false}},
        {"POST", u"/api/v1/auth/logout"_s, {}, {true, true, true, true}},
    };
    for (const R &r : routes) {
        for (int i = 0; i < logins.size(); ++i)
            QTest::addRow("%s %s %s", r.method.constData(), qPrintable(r.path), qPrintable(logins.at(i)))
                << logins.at(i) << r.method << r.path << r.body << r.allowed.at(i);
    }
}

void TestServerAuthz::authorizationMatrix()
{
    QFETCH(QString, login);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(bool, allowed);
    static QString ticketA;
    static QString ticketB;
    static int n = 0;
    if (ticketA.isEmpty()) {
        ticketA = createTicket(QStringLiteral("agent1"), QStringLiteral("team-a"));
        ticketB = createTicket(QStringLiteral("agent3"), QStringLiteral("team-b"));
    }
    // Unauthenticated calls of any protected route are 401.
    QCOMPARE(m_server.request(method, QString(path).replace(QStringLiteral("{a}"), ticketA), {}, body).status,
             401);
    const QByteArray token = m_server.token(login);
    path.replace(QStringLiteral("{a}"), ticketA).replace(QStringLiteral("{b}"), ticketB);
    if (path.contains(QStringLiteral("{d}"))) // a ticket of its own: a deletion that succeeds removes it
        path.replace(QStringLiteral("{d}"), createTicket(QStringLiteral("agent1"), QStringLiteral("team-a")));
    path.replace(QStringLiteral("{me}"), m_server.request("GET", QStringLiteral("/api/v1/auth/me"), token)
                                             .json()
                                             .value(QStringLiteral("id"))
                                             .toString());
    QJsonObject b = body;
    if (b.value(QStringLiteral("login")).toString().contains(QStringLiteral("{n}")))
        b.insert(QStringLiteral("login"), QStringLiteral("u-%1").arg(++n));
    QList<QPair<QByteArray, QByteArray>> headers;
    const QString e = uuid();
    headers.append({"Idempotency-Key", e.toLatin1()});
    if ((method == "PATCH" || method == "DELETE") && path.contains(QStringLiteral("/tickets/")))
        headers.append(
            {"If-Match", QByteArray::number(m_server.ticketVersion(path.section(QLatin1Char('/'), -1)))});
    if (path == QLatin1StringView("/api/v1/sla/policy") && method == "PUT") {
        b = m_server.request("GET", path, token).json();
        b.remove(QStringLiteral("version"));
    }
    const Reply r = m_server.request(method, path, token, b, headers);
    if (allowed) {
        QVERIFY2(r.status >= 200 && r.status < 300,
                 qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body))));
    } else {
        QCOMPARE(r.status, 403);
        QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
    }
    if (path.endsWith(QLatin1StringView("/logout")))
        m_server.forgetTokens();
}

QTEST_MAIN(TestServerAuthz)
#include "tst_server_authz.moc"
