#include "reportcommand.h"
#include "terminal.h"

#include "headlesssession.h"
#include "models/domain/clock.h"
#include "models/store/cacheowner.h"
#include "models/store/database.h"
#include "reports/appealsexporter.h"
#include "reports/reportexporter.h"
#include "sync/api/auditapi.h"
#include "sync/rememberedsession.h"
#include "ui/common/language.h"
#include "ui/reports/reporteffectfetch.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <cstdio>

using namespace Qt::StringLiterals;

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

using terminal::printErr;
using terminal::stderrIsTerminal;

/// Opens the cache only to read whose it is; nullopt (and nothing said) when it cannot be opened: the export
/// reports that.
struct CacheIdentity
{
    std::optional<User> owner;
    QString server;
};

CacheIdentity readOwner(const QString &cachePath)
{
    QString error;
    auto db = Database::open(cachePath, &error);
    if (!db)
        return {};
    const CacheOwner owner(*db);
    return {owner.user(), owner.serverUrl()};
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

/// POST /audit/events "report_generated" through the signed-in session; waits at most 10 s.
bool logReport(SyncEngine &engine, const QString &what, const QString &team, const QString &formats,
               qint64 rows)
{
    ApiClient *api = engine.api();
    if (!api || !api->hasAccessToken())
        return false;
    QString detail = what;
    if (!team.isEmpty())
        detail += QStringLiteral(", team ") + team;
    detail += QStringLiteral(", ") + formats.toUpper().replace(u',', u'+') +
              QStringLiteral(", customer data masked (command line)");
    ApiReply *reply = AuditApi(api).logEvent(QStringLiteral("report_generated"), detail.left(500), rows);
    QEventLoop loop;
    bool ok = false;
    QObject::connect(reply, &ApiReply::finished, &loop, [&](const ApiResult &r) {
        ok = r.ok();
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    return ok;
}

/// The week's proactive notice figures (GET /proactive/effect) through the signed-in session; waits at most
/// 10 s. Without a session the report says that the server was not reached.
ReportEffect fetchEffect(HeadlessSession *online, const KpiPeriod &period)
{
    ApiClient *api = online ? online->engine().api() : nullptr;
    if (!api || !api->hasAccessToken())
        return {};
    ApiReply *reply = ReportEffectFetch::request(api, period);
    QEventLoop loop;
    ReportEffect effect;
    QObject::connect(reply, &ApiReply::finished, &loop, [&](const ApiResult &r) {
        effect = ReportEffectFetch::fromResult(r);
        loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    return effect;
}

/// The command's options (QCommandLineOption has no default constructor, so all are made here).
struct CommandOptions
{
    QCommandLineOption week{u"week"_s, ReportCommand::tr("ISO week, e.g. 2026-W47 (default: last week)."),
                            u"week"_s};
    QCommandLineOption format{u"format"_s, ReportCommand::tr("Formats, comma-separated: pdf, xlsx, csv."),
                              u"list"_s, u"pdf,xlsx,csv"_s};
    QCommandLineOption out{u"out"_s, ReportCommand::tr("Folder to write into (created when missing)."),
                           u"folder"_s};
    QCommandLineOption team{u"team"_s, ReportCommand::tr("Only this team's tickets."), u"team"_s};
    QCommandLineOption lang{u"lang"_s, ReportCommand::tr("Language: en, zh_CN or zh_TW."), u"language"_s};
    QCommandLineOption dataDir{u"data-dir"_s, ReportCommand::tr("Folder of the local cache."), u"folder"_s,
                               QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)};
    QCommandLineOption zone{u"zone"_s, ReportCommand::tr("The company's time zone (IANA name)."), u"zone"_s,
                            u"Asia/Shanghai"_s};
    QCommandLineOption company{u"company"_s, ReportCommand::tr("Company name in the header."), u"name"_s};
    QCommandLineOption server{u"server"_s,
                              ReportCommand::tr("Sync with this server first (default: the remembered one)."),
                              u"url"_s};
    QCommandLineOption user{u"user"_s, ReportCommand::tr("Login for the sync (default: the remembered one)."),
                            u"login"_s};
    QCommandLineOption passwordFile{u"password-file"_s,
                                    ReportCommand::tr("Read the password from this file."), u"file"_s};
    QCommandLineOption offline{u"offline"_s,
                               ReportCommand::tr("Do not sync: report from the cache as it is.")};
    QCommandLineOption appealsMonth{
        u"appeals-month"_s,
        ReportCommand::tr(
            "Write the monthly appeals report of this month (e.g. 2026-11) instead of the weekly "
            "report."),
        u"month"_s};

    void addTo(QCommandLineParser &parser) const
    {
        parser.addOptions({week, format, out, team, lang, dataDir, zone, company, server, user, passwordFile,
                           offline, appealsMonth});
    }
};

/// What the command line asks for, once checked.
struct Request
{
    int formats = 0;
    QTimeZone zone;
    std::optional<IsoWeek> week;
    std::optional<QDate> appealsMonth; ///< set: the monthly appeals report instead of the weekly one
};

/// Checks the formats, folder, zone and week; Ok, or Usage with the reason printed.
int readRequest(const QCommandLineParser &parser, const CommandOptions &o, const Clock &clock, Request &r)
{
    r.formats = ReportExporter::parseFormats(parser.value(o.format));
    if (!parser.isSet(o.out) || r.formats == 0) {
        printErr(ReportCommand::tr("Usage: parceldesk report [--week 2026-W47 | --appeals-month 2026-11] "
                                   "--format pdf,xlsx,csv --out DIR [--team T] "
                                   "[--lang zh_CN] [--data-dir DIR] (see --help)"));
        return Usage;
    }
    r.zone = QTimeZone(parser.value(o.zone).toUtf8());
    if (!r.zone.isValid()) {
        printErr(ReportCommand::tr("Unknown time zone: %1").arg(parser.value(o.zone)));
        return Usage;
    }
    if (parser.isSet(o.appealsMonth)) {
        r.appealsMonth = MonthlyAppealsBuilder::parseMonth(parser.value(o.appealsMonth));
        if (!r.appealsMonth) {
            printErr(ReportCommand::tr("Not a month: %1 (expected e.g. 2026-11)")
                         .arg(parser.value(o.appealsMonth)));
            return Usage;
        }
    }
    r.week = parser.isSet(o.week) ? IsoWeek::parse(parser.value(o.week))
                                  : IsoWeek::lastWeek(clock.nowMs(), r.zone);
    if (!r.week) {
        printErr(ReportCommand::tr("Not an ISO week: %1 (expected e.g. 2026-W47)").arg(parser.value(o.week)));
        return Usage;
    }
    return Ok;
}

/// Signs in and syncs through @p session; Ok, or the command's exit code with the reason printed.
int syncSession(HeadlessSession &session, const QString &login, const QString &serverUrl)
{
    switch (session.run()) {
    case HeadlessSession::Outcome::Synced:
        return Ok;
    case HeadlessSession::Outcome::BadUsage:
        printErr(session.message());
        return Usage;
    case HeadlessSession::Outcome::NoRememberedSession:
        printErr(
            ReportCommand::tr("No remembered session for %1 on %2: give --password-file, or --offline to "
                              "report from the cache.")
                .arg(login, serverUrl));
        return SignInRefused;
    case HeadlessSession::Outcome::SignInRefused:
        printErr(session.message());
        return SignInRefused;
    case HeadlessSession::Outcome::CacheRefused:
        printErr(session.message());
        return CacheRefused;
    case HeadlessSession::Outcome::SyncFailed:
        printErr(session.message());
        return SyncFailed;
    }
    return SyncFailed;
}

/**
 * Whose report it is. The cache is bound to the user who synced it (CacheOwner): by default the report is
 * theirs, synced on their server. A cache of no known owner (written before owners were recorded) falls back
 * to the last user who signed in on this PC. Signed in, @p online holds the session (the export is logged on
 * the server). Ok, or the exit code with the reason printed.
 */
int identify(const QCommandLineParser &parser, const CommandOptions &o, const QString &cachePath,
             std::optional<User> &who, std::unique_ptr<HeadlessSession> &online)
{
    const CacheIdentity cache = readOwner(cachePath);
    const QString serverUrl = parser.isSet(o.server) ? parser.value(o.server)
                              : cache.owner          ? cache.server
                                                     : RememberedSession::server();
    const QString login = parser.isSet(o.user) ? parser.value(o.user)
                          : cache.owner        ? cache.owner->login
                                               : RememberedSession::login();
    who = cache.owner ? cache.owner : RememberedSession::user();
    if (!parser.isSet(o.offline) && !serverUrl.isEmpty() && !login.isEmpty()) {
        HeadlessSession::Options options;
        options.server = serverUrl;
        options.login = login;
        options.passwordFile = parser.value(o.passwordFile);
        online = std::make_unique<HeadlessSession>(cachePath, options);
        if (const int refused = syncSession(*online, login, serverUrl); refused != Ok)
            return refused;
        who = online->user();
    } else if (cache.owner && parser.isSet(o.user) && parser.value(o.user) != cache.owner->login) {
        // Offline, the cache holds what its owner may read: nobody else's report comes out of it.
        printErr(ReportCommand::tr("The cache in %1 was synced by %2, not %3: sync it as %3 first (without "
                                   "--offline).")
                     .arg(QDir::toNativeSeparators(parser.value(o.dataDir)), cache.owner->login,
                          parser.value(o.user)));
        return NotAllowed;
    }
    return Ok;
}

/// The monthly appeals report of r.appealsMonth from the cache (no customer data in it).
int writeAppealsReport(const Database &db, const QCommandLineParser &parser, const CommandOptions &o,
                       const Request &r, const ReportOptions &options, HeadlessSession *online,
                       const Clock &clock)
{
    const MonthlyAppealsBuilder builder(db, r.zone);
    const auto report = builder.build(*r.appealsMonth, options.teamId, options.companyName, clock.nowMs());
    if (!report) {
        printErr(ReportCommand::tr("Cannot read the cache: %1").arg(builder.lastError()));
        return ExportFailed;
    }
    const ExportResult result = AppealsExporter(*report).run(r.formats, parser.value(o.out));
    if (!result.ok) {
        printErr(ReportCommand::tr("Export failed: %1").arg(result.error));
        return ExportFailed;
    }
    for (const QString &file : result.files)
        std::printf("%s\n", qPrintable(QDir::toNativeSeparators(file)));
    std::printf("%s\n", qPrintable(report->coverageLine()));
    if (!online || !logReport(online->engine(), QStringLiteral("appeals report %1").arg(report->monthCode()),
                              options.teamId, parser.value(o.format), 0))
        printErr(ReportCommand::tr("Note: the report could not be recorded in the server's access log (no "
                                   "server session)."));
    return Ok;
}

/// Builds the report from the cache and writes its files, printing their paths and the coverage line.
int writeReport(const QCommandLineParser &parser, const CommandOptions &o, const Request &r,
                const QString &cachePath, const QString &teamId, HeadlessSession *online, const Clock &clock)
{
    QString error;
    auto db = Database::open(cachePath, &error);
    if (!db) {
        printErr(ReportCommand::tr("Cannot open the cache %1: %2").arg(cachePath, error));
        return CacheRefused;
    }
    ReportOptions options;
    options.teamId = teamId;
    const QSettings settings;
    options.companyName = parser.isSet(o.company)
                              ? parser.value(o.company)
                              : settings.value(u"company/name"_s, u"ParcelDesk"_s).toString();
    if (r.appealsMonth)
        return writeAppealsReport(*db, parser, o, r, options, online, clock);
    options.effect = fetchEffect(online, r.week->period(r.zone));
    const WeeklyReportBuilder builder(*db, r.zone);
    const std::optional<WeeklyReport> report = builder.build(*r.week, options, clock.nowMs());
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
    const ExportResult result = exporter.run(r.formats, parser.value(o.out));
    if (terminal)
        std::fprintf(stderr, "\n");
    if (!result.ok) {
        printErr(ReportCommand::tr("Export failed: %1").arg(result.error));
        return ExportFailed;
    }
    for (const QString &file : result.files)
        std::printf("%s\n", qPrintable(QDir::toNativeSeparators(file)));
    std::printf("%s\n", qPrintable(report->coverageLine()));
    // The access log records every report written (customer data masked: the command has no full-data mode).
    if (!online || !logReport(online->engine(), QStringLiteral("weekly report %1").arg(r.week->toString()),
                              teamId, parser.value(o.format), result.ticketRows))
        printErr(ReportCommand::tr("Note: the report could not be recorded in the server's access log (no "
                                   "server session)."));
    return Ok;
}

} // namespace

int runReportCommand(int argc, char **argv)
{
    // No display needed: fonts and the PDF work on the offscreen platform.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"ParcelDesk"_s);
    QCoreApplication::setApplicationName(u"parceldesk"_s);

    QCommandLineParser parser;
    parser.setApplicationDescription(ReportCommand::tr(
        "Write the weekly report of an ISO week as PDF, XLSX and/or CSV.\n\nExit codes: 0 written, 1 export "
        "failed, 2 bad usage, 3 sign-in refused, 4 the cache cannot be opened, 5 sync failed, 6 role not "
        "allowed or unknown."));
    parser.addHelpOption();
    parser.addPositionalArgument(u"report"_s, ReportCommand::tr("the command"));
    const CommandOptions o;
    o.addTo(parser);
    parser.process(app);
    Language::apply(Language::resolve(parser.isSet(o.lang) ? parser.value(o.lang) : Language::setting()));

    SystemClock clock;
    Request request;
    if (const int refused = readRequest(parser, o, clock, request); refused != Ok)
        return refused;
    const QString cachePath = QDir(parser.value(o.dataDir)).filePath(u"cache.sqlite"_s);
    std::optional<User> who;
    std::unique_ptr<HeadlessSession> online;
    if (const int refused = identify(parser, o, cachePath, who, online); refused != Ok)
        return refused;
    QString teamId = parser.value(o.team);
    if (const int refused = checkRole(who, teamId); refused != Ok)
        return refused;
    return writeReport(parser, o, request, cachePath, teamId, online.get(), clock);
}

} // namespace pd
