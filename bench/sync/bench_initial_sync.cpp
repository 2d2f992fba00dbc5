// Initial sync of 100,000 tickets from the real parceldesk-server (loopback, SQLite) into an empty console
// cache through SyncEngine: time, rate, and how often progress was reported. Prints figures only.
#include "../common/ticketgen.h"
#include "reports/csvwriter.h"
#include "sync/syncengine.h"

#include "models/store/database.h"
#include "models/store/ticketrepository.h"

#include "../common/servercli.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace pd;

namespace {

constexpr int kTickets = 100000;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString db = u"sqlite:"_qs + dir.filePath(u"server.db"_qs);
    const int tickets = qEnvironmentVariableIntValue("PD_BENCH_SYNC_TICKETS") > 0
                            ? qEnvironmentVariableIntValue("PD_BENCH_SYNC_TICKETS")
                            : kTickets;
    std::printf("== initial sync of %d tickets: real server on loopback -> SyncEngine -> empty cache ==\n",
                tickets);
    if (pd::bench::serverCli({u"user"_qs, u"add"_qs, u"lead"_qs, u"--db"_qs, db, u"--role"_qs,
                              u"supervisor"_qs, u"--team"_qs, u"team-0"_qs},
                             "bench-password-1\n") != 0)
        return 1;
    for (int t = 1; t < 4; ++t)
        pd::bench::serverCli({u"user"_qs, u"add"_qs, u"agent%1"_qs.arg(t), u"--db"_qs, db, u"--role"_qs,
                              u"agent"_qs, u"--team"_qs, u"team-%1"_qs.arg(t)},
                             "bench-password-1\n");
    {
        QFile f(dir.filePath(u"tickets.csv"_qs));
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        CsvWriter csv(&f, false);
        csv.writeRow({u"id"_qs, u"waybill_no"_qs, u"description"_qs, u"customer_name"_qs,
                      u"customer_phone"_qs, u"channel"_qs, u"category"_qs, u"priority"_qs, u"status"_qs,
                      u"team_id"_qs, u"created_at"_qs, u"first_response_at"_qs});
        bench::TicketGenerator gen;
        for (int i = 0; i < tickets; ++i) {
            const Ticket t = gen.next(i);
            csv.writeRow({u"b%1"_qs.arg(i, 7, 10, QLatin1Char('0')), t.waybillNo, t.description,
                          t.customerName, t.customerPhone, toCode(t.channel), toCode(t.category),
                          toCode(t.priority), u"open"_qs, t.teamId, instantToIso(t.createdAt),
                          instantToIso(*t.firstResponseAt)});
        }
    }
    QElapsedTimer timer;
    timer.start();
    if (pd::bench::serverCli(
            {u"import"_qs, u"--db"_qs, db, u"--tickets"_qs, dir.filePath(u"tickets.csv"_qs)}) != 0)
        return 1;
    std::printf("server import: %lld ms\n", timer.elapsed());

    QProcess server;
    server.start(QStringLiteral(PD_SERVER_BIN), {u"--listen"_qs, u"127.0.0.1:0"_qs, u"--db"_qs, db});
    QByteArray out;
    while (!out.contains("listening on") && server.waitForReadyRead(30000))
        out += server.readAllStandardOutput();
    const QString url = QString::fromUtf8(out.mid(out.indexOf("http://")).trimmed());

    SyncEngine engine(dir.filePath(u"console/cache.sqlite"_qs), QUrl(url));
    engine.start();
    int progressReports = 0;
    qint64 lastTotal = -1;
    qint64 firstTotal = -1;
    QObject::connect(&engine, &SyncEngine::statusChanged, &app, [&](const SyncStatus &s) {
        if (s.state == SyncStatus::State::Syncing && s.done > 0) {
            ++progressReports;
            lastTotal = s.total;
            if (firstTotal < 0)
                firstTotal = s.total;
        }
    });
    qint64 syncMs = 0;
    qint64 items = 0;
    QObject::connect(&engine, &SyncEngine::signedIn, &app, [&] {
        timer.restart();
        engine.syncNow();
    });
    QObject::connect(&engine, &SyncEngine::pullFinished, &app, [&](bool ok, qint64 n) {
        syncMs = timer.elapsed();
        items = n;
        if (!ok)
            std::printf("sync FAILED\n");
        app.quit();
    });
    QObject::connect(&engine, &SyncEngine::signInFailed, &app, [&](const QString &m) {
        std::printf("sign-in failed: %s\n", qPrintable(m));
        app.quit();
    });
    engine.signIn(u"lead"_qs, u"bench-password-1"_qs);
    app.exec();
    server.terminate();
    server.waitForFinished(5000);

    QString error;
    auto cache = Database::open(dir.filePath(u"console/cache.sqlite"_qs), &error);
    const int stored = cache ? TicketRepository(*cache).totalCount() : -1;
    std::printf("initial sync: %lld items (%d tickets in the cache) in %.2f s = %.0f items/s (goal < 10 s)\n",
                items, stored, double(syncMs) / 1000.0, double(items) / (double(syncMs) / 1000.0));
    std::printf("progress reports: %d (estimated total after the first page %lld, at the end %lld)\n",
                progressReports, firstTotal, lastTotal);
    return stored == tickets ? 0 : 1;
}
