// Parcels at volume (issue 18), against the real parceldesk-server on loopback: on PostgreSQL when run under
// scripts/test-postgres.sh (PD_TEST_POSTGRES_URL; `make bench` does), else on SQLite.
//   1. tracking ingest through POST /tracking: parcels with eight scans each, 550 parcels and 4,400 scans a
//      request, two requests in flight (PD_BENCH_SENDERS another number); scans per second (wall time of the
//      sending: each 100,000 parcels' bodies are built before they are sent, so the bench's JSON does not
//      take the server's cores);
//   2. 500 complaint tickets of team-a about parcels among the first 100,000;
//   3. at 100,000 parcels: an agent's initial sync (GET /changes from the start, 5,000 a page: bytes, time;
//      median of 3) and the waybill look-up GET /parcels/{waybill} (1,000 random waybills: p50, p99);
//   4. ingest up to PD_BENCH_PARCELS parcels (default 1,000,000), then the same sync and look-ups, and the
//      ratios of sync bytes and time between the two sizes (goal: within 10 %);
//   5. at both sizes, the map's viewport query GET /map/parcels for a 1200 x 800 pixel view at city zoom
//      (11: clusters) and street zoom (16: parcels), 500 random views each over the data's area: p50, p99.
// One parcel in 15 stops in transit (no delivery scan): the parcels under way that the map shows, as a
// 30-day window of 2-day deliveries has.
// PD_BENCH_FILL=copy (PostgreSQL only) reaches tens of millions of parcels in minutes instead of hours: after
// step 3 the server is stopped, the parcels up to PD_BENCH_PARCELS less PD_BENCH_TAIL (default 200,000) are
// copies of the first 100,000 made in SQL (clonefill.h: the same rows with new waybills; fewer where the disk
// would keep less than PD_BENCH_KEEP_FREE_GB, default 4, free), the server is started again (its start time
// printed) and the last PD_BENCH_TAIL parcels go through POST /tracking, the ingest rate at that size.
// PD_BENCH_SERVER runs another parceldesk-server binary (an older build, for a side-by-side comparison).
// The CPU time the server and PostgreSQL's backends spent during the ingest (from /proc, Linux) is printed
// per scan: unlike the rate, it hardly depends on what else the machine runs.
#include "../common/stats.h"
#include "clonefill.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <future>
#include <vector>

#include <unistd.h>

namespace {

using pd::bench::CloneFill;
using pd::bench::percentile;

constexpr int kParcelsPerBatch = 550;
constexpr int kScansPerParcel = 8;
constexpr int kBaseParcels = 100000;
constexpr int kTickets = 500;
const QByteArray kPassword = "bench-password-1";

struct Http
{
    QNetworkAccessManager nam;
    quint16 port = 0;

    QByteArray call(const QByteArray &method, const QString &path, const QByteArray &token,
                    const QByteArray &body, int *status)
    {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(path)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        req.setRawHeader("Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1());
        QNetworkReply *r = nam.sendCustomRequest(req, method, body);
        QEventLoop loop;
        QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        *status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray out = r->readAll();
        r->deleteLater();
        return out;
    }

    QByteArray login(const QString &user)
    {
        int status = 0;
        const QByteArray body =
            call("POST", QStringLiteral("/api/v1/auth/login"), {},
                 R"({"login":")" + user.toUtf8() + R"(","password":")" + kPassword + R"("})", &status);
        return QJsonDocument::fromJson(body)
            .object()
            .value(QStringLiteral("access_token"))
            .toString()
            .toLatin1();
    }
};

QString serverBinary()
{
    const QString other = qEnvironmentVariable("PD_BENCH_SERVER");
    return other.isEmpty() ? QStringLiteral(PD_SERVER_BIN) : other;
}

int serverCli(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(serverBinary(), args);
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(600000);
    return p.exitCode();
}

QString waybill(qint64 n)
{
    return QStringLiteral("SF15%1").arg(n, 11, 10, QLatin1Char('0'));
}

QString iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toOffsetFromUtc(8 * 3600).toString(Qt::ISODateWithMs);
}

/// @brief One request's body: parcels [first, first + count) with their eight scans over two days.
QByteArray batch(qint64 first, int count, qint64 nowMs)
{
    static const char *const statuses[kScansPerParcel] = {"created",          "picked_up",  "in_transit",
                                                          "in_transit",       "in_transit", "in_transit",
                                                          "out_for_delivery", "delivered"};
    QJsonArray parcels;
    QJsonArray events;
    auto *rng = QRandomGenerator::global();
    for (qint64 n = first; n < first + count; ++n) {
        const int scans = n % 15 == 0 ? 4 : kScansPerParcel; // under way: picked up, in transit
        const qint64 start = nowMs - (3 + n % 27) * 86400000LL - rng->bounded(86400000);
        const int station = int(n % 40);
        parcels.append(QJsonObject{
            {QStringLiteral("waybill_no"), waybill(n)},
            {QStringLiteral("origin_address"), QStringLiteral("上海发货仓")},
            {QStringLiteral("destination_address"), QStringLiteral("杭州市西湖区文三路%1号").arg(n % 500)},
            {QStringLiteral("promised_at"), iso(start + 48 * 3600000LL)},
            {QStringLiteral("station_id"), QStringLiteral("st-%1").arg(station)},
            {QStringLiteral("courier_id"), QStringLiteral("cr-%1-%2").arg(station).arg(n % 7)}});
        for (int s = 0; s < scans; ++s) {
            const double lat = 30.15 + rng->generateDouble() * 0.25;
            const double lon = 120.0 + rng->generateDouble() * 0.35;
            events.append(
                QJsonObject{{QStringLiteral("waybill_no"), waybill(n)},
                            {QStringLiteral("at"), iso(start + s * 6 * 3600000LL)},
                            {QStringLiteral("status"), QLatin1StringView(statuses[s])},
                            {QStringLiteral("place"), QStringLiteral("杭州转运中心")},
                            {QStringLiteral("position"),
                             QJsonObject{{QStringLiteral("lat"), lat}, {QStringLiteral("lon"), lon}}}});
        }
    }
    return QJsonDocument(
               QJsonObject{{QStringLiteral("parcels"), parcels}, {QStringLiteral("events"), events}})
        .toJson(QJsonDocument::Compact);
}

/// @brief CPU seconds (user and system) process @p pid has used, from /proc; 0 where there is no /proc.
double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // Fields after the command's closing parenthesis: state is the 3rd field, utime the 14th, stime the 15th.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    static const double ticks = double(sysconf(_SC_CLK_TCK));
    return fields.size() > 12 ? double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / ticks : 0;
}

/// @brief CPU seconds of the PostgreSQL backends serving user pd (the server's connections).
double backendCpuSeconds()
{
    double total = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (pid.toLongLong() > 0 && cmd.open(QIODevice::ReadOnly) &&
            cmd.readAll().startsWith("postgres: pd "))
            total += cpuSeconds(pid.toLongLong());
    }
    return total;
}

struct IngestFigures
{
    qint64 scans = 0;
    double wallSeconds = 0;
    qint64 serverPid = 0;
    double serverCpu = 0;  ///< seconds
    double backendCpu = 0; ///< seconds
};

/// Parcels whose request bodies are built before they are sent and timed (about 270 MB of JSON).
constexpr qint64 kParcelsPerSegment = 100000;

/// @brief The request bodies of parcels [from, to), built on two threads: the bench's JSON is not the
/// server's work, and on a 2-core machine building it while sending took a fifth of a core from the server.
std::vector<std::pair<QByteArray, qint64>> buildBodies(qint64 from, qint64 to, qint64 nowMs)
{
    std::vector<std::pair<QByteArray, qint64>> bodies;
    for (qint64 n = from; n < to; n += kParcelsPerBatch)
        bodies.emplace_back(QByteArray(), std::min<qint64>(kParcelsPerBatch, to - n));
    const auto buildEvery = [&](size_t first) {
        for (size_t i = first; i < bodies.size(); i += 2)
            bodies[i].first = batch(from + qint64(i) * kParcelsPerBatch, int(bodies[i].second), nowMs);
    };
    auto other = std::async(std::launch::async, buildEvery, 1);
    buildEvery(0);
    other.get();
    return bodies;
}

/// @brief Requests in flight during the ingest: PD_BENCH_SENDERS, else 2.
int senders()
{
    static const int n = qEnvironmentVariableIntValue("PD_BENCH_SENDERS");
    return n > 0 ? n : 2;
}

/// @brief POST /tracking of @p bodies with two requests in flight, as from an operations system with two
/// senders (the server checks one batch on a worker thread while it writes the other), or PD_BENCH_SENDERS.
/// Timed: the sending.
bool send(Http &http, const QByteArray &admin, const std::vector<std::pair<QByteArray, qint64>> &bodies,
          qint64 *done, IngestFigures *f)
{
    const double serverCpuBefore = cpuSeconds(f->serverPid);
    const double backendCpuBefore = backendCpuSeconds();
    QElapsedTimer wall;
    wall.start();
    size_t next = 0;
    int inFlight = 0;
    bool failed = false;
    QEventLoop loop;
    std::function<void()> sendMore;
    const auto post = [&](const QByteArray &body, qint64 count) {
        QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1/api/v1/tracking").arg(http.port)));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + admin);
        QNetworkReply *r = http.nam.post(req, body);
        ++inFlight;
        QObject::connect(r, &QNetworkReply::finished, &loop, [&, r, count] {
            --inFlight;
            const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray reply = r->readAll();
            r->deleteLater();
            if (status != 200) {
                std::printf("  ingest failed near parcel %lld: %d %s\n", *done, status,
                            reply.left(300).constData());
                failed = true;
            }
            f->scans += QJsonDocument::fromJson(reply).object().value(QStringLiteral("events")).toInteger();
            *done += count;
            sendMore();
        });
    };
    sendMore = [&] {
        while (!failed && inFlight < senders() && next < bodies.size()) {
            post(bodies[next].first, bodies[next].second);
            ++next;
        }
        if (inFlight == 0)
            loop.quit();
    };
    sendMore();
    if (inFlight > 0)
        loop.exec();
    f->wallSeconds += double(wall.nsecsElapsed()) / 1e9;
    f->serverCpu += cpuSeconds(f->serverPid) - serverCpuBefore;
    f->backendCpu += backendCpuSeconds() - backendCpuBefore;
    return !failed;
}

/// @brief The parcels [from, to) through POST /tracking, kParcelsPerSegment at a time: each segment's bodies
/// are built first, then sent and timed; the rate so far is printed after each segment.
bool ingest(Http &http, const QByteArray &admin, qint64 from, qint64 to, IngestFigures *f)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 done = from;
    for (qint64 first = from; first < to; first += kParcelsPerSegment) {
        const auto bodies = buildBodies(first, std::min(to, first + kParcelsPerSegment), now);
        if (!send(http, admin, bodies, &done, f))
            return false;
        std::printf("  … %lld parcels, %.0f scans/s\n", done, double(f->scans) / f->wallSeconds);
        std::fflush(stdout);
    }
    return true;
}

struct SyncFigures
{
    double ms = 0;
    qint64 bytes = 0;
    qint64 items = 0;
    qint64 parcels = 0;
};

SyncFigures initialSync(Http &http, const QByteArray &token)
{
    SyncFigures f;
    QString cursor;
    QElapsedTimer t;
    t.start();
    for (;;) {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("limit"), QStringLiteral("5000"));
        if (!cursor.isEmpty())
            q.addQueryItem(QStringLiteral("cursor"), cursor);
        int status = 0;
        const QByteArray body = http.call(
            "GET", QStringLiteral("/api/v1/changes?") + q.toString(QUrl::FullyEncoded), token, {}, &status);
        if (status != 200)
            break;
        f.bytes += body.size();
        const QJsonObject o = QJsonDocument::fromJson(body).object();
        for (const QJsonValue &v : o.value(QStringLiteral("items")).toArray()) {
            ++f.items;
            f.parcels += v.toObject().value(QStringLiteral("type")).toString() == QLatin1StringView("parcel");
        }
        cursor = o.value(QStringLiteral("next_cursor")).toString();
        if (!o.value(QStringLiteral("has_more")).toBool())
            break;
    }
    f.ms = double(t.nsecsElapsed()) / 1e6;
    return f;
}

SyncFigures medianSync(Http &http, const QByteArray &token)
{
    std::vector<SyncFigures> runs;
    for (int i = 0; i < 3; ++i)
        runs.push_back(initialSync(http, token));
    std::sort(runs.begin(), runs.end(),
              [](const SyncFigures &a, const SyncFigures &b) { return a.ms < b.ms; });
    return runs[1];
}

std::pair<double, double> lookups(Http &http, const QByteArray &token, qint64 parcels)
{
    std::vector<double> ms;
    auto *rng = QRandomGenerator::global();
    for (int i = 0; i < 1000; ++i) {
        QElapsedTimer t;
        t.start();
        int status = 0;
        http.call("GET", QStringLiteral("/api/v1/parcels/") + waybill(rng->bounded(parcels)), token, {},
                  &status);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (status != 200)
            std::printf("  look-up answered %d\n", status);
    }
    return {percentile(ms, 0.5), percentile(ms, 0.99)};
}

/// @brief p50 and p99 of GET /map/parcels for 500 random 1200 x 800 views at @p zoom over the data's area;
/// @p shown gets the mean parcels (or cluster counts) per answer.
std::pair<double, double> viewports(Http &http, const QByteArray &token, int zoom, double *shown)
{
    std::vector<double> ms;
    auto *rng = QRandomGenerator::global();
    // Half the view's size in degrees near 30° N (Web Mercator: 256 · 2^zoom pixels around the world).
    const double halfLon = 600.0 / (256.0 * double(1 << zoom)) * 360.0;
    const double halfLat = halfLon * 400.0 / 600.0 * 0.866;
    double sum = 0;
    for (int i = 0; i < 500; ++i) {
        const double lat = 30.15 + rng->generateDouble() * 0.25;
        const double lon = 120.0 + rng->generateDouble() * 0.35;
        const QString path = QStringLiteral("/api/v1/map/parcels?bbox=%1,%2,%3,%4&zoom=%5")
                                 .arg(lon - halfLon, 0, 'f', 6)
                                 .arg(lat - halfLat, 0, 'f', 6)
                                 .arg(lon + halfLon, 0, 'f', 6)
                                 .arg(lat + halfLat, 0, 'f', 6)
                                 .arg(zoom);
        QElapsedTimer t;
        t.start();
        int status = 0;
        const QByteArray body = http.call("GET", path, token, {}, &status);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
        if (status != 200)
            std::printf("  viewport answered %d\n", status);
        sum += double(QJsonDocument::fromJson(body).object().value(QStringLiteral("total")).toInteger());
    }
    *shown = sum / 500.0;
    return {percentile(ms, 0.5), percentile(ms, 0.99)};
}

/// @brief Prints the viewport figures at city and street zoom; the p99s.
std::pair<double, double> printViewports(Http &http, const QByteArray &token, qint64 parcels)
{
    double cityShown = 0, streetShown = 0;
    const auto [cityP50, cityP99] = viewports(http, token, 11, &cityShown);
    const auto [streetP50, streetP99] = viewports(http, token, 16, &streetShown);
    std::printf(
        "  at %lld parcels: viewport at city zoom (11, clusters of %.0f parcels on average) p50 %.2f ms, "
        "p99 %.2f ms; at street zoom (16, %.0f parcels) p50 %.2f ms, p99 %.2f ms\n",
        parcels, cityShown, cityP50, cityP99, streetShown, streetP50, streetP99);
    return {cityP99, streetP99};
}

/// @brief Starts the server on @p db; its port, or 0. With @p ms, how long it took to listen.
quint16 startServer(QProcess &server, const QString &db, double *ms = nullptr)
{
    QElapsedTimer t;
    t.start();
    server.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    server.start(serverBinary(),
                 {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), db,
                  // A run of a million parcels outlasts the default 15 minutes of an access token.
                  QStringLiteral("--access-token-ttl"), QStringLiteral("86400")});
    QByteArray out;
    // At millions of parcels the detector reads the parcels under way before the server listens.
    while (!out.contains("listening on") && server.waitForReadyRead(600000))
        out += server.readAllStandardOutput();
    if (ms)
        *ms = double(t.elapsed());
    return out.contains("listening on") ? quint16(out.mid(out.lastIndexOf(':') + 1).trimmed().toUInt()) : 0;
}

bool addUsers(const QString &db)
{
    for (const auto &[login, role] : {std::pair{"admin", "admin"}, std::pair{"agent1", "agent"}}) {
        QStringList args{QStringLiteral("user"),
                         QStringLiteral("add"),
                         QLatin1StringView(login),
                         QStringLiteral("--db"),
                         db,
                         QStringLiteral("--role"),
                         QLatin1StringView(role)};
        if (QLatin1StringView(role) == QLatin1StringView("agent"))
            args << QStringLiteral("--team") << QStringLiteral("team-a");
        if (serverCli(args, kPassword + '\n') != 0)
            return false;
    }
    return true;
}

bool addTickets(Http &http, const QByteArray &agent)
{
    for (int i = 0; i < kTickets; ++i) {
        const QJsonObject ticket{
            {QStringLiteral("description"), QStringLiteral("包裹延迟三天仍未送达")},
            {QStringLiteral("customer_name"), QStringLiteral("王芳")},
            {QStringLiteral("customer_phone"), QStringLiteral("13800138000")},
            {QStringLiteral("channel"), QStringLiteral("phone")},
            {QStringLiteral("category"), QStringLiteral("delay")},
            {QStringLiteral("team_id"), QStringLiteral("team-a")},
            {QStringLiteral("waybill_no"), waybill(qint64(i) * (kBaseParcels / kTickets))}};
        int status = 0;
        http.call("POST", QStringLiteral("/api/v1/tickets"), agent, QJsonDocument(ticket).toJson(), &status);
        if (status != 201) {
            std::printf("  ticket failed: %d\n", status);
            return false;
        }
    }
    return true;
}

/// @brief The figures at one size: sync, look-ups, viewports.
struct SizeFigures
{
    SyncFigures sync;
    double lookupP99 = 0;
    double cityP99 = 0;
    double streetP99 = 0;
};

SizeFigures measureAt(Http &http, const QByteArray &agent, qint64 parcels)
{
    SizeFigures f;
    f.sync = medianSync(http, agent);
    const auto [p50, p99] = lookups(http, agent, parcels);
    f.lookupP99 = p99;
    std::printf("  at %lld parcels: agent's initial sync %.0f ms, %lld bytes, %lld items (%lld parcels); "
                "look-up p50 %.2f ms, p99 %.2f ms\n",
                parcels, f.sync.ms, f.sync.bytes, f.sync.items, f.sync.parcels, p50, p99);
    std::tie(f.cityP99, f.streetP99) = printViewports(http, agent, parcels);
    std::fflush(stdout);
    return f;
}

void printIngest(const char *what, const IngestFigures &f)
{
    std::printf("  tracking ingest%s: %lld scans, %.0f scans/s (wall time of the sending, %d requests in "
                "flight, the bodies built before)  [goal >= 20000]\n",
                what, f.scans, double(f.scans) / f.wallSeconds, senders());
    std::printf("  CPU time a scan during the ingest%s: server %.1f us, PostgreSQL backends %.1f us\n", what,
                f.serverCpu * 1e6 / double(f.scans), f.backendCpu * 1e6 / double(f.scans));
}

/// @brief PD_BENCH_FILL=copy: the parcels from kBaseParcels up to @p to copied in SQL with the server stopped
/// (CloneFill; fewer where the disk would keep less than PD_BENCH_KEEP_FREE_GB, default 4, free), then the
/// server started again (its start time printed: the detector reads every parcel under way). Returns the
/// parcels stored and the new port in @p port (0 on failure).
qint64 copyParcels(QProcess &server, const QString &db, qint64 to, quint16 *port)
{
    server.terminate();
    server.waitForFinished(60000);
    CloneFill fill;
    QString error;
    const qint64 keepFreeGb = qEnvironmentVariableIsSet("PD_BENCH_KEEP_FREE_GB")
                                  ? qEnvironmentVariableIntValue("PD_BENCH_KEEP_FREE_GB")
                                  : 4;
    const qint64 stored = fill.open(db, &error)
                              ? fill.fill(kBaseParcels, to, qEnvironmentVariable("PD_TEST_POSTGRES_DATA"),
                                          keepFreeGb * 1000000000LL, &error)
                              : 0;
    if (stored == 0) {
        std::printf("  copying failed: %s\n", qPrintable(error));
        *port = 0;
        return 0;
    }
    std::printf("  sizes at %lld parcels: %s\n", stored, qPrintable(fill.sizes()));
    double ms = 0;
    *port = startServer(server, db, &ms);
    std::printf("  server start at %lld parcels: %.1f s until it listened\n", stored, ms / 1000);
    std::fflush(stdout);
    return stored;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    qint64 target = std::max<qint64>(kBaseParcels, qgetenv("PD_BENCH_PARCELS").isEmpty()
                                                       ? 1000000
                                                       : qgetenv("PD_BENCH_PARCELS").toLongLong());
    const QString pg = QString::fromLocal8Bit(qgetenv("PD_TEST_POSTGRES_URL"));
    const QString db =
        pg.isEmpty() ? QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("volume.db")) : pg;
    const QByteArray backend =
        pg.isEmpty() ? QByteArray("SQLite (no PostgreSQL: " + qgetenv("PD_TEST_POSTGRES_SKIP") + ")")
                     : QByteArray("PostgreSQL 15");
    // The parcels copied in SQL end where the last PD_BENCH_TAIL (default 200,000) go through the API again.
    const qint64 tail = qEnvironmentVariableIntValue("PD_BENCH_TAIL") > 0
                            ? qEnvironmentVariableIntValue("PD_BENCH_TAIL")
                            : 200000;
    qint64 copyTo = qEnvironmentVariable("PD_BENCH_FILL") == QLatin1StringView("copy") && !pg.isEmpty()
                        ? (target - tail) / kBaseParcels * kBaseParcels
                        : kBaseParcels;
    std::printf("Parcels at volume (loopback, %s, one server process; bench and server share the cores)\n",
                backend.constData());
    if (copyTo > kBaseParcels)
        std::printf("  parcels %d to %lld copied in SQL from the first %d (PD_BENCH_FILL=copy), the rest "
                    "through the API\n",
                    kBaseParcels, copyTo, kBaseParcels);
    QProcess server;
    Http http;
    if (!addUsers(db) || (http.port = startServer(server, db)) == 0)
        return 1;
    QByteArray admin = http.login(QStringLiteral("admin"));
    QByteArray agent = http.login(QStringLiteral("agent1"));
    if (admin.isEmpty() || agent.isEmpty()) {
        std::printf("  could not sign in\n");
        return 1;
    }

    IngestFigures ingested;
    ingested.serverPid = server.processId();
    if (!ingest(http, admin, 0, kBaseParcels, &ingested) || !addTickets(http, agent))
        return 1;
    const SizeFigures small = measureAt(http, agent, kBaseParcels);

    IngestFigures atScale;
    if (copyTo > kBaseParcels) {
        const qint64 copied = copyParcels(server, db, copyTo, &http.port);
        if (http.port == 0)
            return 1;
        target -= copyTo - copied; // the disk held fewer copies: the same tail through the API
        copyTo = copied;
        admin = http.login(QStringLiteral("admin"));
        agent = http.login(QStringLiteral("agent1"));
        atScale.serverPid = server.processId();
        if (!ingest(http, admin, copyTo, target, &atScale))
            return 1;
    } else {
        if (!ingest(http, admin, kBaseParcels, target, &ingested))
            return 1;
    }
    const SizeFigures large = measureAt(http, agent, target);
    printIngest(copyTo > kBaseParcels ? " of the first 100000 parcels" : "", ingested);
    if (atScale.scans > 0)
        printIngest(" at scale (the last parcels, through the API)", atScale);
    std::printf("  initial sync %lld vs %d parcels: time x%.2f, bytes x%.3f  [goal: within 10 %%]\n", target,
                kBaseParcels, large.sync.ms / small.sync.ms,
                double(large.sync.bytes) / double(small.sync.bytes));
    std::printf("  waybill look-up p99 at %lld parcels: %.2f ms  [goal < 20 ms]\n", target, large.lookupP99);
    std::printf("  viewport p99 at %lld parcels: city %.2f ms, street %.2f ms  [goal < 50 ms]\n", target,
                large.cityP99, large.streetP99);
    server.terminate();
    server.waitForFinished(10000);
    return 0;
}
