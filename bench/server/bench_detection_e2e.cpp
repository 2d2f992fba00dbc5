// End-to-end exception detection through the real parceldesk-server (issue 19; docs/proactive.md, "Figures").
// 1. A SQLite database with --parcels parcels in flight (default 1,000,000) and their scans: the rows the
// server writes, computed by its own code (E2eFleet::populate).
// 2. parceldesk-server started on 127.0.0.1 against it: the start-up time, and the proactive service's load()
// as the server logs it (parcels, milliseconds).
// 3. --rate tracking events a second (default 2,000) for --seconds (default 60), posted to POST /tracking in
// one request every --batch-ms (default 1,000), open loop: a slow server does not slow the sender. A known
// share plants a case: damage and failed-delivery exception scans (0.5 % each), and late at_station scans
// whose stall falls due 3–10 s later (0.25 %, the timer path).
// 4. A second connection polls proactive_cases every --poll-ms (default 20). A case's delay runs from the
// moment detection became possible (the request with its scan was sent, or its stall fell due) to the first
// poll that saw it stored.
// Prints figures, asserts nothing. Run: `bench_detection_e2e [--parcels N] [--rate N] [--seconds N]
// [--batch-ms N] [--poll-ms N] [--drain-seconds N] [--keep-db FILE | --reuse-db FILE]`; about 6 minutes with
// the defaults on 2 cores, a third of it writing the database (--keep-db and --reuse-db skip that next time).
#include "../common/stats.h"
#include "e2efleet.h"
#include "e2eprobe.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace pd::bench;

namespace {

const QByteArray kPassword = "bench-password-1";
constexpr quint32 kSeed = 20261123;

struct Options
{
    int parcels = 1'000'000;
    int rate = 2000;
    int seconds = 60;
    int batchMs = 1000;
    int pollMs = 20;
    int drainSeconds = 30;
    QString keepDb;  ///< --keep-db FILE: a copy of the new database before the run, to --reuse-db later
    QString reuseDb; ///< --reuse-db FILE: start from a copy of a kept database instead of writing one
};

bool parseOptions(int argc, char **argv, Options *o)
{
    const std::pair<const char *, int *> flags[] = {
        {"--parcels", &o->parcels},  {"--rate", &o->rate},      {"--seconds", &o->seconds},
        {"--batch-ms", &o->batchMs}, {"--poll-ms", &o->pollMs}, {"--drain-seconds", &o->drainSeconds}};
    for (int a = 1; a < argc; ++a) {
        bool known = false;
        if ((std::strcmp(argv[a], "--keep-db") == 0 || std::strcmp(argv[a], "--reuse-db") == 0) &&
            a + 1 < argc) {
            (std::strcmp(argv[a], "--keep-db") == 0 ? o->keepDb : o->reuseDb) =
                QString::fromLocal8Bit(argv[a + 1]);
            a += 1;
            continue;
        }
        for (const auto &[name, value] : flags) {
            if (std::strcmp(argv[a], name) == 0 && a + 1 < argc) {
                *value = std::max(1, std::atoi(argv[++a]));
                known = true;
            }
        }
        if (!known) {
            std::printf("usage: bench_detection_e2e [--parcels N] [--rate N] [--seconds N] [--batch-ms N] "
                        "[--poll-ms N] [--drain-seconds N] [--keep-db FILE | --reuse-db FILE]\n");
            return false;
        }
    }
    o->parcels = std::max(o->parcels, 1000);
    return true;
}

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QNetworkRequest jsonRequest(quint16 port, const QString &path, const QByteArray &token)
{
    QNetworkRequest req(QUrl(u"http://127.0.0.1:%1/api/v1%2"_s.arg(port).arg(path)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    return req;
}

QByteArray login(QNetworkAccessManager &nam, quint16 port)
{
    QNetworkReply *r = nam.post(jsonRequest(port, u"/auth/login"_s, {}),
                                R"({"login":"admin","password":")" + kPassword + R"("})");
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    const QByteArray body = r->readAll();
    r->deleteLater();
    return QJsonDocument::fromJson(body).object().value(u"access_token"_s).toString().toLatin1();
}

/// The running server and what its start-up showed.
struct Server
{
    QProcess process;
    quint16 port = 0;
    double startSeconds = 0; ///< from the process start to its "listening on" line
    QString loadLine;        ///< the proactive service's log line of load()
    qint64 loadMs = -1;      ///< its "loaded in … ms"
    ProcessStats afterStart; ///< CPU and memory once listening
};

bool startServer(Server &s, const QString &dbUrl)
{
    QByteArray err;
    QObject::connect(&s.process, &QProcess::readyReadStandardError, &s.process, [&s, err]() mutable {
        const QByteArray chunk = s.process.readAllStandardError();
        std::fwrite(chunk.constData(), 1, std::size_t(chunk.size()), stderr);
        err += chunk;
        const QRegularExpressionMatch m =
            QRegularExpression(u"(proactive detection: [^\n]*loaded in (\\d+) ms)"_s)
                .match(QString::fromUtf8(err));
        if (m.hasMatch() && s.loadMs < 0) {
            s.loadLine = m.captured(1);
            s.loadMs = m.captured(2).toLongLong();
        }
    });
    QElapsedTimer t;
    t.start();
    s.process.start(QStringLiteral(PD_SERVER_BIN),
                    {u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, dbUrl, u"--access-token-ttl"_s, u"86400"_s});
    QByteArray out;
    while (!out.contains("listening on") && s.process.waitForReadyRead(600000))
        out += s.process.readAllStandardOutput();
    if (!out.contains("listening on"))
        return false;
    s.startSeconds = double(t.elapsed()) / 1000.0;
    s.port = quint16(out.mid(out.lastIndexOf(':') + 1).trimmed().toUInt());
    QCoreApplication::processEvents(); // the log line of load() may still be in the pipe
    s.afterStart = processStats(s.process.processId());
    return true;
}

/// What the sender did.
struct Stream
{
    qint64 sent = 0;
    int requests = 0;
    int ok = 0;
    qint64 firstMs = 0;
    qint64 lastMs = 0;
    qint64 lastAnswerMs = 0; ///< when the last answer arrived
    std::vector<double> requestMs;
    QHash<QString, QList<qint64>> sentAt;   ///< waybill → when the requests with its scans were sent
    std::map<QString, PlantedCase> planted; ///< "waybill|kind" → the case it must give
    QHash<QString, qint64> plantedSentAt;   ///< "waybill|kind" → when its scan's request was sent
    QStringList errors;
};

/// One request with the events due by now (at most 5,000, the API's limit).
void sendBatch(QNetworkAccessManager &nam, quint16 port, const QByteArray &token, E2eFleet &fleet, int count,
               Stream &st, int *inFlight, const std::function<void()> &done)
{
    static const StreamMix mix;
    const qint64 now = wallMs();
    QJsonArray events;
    for (int n = 0; n < count; ++n) {
        PlantedCase planted;
        const pd::TrackingEvent e = fleet.next(now, mix, &planted);
        events.append(e.toJson());
        st.sentAt[e.waybillNo].append(now);
        if (!planted.kind.isEmpty()) {
            const QString key = planted.waybill + u'|' + planted.kind;
            st.planted.emplace(key, planted);
            st.plantedSentAt.insert(key, now);
        }
    }
    const QByteArray body = QJsonDocument(QJsonObject{{u"events"_s, events}}).toJson(QJsonDocument::Compact);
    QNetworkReply *r = nam.post(jsonRequest(port, u"/tracking"_s, token), body);
    st.sent += count;
    ++st.requests;
    st.firstMs = st.firstMs ? st.firstMs : now;
    st.lastMs = now;
    ++*inFlight;
    QObject::connect(r, &QNetworkReply::finished, r, [r, now, &st, inFlight, done] {
        st.lastAnswerMs = wallMs();
        st.requestMs.push_back(double(st.lastAnswerMs - now));
        const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200)
            ++st.ok;
        else if (st.errors.size() < 5)
            st.errors.append(u"%1 %2"_s.arg(status).arg(QString::fromUtf8(r->readAll().left(200))));
        r->deleteLater();
        --*inFlight;
        done();
    });
}

/// rate × seconds events, paced against the clock (open loop), then every answer awaited.
Stream runStream(const Options &o, quint16 port, const QByteArray &token, E2eFleet &fleet)
{
    Stream st;
    QNetworkAccessManager nam;
    const qint64 total = qint64(o.rate) * o.seconds;
    int inFlight = 0;
    QEventLoop loop;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(o.batchMs);
    const auto finished = [&] {
        if (st.sent >= total && inFlight == 0)
            loop.quit();
    };
    QElapsedTimer clock;
    QObject::connect(&tick, &QTimer::timeout, &loop, [&] {
        const qint64 due =
            std::min(total, qint64(double(o.rate) * double(clock.elapsed()) / 1000.0)) - st.sent;
        if (due > 0)
            sendBatch(nam, port, token, fleet, int(std::min<qint64>(due, 5000)), st, &inFlight, finished);
        if (st.sent >= total)
            tick.stop();
    });
    clock.start();
    tick.start();
    loop.exec();
    return st;
}

/// The delays of one group of cases, in milliseconds.
struct Delays
{
    std::vector<double> visible;  ///< from possible (sent, or due) to the first poll that saw it
    std::vector<double> detected; ///< from possible to the server's detected_ms
    QMap<QString, int> kinds;
};

void printDelays(const char *label, const Delays &d)
{
    if (d.visible.empty()) {
        std::printf("  %s: none\n", label);
        return;
    }
    QStringList kinds;
    for (auto it = d.kinds.cbegin(); it != d.kinds.cend(); ++it)
        kinds.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    std::printf(
        "  %s (%zu: %s): to visible p50 %.0f ms, p90 %.0f ms, p99 %.0f ms, max %.0f ms; to detected_ms "
        "p50 %.0f ms, p99 %.0f ms\n",
        label, d.visible.size(), qPrintable(kinds.join(u", "_s)), percentile(d.visible, 0.5),
        percentile(d.visible, 0.9), percentile(d.visible, 0.99), percentile(d.visible, 1.0),
        percentile(d.detected, 0.5), percentile(d.detected, 0.99));
}

/// Matches the cases seen with the planted ones and prints the delays; returns the p99 over every case.
double report(const Stream &st, const QList<SeenCase> &seen)
{
    Delays scans, stalls, otherScan, otherTimer, all;
    QSet<QString> found;
    for (const SeenCase &c : seen) {
        const QString key = c.waybill + u'|' + c.kind;
        const auto planted = st.planted.find(key);
        // The request that carried the scan it came from: the last one sent before its detection.
        qint64 sent = 0;
        for (const qint64 at : st.sentAt.value(c.waybill))
            sent = at <= c.detectedMs ? at : sent;
        // Detection is possible once the scan was sent and the cause's instant has come.
        qint64 possible = std::max(sent, c.causeMs);
        Delays *group = sent > 0 ? &otherScan : &otherTimer;
        if (planted != st.planted.end() && !found.contains(key)) {
            found.insert(key);
            const bool stall = planted->second.dueMs > 0;
            possible = stall ? planted->second.dueMs : st.plantedSentAt.value(key);
            group = stall ? &stalls : &scans;
        }
        for (Delays *d : {group, &all}) {
            d->visible.push_back(double(c.seenMs - possible));
            d->detected.push_back(double(c.detectedMs - possible));
            ++d->kinds[c.kind];
        }
    }
    QMap<QString, int> expected;
    for (const auto &[key, p] : st.planted)
        ++expected[p.kind];
    QStringList e;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it)
        e.append(u"%1 %2"_s.arg(it.key()).arg(it.value()));
    std::printf("  cases planted: %zu (%s); found %lld of them\n", st.planted.size(),
                qPrintable(e.join(u", "_s)), qlonglong(found.size()));
    printDelays("planted exception scans, from the request sent", scans);
    printDelays("planted stalls, from the stall due", stalls);
    printDelays("other cases after a scan of the stream", otherScan);
    printDelays("other cases from the timer (parcels without a scan in the stream)", otherTimer);
    printDelays("every case", all);
    return percentile(all.visible, 0.99);
}

double fileMiB(const QString &path)
{
    return double(QFileInfo(path).size() + QFileInfo(path + u"-wal"_s).size()) / 1024.0 / 1024.0;
}

/// The admin user (which migrates the new database), then the parcels in flight; with --keep-db a copy of
/// it and of what the fleet needs to replay it (--reuse-db).
bool prepareDatabase(const QString &path, const Options &o, E2eFleet &fleet)
{
    const QString url = u"sqlite:"_s + path;
    QProcess cli;
    cli.setProcessChannelMode(QProcess::ForwardedChannels);
    cli.start(QStringLiteral(PD_SERVER_BIN),
              {u"user"_s, u"add"_s, u"admin"_s, u"--db"_s, url, u"--role"_s, u"admin"_s});
    cli.write(kPassword + '\n');
    cli.closeWriteChannel();
    if (!cli.waitForFinished(60000) || cli.exitCode() != 0)
        return false;
    QElapsedTimer t;
    t.start();
    const qint64 createdMs = wallMs();
    const qint64 written = fleet.populate(url, createdMs);
    std::printf(
        "  database: %lld parcels in flight with %lld scans written in %.1f s (the rows POST /tracking "
        "writes, computed by the server's code), %.0f MiB\n",
        qlonglong(written), qlonglong(sqliteCount(path, u"SELECT COUNT(*) FROM scans"_s)),
        double(t.elapsed()) / 1000.0, fileMiB(path));
    std::fflush(stdout);
    if (o.keepDb.isEmpty())
        return true;
    QFile::remove(o.keepDb);
    QFile meta(o.keepDb + u".fleet"_s);
    if (!QFile::copy(path, o.keepDb) || !meta.open(QIODevice::WriteOnly))
        return false;
    meta.write(QByteArray::number(createdMs) + ' ' + QByteArray::number(fleet.size()) + ' ' +
               QByteArray::number(fleet.poolSize()) + '\n');
    return true;
}

/// --reuse-db: the kept database copied, and the fleet replayed to the state it was written in (the same
/// seed, size and creation instant). Its scans are as old as the copy: reuse it within the hour.
bool reuseDatabase(const QString &path, const Options &o, std::unique_ptr<E2eFleet> &fleet)
{
    QFile meta(o.reuseDb + u".fleet"_s);
    if (!meta.open(QIODevice::ReadOnly) || !QFile::copy(o.reuseDb, path))
        return false;
    const QList<QByteArray> f = meta.readAll().trimmed().split(' ');
    if (f.size() != 3)
        return false;
    fleet = std::make_unique<E2eFleet>(f.at(1).toInt(), f.at(2).toInt(), kSeed);
    fleet->replay(f.at(0).toLongLong());
    std::printf("  database: a copy of %s (%d parcels in flight written %.0f minutes ago)\n",
                qPrintable(o.reuseDb), fleet->size(), double(wallMs() - f.at(0).toLongLong()) / 60000.0);
    return true;
}

/// The last stalls fall due up to 10 s after their scans: waits for every planted case, or the drain time.
void awaitPlanted(CaseWatcher &watcher, const Stream &st, int drainSeconds)
{
    QElapsedTimer drain;
    drain.start();
    while (drain.elapsed() < qint64(drainSeconds) * 1000) {
        QSet<QString> seen;
        for (const SeenCase &c : watcher.seen())
            seen.insert(c.waybill + u'|' + c.kind);
        bool all = true;
        for (const auto &[key, p] : st.planted)
            all = all && seen.contains(key);
        if (all)
            return;
        QThread::msleep(200);
    }
}

void printStream(const Options &o, const Stream &st, const Server &server, const ProcessStats &afterStream)
{
    const double spanS = double(std::max<qint64>(1, st.lastMs - st.firstMs)) / 1000.0;
    const double answeredS = double(std::max<qint64>(1, st.lastAnswerMs - st.firstMs)) / 1000.0;
    const double streamCpu = afterStream.cpuSeconds - server.afterStart.cpuSeconds;
    std::printf(
        "  stream: %lld events in %d requests over %.1f s (%d events/s asked, %.0f sent); %d answered 200, "
        "the last %.1f s after the first request was sent; request p50 %.0f ms, p99 %.0f ms, max %.0f ms\n",
        qlonglong(st.sent), st.requests, spanS, o.rate, double(st.sent) / spanS, st.ok, answeredS,
        percentile(st.requestMs, 0.5), percentile(st.requestMs, 0.99), percentile(st.requestMs, 1.0));
    for (const QString &e : st.errors)
        std::printf("    answer: %s\n", qPrintable(e));
    std::printf(
        "  server CPU from the first request to the last answer: %.1f s (%.0f %% of one core, %.0f µs an "
        "event); resident %.0f MiB\n",
        streamCpu, 100.0 * streamCpu / answeredS, streamCpu * 1e6 / double(std::max<qint64>(1, st.sent)),
        afterStream.residentMiB);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Options o;
    if (!parseOptions(argc, argv, &o))
        return 2;
    QTemporaryDir dir;
    const QString path = dir.filePath(u"e2e.db"_s);
    std::printf(
        "End-to-end detection through parceldesk-server (loopback, SQLite, one server process; bench and "
        "server share the cores)\n");
    std::fflush(stdout);
    const StreamMix mix;
    std::unique_ptr<E2eFleet> fleet;
    if (!o.reuseDb.isEmpty()) {
        if (!reuseDatabase(path, o, fleet))
            return 1;
    } else {
        fleet = std::make_unique<E2eFleet>(
            o.parcels, std::max(100, int(double(o.rate) * o.seconds * mix.stall * 2)), kSeed);
        if (!prepareDatabase(path, o, *fleet))
            return 1;
    }

    Server server;
    if (!startServer(server, u"sqlite:"_s + path)) {
        std::printf("  the server did not start\n");
        return 1;
    }
    std::printf("  start-up: listening after %.1f s; load(): %s; server CPU %.1f s, resident %.0f MiB\n",
                server.startSeconds, qPrintable(server.loadLine), server.afterStart.cpuSeconds,
                server.afterStart.residentMiB);
    std::fflush(stdout);
    QNetworkAccessManager nam;
    const QByteArray token = login(nam, server.port);
    if (token.isEmpty()) {
        std::printf("  could not sign in\n");
        return 1;
    }
    const QString incidents = u"SELECT COUNT(*) FROM docs WHERE type = 'incident'"_s;
    const qint64 incidentsBefore = sqliteCount(path, incidents);
    CaseWatcher watcher(path, o.pollMs);
    watcher.start();
    const Stream st = runStream(o, server.port, token, *fleet);
    const ProcessStats afterStream = processStats(server.process.processId());
    awaitPlanted(watcher, st, o.drainSeconds);
    watcher.stop();

    printStream(o, st, server, afterStream);
    const double p99 = report(st, watcher.seen());
    std::printf("  incidents in the change feed: %lld before the stream, %lld after\n",
                qlonglong(incidentsBefore), qlonglong(sqliteCount(path, incidents)));
    std::printf("  end-to-end detection delay p99 over every case: %.0f ms  [goal < 2000 ms]\n", p99);
    server.process.terminate();
    server.process.waitForFinished(30000);
    return 0;
}
