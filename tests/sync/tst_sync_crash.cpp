// kill -9 of a real console process (`parceldesk sync`) during an initial sync and during an outbox push,
// repeated, against a demo server: the cache stays sound, the sync resumes from its cursor, and nothing is
// lost or sent twice.
#include "../integration/serverfixture.h"
#include "models/store/cachecrypto.h"
#include "models/store/cachekeys.h"
#include "models/store/database.h"
#include "models/store/localedits.h"
#include "models/store/outboxrepository.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketrepository.h"
#include "sync/cachekeychain.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace Qt::StringLiterals;

using namespace pd;

class TestSyncCrash : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void killDuringInitialSync();
    void killDuringOutboxPush();

private:
    QProcess *startConsole(const QString &dataDir);
    int runConsole(const QString &dataDir);
    QHash<QString, qint64> counts(const QString &dataDir);
    /// Binds @p db to the key the console keeps for lead1 in the (private) keychain.
    static bool unlock(const Database &db);
    QJsonObject get(const QString &path);

    QTemporaryDir m_dir;
    pd::test::ServerFixture m_server;
    QString m_url;
    QByteArray m_token;
    QNetworkAccessManager m_nam;
};

void TestSyncCrash::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through CTest: the consoles keep their cache keys in a private keyring (with-keyring.sh)");
    // The consoles' caches are sealed under their keys: this process binds none of its own.
    CacheKeys::setAutomaticSessionKeys(false);
    QVERIFY(m_server.startDemo(7) >= 0);
    m_url = m_server.url({}).toString();
    QFile pw(m_dir.filePath(u"pw"_s));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write("demo\n");
    pw.close();

    QNetworkRequest login(QUrl(m_url + u"/api/v1/auth/login"_s));
    login.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_nam.post(login, R"({"login":"lead1","password":"demo"})");
    QSignalSpy done(reply, &QNetworkReply::finished);
    QVERIFY(done.wait(10000));
    m_token =
        QJsonDocument::fromJson(reply->readAll()).object().value(u"access_token"_s).toString().toLatin1();
    reply->deleteLater();
    QVERIFY(!m_token.isEmpty());
}

void TestSyncCrash::cleanupTestCase()
{
    m_server.stop();
}

QJsonObject TestSyncCrash::get(const QString &path)
{
    QNetworkRequest request(QUrl(m_url + path));
    request.setRawHeader("Authorization", "Bearer " + m_token);
    QNetworkReply *reply = m_nam.get(request);
    QSignalSpy done(reply, &QNetworkReply::finished);
    done.wait(10000);
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

QProcess *TestSyncCrash::startConsole(const QString &dataDir)
{
    auto *p = new QProcess(this);
    p->setProcessChannelMode(QProcess::MergedChannels);
    p->start(QStringLiteral(PD_CONSOLE_BIN),
             {u"sync"_s, u"--server"_s, m_url, u"--user"_s, u"lead1"_s, u"--password-file"_s,
              m_dir.filePath(u"pw"_s), u"--data-dir"_s, dataDir});
    p->waitForStarted();
    return p;
}

int TestSyncCrash::runConsole(const QString &dataDir)
{
    QProcess *p = startConsole(dataDir);
    p->waitForFinished(120000);
    const int rc = p->exitCode();
    if (rc != 0)
        qWarning() << p->readAll();
    p->deleteLater();
    return rc;
}

bool TestSyncCrash::unlock(const Database &db)
{
    CacheKeychain keys;
    std::optional<CacheKeySource::Key> key;
    QObject context;
    keys.obtain(u"u-lead1"_s, CacheCrypto::storeId(db), &context,
                [&](const CacheKeySource::Key &k) { key = k; });
    return QTest::qWaitFor([&] { return key.has_value(); }, 20000) && key->kept &&
           CacheCrypto::bind(db, key->cipher, CacheCrypto::Foreign::Keep) == CacheCrypto::Outcome::Ready;
}

QHash<QString, qint64> TestSyncCrash::counts(const QString &dataDir)
{
    QHash<QString, qint64> out;
    QString error;
    auto db = Database::open(QDir(dataDir).filePath(u"cache.sqlite"_s), &error);
    if (!db)
        return out;
    out.insert(u"integrity"_s, db->integrityCheck() == u"ok"_s ? 1 : 0);
    QSqlQuery q(db->connection());
    for (const char *table : {"tickets", "ticket_events", "parcels", "tracking_events", "couriers"}) {
        q.exec(u"SELECT count(*) FROM "_s + QString::fromLatin1(table));
        q.next();
        out.insert(QString::fromLatin1(table), q.value(0).toLongLong());
    }
    return out;
}

void TestSyncCrash::killDuringInitialSync()
{
    const QString crashed = m_dir.filePath(u"crashed"_s);
    // How long a whole first sync takes on this machine (the demo holds detailed parcels only where consoles
    // need them, about 41,000 records: a second or two), so that the kills below land inside one.
    QElapsedTimer whole;
    whole.start();
    QCOMPARE(runConsole(m_dir.filePath(u"timing"_s)), 0);
    const qint64 wholeMs = whole.elapsed();
    // Kill the console at several points of its first sync; each restart must resume, not start over.
    int kills = 0;
    for (const double share : {0.3, 0.4, 0.5}) {
        QProcess *p = startConsole(crashed);
        QTest::qWait(int(double(wholeMs) * share));
        if (p->state() == QProcess::Running) {
            ::kill(pid_t(p->processId()), SIGKILL);
            ++kills;
        }
        p->waitForFinished(5000);
        p->deleteLater();
        const auto c = counts(crashed);
        QCOMPARE(c.value(u"integrity"_s), 1); // PRAGMA integrity_check after every kill
    }
    qInfo("a whole first sync took %lld ms; %d of 3 kills landed during one", qlonglong(wholeMs), kills);
    QVERIFY2(kills >= 2, "the sync finished before the console could be killed: make the data bigger");
    QString error;
    {
        auto db = Database::open(QDir(crashed).filePath(u"cache.sqlite"_s), &error);
        QVERIFY(!SyncStateRepository(*db).cursor().isEmpty()); // progress was kept
    }
    QCOMPARE(runConsole(crashed), 0);

    // A console that was never killed, synced now, holds the same rows.
    const QString clean = m_dir.filePath(u"clean"_s);
    QCOMPARE(runConsole(clean), 0);
    QCOMPARE(runConsole(crashed), 0); // both caught up to the same moment as far as possible
    const auto a = counts(crashed), b = counts(clean);
    QCOMPARE(a.value(u"integrity"_s), 1);
    for (const char *table : {"parcels", "couriers"})
        QCOMPARE(a.value(QString::fromLatin1(table)), b.value(QString::fromLatin1(table)));
    // The simulator keeps adding tracking events and tickets, and the crashed cache synced last: it may be a
    // few rows ahead, never behind (primary keys rule out duplicates).
    for (const char *table : {"tracking_events", "tickets"}) {
        const qint64 crashedRows = a.value(QString::fromLatin1(table)),
                     cleanRows = b.value(QString::fromLatin1(table));
        QVERIFY2(
            crashedRows >= cleanRows && crashedRows <= cleanRows + 200,
            qPrintable(u"%1: %2 vs %3"_s.arg(QString::fromLatin1(table)).arg(crashedRows).arg(cleanRows)));
    }
    QVERIFY(a.value(u"ticket_events"_s) > 1000);
}

void TestSyncCrash::killDuringOutboxPush()
{
    constexpr int kNotes = 600;
    const QString dir = m_dir.filePath(u"pusher"_s);
    QCOMPARE(runConsole(dir), 0);
    // Queue 600 notes across open tickets, then push with kills in between.
    QStringList noteIds;
    QHash<QString, QString> ticketOfNote;
    {
        QString error;
        auto db = Database::open(QDir(dir).filePath(u"cache.sqlite"_s), &error);
        QVERIFY(unlock(*db)); // the notes are sealed under the console's key, as the console would
        SystemClock clock;
        LocalEdits edits(*db, clock);
        TicketQuery open;
        open.statuses = {TicketStatus::Open, TicketStatus::Pending, TicketStatus::New};
        open.limit = 50;
        const auto rows = TicketRepository(*db).query(open).rows;
        QVERIFY(rows.size() >= 10);
        for (int i = 0; i < kNotes; ++i) {
            const QString ticketId = rows.at(i % rows.size()).ticket.id;
            const auto id =
                edits.addEvent(ticketId, EventKind::Note, u"回访记录 %1"_s.arg(i), {}, {}, &error);
            QVERIFY2(id.has_value(), qPrintable(error));
            noteIds.append(*id);
            ticketOfNote.insert(*id, ticketId);
        }
        QCOMPARE(OutboxRepository(*db).count(), kNotes);
    }
    int kills = 0;
    int midPush = 0; // kills that left part of the outbox sent and part not
    for (int round = 0; round < 8; ++round) {
        QProcess *p = startConsole(dir);
        QTest::qWait(250 + 100 * round);
        if (p->state() == QProcess::Running) {
            ::kill(pid_t(p->processId()), SIGKILL);
            ++kills;
        }
        p->waitForFinished(5000);
        p->deleteLater();
        QCOMPARE(counts(dir).value(u"integrity"_s), 1);
        QString error;
        auto db = Database::open(QDir(dir).filePath(u"cache.sqlite"_s), &error);
        const int left = OutboxRepository(*db).count();
        static int previous = kNotes;
        if (left > 0 && left < previous)
            ++midPush;
        previous = left;
    }
    QVERIFY2(midPush >= 1, "no kill landed in the middle of a push");
    QCOMPARE(runConsole(dir), 0);
    {
        QString error;
        auto db = Database::open(QDir(dir).filePath(u"cache.sqlite"_s), &error);
        QCOMPARE(OutboxRepository(*db).count(), 0);
    }
    qInfo("console killed %d times, %d of them in the middle of the push", kills, midPush);
    // On the server: every note exactly once.
    QHash<QString, int> seen;
    QSet<QString> tickets(ticketOfNote.begin(), ticketOfNote.end());
    for (const QString &ticketId : tickets) {
        const QJsonArray events =
            get(u"/api/v1/tickets/"_s + ticketId + u"/events"_s).value(u"items"_s).toArray();
        for (const QJsonValue &v : events)
            ++seen[v.toObject().value(u"id"_s).toString()];
    }
    for (const QString &id : std::as_const(noteIds))
        QVERIFY2(seen.value(id) == 1, qPrintable(id + u" seen "_s + QString::number(seen.value(id))));
}

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_sync_crash.moc"
