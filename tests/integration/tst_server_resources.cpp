// Parcels, couriers and positions, stations, users and teams, SLA policy on the real server.
#include "serverfixture.h"

#include <QTest>

using namespace pd::test;

class TestServerResources final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_server.prepare());
        QCOMPARE(m_server.start(), 0);
    }
    void parcelsAndTracking();
    void directory();
    void slaPolicy();

private:
    ServerFixture m_server;
};

void TestServerResources::parcelsAndTracking()
{
    const QByteArray token = m_server.token(QStringLiteral("agent1"));
    Reply r = m_server.request("GET", QStringLiteral("/api/v1/parcels/SF1400000000017"), token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("in_transit"));
    QCOMPARE(r.json().value(QStringLiteral("declared_value")).toDouble(), 128.5);
    // No ticket of agent1's is about this parcel: its destination comes to about 1 km (issue 17).
    QCOMPARE(r.json().value(QStringLiteral("destination")).toObject().value(QStringLiteral("lat")).toDouble(),
             30.28);
    r = m_server.request("GET", QStringLiteral("/api/v1/parcels/SF1400000000017/tracking"), token);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 0);
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/parcels/SF9999999999999"), token).status, 404);
    QCOMPARE(
        m_server.request("GET", QStringLiteral("/api/v1/parcels/SF9999999999999/tracking"), token).status,
        404);
}

void TestServerResources::directory()
{
    const QByteArray admin = m_server.token(QStringLiteral("admin"));
    Reply r = m_server.request("PUT", QStringLiteral("/api/v1/stations/st-hz-1"), admin,
                               {{QStringLiteral("name"), QStringLiteral("西湖文三路网点")},
                                {QStringLiteral("city"), QStringLiteral("杭州")},
                                {QStringLiteral("position"), QJsonObject{{QStringLiteral("lat"), 30.279},
                                                                         {QStringLiteral("lon"), 120.129}}}});
    QCOMPARE(r.status, 201);
    r = m_server.request("PUT", QStringLiteral("/api/v1/couriers/cr-1"), admin,
                         {{QStringLiteral("name"), QStringLiteral("赵师傅")},
                          {QStringLiteral("station_id"), QStringLiteral("st-hz-1")}});
    QCOMPARE(r.status, 201);
    QCOMPARE(m_server
                 .request("PUT", QStringLiteral("/api/v1/couriers/cr-2"), admin,
                          {{QStringLiteral("name"), QStringLiteral("x")},
                           {QStringLiteral("station_id"), QStringLiteral("nope")}})
                 .status,
             422);
    const QByteArray agent = m_server.token(QStringLiteral("agent1"));
    r = m_server.request("GET", QStringLiteral("/api/v1/stations"), agent);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 1);
    r = m_server.request("POST", QStringLiteral("/api/v1/couriers/positions"), admin,
                         {{QStringLiteral("items"),
                           QJsonArray{QJsonObject{{QStringLiteral("courier_id"), QStringLiteral("cr-1")},
                                                  {QStringLiteral("lat"), 30.28},
                                                  {QStringLiteral("lon"), 120.13}}}}});
    QCOMPARE(r.status, 202);
    r = m_server.request("POST", QStringLiteral("/api/v1/couriers/positions"), admin,
                         {{QStringLiteral("items"),
                           QJsonArray{QJsonObject{{QStringLiteral("courier_id"), QStringLiteral("cr-1")},
                                                  {QStringLiteral("lat"), 130.0},
                                                  {QStringLiteral("lon"), 120.13}}}}});
    QCOMPARE(r.status, 422);
    r = m_server.request("GET", QStringLiteral("/api/v1/couriers/positions"), agent);
    QCOMPARE(r.status, 200);
    const QJsonArray positions = r.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(positions.size(), 1);
    QCOMPARE(positions.at(0).toObject().value(QStringLiteral("lat")).toDouble(), 30.28);
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/couriers"), agent)
                 .json()
                 .value(QStringLiteral("items"))
                 .toArray()
                 .size(),
             1);

    // Users and teams: admin only.
    r = m_server.request(
        "POST", QStringLiteral("/api/v1/teams"), admin,
        {{QStringLiteral("id"), QStringLiteral("team-c")}, {QStringLiteral("name"), QStringLiteral("夜班")}});
    QCOMPARE(r.status, 201);
    QCOMPARE(m_server
                 .request("POST", QStringLiteral("/api/v1/teams"), admin,
                          {{QStringLiteral("id"), QStringLiteral("team-c")},
                           {QStringLiteral("name"), QStringLiteral("x")}})
                 .status,
             409);
    r = m_server.request("POST", QStringLiteral("/api/v1/users"), admin,
                         {{QStringLiteral("login"), QStringLiteral("agent9")},
                          {QStringLiteral("name"), QStringLiteral("夜班客服")},
                          {QStringLiteral("role"), QStringLiteral("agent")},
                          {QStringLiteral("team_id"), QStringLiteral("team-c")},
                          {QStringLiteral("password"), QStringLiteral("night-shift-9")}});
    QCOMPARE(r.status, 201);
    QVERIFY(!r.body.contains("night-shift-9"));
    const QString newId = r.json().value(QStringLiteral("id")).toString();
    QCOMPARE(m_server
                 .request("POST", QStringLiteral("/api/v1/users"), admin,
                          {{QStringLiteral("login"), QStringLiteral("agent9")},
                           {QStringLiteral("role"), QStringLiteral("agent")},
                           {QStringLiteral("password"), QStringLiteral("night-shift-9")}})
                 .status,
             409);
    QCOMPARE(m_server
                 .request("POST", QStringLiteral("/api/v1/users"), admin,
                          {{QStringLiteral("login"), QStringLiteral("agent10")},
                           {QStringLiteral("role"), QStringLiteral("agent")},
                           {QStringLiteral("password"), QStringLiteral("short")}})
                 .status,
             422);
    const QByteArray agent9 = m_server
                                  .request("POST", QStringLiteral("/api/v1/auth/login"), {},
                                           {{QStringLiteral("login"), QStringLiteral("agent9")},
                                            {QStringLiteral("password"), QStringLiteral("night-shift-9")}})
                                  .json()
                                  .value(QStringLiteral("access_token"))
                                  .toString()
                                  .toLatin1();
    QVERIFY(!agent9.isEmpty());
    r = m_server.request("PATCH", QStringLiteral("/api/v1/users/") + newId, admin,
                         {{QStringLiteral("disabled"), true}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("disabled")).toBool(), true);
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/auth/me"), agent9).status, 401);
    const Reply login = m_server.request("POST", QStringLiteral("/api/v1/auth/login"), {},
                                         {{QStringLiteral("login"), QStringLiteral("agent9")},
                                          {QStringLiteral("password"), QStringLiteral("night-shift-9")}});
    QCOMPARE(login.status, 403);
    r = m_server.request("GET", QStringLiteral("/api/v1/users"), admin);
    QCOMPARE(r.json().value(QStringLiteral("items")).toArray().size(), 7);
    QVERIFY(!r.body.contains("hash"));
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/teams"), admin)
                 .json()
                 .value(QStringLiteral("items"))
                 .toArray()
                 .size(),
             3);
}

void TestServerResources::slaPolicy()
{
    Reply r = m_server.request("GET", QStringLiteral("/api/v1/sla/policy"),
                               m_server.token(QStringLiteral("agent1")));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("version")).toInt(), 0);
    QJsonObject policy = r.json();
    policy.remove(QStringLiteral("version"));
    policy.insert(QStringLiteral("rules"),
                  QJsonArray{QJsonObject{{QStringLiteral("priority"), QStringLiteral("p1")},
                                         {QStringLiteral("first_response_target_minutes"), 10}}});
    const QByteArray manager = m_server.token(QStringLiteral("manager1"));
    r = m_server.request("PUT", QStringLiteral("/api/v1/sla/policy"), manager, policy, {{"If-Match", "0"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json().value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(r.json().value(QStringLiteral("rules")).toArray().size(), 1);
    r = m_server.request("PUT", QStringLiteral("/api/v1/sla/policy"), manager, policy, {{"If-Match", "0"}});
    QCOMPARE(r.status, 412);
    QCOMPARE(r.json().value(QStringLiteral("current")).toObject().value(QStringLiteral("version")).toInt(),
             1);
    QJsonObject bad = policy;
    bad.insert(QStringLiteral("rules"),
               QJsonArray{QJsonObject{{QStringLiteral("category"), QStringLiteral("nonsense")}}});
    r = m_server.request("PUT", QStringLiteral("/api/v1/sla/policy"), manager, bad);
    QCOMPARE(r.status, 422);
    QVERIFY(r.json()
                .value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("field"))
                .toString()
                .startsWith(QStringLiteral("rules")));
    QCOMPARE(
        m_server
            .request("GET", QStringLiteral("/api/v1/sla/policy"), m_server.token(QStringLiteral("agent1")))
            .json()
            .value(QStringLiteral("version"))
            .toInt(),
        1);
}

QTEST_MAIN(TestServerResources)
#include "tst_server_resources.moc"
