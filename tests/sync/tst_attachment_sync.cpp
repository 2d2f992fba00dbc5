// Attachments between a console and the real parceldesk-server (issue 22, docs/attachments.md):
// (a) a 5 MB file staged while the server is down arrives once, byte-identical, when it is back;
// (b) a console process killed with SIGKILL in the middle of an upload resumes from the server's `received`
// on
//     restart, and the file arrives once, byte-identical;
// (c) a 21 MB file is refused at staging, and a server with a lower limit makes the uploader fail the file
// with
//     the server's message.
#include "models/store/attachmentfiles.h"
#include "models/store/attachmentrepository.h"
#include "models/store/cachecrypto.h"
#include "models/store/cachekeys.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketrepository.h"
#include "sync/cachekeychain.h"
#include "sync/changeapplier.h"
#include "sync/serverclock.h"
#include "syncharness.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <csignal>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
constexpr qint64 kFiveMb = 5 * 1024 * 1024;

QByteArray randomBytes(qsizetype n, quint32 seed)
{
    QByteArray b(n, Qt::Uninitialized);
    QRandomGenerator g(seed);
    g.fillRange(reinterpret_cast<quint32 *>(b.data()), n / 4);
    return b;
}

/// A PDF as libmagic sees it (the server keeps only photos, PDFs and videos, and rewrites no PDF): its
/// header, random bytes, its trailer; @p n bytes in all.
QByteArray pdfBytes(qsizetype n, quint32 seed)
{
    const QByteArray head = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    const QByteArray tail = "\n%%EOF\n";
    return head + randomBytes(n - head.size() - tail.size(), seed) + tail;
}

QByteArray sha(const QByteArray &b)
{
    return QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex();
}
} // namespace

class TestAttachmentSync : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void stagedOfflineArrivesOnceWhenOnline();
    void killedMidUploadResumesFromReceived();
    void storedBeforeTheAnswerWasKept();
    void oversizeRefusedLocallyAndByServer();
    void feedItemsFollowTheirTicket();

private:
    /// The server's records of @p ticket with @p id (to count them) and the bytes of one.
    int recordsOnServer(const QString &ticket, const QString &id);
    QByteArray contentOnServer(const QString &id);
    qint64 receivedOnServer(const QString &id);
    QProcess *startConsole(const QString &dataDir, int chunkDelayMs = 0);
    static bool unlock(const Database &db, const QString &userId);
    int attempts(const Database &db, const QString &id);

    ServerFixture m_server;
    QTemporaryDir m_dir;
    int m_index = -1;
    QString m_ticket;
};

void TestAttachmentSync::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.prepare());
    m_index = m_server.start();
    QVERIFY(m_index >= 0);
    m_ticket = m_server.createTicket(u"agent1"_s, ServerFixture::ticketBody(u"team-a"_s), m_index);
    QVERIFY(!m_ticket.isEmpty());
    QFile pw(m_dir.filePath(u"pw"_s));
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write(ServerFixture::kPassword.toUtf8() + '\n');
}

void TestAttachmentSync::cleanupTestCase()
{
    m_server.stop(m_index);
}

int TestAttachmentSync::recordsOnServer(const QString &ticket, const QString &id)
{
    const Reply r = m_server.request("GET", u"/api/v1/tickets/%1/attachments"_s.arg(ticket),
                                     m_server.token(u"agent1"_s, m_index), {}, {}, m_index);
    int n = 0;
    for (const QJsonValue &v : r.json().value(u"items"_s).toArray())
        n += v.toObject().value(u"id"_s).toString() == id ? 1 : 0;
    return n;
}

QByteArray TestAttachmentSync::contentOnServer(const QString &id)
{
    const Reply r = m_server.request("GET", u"/api/v1/attachments/%1/content"_s.arg(id),
                                     m_server.token(u"agent1"_s, m_index), {}, {}, m_index);
    return r.status == 200 ? r.body : QByteArray();
}

qint64 TestAttachmentSync::receivedOnServer(const QString &id)
{
    const Reply r = m_server.request("GET", u"/api/v1/attachments/%1/upload"_s.arg(id),
                                     m_server.token(u"agent1"_s, m_index), {}, {}, m_index);
    return r.status == 200 ? r.json().value(u"received"_s).toInteger(-1) : -1;
}

int TestAttachmentSync::attempts(const Database &db, const QString &id)
{
    QSqlQuery q(db.connection());
    q.prepare(u"SELECT attempts FROM attachments WHERE id = ?"_s);
    q.addBindValue(id);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

// The console process: this binary started with --console <data dir> <server> <password file> runs what
// `parceldesk sync` runs — a SyncEngine on <data dir>/cache.sqlite with the cache key in the (private)
// keychain, signed in as agent1, one pull and the push that follows it (edits, then staged files) — and
// exits. It needs no UI library, so the test does not wait for the whole console to build.
int runConsoleProcess(const QString &dataDir, const QString &server, const QString &passwordFile)
{
    QFile pw(passwordFile);
    if (!pw.open(QIODevice::ReadOnly))
        return 3;
    CacheKeys::setAutomaticSessionKeys(false); // as the console: the key comes from the keychain at sign-in
    SyncEngine engine(QDir(dataDir).filePath(u"cache.sqlite"_s), QUrl(server));
    engine.setCacheKeys(std::make_shared<CacheKeychain>());
    int rc = -1;
    bool pulled = false;
    QObject::connect(&engine, &SyncEngine::failed, &engine, [&](const QString &m) {
        qWarning("%s", qPrintable(m));
        rc = 4;
    });
    QObject::connect(&engine, &SyncEngine::signInFailed, &engine, [&](const QString &) { rc = 5; });
    QObject::connect(&engine, &SyncEngine::signedIn, &engine, [&] { engine.syncNow(); });
    QObject::connect(&engine, &SyncEngine::pullFinished, &engine, [&](bool ok) {
        pulled = ok;
        if (!ok)
            rc = 6;
    });
    QObject::connect(&engine, &SyncEngine::pushIdle, &engine, [&] {
        if (pulled)
            rc = 0;
    });
    QDir().mkpath(dataDir);
    engine.start();
    engine.signIn(u"agent1"_s, QString::fromUtf8(pw.readAll()).trimmed());
    return QTest::qWaitFor([&] { return rc >= 0; }, 120000) ? rc : 7;
}

QProcess *TestAttachmentSync::startConsole(const QString &dataDir, int chunkDelayMs)
{
    auto *p = new QProcess(this);
    p->setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (chunkDelayMs > 0)
        env.insert(u"PARCELDESK_TEST_UPLOAD_CHUNK_DELAY_MS"_s, QString::number(chunkDelayMs));
    env.insert(u"QT_LOGGING_RULES"_s, u"pd.sync.upload.info=true"_s);
    p->setProcessEnvironment(env);
    p->start(QCoreApplication::applicationFilePath(),
             {u"--console"_s, dataDir, m_server.url({}, m_index).toString(), m_dir.filePath(u"pw"_s)});
    p->waitForStarted();
    return p;
}

bool TestAttachmentSync::unlock(const Database &db, const QString &userId)
{
    CacheKeychain keys;
    std::optional<CacheKeySource::Key> key;
    QObject context;
    keys.obtain(userId, CacheCrypto::storeId(db), &context, [&](const CacheKeySource::Key &k) { key = k; });
    return QTest::qWaitFor([&] { return key.has_value(); }, 20000) && key->kept &&
           CacheCrypto::bind(db, key->cipher, CacheCrypto::Foreign::Keep) == CacheCrypto::Outcome::Ready;
}

void TestAttachmentSync::stagedOfflineArrivesOnceWhenOnline()
{
    const QString cache = m_dir.filePath(u"a.sqlite"_s);
    const quint16 port = m_server.port(m_index);
    Console console(cache, m_server.url({}, m_index));
    QVERIFY(console.signIn(u"agent1"_s));
    QVERIFY(console.sync());
    QSignalSpy stored(&console.engine, &SyncEngine::attachmentStored);
    QSignalSpy progress(&console.engine, &SyncEngine::attachmentUploadProgress);

    // The server goes away; a 5 MB photo is added and fails to go out.
    m_server.stop(m_index);
    QString error;
    auto db = Database::open(cache, &error);
    QVERIFY2(db, qPrintable(error));
    const QString me = SyncStateRepository(*db).value(u"owner.id"_s);
    const QByteArray bytes = pdfBytes(kFiveMb, 22);
    const auto a = AttachmentRepository(*db).stageBytes(m_ticket, bytes, u"外箱发票.pdf"_s, me,
                                                        console.engine.clock()->nowMs(),
                                                        EvidenceKind::OuterBox, {}, &error);
    QVERIFY2(a, qPrintable(error));
    console.engine.uploadAttachmentsNow();
    QVERIFY(QTest::qWaitFor([&] { return attempts(*db, a->id) > 0; }, 10000));
    QCOMPARE(AttachmentRepository(*db).view(a->id)->state, AttachmentState::Queued);

    // Back on the same address: the next sync sends it.
    m_index = m_server.start({u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)});
    QVERIFY(m_index >= 0);
    m_server.forgetTokens();
    console.engine.syncAndSendNow();
    QVERIFY2(stored.wait(60000) || !stored.isEmpty(), qPrintable(console.engine.status().message));
    QCOMPARE(stored.first().at(1).toString(), a->id);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.last().at(2).toLongLong(), kFiveMb);

    QCOMPARE(recordsOnServer(m_ticket, a->id), 1);
    QCOMPARE(sha(contentOnServer(a->id)), sha(bytes));
    QVERIFY(console.sync()); // the record comes back through the change feed: still one, Stored
    const auto views = AttachmentRepository(*db).forTicket(m_ticket);
    QCOMPARE(views.size(), 1);
    QCOMPARE(views[0].state, AttachmentState::Stored);
    QCOMPARE(views[0].attachment.sha256.toLatin1(), sha(bytes));
    QCOMPARE(sha(AttachmentRepository(*db).content(a->id, &error)), sha(bytes));

    // A second console downloads it on request, byte-identical, into its own (sealed) download cache.
    Console other(m_dir.filePath(u"a2.sqlite"_s), m_server.url({}, m_index));
    QVERIFY(other.signIn(u"agent2"_s));
    QVERIFY(other.sync());
    QSignalSpy downloaded(&other.engine, &SyncEngine::attachmentDownloaded);
    other.engine.downloadAttachment(a->id);
    QVERIFY(downloaded.wait(30000));
    auto otherDb = Database::open(m_dir.filePath(u"a2.sqlite"_s), &error);
    QCOMPARE(sha(AttachmentRepository(*otherDb).content(a->id, &error)), sha(bytes));
}

void TestAttachmentSync::killedMidUploadResumesFromReceived()
{
    const QString dir = m_dir.filePath(u"killed"_s);
    {
        QProcess *p = startConsole(dir);
        QVERIFY(p->waitForFinished(120000));
        QVERIFY2(p->exitCode() == 0, p->readAll().constData());
        p->deleteLater();
    }
    const QByteArray bytes = pdfBytes(kFiveMb, 33);
    QString id;
    {
        QString error;
        auto db = Database::open(QDir(dir).filePath(u"cache.sqlite"_s), &error);
        QVERIFY2(db, qPrintable(error));
        const QString me = SyncStateRepository(*db).value(u"owner.id"_s);
        QVERIFY(unlock(*db, me)); // sealed under the console's key, as the console would
        const auto a = AttachmentRepository(*db).stageBytes(m_ticket, bytes, u"invoice.pdf"_s, me,
                                                            QDateTime::currentMSecsSinceEpoch(),
                                                            EvidenceKind::Goods, {}, &error);
        QVERIFY2(a, qPrintable(error));
        id = a->id;
    }
    // A slow chunk pace, and SIGKILL once the server holds part of the file.
    QProcess *p = startConsole(dir, 1500);
    const bool part = QTest::qWaitFor(
        [&] {
            const qint64 r = receivedOnServer(id);
            return r > 0 && r < kFiveMb;
        },
        60000);
    // Between two chunks (the next one waits 1.5 s): the console has noted the bytes the server confirmed.
    QTest::qWait(500);
    ::kill(pid_t(p->processId()), SIGKILL);
    p->waitForFinished(5000);
    p->deleteLater();
    QVERIFY2(part, "the upload never stood part-way on the server");
    const qint64 before = receivedOnServer(id);
    QVERIFY2(before > 0 && before < kFiveMb, qPrintable(QString::number(before)));
    {
        QString error;
        auto db = Database::open(QDir(dir).filePath(u"cache.sqlite"_s), &error);
        QCOMPARE(db->integrityCheck(), u"ok"_s);
        QSqlQuery q(db->connection());
        QVERIFY(q.prepare(u"SELECT state, uploaded FROM attachments WHERE id = ?"_s));
        q.addBindValue(id);
        QVERIFY(q.exec() && q.next());
        QCOMPARE(q.value(0).toInt(), int(AttachmentState::Uploading));
        QVERIFY(q.value(1).toLongLong() > 0);
    }

    // Restarted: it asks where the upload stands and goes on from there.
    QProcess *again = startConsole(dir);
    QVERIFY(again->waitForFinished(120000));
    const QByteArray output = again->readAll();
    again->deleteLater();
    QVERIFY2(again->exitCode() == 0, output.constData());
    QVERIFY2(output.contains(
                 QByteArray("resuming upload " + id.toLatin1() + " at byte " + QByteArray::number(before))),
             output.constData());
    QCOMPARE(recordsOnServer(m_ticket, id), 1);
    QCOMPARE(sha(contentOnServer(id)), sha(bytes));
    QString error;
    auto db = Database::open(QDir(dir).filePath(u"cache.sqlite"_s), &error);
    QSqlQuery q(db->connection());
    QVERIFY(q.prepare(u"SELECT state FROM attachments WHERE id = ?"_s));
    q.addBindValue(id);
    QVERIFY(q.exec() && q.next());
    QCOMPARE(q.value(0).toInt(), int(AttachmentState::Stored));
}

void TestAttachmentSync::oversizeRefusedLocallyAndByServer()
{
    const QString cache = m_dir.filePath(u"c.sqlite"_s);
    Console console(cache, m_server.url({}, m_index));
    QVERIFY(console.signIn(u"agent1"_s));
    QVERIFY(console.sync());
    QString error;
    auto db = Database::open(cache, &error);
    const QString me = SyncStateRepository(*db).value(u"owner.id"_s);
    const QString big = m_dir.filePath(u"big.mp4"_s);
    QFile f(big);
    QVERIFY(f.open(QIODevice::WriteOnly));
    QVERIFY(f.write(QByteArray(21 * 1024 * 1024, 'x')) > 0);
    f.close();
    const auto before = AttachmentRepository(*db).forTicket(m_ticket).size(); // the earlier tests' files
    QVERIFY(!AttachmentRepository(*db).stage(m_ticket, big, me, 0, std::nullopt, {}, &error));
    QVERIFY2(error.contains(u"big.mp4"_s) && error.contains(u"20 MB"_s), qPrintable(error));
    QCOMPARE(AttachmentRepository(*db).forTicket(m_ticket).size(), before); // nothing written

    // The server now takes at most 1 MB: a 3 MB file fails with the server's message, for good.
    const quint16 port = m_server.port(m_index);
    m_server.stop(m_index);
    m_index = m_server.start({u"--listen"_s, u"127.0.0.1:%1"_s.arg(port), u"--attachments-max-file-bytes"_s,
                              QString::number(1024 * 1024)});
    QVERIFY(m_index >= 0);
    m_server.forgetTokens();
    QSignalSpy failed(&console.engine, &SyncEngine::attachmentUploadFailed);
    const auto a =
        AttachmentRepository(*db).stageBytes(m_ticket, randomBytes(3 * 1024 * 1024, 44), u"long.mp4"_s, me,
                                             console.engine.clock()->nowMs(), {}, {}, &error);
    QVERIFY2(a, qPrintable(error));
    console.engine.syncAndSendNow();
    QVERIFY(failed.wait(30000) || !failed.isEmpty());
    QCOMPARE(failed.first().at(1).toString(), a->id);
    const QString message = failed.first().at(2).toString();
    QVERIFY2(message.startsWith(u"The server refused the file:"_s) && message.size() > 30,
             qPrintable(message));
    const auto v = AttachmentRepository(*db).view(a->id);
    QCOMPARE(v->state, AttachmentState::Failed);
    QCOMPARE(v->error, message);
    QCOMPARE(recordsOnServer(m_ticket, a->id), 0);
    QVERIFY(console.sync()); // a failed file is not sent again
    QCOMPARE(AttachmentRepository(*db).view(a->id)->state, AttachmentState::Failed);
}

void TestAttachmentSync::storedBeforeTheAnswerWasKept()
{
    // The console sent every byte and the server stored the file, but the console was killed before it
    // kept the answer: on restart it asks where the upload stands (409 upload_complete) and must take the
    // stored record (from the create's answer), not wait and retry for ever.
    const QString cache = m_dir.filePath(u"stored.sqlite"_s);
    QString me;
    {
        Console first(cache, m_server.url({}, m_index));
        QVERIFY(first.signIn(u"agent1"_s));
        QVERIFY(first.sync());
    } // the console stops: what follows happens to its cache between two runs
    QString error;
    auto db = Database::open(cache, &error);
    QVERIFY2(db, qPrintable(error));
    me = SyncStateRepository(*db).value(u"owner.id"_s);
    const QByteArray bytes = pdfBytes(900 * 1024, 31); // one chunk for the fixture's upload
    AttachmentRepository repo(*db);
    const auto a = repo.stageBytes(m_ticket, bytes, u"签收单.pdf"_s, me, QDateTime::currentMSecsSinceEpoch(),
                                   std::nullopt, {}, &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(m_server.uploadAttachment(u"agent1"_s, m_ticket, a->name, bytes, {{u"id"_s, a->id}}, m_index),
             a->id);
    QVERIFY(repo.markUploaded(a->id, 512 * 1024)); // what the killed console had recorded

    Console console(cache, m_server.url({}, m_index));
    QSignalSpy stored(&console.engine, &SyncEngine::attachmentStored);
    QVERIFY(console.signIn(u"agent1"_s));
    console.engine.uploadAttachmentsNow();
    QVERIFY2(stored.wait(20000) || !stored.isEmpty(), qPrintable(repo.view(a->id)->error));
    QCOMPARE(stored.first().at(1).toString(), a->id);
    QCOMPARE(repo.view(a->id)->state, AttachmentState::Stored);
    QCOMPARE(attempts(*db, a->id), 0);
    QCOMPARE(recordsOnServer(m_ticket, a->id), 1);
}

void TestAttachmentSync::feedItemsFollowTheirTicket()
{
    // The change feed's attachment items, applied as the engine does (no server needed): one that comes
    // before its ticket is kept, a deleted one goes with its file, a withdrawn ticket takes its attachments
    // and files.
    QString error;
    auto db = Database::open(m_dir.filePath(u"feed.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    const auto record = [](const QString &id, const QString &ticket, qint64 version) {
        Attachment a;
        a.id = id;
        a.ticketId = ticket;
        a.name = u"label.jpg"_s;
        a.contentType = u"image/jpeg"_s;
        a.size = 4;
        a.sha256 = QString::fromLatin1(sha("abcd"));
        a.createdAt = 1795400000000;
        a.version = version;
        return ChangeItem{u"attachment"_s, id, version, false, a.toJson(), {}};
    };
    ChangePage first;
    first.items = {record(u"att-early"_s, u"t-later"_s, 5), record(u"att-gone"_s, u"t-later"_s, 6)};
    first.nextCursor = u"c3.6.t-team-a"_s;
    QVERIFY2(ChangeApplier(*db).apply(first, nullptr, &error), qPrintable(error));
    AttachmentRepository repo(*db);
    QCOMPARE(repo.forTicket(u"t-later"_s).size(), 2); // kept although the ticket is not here yet
    QVERIFY(repo.storeDownloaded(u"att-gone"_s, "abcd", AttachmentRepository::kDefaultCacheBytes, &error));
    QVERIFY(repo.storeDownloaded(u"att-early"_s, "abcd", AttachmentRepository::kDefaultCacheBytes, &error));
    const QString folder = AttachmentFiles::folder(db->path());
    QCOMPARE(QDir(folder).entryList(QDir::Files).size(), 2);

    Ticket t;
    t.id = u"t-later"_s;
    t.number = u"C2612-000001"_s;
    t.createdAt = 1795400000000;
    t.version = 9;
    ChangePage second;
    second.items = {{u"ticket"_s, t.id, 9, false, t.toJson(), {}},
                    {u"attachment"_s, u"att-gone"_s, 7, true, {}, {}}};
    second.nextCursor = u"c3.9.t-team-a"_s;
    QVERIFY2(ChangeApplier(*db).apply(second, nullptr, &error), qPrintable(error));
    QCOMPARE(repo.forTicket(t.id).size(), 1);
    QCOMPARE(repo.forTicket(t.id).value(0).attachment.id, u"att-early"_s);
    QCOMPARE(QDir(folder).entryList(QDir::Files), QStringList{u"att-early.bin"_s}); // deleted: its file went

    ChangePage third;
    third.items = {{u"ticket"_s, t.id, 10, true, {}, u"withdrawn"_s}};
    third.nextCursor = u"c3.10.t-team-a"_s;
    QVERIFY2(ChangeApplier(*db).apply(third, nullptr, &error), qPrintable(error));
    QVERIFY(repo.forTicket(t.id).isEmpty());
    QVERIFY(QDir(folder).entryList(QDir::Files).isEmpty());
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args.at(1) == u"--console"_s)
        return runConsoleProcess(args.at(2), args.at(3), args.at(4));
    TestAttachmentSync test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_attachment_sync.moc"
