// Issue 16, part B, faults and overload: storage faults never end the server (503 + Retry-After for writes,
// reads go on, recovery without a restart), live sockets that do not read are dropped, presence is throttled,
// demo mode refuses databases it did not seed. Each test says what the server did before this change (each
// fails against that server).
#include "liveclient.h"
#include "serverfixture.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd::test;

namespace {

/// @brief Another process's write lock on the server's SQLite file (as `import` holds it for ~20 s).
class SqliteLock
{
public:
    explicit SqliteLock(const QString &path)
        : m_name(u"lock-"_s + uuid())
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
        m_ok = db.open() && QSqlQuery(db).exec(u"BEGIN IMMEDIATE"_s);
    }
    ~SqliteLock()
    {
        release();
        QSqlDatabase::removeDatabase(m_name);
    }
    [[nodiscard]] bool ok() const { return m_ok; }
    void release()
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen()) {
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            db.close();
        }
    }

private:
    QString m_name;
    bool m_ok = false;
};

QJsonObject ticketBody(const QString &text)
{
    return {{u"description"_s, text}, {u"category"_s, u"delay"_s}, {u"team_id"_s, u"team-a"_s}};
}

} // namespace

class TestServerFaults final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void lockedDatabaseAnswers503AndRecovers();
    void fullDiskAnswers503();
    void breachWrittenSoonAfterAFault();
    void clientThatDoesNotReadIsDropped();
    void readingClientKeepsABurst();
    void positionsDoNotFillTheResumeRing();
    void presenceIsThrottled();
    void demoRefusesForeignDatabaseAndPublicAddress();

private:
    [[nodiscard]] bool alive(int index = 0)
    {
        return m_server.request("GET", u"/api/v1/health"_s, {}, {}, {}, index).status == 200;
    }
    ServerFixture m_server;
};

void TestServerFaults::initTestCase()
{
    QVERIFY(m_server.prepare());
    QCOMPARE(m_server.start(), 0);
}

// Item 2. Before: a write during the lock waited 10 s and answered 500 storage_error; the courier-position
// flush timer met the StorageError and the process ended (std::terminate), taking the live feed with it.
void TestServerFaults::lockedDatabaseAnswers503AndRecovers()
{
    const QByteArray lead = m_server.token(u"lead1"_s);
    const QByteArray admin = m_server.token(u"admin"_s);
    const Reply created = m_server.request("POST", u"/api/v1/tickets"_s, lead, ticketBody(u"锁前"_s));
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(u"id"_s).toString();
    const QString courierId = u"cr-fault"_s;
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/couriers/"_s + courierId, admin,
                          {{u"name"_s, u"测试快递员"_s}, {u"phone"_s, u"13812345678"_s}})
                 .status,
             201);

    SqliteLock lock(m_server.dbPath());
    QVERIFY(lock.ok());
    // Positions arrive while the database is locked: the flush (every 5 s) fails and must not end the
    // process.
    const Reply pos = m_server.request(
        "POST", u"/api/v1/couriers/positions"_s, admin,
        {{u"items"_s,
          QJsonArray{QJsonObject{{u"courier_id"_s, courierId}, {u"lat"_s, 30.25}, {u"lon"_s, 120.17}}}}});
    QCOMPARE(pos.status, 202);
    const Reply refused = m_server.request("POST", u"/api/v1/tickets"_s, lead, ticketBody(u"锁中"_s));
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.errorCode(), u"storage_unavailable"_s);
    QCOMPARE(refused.header("Retry-After"), QByteArray("5"));
    // Later writes do not wait for the busy timeout again.
    QElapsedTimer fast;
    fast.start();
    QCOMPARE(m_server.request("POST", u"/api/v1/tickets"_s, lead, ticketBody(u"锁中2"_s)).status, 503);
    QVERIFY2(fast.elapsed() < 1000, qPrintable(QString::number(fast.elapsed())));
    // Reads go on.
    QCOMPARE(m_server.request("GET", u"/api/v1/tickets/"_s + id, lead).status, 200);
    QCOMPARE(m_server.request("GET", u"/api/v1/changes"_s, lead).status, 200);
    QTest::qWait(6000); // past a flush of the positions
    QVERIFY(alive());
    QCOMPARE(m_server.request("GET", u"/api/v1/health"_s).json().value(u"storage_available"_s).toBool(),
             false);

    lock.release();
    QTRY_COMPARE_WITH_TIMEOUT(
        m_server.request("POST", u"/api/v1/tickets"_s, lead, ticketBody(u"锁后"_s)).status, 201, 10000);
    QCOMPARE(m_server.request("GET", u"/api/v1/health"_s).json().value(u"storage_available"_s).toBool(),
             true);
    // The positions received during the fault reach the courier record at a later flush.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (const QJsonValue &v :
                 m_server.request("GET", u"/api/v1/couriers"_s, admin).json().value(u"items"_s).toArray()) {
                const QJsonObject c = v.toObject();
                if (c.value(u"id"_s).toString() == courierId)
                    return qAbs(c.value(u"position"_s).toObject().value(u"lat"_s).toDouble() - 30.25) < 1e-6;
            }
            return false;
        }(),
        12000);
}

// Item 2 (full disk). Before: 500 storage_error.
void TestServerFaults::fullDiskAnswers503()
{
    ServerFixture server;
    QVERIFY(server.prepare());
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"pages"_s);
    db.setDatabaseName(server.dbPath());
    QVERIFY(db.open());
    QSqlQuery q(db);
    QVERIFY(q.exec(u"PRAGMA page_count"_s) && q.next());
    const int pages = q.value(0).toInt();
    q.finish();
    db.close();
    qputenv("PD_SQLITE_MAX_PAGE_COUNT", QByteArray::number(pages + 20));
    const int index = server.start();
    qunsetenv("PD_SQLITE_MAX_PAGE_COUNT");
    QCOMPARE(index, 0);
    const QByteArray lead = server.token(u"lead1"_s);
    int status = 201;
    for (int i = 0; i < 200 && status == 201; ++i)
        status = server.request("POST", u"/api/v1/tickets"_s, lead, ticketBody(QString(3000, u'满'))).status;
    QCOMPARE(status, 503);
    // The same write again (a smaller one may still fit in a partly used page).
    const Reply r = server.request("POST", u"/api/v1/tickets"_s, lead, ticketBody(QString(3000, u'满')));
    QCOMPARE(r.errorCode(), u"storage_unavailable"_s);
    QVERIFY(!r.header("Retry-After").isEmpty());
    QCOMPARE(server.request("GET", u"/api/v1/changes"_s, lead).status, 200);
    QVERIFY(server.request("GET", u"/api/v1/health"_s).status == 200);
}

// Item 6 (breach write). Before: a breach that could not be written was retried only when the next breach
// came, so with no further breach it was never written.
void TestServerFaults::breachWrittenSoonAfterAFault()
{
    ServerFixture server;
    QVERIFY(server.prepare());
    // Server time 600× real time: a p1 ticket's first-response clock runs out within seconds.
    QCOMPARE(server.start({u"--speed"_s, u"600"_s}), 0);
    const QByteArray lead = server.token(u"lead1"_s);
    QJsonObject body = ticketBody(u"破损，要求赔偿"_s);
    body.insert(u"category"_s, u"damage"_s);
    body.insert(u"priority"_s, u"p1"_s);
    const Reply created = server.request("POST", u"/api/v1/tickets"_s, lead, body);
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(u"id"_s).toString();
    const auto breaches = [&] {
        int n = 0;
        for (const QJsonValue &v : server.request("GET", u"/api/v1/tickets/%1/events"_s.arg(id), lead)
                                       .json()
                                       .value(u"items"_s)
                                       .toArray())
            n += v.toObject().value(u"kind"_s).toString() == u"sla_breach"_s;
        return n;
    };
    {
        SqliteLock lock(server.dbPath());
        QVERIFY(lock.ok());
        QTest::qWait(8000); // the first-response deadline passes while the database is locked
        QCOMPARE(breaches(), 0);
        QVERIFY(server.request("GET", u"/api/v1/health"_s).status == 200);
    }
    QTRY_VERIFY_WITH_TIMEOUT(breaches() >= 1, 10000);
}

// Item 3 (send buffer). Before: a client that never reads made the server hold everything it was sent.
void TestServerFaults::clientThatDoesNotReadIsDropped()
{
    ServerFixture server;
    QVERIFY(server.prepare());
    QCOMPARE(server.start({u"--ws-send-limit"_s, u"65536"_s}), 0);
    const QByteArray admin = server.token(u"admin"_s);
    QCOMPARE(server
                 .request("PUT", u"/api/v1/couriers/cr-slow"_s, admin,
                          {{u"name"_s, u"慢读测试"_s}, {u"phone"_s, u"13812345678"_s}})
                 .status,
             201);
    // A raw socket that completes the WebSocket handshake and then never reads again.
    QTcpSocket raw;
    raw.setReadBufferSize(4096);
    raw.connectToHost(u"127.0.0.1"_s, server.port());
    QVERIFY(raw.waitForConnected(5000));
    raw.write("GET /api/v1/live?access_token=" + admin +
              " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
              "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QVERIFY(raw.waitForBytesWritten(5000));
    QTRY_COMPARE_WITH_TIMEOUT(server.request("GET", u"/api/v1/health"_s)
                                  .json()
                                  .value(u"live"_s)
                                  .toObject()
                                  .value(u"clients"_s)
                                  .toInt(),
                              1, 5000);
    QJsonArray items;
    for (int i = 0; i < 5000; ++i)
        items.append(
            QJsonObject{{u"courier_id"_s, u"cr-slow"_s}, {u"lat"_s, 30 + i * 1e-5}, {u"lon"_s, 120.1}});
    const auto dropped = [&] {
        return server.request("GET", u"/api/v1/health"_s)
            .json()
            .value(u"live"_s)
            .toObject()
            .value(u"dropped_backlog"_s)
            .toInt();
    };
    for (int round = 0; round < 60 && dropped() == 0; ++round)
        QCOMPARE(server.request("POST", u"/api/v1/couriers/positions"_s, admin, {{u"items"_s, items}}).status,
                 202);
    QCOMPARE(dropped(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(server.request("GET", u"/api/v1/health"_s)
                                  .json()
                                  .value(u"live"_s)
                                  .toObject()
                                  .value(u"clients"_s)
                                  .toInt(),
                              0, 5000);
}

// Item 3 (presence). Before: every presence message was broadcast (89,000 in 7 s flushed the resume ring).
namespace {
QJsonArray positionItems(const QString &courierId, int count)
{
    QJsonArray items;
    for (int i = 0; i < count; ++i)
        items.append(QJsonObject{{u"courier_id"_s, courierId}, {u"lat"_s, 30 + i * 1e-5}, {u"lon"_s, 120.1}});
    return items;
}

int positionsReceived(const LiveClient &client)
{
    int n = 0;
    for (const QJsonObject &m : client.ofKind(u"positions"_s))
        n += int(m.value(u"items"_s).toArray().size());
    return n;
}
} // namespace

// Found by drill_ws_reader: the send limit was compared with the backlog right after queuing, before the
// socket could write, so one post of 5,000 positions (≈ 0.55 MB of messages, queued in one turn) dropped a
// console that reads at once when the limit was 256 KiB. Now a client past the limit gets a grace time.
void TestServerFaults::readingClientKeepsABurst()
{
    ServerFixture server;
    QVERIFY(server.prepare());
    QCOMPARE(server.start({u"--ws-send-limit"_s, u"262144"_s}), 0);
    const QByteArray admin = server.token(u"admin"_s);
    QCOMPARE(server
                 .request("PUT", u"/api/v1/couriers/cr-burst"_s, admin,
                          {{u"name"_s, u"突发测试"_s}, {u"phone"_s, u"13812345678"_s}})
                 .status,
             201);
    LiveClient reader;
    reader.open(server.port(), server.token(u"lead1"_s));
    QTRY_COMPARE(reader.ofKind(u"snapshot"_s).size(), 1);
    const QJsonArray items = positionItems(u"cr-burst"_s, 5000);
    for (int round = 0; round < 3; ++round)
        QCOMPARE(server.request("POST", u"/api/v1/couriers/positions"_s, admin, {{u"items"_s, items}}).status,
                 202);
    QTRY_COMPARE_WITH_TIMEOUT(positionsReceived(reader), 15000, 20000);
    QCOMPARE(reader.socket().state(), QAbstractSocket::ConnectedState);
    QCOMPARE(server.request("GET", u"/api/v1/health"_s)
                 .json()
                 .value(u"live"_s)
                 .toObject()
                 .value(u"dropped_backlog"_s)
                 .toInt(),
             0);
}

// Found by drill_soak: every positions message stayed in the 20,000-message resume ring (≈ 8 KB each), so a
// steady stream of positions grew the server by ≈ 10 MB a minute until the ring was full, and pushed record
// events out of it. Positions now have a ring of their own (LiveHub::kPositionsRingSize); a client resuming
// after 250 positions messages is still resumed, and gets at most that ring's worth of positions back.
void TestServerFaults::positionsDoNotFillTheResumeRing()
{
    const QByteArray admin = m_server.token(u"admin"_s);
    QCOMPARE(m_server
                 .request("PUT", u"/api/v1/couriers/cr-ring"_s, admin,
                          {{u"name"_s, u"环形测试"_s}, {u"phone"_s, u"13812345678"_s}})
                 .status,
             201);
    LiveClient first;
    first.open(m_server.port(), m_server.token(u"lead1"_s));
    QTRY_COMPARE(first.ofKind(u"hello"_s).size(), 1);
    const QJsonObject hello = first.ofKind(u"hello"_s).first();
    const qint64 since = hello.value(u"last_seq"_s).toInteger();
    const QString instance = hello.value(u"instance"_s).toString();
    first.socket().close();
    const QJsonArray one = positionItems(u"cr-ring"_s, 1);
    for (int i = 0; i < 250; ++i)
        QCOMPARE(m_server.request("POST", u"/api/v1/couriers/positions"_s, admin, {{u"items"_s, one}}).status,
                 202);
    LiveClient resumed;
    resumed.open(m_server.port(), m_server.token(u"lead1"_s),
                 u"&since=%1&instance=%2"_s.arg(since).arg(instance));
    QTRY_COMPARE(resumed.ofKind(u"hello"_s).size(), 1);
    QVERIFY(resumed.ofKind(u"hello"_s).first().value(u"resumed"_s).toBool());
    QTest::qWait(500); // the replay arrives right after the hello
    const qsizetype replayed = resumed.ofKind(u"positions"_s).size();
    qInfo("positions messages replayed after 250 posts: %lld", qlonglong(replayed));
    QVERIFY(replayed > 0);
    QVERIFY(replayed <= 200);
}

void TestServerFaults::presenceIsThrottled()
{
    const QByteArray lead = m_server.token(u"lead1"_s);
    const Reply created = m_server.request("POST", u"/api/v1/tickets"_s, lead, ticketBody(u"在看"_s));
    QCOMPARE(created.status, 201);
    const QString id = created.json().value(u"id"_s).toString();
    LiveClient watcher;
    watcher.open(m_server.port(), m_server.token(u"agent1"_s));
    QTRY_VERIFY(!watcher.ofKind(u"snapshot"_s).isEmpty());
    LiveClient noisy;
    noisy.open(m_server.port(), lead);
    QTRY_VERIFY(!noisy.ofKind(u"snapshot"_s).isEmpty());
    for (int i = 0; i < 200; ++i)
        noisy.send(
            {{u"kind"_s, u"presence"_s}, {u"ticket_id"_s, id}, {u"mode"_s, i % 2 ? u"edit"_s : u"view"_s}});
    noisy.send({{u"kind"_s, u"ping"_s}});
    QTRY_VERIFY(!noisy.ofKind(u"pong"_s).isEmpty());
    QTest::qWait(500);
    const int seen = int(watcher.ofKind(u"presence"_s).size());
    QVERIFY2(seen >= 5 && seen <= 14, qPrintable(QString::number(seen)));
    QVERIFY(m_server.request("GET", u"/api/v1/health"_s)
                .json()
                .value(u"live"_s)
                .toObject()
                .value(u"ignored_presence"_s)
                .toInt() >= 150);
}

// Item 5. Before: --demo added demo users to any database without users, ran the simulator over a
// non-empty one, and listened on any address.
void TestServerFaults::demoRefusesForeignDatabaseAndPublicAddress()
{
    QByteArray out;
    const QString db = m_server.dbUrl();
    QCOMPARE(ServerFixture::runCli({u"--demo"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, db}, {}, &out),
             1);
    QCOMPARE(ServerFixture::runCli({u"--demo"_s, u"--listen"_s, u"0.0.0.0:0"_s, u"--db"_s, db}, {}, &out), 2);
    // Forced beyond loopback, the database check still refuses it.
    QCOMPARE(
        ServerFixture::runCli(
            {u"--demo"_s, u"--demo-force-public"_s, u"--listen"_s, u"0.0.0.0:0"_s, u"--db"_s, db}, {}, &out),
        1);
    // A database the demo seeded is marked and accepted again.
    ServerFixture demo;
    QCOMPARE(demo.startDemo(7), 0);
    demo.stop();
    QSqlDatabase check = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"demo-check"_s);
    check.setDatabaseName(demo.dbPath());
    QVERIFY(check.open());
    QSqlQuery q(check);
    QVERIFY(q.exec(u"SELECT value FROM meta WHERE key = 'demo_seed'"_s) && q.next());
    q.finish();
    check.close();
    QCOMPARE(demo.start({u"--demo"_s}), 1);
    QVERIFY(demo.request("GET", u"/api/v1/health"_s, {}, {}, {}, 1).json().value(u"demo"_s).toBool());
}

QTEST_GUILESS_MAIN(TestServerFaults)
#include "tst_server_faults.moc"
