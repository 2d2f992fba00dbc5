// What a console receives of the parcels (issue 18): only the parcels its user's tickets are about, however
// many the server holds. The real parceldesk-server with 204 parcels (200 imported here), tickets about 8 of
// them in two teams; an agent's fresh cache gets its team's 5, a supervisor's all 8 — each count checked
// against the server's own records. A ticket made later about an old parcel, and a ticket moved into the
// team, bring their parcels at the next sync. Before this change every console received all 204 parcels (and
// the demo's 136,000 tracking events), as this test shows against an older server (PD_TEST_SERVER_BIN).
#include "models/store/parcelrepository.h"
#include "syncharness.h"

#include <QFile>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
constexpr int kImported = 200;

QString waybill(int n)
{
    return u"SF141%1"_s.arg(n, 10, 10, QLatin1Char('0'));
}
} // namespace

class TestParcelScope final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void consolesGetTheParcelsOfTheirTickets();

private:
    QString create(const QString &login, const QString &team, int parcel);
    /// Parcels on the server that a ticket (of @p team, or of any team) is about.
    int referencedOnServer(const QString &team);
    int parcelsOnServer();
    int cachedParcels(const QString &cache);
    QVariant sql(const QString &statement, const QVariantList &binds = {})
    {
        return m_server.sqlValue(statement, binds);
    }

    ServerFixture m_server;
    QTemporaryDir m_dir;
};

void TestParcelScope::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.prepare());
    const QString csv = m_dir.filePath(u"parcels.csv"_s);
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("waybill_no,status,origin_address,origin_lat,origin_lon,destination_address,destination_lat,"
            "destination_lon,promised_at,delivered_at,courier_id,station_id,declared_value\n");
    for (int i = 0; i < kImported; ++i)
        f.write(u"%1,in_transit,上海发货仓,31.2304,121.4737,杭州市文三路%2号,30.279,120.129,"
                "2026-11-20T18:00:00+08:00,,,,100\n"_s.arg(waybill(i))
                    .arg(i + 1)
                    .toUtf8());
    f.close();
    QByteArray out;
    QCOMPARE(ServerFixture::runCli({u"import"_s, u"--db"_s, m_server.dbUrl(), u"--parcels"_s, csv}, {}, &out),
             0);
    QVERIFY(m_server.start() >= 0);
}

QString TestParcelScope::create(const QString &login, const QString &team, int parcel)
{
    QJsonObject body = ticketBody(team, parcel);
    body.insert(u"waybill_no"_s, waybill(parcel));
    const Reply r = m_server.request("POST", u"/api/v1/tickets"_s, m_server.token(login), body,
                                     {{"Idempotency-Key", uuid().toLatin1()}});
    if (r.status != 201)
        qWarning() << "create:" << r.status << r.body;
    return r.json().value(u"id"_s).toString();
}

int TestParcelScope::referencedOnServer(const QString &team)
{
    return sql(u"SELECT count(*) FROM docs p WHERE p.type = 'parcel' AND p.deleted = 0 AND EXISTS (SELECT 1 "
               "FROM docs t WHERE t.type = 'ticket' AND t.deleted = 0 AND t.parent = p.id AND (? = '' OR "
               "t.team_id = ?))"_s,
               {team.isEmpty() ? u""_s : team, team.isEmpty() ? u""_s : team}) // "" not NULL: every team
        .toInt();
}

int TestParcelScope::parcelsOnServer()
{
    return sql(u"SELECT count(*) FROM docs WHERE type = 'parcel' AND deleted = 0"_s).toInt();
}

int TestParcelScope::cachedParcels(const QString &cache)
{
    QString error;
    auto db = Database::open(cache, &error);
    if (!db) {
        qWarning() << error;
        return -1;
    }
    return ParcelRepository(*db).count();
}

void TestParcelScope::consolesGetTheParcelsOfTheirTickets()
{
    for (int i : {3, 17, 42, 99, 150})
        QVERIFY(!create(u"agent1"_s, u"team-a"_s, i).isEmpty());
    QString moving;
    for (int i : {7, 88, 120}) {
        moving = create(u"agent3"_s, u"team-b"_s, i);
        QVERIFY(!moving.isEmpty());
    }
    QCOMPARE(parcelsOnServer(), kImported + 4); // and the fixture's own four
    QCOMPARE(referencedOnServer(u"team-a"_s), 5);
    QCOMPARE(referencedOnServer({}), 8);

    const QString agentCache = m_dir.filePath(u"agent1.sqlite"_s);
    const QString leadCache = m_dir.filePath(u"lead1.sqlite"_s);
    {
        Console agent(agentCache, m_server.url({}));
        QVERIFY(agent.signIn(u"agent1"_s));
        QVERIFY(agent.sync());
        Console lead(leadCache, m_server.url({}));
        QVERIFY(lead.signIn(u"lead1"_s));
        QVERIFY(lead.sync());
    }
    qInfo("server: %d parcels, team-a's tickets are about %d, all tickets about %d; cached: agent1 %d, lead1 "
          "%d",
          parcelsOnServer(), referencedOnServer(u"team-a"_s), referencedOnServer({}),
          cachedParcels(agentCache), cachedParcels(leadCache));
    QCOMPARE(cachedParcels(agentCache), referencedOnServer(u"team-a"_s));
    QCOMPARE(cachedParcels(leadCache), referencedOnServer({}));

    // Later: a new ticket about a parcel imported before the console's cursor, and a ticket moved into
    // team-a.
    QVERIFY(!create(u"agent1"_s, u"team-a"_s, 5).isEmpty());
    const Reply current = m_server.request("GET", u"/api/v1/tickets/"_s + moving, m_server.token(u"lead1"_s));
    QCOMPARE(m_server
                 .request("PATCH", u"/api/v1/tickets/"_s + moving, m_server.token(u"lead1"_s),
                          {{u"team_id"_s, u"team-a"_s}},
                          {{"If-Match", QByteArray::number(current.json().value(u"version"_s).toInteger())}})
                 .status,
             200);
    {
        Console agent(agentCache, m_server.url({}));
        QVERIFY(agent.signIn(u"agent1"_s));
        QVERIFY(agent.sync());
    }
    QCOMPARE(referencedOnServer(u"team-a"_s), 7);
    QCOMPARE(cachedParcels(agentCache), 7);
    QString error;
    auto db = Database::open(agentCache, &error);
    QVERIFY(db);
    QVERIFY(ParcelRepository(*db).byWaybill(waybill(5)));
    QVERIFY(ParcelRepository(*db).byWaybill(waybill(120)));
}

QTEST_MAIN(TestParcelScope)
#include "tst_parcel_scope.moc"
