// Initial sync of 100,000 tickets from the real parceldesk-server (loopback, SQLite) into an empty console
// cache through SyncEngine: time, rate, and how often progress was reported. A third of the tickets are
// changed after their events were written (so those events come pages before their tickets in the feed); the
// bench checks that every event on the server reached the cache. The main sync runs three times with customer
// data encryption off (as before issue 17) and three times with it on, alternating; medians side by side.
#include "../common/ticketgen.h"
#include "reports/csvwriter.h"
#include "sync/syncengine.h"

#include "models/store/cachekeys.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"

#include "../common/servercli.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

using namespace pd;

namespace {

constexpr int kTickets = 100000;
constexpr int kInFlight = 8; // requests in flight while preparing

/// @brief Events on the server (the SLA monitor writes a breach for most imported tickets at start-up).
qint64 serverEvents(const QString &dbPath)
{
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench-server"_s);
        db.setDatabaseName(dbPath);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(u"SELECT count(*) FROM docs WHERE type = 'ticket_event' AND deleted = 0"_s) &&
                q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(u"bench-server"_s);
    return n;
}

/// @brief Changes every third ticket through the API (a few requests in flight) after its events were
/// written, so those events come before their ticket in the change feed. Returns the tickets changed, or -1.
qint64 changeAfterEvents(QCoreApplication &app, const QString &url, int tickets)
{
    QNetworkAccessManager nam;
    QByteArray token;
    {
        QNetworkRequest req(QUrl(url + u"/api/v1/auth/login"_s));
        req.setRawHeader("Content-Type", "application/json");
        QNetworkReply *r = nam.post(req, R"({"login":"lead","password":"bench-password-1"})");
        QObject::connect(r, &QNetworkReply::finished, &app, &QCoreApplication::quit);
        app.exec();
        token = QJsonDocument::fromJson(r->readAll()).object().value(u"access_token"_s).toString().toLatin1();
        r->deleteLater();
    }
    if (token.isEmpty())
        return -1;
    qint64 changed = 0, failures = 0;
    int next = 0, inFlight = 0;
    std::function<void()> pump;
    std::function<void(const QString &, qint64, bool)> send = [&](const QString &id, qint64 version,
                                                                  bool retry) {
        QNetworkRequest req(QUrl(url + u"/api/v1/tickets/"_s + id));
        req.setRawHeader("Content-Type", "application/json");
        req.setRawHeader("Authorization", "Bearer " + token);
        req.setRawHeader("If-Match", QByteArray::number(version));
        QNetworkReply *r = nam.sendCustomRequest(req, "PATCH", R"({"priority":"p1"})");
        QObject::connect(r, &QNetworkReply::finished, &app, [&, r, id, retry] {
            r->deleteLater();
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 412 && retry) { // the SLA monitor wrote to it: take the version it reports
                const QJsonObject body = QJsonDocument::fromJson(r->readAll()).object();
                send(id, body.value(u"current"_s).toObject().value(u"version"_s).toInteger(), false);
                return;
            }
            (status == 200 ? changed : failures) += 1;
            --inFlight;
            pump();
        });
    };
    pump = [&] {
        while (inFlight < kInFlight && next < tickets) {
            const QString id = u"b%1"_s.arg(next, 7, 10, QLatin1Char('0'));
            next += 3;
            ++inFlight;
            send(id, 1, true);
        }
        if (inFlight == 0 && next >= tickets)
            app.quit();
    };
    pump();
    app.exec();
    if (failures > 0)
        std::printf("changes: %lld request(s) failed\n", failures);
    return failures > 0 ? -1 : changed;
}

/// @brief One initial sync into an empty cache at @p cachePath: time, items and progress reports.
struct SyncRun
{
    qint64 ms = 0;
    qint64 items = 0;
    int progressReports = 0;
    qint64 firstTotal = -1;
    qint64 lastTotal = -1;
    bool ok = false;
};

SyncRun syncOnce(QCoreApplication &app, const QString &url, const QString &cachePath)
{
    SyncRun run;
    QElapsedTimer timer;
    SyncEngine engine(cachePath, QUrl(url));
    engine.start();
    QObject::connect(&engine, &SyncEngine::statusChanged, &app, [&](const SyncStatus &s) {
        if (s.state == SyncStatus::State::Syncing && s.done > 0) {
            ++run.progressReports;
            run.lastTotal = s.total;
            if (run.firstTotal < 0)
                run.firstTotal = s.total;
        }
    });
    QObject::connect(&engine, &SyncEngine::signedIn, &app, [&] {
        timer.start();
        engine.syncNow();
    });
    QObject::connect(&engine, &SyncEngine::pullFinished, &app, [&](bool ok, qint64 n) {
        run.ms = timer.elapsed();
        run.items = n;
        run.ok = ok;
        if (!ok)
            std::printf("sync FAILED\n");
        app.quit();
    });
    QObject::connect(&engine, &SyncEngine::signInFailed, &app, [&](const QString &m) {
        std::printf("sign-in failed: %s\n", qPrintable(m));
        app.quit();
    });
    engine.signIn(u"lead"_s, u"bench-password-1"_s);
    app.exec();
    return run;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString db = u"sqlite:"_s + dir.filePath(u"server.db"_s);
    const int tickets = qEnvironmentVariableIntValue("PD_BENCH_SYNC_TICKETS") > 0
                            ? qEnvironmentVariableIntValue("PD_BENCH_SYNC_TICKETS")
                            : kTickets;
    std::printf("== initial sync of %d tickets: real server on loopback -> SyncEngine -> empty cache ==\n",
                tickets);
    if (pd::bench::serverCli({u"user"_s, u"add"_s, u"lead"_s, u"--db"_s, db, u"--role"_s, u"supervisor"_s,
                              u"--team"_s, u"team-0"_s},
                             "bench-password-1\n") != 0)
        return 1;
    for (int t = 1; t < 4; ++t)
        pd::bench::serverCli({u"user"_s, u"add"_s, u"agent%1"_s.arg(t), u"--db"_s, db, u"--role"_s,
                              u"agent"_s, u"--team"_s, u"team-%1"_s.arg(t)},
                             "bench-password-1\n");
    {
        QFile f(dir.filePath(u"tickets.csv"_s));
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        CsvWriter csv(&f, false);
        csv.writeRow({u"id"_s, u"waybill_no"_s, u"description"_s, u"customer_name"_s, u"customer_phone"_s,
                      u"channel"_s, u"category"_s, u"priority"_s, u"status"_s, u"team_id"_s, u"created_at"_s,
                      u"first_response_at"_s});
        bench::TicketGenerator gen;
        for (int i = 0; i < tickets; ++i) {
            const Ticket t = gen.next(i);
            csv.writeRow({u"b%1"_s.arg(i, 7, 10, QLatin1Char('0')), t.waybillNo, t.description,
                          t.customerName, t.customerPhone, toCode(t.channel), toCode(t.category),
                          toCode(t.priority), u"open"_s, t.teamId, instantToIso(t.createdAt),
                          instantToIso(*t.firstResponseAt)});
        }
    }
    QElapsedTimer timer;
    timer.start();
    if (pd::bench::serverCli({u"import"_s, u"--db"_s, db, u"--tickets"_s, dir.filePath(u"tickets.csv"_s)}) !=
        0)
        return 1;
    std::printf("server import: %lld ms\n", timer.elapsed());

    QProcess server;
    server.start(QStringLiteral(PD_SERVER_BIN), {u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, db});
    QByteArray out;
    QElapsedTimer starting;
    starting.start();
    while (!out.contains("listening on") && starting.elapsed() < 180000) {
        server.waitForReadyRead(1000);
        out += server.readAllStandardOutput();
    }
    if (!out.contains("listening on")) {
        std::fprintf(stderr, "the server did not start within %lld ms: %s\n", starting.elapsed(),
                     QByteArray(out + server.readAllStandardError()).constData());
        return 1;
    }
    std::printf("server start-up: %lld ms\n", starting.elapsed());
    const QString url = QString::fromUtf8(out.mid(out.indexOf("http://")).trimmed());
    // Wait until the SLA monitor has written the breaches of the imported tickets, then change a third.
    const QString serverDb = dir.filePath(u"server.db"_s);
    // (they are written in one transaction after start-up: wait until some are there and the count holds).
    QElapsedTimer waited;
    waited.start();
    for (qint64 last = -2, now = serverEvents(serverDb);
         (now <= 0 || now != last) && waited.elapsed() < 300000; last = now, now = serverEvents(serverDb))
        QThread::msleep(3000);
    // The same feed with every event after its ticket, synced before the changes, for the comparison.
    const SyncRun inOrder = syncOnce(app, url, dir.filePath(u"in-order/cache.sqlite"_s));
    if (!inOrder.ok)
        return 1;

    timer.restart();
    const qint64 changed = changeAfterEvents(app, url, tickets);
    if (changed < 0)
        return 1;
    const qint64 events = serverEvents(serverDb);
    std::printf(
        "%lld events on the server; %lld tickets changed after their events were written, in %lld ms\n",
        events, changed, timer.elapsed());

    // The same feed into empty caches with customer data encryption off (as before issue 17) and on,
    // alternating, three of each: medians side by side.
    std::vector<double> offMs, onMs;
    SyncRun run;
    for (int round = 0; round < 3; ++round) {
        for (const bool encrypted : {false, true}) {
            CacheKeys::setEncryptionDisabled(!encrypted);
            const QString path =
                dir.filePath(u"%1-%2/cache.sqlite"_s.arg(encrypted ? u"on"_s : u"off"_s).arg(round));
            const SyncRun r = syncOnce(app, url, path);
            if (!r.ok)
                return 1;
            (encrypted ? onMs : offMs).push_back(double(r.ms));
            std::printf("round %d, encryption %s: %lld items in %.2f s\n", round + 1,
                        encrypted ? "on " : "off", r.items, double(r.ms) / 1000.0);
            if (encrypted)
                run = r;
        }
    }
    CacheKeys::setEncryptionDisabled(false);
    server.terminate();
    server.waitForFinished(5000);

    QString error;
    auto cache = Database::open(dir.filePath(u"on-2/cache.sqlite"_s), &error);
    const int stored = cache ? TicketRepository(*cache).totalCount() : -1;
    qint64 storedEvents = -1, waiting = -1;
    if (cache) {
        QSqlQuery q(cache->connection());
        if (q.exec(u"SELECT (SELECT count(*) FROM ticket_events), (SELECT count(*) FROM orphan_events)"_s) &&
            q.next()) {
            storedEvents = q.value(0).toLongLong();
            waiting = q.value(1).toLongLong();
        }
    }
    const double onMedian = bench::percentile(onMs, 0.5), offMedian = bench::percentile(offMs, 0.5);
    std::printf("initial sync, encryption on: %lld items (%d tickets in the cache), median %.2f s of %zu "
                "(%.2f-%.2f s) = %.0f items/s (goal < 10 s)\n",
                run.items, stored, onMedian / 1000.0, onMs.size(),
                *std::min_element(onMs.begin(), onMs.end()) / 1000.0,
                *std::max_element(onMs.begin(), onMs.end()) / 1000.0,
                double(run.items) / (onMedian / 1000.0));
    std::printf("initial sync, encryption off (as before): median %.2f s of %zu (%.2f-%.2f s); on/off %.2f\n",
                offMedian / 1000.0, offMs.size(), *std::min_element(offMs.begin(), offMs.end()) / 1000.0,
                *std::max_element(offMs.begin(), offMs.end()) / 1000.0, onMedian / offMedian);
    QSqlQuery sealed(cache->connection());
    const bool allSealed = sealed.exec(u"SELECT count(*) FROM tickets WHERE typeof(customer_phone) <> 'blob' "
                                       "AND customer_phone <> ''"_s) &&
                           sealed.next() && sealed.value(0).toInt() == 0;
    std::printf("encrypted cache: every customer phone sealed: %s\n", allSealed ? "yes" : "NO");
    std::printf("same size, every event after its ticket (synced before the changes): %lld items in %.2f s; "
                "ratio %.2f\n",
                inOrder.items, double(inOrder.ms) / 1000.0, onMedian / double(qMax<qint64>(1, inOrder.ms)));
    std::printf("progress reports: %d (estimated total after the first page %lld, at the end %lld)\n",
                run.progressReports, run.firstTotal, run.lastTotal);
    std::printf("events: %lld of %lld in the cache, %lld still waiting for their ticket (goal: all, 0)\n",
                storedEvents, events, waiting);
    return run.ok && stored == tickets && storedEvents == events && waiting == 0 && allSealed ? 0 : 1;
}
