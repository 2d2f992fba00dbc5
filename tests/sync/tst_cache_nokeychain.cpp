// A PC without a keychain (scripts/without-dbus.sh: no D-Bus session at all): the real `parceldesk sync` says
// that it keeps no customer data, writes customer fields sealed under a key that exists only while it runs,
// and the next run, unable to read them, forgets them and downloads them again; an edit queued under a key
// that is gone is parked with its reason, never sent (docs/architecture.md, "Customer data at rest").
#include "../integration/serverfixture.h"
#include "models/domain/clock.h"
#include "models/store/cacheowner.h"
#include "models/store/database.h"
#include "models/store/localedits.h"
#include "models/store/outboxrepository.h"
#include "models/store/ticketrepository.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <limits>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestCacheNoKeychain : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void nothingReadableOutlivesTheConsole();

private:
    int runSync(QString *output);
    [[nodiscard]] qint64 scalar(const QString &sql) const;

    ServerFixture m_server;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_cache;
};

void TestCacheNoKeychain::initTestCase()
{
    QVERIFY2(qEnvironmentVariable("DBUS_SESSION_BUS_ADDRESS").contains(u"nonexistent"_s),
             "run through CTest: the test needs a computer without a keychain (scripts/without-dbus.sh)");
    QVERIFY(m_server.startDemo(5) >= 0);
    m_url = m_server.url({}).toString();
    m_cache = m_dir.filePath(u"data/cache.sqlite"_s);
    QFile pw(m_dir.filePath(u"password"_s));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write("demo\n");
}

void TestCacheNoKeychain::cleanupTestCase()
{
    m_server.stop();
}

int TestCacheNoKeychain::runSync(QString *output)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
    env.remove(u"DISPLAY"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PD_CONSOLE_BIN),
            {u"sync"_s, u"--server"_s, m_url, u"--user"_s, u"agent1"_s, u"--password-file"_s,
             m_dir.filePath(u"password"_s), u"--data-dir"_s, m_dir.filePath(u"data"_s)});
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    *output = QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}

qint64 TestCacheNoKeychain::scalar(const QString &sql) const
{
    QString error;
    auto db = Database::open(m_cache, &error);
    QSqlQuery q(db->connection());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

void TestCacheNoKeychain::nothingReadableOutlivesTheConsole()
{
    // A change typed on this PC earlier, under a key of that session (this process's own key).
    {
        QString error;
        auto db = Database::open(m_cache, &error);
        QVERIFY2(db && db->cipher(), qPrintable(error));
        User agent;
        agent.id = u"u-agent1"_s;
        agent.login = u"agent1"_s;
        agent.role = Role::Agent;
        agent.teamId = u"team-a"_s;
        bool wiped = false;
        QVERIFY(CacheOwner(*db).adopt(agent, m_url, &wiped, &error));
        Ticket t;
        t.waybillNo = u"SF1400000007919"_s;
        t.customerName = u"无钥匙"_s;
        t.customerPhone = u"13900009999"_s;
        t.description = u"上一次会话中离线新建"_s;
        t.teamId = u"team-a"_s;
        SystemClock clock;
        QVERIFY2(LocalEdits(*db, clock).createTicket(t, &error), qPrintable(error));
        QCOMPARE(OutboxRepository(*db).count(), 1);
    }

    QString output;
    QCOMPARE(runSync(&output), 0);
    // The person is told why nothing is kept, and that the earlier data could not be read.
    QVERIFY2(output.contains(u"No keychain is available on this computer"_s), qPrintable(output));
    QVERIFY2(output.contains(u"it was removed and is being downloaded again"_s), qPrintable(output));
    // The change typed under the lost key was not sent: parked with its reason.
    QCOMPARE(scalar(u"SELECT count(*) FROM outbox WHERE next_attempt_at = %1"_s.arg(
                 std::numeric_limits<qint64>::max())),
             1);
    // Customer fields were written, sealed: none in clear.
    const qint64 tickets = scalar(u"SELECT count(*) FROM tickets"_s);
    QVERIFY(tickets > 100);
    QCOMPARE(scalar(u"SELECT count(*) FROM tickets WHERE typeof(customer_phone) = 'text' AND "
                    "customer_phone <> ''"_s),
             0);

    // The next start cannot read them either: it forgets them and downloads them again.
    QCOMPARE(runSync(&output), 0);
    QVERIFY2(output.contains(u"it was removed and is being downloaded again"_s), qPrintable(output));
    QVERIFY(scalar(u"SELECT count(*) FROM tickets"_s) >= tickets); // the simulator may have added some
}

QTEST_GUILESS_MAIN(TestCacheNoKeychain)
#include "tst_cache_nokeychain.moc"
