// `parceldesk-server import`: good, bad and dry-run CSV files, atomic, then served by the API.
#include "serverfixture.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace pd::test;

class TestServerImport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.prepare()); }
    void importedParcelsAreCounted();
    void dryRunWritesNothing();
    void badFileRejectsEverything();
    void goodFileImports();
    void usage();
    void aggregatesAreBackfilledAfterTheUpgrade();

private:
    int import(const QString &file, bool dryRun, QByteArray *out)
    {
        QStringList args{QStringLiteral("import"), QStringLiteral("--db"), m_server.dbUrl(),
                         QStringLiteral("--tickets"), QStringLiteral(PD_TEST_DATA_DIR "/import/") + file};
        if (dryRun)
            args << QStringLiteral("--dry-run");
        return ServerFixture::runCli(args, {}, out);
    }
    /// @brief The volume aggregates in the server's file: "day station courier" → "delivered/on time",
    /// non-zero rows only.
    QMap<QString, QString> volumeRows()
    {
        QMap<QString, QString> rows;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("volume"));
            db.setDatabaseName(m_server.dbPath());
            if (db.open()) {
                QSqlQuery q(db);
                q.exec(QStringLiteral("SELECT day, station_id, courier_id, delivered, delivered_on_time FROM "
                                      "parcel_volume WHERE delivered <> 0 OR delivered_on_time <> 0"));
                while (q.next())
                    rows.insert(
                        QStringList{q.value(0).toString(), q.value(1).toString(), q.value(2).toString()}.join(
                            QLatin1Char(' ')),
                        q.value(3).toString() + QLatin1Char('/') + q.value(4).toString());
            }
        }
        QSqlDatabase::removeDatabase(QStringLiteral("volume"));
        return rows;
    }
    ServerFixture m_server;
    QMap<QString, QString> m_imported;
};

void TestServerImport::importedParcelsAreCounted()
{
    // The fixture imported tests/data/import/parcels_good.csv: one delivered parcel, no station.
    QCOMPARE(volumeRows(), (QMap<QString, QString>{{QStringLiteral("2026-11-18  "), QStringLiteral("1/1")}}));
    // The same parcels again, delivered by stations and couriers now (a late one after Shanghai's midnight):
    // each delivery moves to its new day, station and courier, and is counted once.
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("parcels.csv"));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("waybill_no,status,promised_at,delivered_at,courier_id,station_id\n"
            "SF1400000000017,delivered,2026-11-20T18:00:00+08:00,2026-11-20T17:00:00+08:00,cr-01-1,st-01\n"
            "YT4600000000123,delivered,2026-11-18T18:00:00+08:00,2026-11-19T00:30:00+08:00,cr-01-1,st-01\n"
            "73100000001234,delivered,,2026-11-20T15:00:00Z,,st-02\n"
            "EA123456785CN,in_transit,2026-11-21T10:00:00+08:00,,,st-02\n");
    f.close();
    QByteArray out;
    QCOMPARE(ServerFixture::runCli({QStringLiteral("import"), QStringLiteral("--db"), m_server.dbUrl(),
                                    QStringLiteral("--parcels"), csv},
                                   {}, &out),
             0);
    m_imported = QMap<QString, QString>{{QStringLiteral("2026-11-19 st-01 cr-01-1"), QStringLiteral("1/0")},
                                        {QStringLiteral("2026-11-20 st-01 cr-01-1"), QStringLiteral("1/1")},
                                        {QStringLiteral("2026-11-20 st-02 "), QStringLiteral("1/1")}};
    QCOMPARE(volumeRows(), m_imported);
}

void TestServerImport::dryRunWritesNothing()
{
    QByteArray out;
    QCOMPARE(import(QStringLiteral("tickets_good.csv"), true, &out), 0);
    QVERIFY2(out.contains("Checked 3 tickets"), out.constData());
    QVERIFY(out.contains("Dry run"));
    // Running it for real afterwards works: the dry run left the ids free.
    QCOMPARE(import(QStringLiteral("tickets_good.csv"), true, &out), 0);
}

void TestServerImport::badFileRejectsEverything()
{
    QByteArray out;
    QCOMPARE(import(QStringLiteral("tickets_bad.csv"), false, &out), 1);
    const QString text = QString::fromUtf8(out);
    QVERIFY2(text.contains(QStringLiteral("line 2 waybill_no")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("line 3 customer_phone")));
    QVERIFY(text.contains(QStringLiteral("line 4 category")));
    QVERIFY(text.contains(QStringLiteral("line 5 created_at")));
    QVERIFY(text.contains(QStringLiteral("line 6 resolution")));
    QVERIFY(!text.contains(QStringLiteral("line 7")));
    // The API's rules hold for imports too (before, ¥2,000,000 and a direction override were imported).
    QVERIFY2(text.contains(QStringLiteral("line 8 compensation_amount")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("line 9 customer_name")));
    QVERIFY(text.contains(QStringLiteral("7 rows rejected")));
    QVERIFY(text.contains(QStringLiteral("Nothing was imported")));
    QCOMPARE(import(QStringLiteral("tickets_bad.csv"), true, &out), 1);
}

void TestServerImport::goodFileImports()
{
    QByteArray out;
    QCOMPARE(import(QStringLiteral("tickets_good.csv"), false, &out), 0);
    QVERIFY2(out.contains("Imported 3 rows"), out.constData());
    QCOMPARE(m_server.start(), 0);
    const QByteArray lead = m_server.token(QStringLiteral("lead1"));
    Reply r = m_server.request("GET", QStringLiteral("/api/v1/tickets/imp-0001"), lead);
    QCOMPARE(r.status, 200);
    QJsonObject t = r.json();
    QCOMPARE(t.value(QStringLiteral("number")).toString(), QStringLiteral("C2610-900001"));
    QCOMPARE(t.value(QStringLiteral("status")).toString(), QStringLiteral("resolved"));
    QCOMPARE(t.value(QStringLiteral("resolution")).toString(), QStringLiteral("redelivery"));
    QCOMPARE(t.value(QStringLiteral("created_at")).toString(), QStringLiteral("2026-10-05T01:00:00.000Z"));
    QCOMPARE(t.value(QStringLiteral("csat")).toInt(), 5);
    r = m_server.request("GET", QStringLiteral("/api/v1/tickets/imp-0002"), lead);
    QCOMPARE(r.json().value(QStringLiteral("description")).toString(), QStringLiteral("外箱破损，杯子碎了"));
    // A team-b ticket: lead1 (team-a) gets its phone masked (issue 17); the number was normalized.
    QCOMPARE(r.json().value(QStringLiteral("customer_phone")).toString(), QStringLiteral("0571-****4321"));
    QCOMPARE(r.json().value(QStringLiteral("priority")).toString(), QStringLiteral("p2"));
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/tickets/imp-bad-1"), lead).status, 404);
    QCOMPARE(m_server.request("GET", QStringLiteral("/api/v1/tickets/imp-ok-6"), lead).status, 404);
    // Importing the same file again is refused row by row (the ids exist) and changes nothing.
    QCOMPARE(import(QStringLiteral("tickets_good.csv"), false, &out), 1);
    QVERIFY(out.contains("3 rows rejected"));
    // The team-b agent sees exactly its imported ticket in the feed.
    const QJsonArray items = m_server
                                 .request("GET", QStringLiteral("/api/v1/changes?limit=1000"),
                                          m_server.token(QStringLiteral("agent3")))
                                 .json()
                                 .value(QStringLiteral("items"))
                                 .toArray();
    QStringList tickets;
    for (const auto &v : items) {
        if (v.toObject().value(QStringLiteral("type")).toString() == QLatin1StringView("ticket"))
            tickets.append(v.toObject().value(QStringLiteral("id")).toString());
    }
    QCOMPARE(tickets, QStringList{QStringLiteral("imp-0002")});
}

void TestServerImport::usage()
{
    QByteArray out;
    QCOMPARE(
        ServerFixture::runCli({QStringLiteral("import"), QStringLiteral("--db"), m_server.dbUrl()}, {}, &out),
        2);
    QCOMPARE(ServerFixture::runCli({QStringLiteral("--listen"), QStringLiteral("nonsense")}, {}, &out), 2);
    QCOMPARE(ServerFixture::runCli({QStringLiteral("user"), QStringLiteral("add")}, {}, &out), 2);
    QCOMPARE(ServerFixture::runCli({QStringLiteral("--help")}, {}, &out), 0);
    QVERIFY(out.contains("--demo"));
    // A password is read from stdin and must be long enough; user passwd works the same way.
    QCOMPARE(ServerFixture::runCli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("shorty"),
                                    QStringLiteral("--db"), m_server.dbUrl()},
                                   "short\n", &out),
             1);
    QCOMPARE(ServerFixture::runCli({QStringLiteral("user"), QStringLiteral("passwd"),
                                    QStringLiteral("agent2"), QStringLiteral("--db"), m_server.dbUrl()},
                                   "a-new-password\n", &out),
             0);
    const Reply r = m_server.request("POST", QStringLiteral("/api/v1/auth/login"), {},
                                     {{QStringLiteral("login"), QStringLiteral("agent2")},
                                      {QStringLiteral("password"), QStringLiteral("a-new-password")}});
    QCOMPARE(r.status, 200);
}

void TestServerImport::aggregatesAreBackfilledAfterTheUpgrade()
{
    // As a schema-4 server left the file: parcels, no aggregates.
    m_server.stop(0);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("downgrade"));
        db.setDatabaseName(m_server.dbPath());
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *sql : {"DROP TABLE parcel_volume", "DROP TABLE volume_parcels",
                                "DELETE FROM meta WHERE key IN ('volume_backfilled', 'volume_time_zone')",
                                "DELETE FROM docs WHERE type = 'parcel_volume'",
                                "UPDATE meta SET value = '4' WHERE key = 'schema_version'"})
            QVERIFY2(q.exec(QLatin1StringView(sql)), sql);
    }
    QSqlDatabase::removeDatabase(QStringLiteral("downgrade"));
    const int index = m_server.start();
    QVERIFY(index > 0);
    QCOMPARE(volumeRows(), m_imported);
    // And the consoles receive them.
    const FeedRead feed =
        m_server.readFeed(m_server.token(QStringLiteral("manager1"), index), {}, 500, index);
    qint64 delivered = 0;
    for (const QJsonObject &item : feed.items) {
        if (item.value(QStringLiteral("type")).toString() == QLatin1StringView("parcel_volume"))
            delivered +=
                item.value(QStringLiteral("data")).toObject().value(QStringLiteral("delivered")).toInteger();
    }
    QCOMPARE(delivered, 3);
}

QTEST_MAIN(TestServerImport)
#include "tst_server_import.moc"
