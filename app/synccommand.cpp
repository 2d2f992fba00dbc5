#include "synccommand.h"
#include "terminal.h"

#include "headlesssession.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QStandardPaths>

#include <cstdio>

using namespace Qt::StringLiterals;

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

using terminal::printErr;
using terminal::stderrIsTerminal;

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
    QCoreApplication::setOrganizationName(u"ParcelDesk"_s);
    QCoreApplication::setApplicationName(u"parceldesk"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("sync", "Synchronise the local cache with a server."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"sync"_s, QCoreApplication::translate("sync", "the command"));
    const QCommandLineOption server(u"server"_s, QCoreApplication::translate("sync", "Server URL."),
                                    u"url"_s);
    const QCommandLineOption user(u"user"_s, QCoreApplication::translate("sync", "Login."), u"login"_s);
    const QCommandLineOption passwordFile(
        u"password-file"_s,
        QCoreApplication::translate("sync", "Read the password from this file (first line)."), u"file"_s);
    const QCommandLineOption dataDir(
        u"data-dir"_s, QCoreApplication::translate("sync", "Folder of the local cache."), u"folder"_s,
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption remember(
        u"remember"_s, QCoreApplication::translate("sync", "Keep the session in the OS keychain."));
    parser.addOptions({server, user, passwordFile, dataDir, remember});
    parser.process(app);
    if (!parser.isSet(server) || !parser.isSet(user)) {
        printErr(QCoreApplication::translate("sync", "Usage: parceldesk sync --server URL --user NAME "
                                                     "[--password-file F] [--data-dir DIR] [--remember]"));
        return Usage;
    }
    const QString cachePath = QDir(parser.value(dataDir)).filePath(u"cache.sqlite"_s);
    const bool terminal = stderrIsTerminal();

    HeadlessSession::Options options;
    options.server = parser.value(server);
    options.login = parser.value(user);
    options.passwordFile = parser.value(passwordFile);
    options.remember = parser.isSet(remember);
    options.promptForPassword = true;
    HeadlessSession session(cachePath, options);
    SyncEngine &engine = session.engine();
    QElapsedTimer timer;
    timer.start();
    QObject::connect(&engine, &SyncEngine::statusChanged, &app, [&](const SyncStatus &s) {
        drawProgress(s.done, s.total, terminal && s.state == SyncStatus::State::Syncing);
    });
    QObject::connect(&engine, &SyncEngine::pullFinished, &app, [&](bool, qint64, const QString &) {
        if (terminal)
            std::fprintf(stderr, "\n");
    });

    switch (session.run()) {
    case HeadlessSession::Outcome::Synced:
        break;
    case HeadlessSession::Outcome::BadUsage:
        printErr(session.message());
        return Usage;
    case HeadlessSession::Outcome::SignInRefused:
    case HeadlessSession::Outcome::NoRememberedSession:
        printErr(session.message());
        return SignInRefused;
    case HeadlessSession::Outcome::CacheRefused:
        printErr(session.message());
        return CacheRefused;
    case HeadlessSession::Outcome::SyncFailed:
        printErr(session.message());
        return SyncFailed;
    }
    const SyncStatus &s = engine.status();
    std::printf("%s\n",
                qPrintable(QCoreApplication::translate(
                               "sync", "Synced %1 change(s) in %2 s; %3 edit(s) waiting, %4 conflict(s), "
                                       "%5 refused.")
                               .arg(session.received())
                               .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                               .arg(s.pending)
                               .arg(s.conflicts)
                               .arg(s.rejected)));
    return Ok;
}

} // namespace pd
