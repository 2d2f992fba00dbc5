// `parceldesk-server import`: good, bad and dry-run CSV files, atomic, then served by the API.
#include "serverfixture.h"

#include <QTest>

using namespace pd::test;

class TestServerImport final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_server.prepare()); }
    void dryRunWritesNothing();
    void badFileRejectsEverything();
    void goodFileImports();
    void usage();

private:
    int import(const QString &file, bool dryRun, QByteArray *out)
    {
        QStringList args{QStringLiteral("import"), QStringLiteral("--db"), m_server.dbUrl(),
                         QStringLiteral("--tickets"), QStringLiteral(PD_TEST_DATA_DIR "/import/") + file};
        if (dryRun)
            args << QStringLiteral("--dry-run");
        return ServerFixture::runCli(args, {}, out);
    }
    ServerFixture m_server;
};

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

QTEST_MAIN(TestServerImport)
#include "tst_server_import.moc"
