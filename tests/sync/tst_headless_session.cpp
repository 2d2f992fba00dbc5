// The headless commands against the real parceldesk-server, with the real keychain (a private gnome-keyring,
// scripts/with-keyring.sh) and the real `parceldesk` binary: a remembered session survives any number of
// `sync` and `report` runs, `report --offline` works for the user who synced the cache, `report` speaks the
// console's language codes, and the cache folder and files are private (docs/architecture.md).
#include "../integration/serverfixture.h"
#include "models/store/cachefiles.h"
#include "models/store/cacheowner.h"
#include "models/store/database.h"
#include "sync/credentialstore.h"
#include "syncharness.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <sys/stat.h>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestHeadlessSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void rememberedSessionSurvivesHeadlessRuns();
    void reportOfflineIsTheCacheOwners();
    void reportSpeaksTheConsolesLanguageCodes();
    void cacheFolderAndFilesArePrivate();

private:
    int run(const QStringList &args, QString *output = nullptr);
    QString dataDir(const QString &name) const { return m_dir.filePath(name); }
    [[nodiscard]] static int mode(const QString &path);

    ServerFixture m_server;
    QTemporaryDir m_dir;
    QString m_url;
    QString m_passwordFile;
};

void TestHeadlessSession::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through CTest: the test needs its private keyring (scripts/with-keyring.sh)");
    // The usual umask: without explicit modes the cache would be 0755/0644.
    ::umask(022);
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start() >= 0);
    m_url = m_server.url({}).toString();
    m_passwordFile = m_dir.filePath(u"password"_s);
    QFile pw(m_passwordFile);
    QVERIFY(pw.open(QIODevice::WriteOnly));
    pw.write(ServerFixture::kPassword.toUtf8() + '\n');
}

void TestHeadlessSession::cleanupTestCase()
{
    m_server.stop();
}

int TestHeadlessSession::mode(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

int TestHeadlessSession::run(const QStringList &args, QString *output)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s)); // settings of this test only
    env.remove(u"DISPLAY"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PD_CONSOLE_BIN), args);
    p.closeWriteChannel(); // a password prompt reads nothing
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    const QString text =
        QString::fromUtf8(p.readAllStandardOutput()) + QString::fromUtf8(p.readAllStandardError());
    if (output)
        *output = text;
    if (p.exitCode() != 0)
        qInfo().noquote() << args.value(0) << "exited with" << p.exitCode() << ":" << text;
    return p.exitCode();
}

// Fails on the code before this change: `sync` without --remember never stored the token it rotated when it
// resumed, and `report` never did, so the next run presented a used token, the server saw a reuse and ended
// the whole session (exit 3 from the third run on).
void TestHeadlessSession::rememberedSessionSurvivesHeadlessRuns()
{
    const QString dir = dataDir(u"remembered"_s);
    QCOMPARE(run({u"sync"_s, u"--server"_s, m_url, u"--user"_s, u"manager1"_s, u"--password-file"_s,
                  m_passwordFile, u"--data-dir"_s, dir, u"--remember"_s}),
             0);
    // Resumed from the keychain each time: each run rotates the refresh token and must keep the new one.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(run({u"sync"_s, u"--server"_s, m_url, u"--user"_s, u"manager1"_s, u"--data-dir"_s, dir}), 0);
    // `report` syncs first as the cache's owner on their server (no --server, no --user, no settings here).
    QTemporaryDir out;
    QString output;
    QCOMPARE(run({u"report"_s, u"--data-dir"_s, dir, u"--week"_s, u"2026-W10"_s, u"--format"_s, u"csv"_s,
                  u"--out"_s, out.path()},
                 &output),
             0);
    QVERIFY2(QFile::exists(out.filePath(u"parceldesk-2026-W10-summary.csv"_s)), qPrintable(output));
    QVERIFY2(!output.contains(u"never synced"_s), qPrintable(output)); // it synced first
    QCOMPARE(run({u"sync"_s, u"--server"_s, m_url, u"--user"_s, u"manager1"_s, u"--data-dir"_s, dir}), 0);

    // What the keychain holds now is the one live token of the session: the server takes it (as a console
    // started next would present it).
    CredentialStore store;
    QSignalSpy loaded(&store, &CredentialStore::loaded);
    store.load(m_url, u"manager1"_s);
    QVERIFY(loaded.wait(10000));
    QVERIFY(loaded.at(0).at(1).toBool());
    const Reply refreshed = m_server.request("POST", u"/api/v1/auth/refresh"_s, {},
                                             {{u"refresh_token"_s, loaded.at(0).at(0).toString()}});
    QCOMPARE(refreshed.status, 200);
}

// Fails on the code before this change: `report --offline` knew only the console's last user (QSettings), so
// after `sync --user manager1` it refused with "No signed-in user is known on this computer" (exit 6).
void TestHeadlessSession::reportOfflineIsTheCacheOwners()
{
    const QString manager = dataDir(u"manager"_s);
    QCOMPARE(run({u"sync"_s, u"--server"_s, m_url, u"--user"_s, u"manager1"_s, u"--password-file"_s,
                  m_passwordFile, u"--data-dir"_s, manager}),
             0);
    QTemporaryDir out;
    QString output;
    QCOMPARE(run({u"report"_s, u"--data-dir"_s, manager, u"--offline"_s, u"--week"_s, u"2026-W10"_s,
                  u"--format"_s, u"csv"_s, u"--out"_s, out.path()},
                 &output),
             0);
    QVERIFY2(QFile::exists(out.filePath(u"parceldesk-2026-W10-summary.csv"_s)), qPrintable(output));
    // Offline, the cache is its owner's: no other user's report comes out of it.
    QCOMPARE(run({u"report"_s, u"--data-dir"_s, manager, u"--offline"_s, u"--user"_s, u"lead1"_s, u"--week"_s,
                  u"2026-W10"_s, u"--format"_s, u"csv"_s, u"--out"_s, out.path()}),
             6);

    // The role check is the owner's: an agent's cache gives no report.
    const QString agent = dataDir(u"agent"_s);
    QCOMPARE(run({u"sync"_s, u"--server"_s, m_url, u"--user"_s, u"agent1"_s, u"--password-file"_s,
                  m_passwordFile, u"--data-dir"_s, agent}),
             0);
    QTemporaryDir none;
    QCOMPARE(run({u"report"_s, u"--data-dir"_s, agent, u"--offline"_s, u"--week"_s, u"2026-W10"_s,
                  u"--format"_s, u"csv"_s, u"--out"_s, none.path()},
                 &output),
             6);
    QVERIFY2(output.contains(u"may not export"_s), qPrintable(output));
    QVERIFY(QDir(none.path()).isEmpty());
}

// Fails on the code before this change: "zh-TW" (the console's spelling) loaded no translation and the report
// came out in English.
void TestHeadlessSession::reportSpeaksTheConsolesLanguageCodes()
{
    // The Traditional Chinese of the coverage line, up to its first argument, from the committed translation.
    QFile ts(QStringLiteral(PD_TEST_DATA_DIR "/../../translations/parceldesk_zh_TW.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&ts);
    QString source, expected;
    while (!xml.atEnd() && expected.isEmpty()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == u"source"_s)
            source = xml.readElementText();
        else if (xml.isStartElement() && xml.name() == u"translation"_s &&
                 source == u"Data as of %1 (%2), generated %3."_s)
            expected = xml.readElementText().section(u"%1"_s, 0, 0);
    }
    QVERIFY(!expected.isEmpty());

    const QString manager = dataDir(u"manager"_s); // synced by reportOfflineIsTheCacheOwners
    for (const QString &code : {u"zh-TW"_s, u"zh_TW"_s}) {
        QTemporaryDir out;
        QString output;
        QCOMPARE(run({u"report"_s, u"--data-dir"_s, manager, u"--offline"_s, u"--lang"_s, code, u"--week"_s,
                      u"2026-W10"_s, u"--format"_s, u"csv"_s, u"--out"_s, out.path()},
                     &output),
                 0);
        QVERIFY2(output.contains(expected), qPrintable(code + u": "_s + output));
    }
}

// Fails on the code before this change: the folder was 0755 and the files 0644 (umask 022).
void TestHeadlessSession::cacheFolderAndFilesArePrivate()
{
    // Made by the `parceldesk sync` process.
    const QString manager = dataDir(u"manager"_s);
    QCOMPARE(mode(manager), 0700);
    QCOMPARE(mode(QDir(manager).filePath(u"cache.sqlite"_s)), 0600);

    // In this process, while a sync holds the cache open: its -wal and -shm too.
    const QString dir = dataDir(u"in-process/nested"_s);
    const QString cache = QDir(dir).filePath(u"cache.sqlite"_s);
    Console console(cache, m_server.url({}));
    QVERIFY(console.signIn(u"lead1"_s));
    QVERIFY(console.sync());
    QCOMPARE(mode(dir), 0700);
    for (const QString &file : QStringList{cache, cache + u"-wal"_s, cache + u"-shm"_s}) {
        QVERIFY2(QFileInfo::exists(file), qPrintable(file));
        QCOMPARE(mode(file), 0600);
    }
    QCOMPARE(CacheFiles::companions(cache).size(), 3);
}

QTEST_GUILESS_MAIN(TestHeadlessSession)
#include "tst_headless_session.moc"
