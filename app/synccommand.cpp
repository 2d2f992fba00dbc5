#include "synccommand.h"

#include "sync/credentialstore.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace pd {

namespace {

enum Exit
{
    Ok = 0,
    SyncFailed = 1,
    Usage = 2,
    SignInRefused = 3,
    CacheRefused = 4
};

void printErr(const QString &s)
{
    std::fprintf(stderr, "%s\n", qPrintable(s));
}

QString readPasswordFromTerminal()
{
    std::fprintf(stderr, "%s", qPrintable(QCoreApplication::translate("sync", "Password: ")));
#ifdef Q_OS_UNIX
    termios old{};
    const bool tty = isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &old) == 0;
    if (tty) {
        termios quiet = old;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
#endif
    char buffer[512] = {};
    const bool got = std::fgets(buffer, sizeof buffer, stdin) != nullptr;
#ifdef Q_OS_UNIX
    if (tty)
        tcsetattr(STDIN_FILENO, TCSANOW, &old);
#endif
    std::fprintf(stderr, "\n");
    return got ? QString::fromUtf8(buffer).trimmed() : QString();
}

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(STDERR_FILENO) != 0;
#else
    return false;
#endif
}

void drawProgress(qint64 done, qint64 total, bool terminal)
{
    if (!terminal)
        return;
    constexpr int width = 30;
    if (total > 0) {
        const int filled = int(qMin<qint64>(width, done * width / total));
        std::fprintf(stderr, "\r[%s%s] %lld/%lld", QByteArray(filled, '#').constData(),
                     QByteArray(width - filled, '.').constData(), static_cast<long long>(done),
                     static_cast<long long>(total));
    } else {
        std::fprintf(stderr, "\r%s",
                     qPrintable(QCoreApplication::translate("sync", "%1 changes received…").arg(done)));
    }
    std::fflush(stderr);
}

} // namespace

int runSyncCommand(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"ParcelDesk"_qs);
    QCoreApplication::setApplicationName(u"parceldesk"_qs);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("sync", "Synchronise the local cache with a server."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"sync"_qs, QCoreApplication::translate("sync", "the command"));
    const QCommandLineOption server(u"server"_qs, QCoreApplication::translate("sync", "Server URL."),
                                    u"url"_qs);
    const QCommandLineOption user(u"user"_qs, QCoreApplication::translate("sync", "Login."), u"login"_qs);
    const QCommandLineOption passwordFile(
        u"password-file"_qs,
        QCoreApplication::translate("sync", "Read the password from this file (first line)."), u"file"_qs);
    const QCommandLineOption dataDir(
        u"data-dir"_qs, QCoreApplication::translate("sync", "Folder of the local cache."), u"folder"_qs,
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption remember(
        u"remember"_qs, QCoreApplication::translate("sync", "Keep the session in the OS keychain."));
    parser.addOptions({server, user, passwordFile, dataDir, remember});
    parser.process(app);
    if (!parser.isSet(server) || !parser.isSet(user)) {
        printErr(QCoreApplication::translate("sync", "Usage: parceldesk sync --server URL --user NAME "
                                                     "[--password-file F] [--data-dir DIR] [--remember]"));
        return Usage;
    }
    const QUrl serverUrl = QUrl::fromUserInput(parser.value(server));
    const QString login = parser.value(user);
    const QString cachePath = QDir(parser.value(dataDir)).filePath(u"cache.sqlite"_qs);
    const bool terminal = stderrIsTerminal();

    SyncEngine engine(cachePath, serverUrl);
    CredentialStore credentials;
    int exitCode = Ok;
    QElapsedTimer timer;
    timer.start();
    qint64 received = 0;

    QObject::connect(&engine, &SyncEngine::failed, &app, [&](const QString &message) {
        printErr(message);
        exitCode = CacheRefused;
        app.quit();
    });
    QObject::connect(&engine, &SyncEngine::signInFailed, &app, [&](const QString &message) {
        printErr(QCoreApplication::translate("sync", "Sign-in failed: %1").arg(message));
        exitCode = SignInRefused;
        app.quit();
    });
    QObject::connect(&engine, &SyncEngine::signedIn, &app, [&](const User &, const QByteArray &refresh) {
        if (parser.isSet(remember))
            credentials.store(parser.value(server), login, QString::fromLatin1(refresh));
        engine.syncNow();
    });
    QObject::connect(&engine, &SyncEngine::refreshTokenChanged, &app, [&](const QByteArray &refresh) {
        if (parser.isSet(remember))
            credentials.store(parser.value(server), login, QString::fromLatin1(refresh));
    });
    QObject::connect(&engine, &SyncEngine::statusChanged, &app, [&](const SyncStatus &s) {
        drawProgress(s.done, s.total, terminal && s.state == SyncStatus::State::Syncing);
    });
    QObject::connect(&engine, &SyncEngine::pullFinished, &app,
                     [&](bool ok, qint64 items, const QString &summary) {
                         received += items;
                         if (terminal)
                             std::fprintf(stderr, "\n");
                         if (!ok) {
                             printErr(QCoreApplication::translate("sync", "Sync failed: %1").arg(summary));
                             exitCode = SyncFailed;
                             app.quit();
                         }
                     });
    QObject::connect(&engine, &SyncEngine::pushIdle, &app, [&] {
        const SyncStatus &s = engine.status();
        std::printf("%s\n",
                    qPrintable(QCoreApplication::translate(
                                   "sync", "Synced %1 change(s) in %2 s; %3 edit(s) waiting, %4 conflict(s), "
                                           "%5 refused.")
                                   .arg(received)
                                   .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                                   .arg(s.pending)
                                   .arg(s.conflicts)
                                   .arg(s.rejected)));
        app.quit();
    });

    engine.start();
    if (exitCode != Ok)
        return exitCode;

    QString password;
    if (parser.isSet(passwordFile)) {
        QFile f(parser.value(passwordFile));
        if (!f.open(QIODevice::ReadOnly)) {
            printErr(QCoreApplication::translate("sync", "Cannot read the password file: %1")
                         .arg(f.errorString()));
            return Usage;
        }
        password = QString::fromUtf8(f.readLine()).trimmed();
        engine.signIn(login, password);
    } else {
        // A remembered session first; otherwise ask.
        QObject::connect(&credentials, &CredentialStore::loaded, &app,
                         [&](const QString &secret, bool found) {
                             if (found)
                                 engine.resume(secret.toLatin1());
                             else
                                 engine.signIn(login, readPasswordFromTerminal());
                         });
        credentials.load(parser.value(server), login);
    }
    const int rc = app.exec();
    return exitCode != Ok ? exitCode : rc;
}

} // namespace pd
