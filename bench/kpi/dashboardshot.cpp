// Screenshot tool for docs/: builds a cache with demo-like data (five weeks of complaints in the
// docs/domain.md mix, two teams, twelve agents, deliveries), shows the dashboard at a fixed "now" and writes
// it as a PNG; with --server it syncs the cache from a running server instead (the demo: its volume figures
// and complaints) and shows it at the server's time.
//   pd_dashboard_shot --out docs/screenshots/dashboard-en.png [--lang zh_CN] [--qm-dir DIR] [--size
//   1600x1000] [--server http://127.0.0.1:8470 [--login manager1] [--password demo]]
// scripts/screenshot-dashboard.sh runs it under Xvfb.
#include "bench/common/ticketgen.h"
#include "models/domain/clock.h"
#include "models/kpi/kpiperiod.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/ticketrepository.h"
#include "models/store/volumerepository.h"
#include "sync/serverclock.h"
#include "sync/syncengine.h"
#include "ui/dashboard/dashboardpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QJsonObject>
#include <QLibraryInfo>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

#include <cstdio>

using namespace pd;

namespace {

constexpr qint64 kMin = 60LL * 1000;
constexpr qint64 kHour = 60 * kMin;

void fill(const Database &db, qint64 now, const QTimeZone &zone)
{
    QRandomGenerator rng(2611);
    bench::TicketGenerator gen(2611);
    const QStringList agentNames =
        QString::fromUtf8("王芳 李娜 张伟 刘洋 陈静 杨磊 黄敏 赵强 周杰 吴艳 徐涛 孙丽")
            .split(QLatin1Char(' '));
    QList<User> users;
    for (int i = 0; i < agentNames.size(); ++i) {
        User u;
        u.id = QStringLiteral("u-agent%1").arg(i);
        u.login = u.id;
        u.displayName = agentNames[i];
        u.teamId = i % 2 ? QStringLiteral("team-south") : QStringLiteral("team-east");
        users.append(u);
    }
    Team east;
    east.id = QStringLiteral("team-east");
    east.name = QString::fromUtf8("华东一组");
    Team south;
    south.id = QStringLiteral("team-south");
    south.name = QString::fromUtf8("华南二组");
    DirectoryRepository(db).upsertTeams({east, south});
    DirectoryRepository(db).upsertUsers(users);

    // About 130 complaints a day, more in the daytime, for 62 days up to now.
    const QDate today = KpiPeriods::localDate(now, zone);
    QList<Ticket> tickets;
    int n = 0;
    for (QDate d = today.addDays(-61); d <= today; d = d.addDays(1)) {
        const int perDay = 110 + int(rng.bounded(50));
        for (int i = 0; i < perDay; ++i) {
            const int hour = 7 + int(rng.bounded(16));
            const qint64 created = QDateTime(d, QTime(hour, int(rng.bounded(60))), zone).toMSecsSinceEpoch();
            if (created > now)
                continue;
            Ticket t = gen.next(n++);
            const int agent = int(rng.bounded(quint32(users.size())));
            t.assigneeId = users[agent].id;
            t.teamId = users[agent].teamId;
            t.createdAt = created;
            const bool slow = rng.bounded(100) < 9 + (agent == 3 ? 20 : 0);
            t.firstResponseAt =
                created + (slow ? qint64(31 + rng.bounded(150)) : qint64(2 + rng.bounded(27))) * kMin;
            if (*t.firstResponseAt > now)
                t.firstResponseAt.reset();
            const qint64 takes = qint64(2 + rng.bounded(40)) * kHour;
            if (created + takes < now && rng.bounded(100) < 96) {
                t.status = TicketStatus::Resolved;
                t.resolvedAt = created + takes;
                t.resolution = Resolution::Explained;
                if (rng.bounded(100) < 55)
                    t.csat = rng.bounded(100) < 86 ? 4 + int(rng.bounded(2)) : 1 + int(rng.bounded(3));
                if (rng.bounded(100) < 45)
                    t.nps = rng.bounded(100) < 55 ? 9 + int(rng.bounded(2)) : int(rng.bounded(9));
                if (rng.bounded(100) < 88)
                    t.followUpDoneAt = *t.resolvedAt + 20 * kHour;
                if (rng.bounded(100) < 4)
                    t.status = TicketStatus::Reopened;
            } else {
                t.status = !t.firstResponseAt
                               ? TicketStatus::New
                               : (rng.bounded(100) < 25 ? TicketStatus::Pending : TicketStatus::Open);
            }
            t.updatedAt = t.resolvedAt.value_or(t.firstResponseAt.value_or(created));
            tickets.append(t);
        }
    }
    TicketRepository(db).upsert(tickets);

    // Deliveries as the server's volume figures: about 250,000 a day over 12 stations, 88% on time.
    QList<ParcelVolume> volume;
    for (QDate d = today.addDays(-61); d <= today; d = d.addDays(1)) {
        for (int st = 1; st <= 12; ++st) {
            ParcelVolume v;
            v.day = d;
            v.dayStart = KpiPeriods::startOfDay(d, zone);
            v.dayEnd = KpiPeriods::startOfDay(d.addDays(1), zone);
            v.stationId = QStringLiteral("st-%1").arg(st, 2, 10, QLatin1Char('0'));
            const double share = d == today ? double(now - v.dayStart) / double(v.dayEnd - v.dayStart) : 1.0;
            v.delivered = qint64((19000 + rng.bounded(4000)) * share);
            v.deliveredOnTime = v.delivered * (86 + qint64(rng.bounded(5))) / 100;
            v.pickedUp = v.delivered;
            v.version = 1;
            volume.append(v);
        }
    }
    VolumeRepository(db).upsert(volume);
}

/// @brief Signs in to a running parceldesk-server (the demo) and pulls its change feed into @p cachePath;
/// returns the server's time, or 0 on failure.
qint64 syncFrom(const QString &cachePath, const QUrl &server, const QString &login, const QString &password)
{
    SyncEngine engine(cachePath, server);
    engine.start();
    QSignalSpy in(&engine, &SyncEngine::signedIn);
    QSignalSpy refused(&engine, &SyncEngine::signInFailed);
    engine.signIn(login, password);
    if (!QTest::qWaitFor([&] { return !in.isEmpty() || !refused.isEmpty(); }, 20000) || in.isEmpty()) {
        std::fprintf(stderr, "sign-in to %s failed\n", qPrintable(server.toString()));
        return 0;
    }
    QSignalSpy pulled(&engine, &SyncEngine::pullFinished);
    engine.syncNow();
    if (!QTest::qWaitFor([&] { return !pulled.isEmpty(); }, 120000) || !pulled.last().at(0).toBool()) {
        std::fprintf(stderr, "sync from %s failed\n", qPrintable(server.toString()));
        return 0;
    }
    std::printf("synced %lld items from %s\n", pulled.last().at(1).toLongLong(),
                qPrintable(server.toString()));
    return engine.clock()->nowMs();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("PNG to write"),
                                 QStringLiteral("file"));
    const QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("en, zh_CN, zh_TW"),
                                  QStringLiteral("lang"), QStringLiteral("en"));
    const QCommandLineOption qmDir(QStringLiteral("qm-dir"), QStringLiteral("where parceldesk_<lang>.qm is"),
                                   QStringLiteral("dir"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("WxH"), QStringLiteral("size"),
                                  QStringLiteral("1600x1050"));
    const QCommandLineOption period(QStringLiteral("period"), QStringLiteral("today|week|30days"),
                                    QStringLiteral("period"), QStringLiteral("30days"));
    const QCommandLineOption server(QStringLiteral("server"),
                                    QStringLiteral("sync from this running parceldesk-server (e.g. the demo) "
                                                   "instead of generated data"),
                                    QStringLiteral("url"));
    const QCommandLineOption login(QStringLiteral("login"), QStringLiteral("who signs in (--server)"),
                                   QStringLiteral("login"), QStringLiteral("manager1"));
    const QCommandLineOption password(QStringLiteral("password"), QStringLiteral("their password (--server)"),
                                      QStringLiteral("password"), QStringLiteral("demo"));
    parser.addOptions({out, lang, qmDir, size, period, server, login, password});
    parser.process(app);
    if (!parser.isSet(out)) {
        std::fprintf(stderr, "--out is required\n");
        return 2;
    }
    const QString language = parser.value(lang);
    if (!language.startsWith(QStringLiteral("en"))) {
        auto *ours = new QTranslator(&app);
        if (ours->load(QStringLiteral("parceldesk_") + language, parser.value(qmDir)))
            QApplication::installTranslator(ours);
        else
            std::fprintf(stderr, "no parceldesk_%s.qm in '%s': English strings\n", qPrintable(language),
                         qPrintable(parser.value(qmDir)));
        auto *qt = new QTranslator(&app);
        if (qt->load(QStringLiteral("qtbase_") + language,
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QApplication::installTranslator(qt);
        QLocale::setDefault(QLocale(language));
    } else {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    const QTimeZone zone("Asia/Shanghai");
    qint64 now = QDateTime(QDate(2026, 11, 30), QTime(15, 30), zone).toMSecsSinceEpoch();
    QTemporaryDir dir;
    const QString cachePath = dir.filePath(QStringLiteral("demo.sqlite"));
    if (parser.isSet(server)) {
        now = syncFrom(cachePath, QUrl(parser.value(server)), parser.value(login), parser.value(password));
        if (now == 0)
            return 1;
    }
    ManualClock clock(now);
    QString error;
    auto db = Database::open(cachePath, &error);
    if (!db) {
        std::fprintf(stderr, "cache: %s\n", qPrintable(error));
        return 1;
    }
    if (!parser.isSet(server))
        fill(*db, now, zone);

    DashboardPage page(*db, zone, clock);
    const QStringList wh = parser.value(size).split(QLatin1Char('x'));
    page.resize(wh.value(0).toInt(), wh.value(1).toInt());
    page.setWindowTitle(QStringLiteral("ParcelDesk"));
    page.show();
    const QString p = parser.value(period);
    QSignalSpy refreshed(&page, &DashboardPage::refreshed);
    page.setPeriod(p == u"today"  ? PeriodKind::Today
                   : p == u"week" ? PeriodKind::ThisWeek
                                  : PeriodKind::Last30Days);
    while (refreshed.isEmpty() && refreshed.wait(30000)) {
    }
    // Let the charts lay out before grabbing.
    QTimer::singleShot(800, &app, &QApplication::quit);
    app.exec();
    if (!page.saveAsPng(parser.value(out))) {
        std::fprintf(stderr, "could not write %s\n", qPrintable(parser.value(out)));
        return 1;
    }
    std::printf("wrote %s\n", qPrintable(parser.value(out)));
    return 0;
}
