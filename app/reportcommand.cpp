#include "reportcommand.h"

#include "models/domain/clock.h"
#include "models/store/database.h"
#include "reports/reportexport.h"
#include "sync/credentialstore.h"
#include "sync/syncengine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QTranslator>

#include <cstdio>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace pd {

namespace {

enum Exit
{
    Ok = 0,
    ExportFailed = 1,
    Usage = 2,
    SignInRefused = 3,
    CacheRefused = 4,
    SyncFailed = 5,
    NotAllowed = 6
};

/// Translation context of the command's strings.
struct ReportCommand
{
    Q_DECLARE_TR_FUNCTIONS(pd::ReportCommand)
};

void printErr(const QString &s)
{
    std::fprintf(stderr, "%s\n", qPrintable(s));
}

bool stderrIsTerminal()
{
#ifdef Q_OS_UNIX
    return isatty(STDERR_FILENO) != 0;
#else
    return false;
#endif
}

void installTranslations(QCoreApplication &app, const QString &language)
{
    if (language.isEmpty() || language.startsWith(u"en"))
        return;
    QLocale::setDefault(QLocale(language));
    auto *ours = new QTranslator(&app);
    if (ours->load(u":/i18n/parceldesk_"_qs + language))
        QCoreApplication::installTranslator(ours);
    auto *qt = new QTranslator(&app);
    if (qt->load(u"qtbase_"_qs + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
}

struct SyncOutcome
{
    int exitCode = Ok;
    std::optional<User> user;
};

/// Signs in (password file, else the remembered session in the keychain), pulls and pushes, then returns.
SyncOutcome syncFirst(QCoreApplication &app, const QString &cachePath, const QString &server,
                      const QString &login, const QString &passwordFile)
{
    SyncOutcome out;
    SyncEngine engine(cachePath, QUrl::fromUserInput(server));
    CredentialStore credentials;
    QObject::connect(&engine, &SyncEngine::failed, &app, [&](const QString &message) {
        printErr(message);
        out.exitCode = CacheRefused;
        app.quit();
    });
    QObject::connect(&engine, &SyncEngine::signInFailed, &app, [&](const QString &message) {
        printErr(ReportCommand::tr("Sign-in failed: %1").arg(message));
        out.exitCode = SignInRefused;
        app.quit();
    });
    QObject::connect(&engine, &SyncEngine::signedIn, &app, [&](const User &user, const QByteArray &) {
        out.user = user;
        engine.syncNow();
    });
    QObject::connect(&engine, &SyncEngine::pullFinished, &app, [&](bool ok, qint64, const QString &summary) {
        if (!ok) {
            printErr(ReportCommand::tr("Sync failed: %1").arg(summary));
            out.exitCode = SyncFailed;
            app.quit();
        }
    });
    QObject::connect(&engine, &SyncEngine::pushIdle, &app, [&] { app.quit(); });
    engine.start();
    if (out.exitCode != Ok)
        return out;
    if (!passwordFile.isEmpty()) {
        QFile f(passwordFile);
        if (!f.open(QIODevice::ReadOnly)) {
            printErr(ReportCommand::tr("Cannot read the password file: %1").arg(f.errorString()));
            out.exitCode = Usage;
            return out;
        }
        engine.signIn(login, QString::fromUtf8(f.readLine()).trimmed());
    } else {
        QObject::connect(
            &credentials, &CredentialStore::loaded, &app, [&](const QString &secret, bool found) {
                if (found) {
                    engine.resume(secret.toLatin1());
                    return;
                }
                printErr(
                    ReportCommand::tr(
                        "No remembered session for %1 on %2: give --password-file, or --offline to report "
                        "from the cache.")
                        .arg(login, server));
                out.exitCode = SignInRefused;
                app.quit();
            });
        credentials.load(server, login);
    }
    QCoreApplication::exec();
    return out;
}

/// The last signed-in user, as app/session.cpp (Session::lastUser) stores it in QSettings "session/user".
std::optional<User> lastUser()
{
    const QByteArray json = QSettings().value(u"session/user"_qs).toByteArray();
    if (json.isEmpty())
        return std::nullopt;
    return User::fromJson(QJsonDocument::fromJson(json).object());
}

/// Manager: any team. Supervisor: their own team only (chosen when --team is not given).
int checkRole(const std::optional<User> &user, QString &team)
{
    if (!user) {
        printErr(ReportCommand::tr(
            "No signed-in user is known on this computer (or its role is unknown): sign in once, or "
            "give --server and --user. Reports are for managers and supervisors."));
        return NotAllowed;
    }
    if (user->role == Role::Manager)
        return Ok;
    if (user->role == Role::Supervisor) {
        if (user->teamId.isEmpty()) {
            printErr(ReportCommand::tr("Supervisor %1 has no team: only a manager can export every team.")
                         .arg(user->login));
            return NotAllowed;
        }
        if (team.isEmpty())
            team = user->teamId;
        if (team != user->teamId) {
            printErr(ReportCommand::tr("Supervisor %1 can export only their own team (%2).")
                         .arg(user->login, user->teamId));
            return NotAllowed;
        }
        return Ok;
    }
    printErr(ReportCommand::tr(
                 "Role %1 may not export reports: only managers, and supervisors for their own team.")
                 .arg(displayName(user->role)));
    return NotAllowed;
}

} // namespace

int runReportCommand(int argc, char **argv)
{
    // No display needed: fonts and the PDF work on the offscreen platform.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"ParcelDesk"_qs);
    QCoreApplication::setApplicationName(u"parceldesk"_qs);

    QCommandLineParser parser;
    parser.setApplicationDescription(ReportCommand::tr(
        "Write the weekly report of an ISO week as PDF, XLSX and/or CSV.\n\nExit codes: 0 written, 1 export "
        "failed, 2 bad usage, 3 sign-in refused, 4 the cache cannot be opened, 5 sync failed, 6 role not "
        "allowed or unknown."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"report"_qs, ReportCommand::tr("the command"));
    const QCommandLineOption week(
        u"week"_qs, ReportCommand::tr("ISO week, e.g. 2026-W47 (default: last week)."), u"week"_qs);
    const QCommandLineOption format(u"format"_qs,
                                    ReportCommand::tr("Formats, comma-separated: pdf, xlsx, csv."),
                                    u"list"_qs, u"pdf,xlsx,csv"_qs);
    const QCommandLineOption out(u"out"_qs, ReportCommand::tr("Folder to write into (created when missing)."),
                                 u"folder"_qs);
    const QCommandLineOption team(u"team"_qs, ReportCommand::tr("Only this team's tickets."), u"team"_qs);
    const QCommandLineOption lang(u"lang"_qs, ReportCommand::tr("Language: en, zh_CN or zh_TW."),
                                  u"language"_qs, u"en"_qs);
    const QCommandLineOption dataDir(u"data-dir"_qs, ReportCommand::tr("Folder of the local cache."),
                                     u"folder"_qs,
                                     QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
    const QCommandLineOption zone(u"zone"_qs, ReportCommand::tr("The company's time zone (IANA name)."),
                                  u"zone"_qs, u"Asia/Shanghai"_qs);
    const QCommandLineOption company(u"company"_qs, ReportCommand::tr("Company name in the header."),
                                     u"name"_qs);
    const QCommandLineOption server(
        u"server"_qs, ReportCommand::tr("Sync with this server first (default: the remembered one)."),
        u"url"_qs);
    const QCommandLineOption user(
        u"user"_qs, ReportCommand::tr("Login for the sync (default: the remembered one)."), u"login"_qs);
    const QCommandLineOption passwordFile(u"password-file"_qs,
                                          ReportCommand::tr("Read the password from this file."), u"file"_qs);
    const QCommandLineOption offline(u"offline"_qs,
                                     ReportCommand::tr("Do not sync: report from the cache as it is."));
    parser.addOptions(
        {week, format, out, team, lang, dataDir, zone, company, server, user, passwordFile, offline});
    parser.process(app);
    installTranslations(app, parser.value(lang));

    const int formats = ReportExporter::parseFormats(parser.value(format));
    if (!parser.isSet(out) || formats == 0) {
        printErr(ReportCommand::tr(
            "Usage: parceldesk report --week 2026-W47 --format pdf,xlsx,csv --out DIR [--team T] "
            "[--lang zh_CN] [--data-dir DIR] (see --help)"));
        return Usage;
    }
    const QTimeZone companyZone(parser.value(zone).toUtf8());
    if (!companyZone.isValid()) {
        printErr(ReportCommand::tr("Unknown time zone: %1").arg(parser.value(zone)));
        return Usage;
    }
    SystemClock clock;
    std::optional<IsoWeek> isoWeek = parser.isSet(week) ? IsoWeek::parse(parser.value(week))
                                                        : IsoWeek::lastWeek(clock.nowMs(), companyZone);
    if (!isoWeek) {
        printErr(ReportCommand::tr("Not an ISO week: %1 (expected e.g. 2026-W47)").arg(parser.value(week)));
        return Usage;
    }

    QSettings settings;
    const QString cachePath = QDir(parser.value(dataDir)).filePath(u"cache.sqlite"_qs);
    const QString serverUrl =
        parser.isSet(server) ? parser.value(server) : settings.value(u"session/server"_qs).toString();
    const QString login =
        parser.isSet(user) ? parser.value(user) : settings.value(u"session/login"_qs).toString();
    std::optional<User> who = lastUser();
    if (!parser.isSet(offline) && !serverUrl.isEmpty() && !login.isEmpty()) {
        const SyncOutcome synced = syncFirst(app, cachePath, serverUrl, login, parser.value(passwordFile));
        if (synced.exitCode != Ok)
            return synced.exitCode;
        if (synced.user)
            who = synced.user;
    }
    QString teamId = parser.value(team);
    if (const int refused = checkRole(who, teamId); refused != Ok)
        return refused;

    QString error;
    auto db = Database::open(cachePath, &error);
    if (!db) {
        printErr(ReportCommand::tr("Cannot open the cache %1: %2").arg(cachePath, error));
        return CacheRefused;
    }
    ReportOptions options;
    options.teamId = teamId;
    options.companyName = parser.isSet(company)
                              ? parser.value(company)
                              : settings.value(u"company/name"_qs, u"ParcelDesk"_qs).toString();
    const WeeklyReportBuilder builder(*db, companyZone);
    const std::optional<WeeklyReport> report = builder.build(*isoWeek, options, clock.nowMs());
    if (!report) {
        printErr(ReportCommand::tr("Cannot read the cache: %1").arg(builder.lastError()));
        return ExportFailed;
    }
    ReportExporter exporter(builder, *report);
    const bool terminal = stderrIsTerminal();
    exporter.setProgress([terminal](qint64 done, qint64 total, const QString &stage) {
        if (terminal) {
            std::fprintf(stderr, "\r%s %lld/%lld   ", qPrintable(stage), static_cast<long long>(done),
                         static_cast<long long>(total));
            std::fflush(stderr);
        }
        return true;
    });
    const ExportResult result = exporter.run(formats, parser.value(out));
    if (terminal)
        std::fprintf(stderr, "\n");
    if (!result.ok) {
        printErr(ReportCommand::tr("Export failed: %1").arg(result.error));
        return ExportFailed;
    }
    for (const QString &file : result.files)
        std::printf("%s\n", qPrintable(QDir::toNativeSeparators(file)));
    std::printf("%s\n", qPrintable(report->coverageLine()));
    return Ok;
}

} // namespace pd
