// parceldesk: the console. This file is the composition root: it parses the command line, loads the
// translations, opens the local cache and wires the libraries together. No logic lives here.
#include "cacheunlock.h"
#include "models/store/cachekeys.h"
#include "models/store/cacheowner.h"
#include "models/store/database.h"
#include "reportcommand.h"
#include "session.h"
#include "startupprobe.h"
#include "sync/cachekeychain.h"
#include "sync/rememberedsession.h"
#include "sync/serverclock.h"
#include "synccommand.h"
#include "ui/common/language.h"
#include "ui/mainwindow.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimeZone>

#include <cstdio>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

/// The console's command-line options (QCommandLineOption has no default constructor, so all are made here).
struct ConsoleOptions
{
    QCommandLineOption dataDir{u"data-dir"_s, QApplication::translate("main", "Folder of the local cache."),
                               QApplication::translate("main", "folder"),
                               QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
    QCommandLineOption lang{QStringList{u"lang"_s, u"language"_s},
                            QApplication::translate("main", "Language: en, zh_CN or zh_TW (this start only; "
                                                            "Edit › Preferences keeps one)."),
                            QApplication::translate("main", "language"),
                            pd::Language::resolve(pd::Language::setting())};
    QCommandLineOption zone{u"time-zone"_s,
                            QApplication::translate("main", "The company's time zone (IANA name)."),
                            QApplication::translate("main", "zone"), u"Asia/Shanghai"_s};
    // The server signed in to last time (kept by Session), else a server on this PC.
    QString lastServer = pd::RememberedSession::server();
    QCommandLineOption server{
        u"server"_s,
        QApplication::translate("main", "The ParcelDesk server's URL (default: the last one used)."),
        u"url"_s, lastServer.isEmpty() ? u"http://127.0.0.1:8470"_s : lastServer};
    QCommandLineOption user{u"user"_s, QApplication::translate("main", "Sign in as this user."), u"login"_s};
    QCommandLineOption passwordFile{
        u"password-file"_s, QApplication::translate("main", "Read the password from this file (first line)."),
        u"file"_s};
    QCommandLineOption prefill{
        u"prefill"_s, QApplication::translate("main", "With --password-file: fill in the sign-in dialog "
                                                      "and wait for a click instead of signing in at once.")};
    QCommandLineOption offline{u"offline"_s, QApplication::translate("main", "Do not connect to a server.")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({dataDir, lang, zone, server, user, passwordFile, prefill, offline});
    }
};

/// Signs in (unless --offline) through a Session wired to @p window; null when offline.
std::unique_ptr<pd::Session> startSession(const QCommandLineParser &parser, const ConsoleOptions &o,
                                          const QString &cachePath, pd::MainWindow &window,
                                          pd::ServerClock &serverClock,
                                          const std::shared_ptr<pd::CacheKeychain> &keys)
{
    if (parser.isSet(o.offline))
        return nullptr;
    const QString login = parser.isSet(o.user) ? parser.value(o.user) : pd::RememberedSession::login();
    auto session = std::make_unique<pd::Session>(cachePath, QUrl::fromUserInput(parser.value(o.server)),
                                                 login, &window, &serverClock, keys);
    QString password;
    if (parser.isSet(o.passwordFile)) {
        QFile f(parser.value(o.passwordFile));
        if (f.open(QIODevice::ReadOnly))
            password = QString::fromUtf8(f.readLine()).trimmed();
    }
    session->begin(password, parser.isSet(o.prefill));
    return session;
}

} // namespace

int main(int argc, char **argv)
{
    // The console binds every cache to its owner's key from the keychain itself (docs/architecture.md,
    // "Customer data at rest"); no cache gets a key of this process only.
    pd::CacheKeys::setAutomaticSessionKeys(false);
    // Headless commands run without a GUI application (and without a display).
    if (argc > 1 && qstrcmp(argv[1], "sync") == 0)
        return pd::runSyncCommand(argc, argv);
    if (argc > 1 && qstrcmp(argv[1], "report") == 0)
        return pd::runReportCommand(argc, argv);

    QApplication app(argc, argv);
    QApplication::setOrganizationName(u"ParcelDesk"_s);
    QApplication::setApplicationName(u"parceldesk"_s);
    QApplication::setApplicationDisplayName(u"ParcelDesk"_s);
    QApplication::setApplicationVersion(QStringLiteral(PD_VERSION));
    QGuiApplication::setDesktopFileName(u"example.parceldesk.ParcelDesk"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "ParcelDesk operations console"));
    parser.addHelpOption();
    parser.addVersionOption();
    const ConsoleOptions o;
    o.addTo(parser);
    parser.process(app);

    pd::Language::apply(parser.value(o.lang));

    const QTimeZone companyZone(parser.value(o.zone).toUtf8());
    if (!companyZone.isValid()) {
        std::fprintf(
            stderr, "%s\n",
            qPrintable(QApplication::translate("main", "Unknown time zone: %1").arg(parser.value(o.zone))));
        return 2;
    }

    QString error;
    const QString cachePath = QDir(parser.value(o.dataDir)).filePath(u"cache.sqlite"_s);
    auto db = pd::Database::open(cachePath, &error);
    if (!db) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "ParcelDesk"), error);
        return 1;
    }

    // Countdowns run on the server's clock: the PC clock plus the offset measured on every exchange (the
    // last one measured is restored at once, so a wrong PC clock is never shown even before the first sync).
    pd::SystemClock localClock;
    pd::ServerClock serverClock(&localClock);
    pd::MainWindow window(*db, serverClock, companyZone);
    std::unique_ptr<pd::StartupProbe> probe;
    if (pd::StartupProbe::wanted())
        probe = std::make_unique<pd::StartupProbe>(window.workbench(), pd::StartupProbe::processStartMs());
    // The cache is usable at once as its owner's (a cache from before owners were recorded is the last user's
    // of this PC); sign-in confirms the user, or replaces them and empties the cache.
    pd::CacheOwner owner(*db);
    const auto last = pd::RememberedSession::user();
    if (last)
        owner.adoptLegacy(*last, o.lastServer);
    // The owner's key before their tickets are shown (an older cache's clear fields are sealed now).
    auto keys = std::make_shared<pd::CacheKeychain>();
    window.setCacheNotice(pd::unlockCache(*db, *keys));
    if (const auto shown = owner.user() ? owner.user() : last)
        window.setCurrentUser(*shown);
    window.show();

    const std::unique_ptr<pd::Session> session =
        startSession(parser, o, cachePath, window, serverClock, keys);
    return QApplication::exec();
}
