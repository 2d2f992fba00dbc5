// Server benchmark on loopback: (1) 100,000 tickets through the change feed to one client; (2) 200 clients,
// each polling /changes every second and holding a live socket, while 1,000 courier positions per second are
// reported. Prints p50/p99 of the changes call and of live delivery, and the error count. Bounded in time.
#include "../common/servercli.h"

#include "../common/stats.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

namespace {

using pd::bench::percentile;

constexpr int kTickets = 100000;
constexpr int kClients = 200;
constexpr int kPositionsPerSecond = 1000;
constexpr int kCouriers = 200;
constexpr int kLoadSeconds = 10;
const QByteArray kPassword = "bench-password-1";

struct Server
{
    QProcess process;
    quint16 port = 0;
};

QJsonObject call(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                 const QByteArray &token, const QByteArray &body, int *status)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token);
    QNetworkReply *r = nam.sendCustomRequest(req, method, body);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    *status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject o = QJsonDocument::fromJson(r->readAll()).object();
    r->deleteLater();
    return o;
}

struct Client
{
    std::unique_ptr<QNetworkAccessManager> nam;
    std::unique_ptr<QWebSocket> socket;
    QString cursor;
    bool busy = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    const QString db = QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("bench.db"));
    std::printf(
        "Server benchmark (loopback, SQLite, one server process; client and server share the cores)\n");

    // Data: users, 100,000 tickets from a CSV import.
    pd::bench::serverCli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("lead"),
                          QStringLiteral("--db"), db, QStringLiteral("--role"), QStringLiteral("supervisor"),
                          QStringLiteral("--team"), QStringLiteral("team-a")},
                         kPassword + '\n');
    pd::bench::serverCli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("admin"),
                          QStringLiteral("--db"), db, QStringLiteral("--role"), QStringLiteral("admin")},
                         kPassword + '\n');
    {
        QFile f(dir.filePath(QStringLiteral("tickets.csv")));
        if (!f.open(QIODevice::WriteOnly))
            return 1;
        f.write("id,waybill_no,description,customer_name,customer_phone,category,status,team_id,created_at,"
                "first_response_at,resolved_at,resolution\n");
        for (int i = 0; i < kTickets; ++i)
            f.write(QStringLiteral("bench-%1,SF%2,包裹延迟三天仍未送达，请尽快处理,王芳,138%3,delay,resolved,"
                                   "team-a,2026-11-%4T08:00:00+08:00,"
                                   "2026-11-%4T08:10:00+08:00,2026-11-%4T12:00:00+08:00,redelivery\n")
                        .arg(i)
                        .arg(1400000000000LL + i)
                        .arg(i % 100000000, 8, 10, QLatin1Char('0'))
                        .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                        .toUtf8());
    }
    QElapsedTimer t;
    t.start();
    if (pd::bench::serverCli({QStringLiteral("import"), QStringLiteral("--db"), db,
                              QStringLiteral("--tickets"), dir.filePath(QStringLiteral("tickets.csv"))}) != 0)
        return 1;
    std::printf("  import of %d tickets (CSV, one transaction): %lld ms\n", kTickets, t.elapsed());

    Server server;
    server.process.start(
        QStringLiteral(PD_SERVER_BIN),
        {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--db"), db});
    QByteArray out;
    while (!out.contains("listening on") && server.process.waitForReadyRead(30000))
        out += server.process.readAllStandardOutput();
    server.port = quint16(out.mid(out.lastIndexOf(':') + 1).trimmed().toUInt());
    const auto url = [&](const QString &path) {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(server.port).arg(path));
    };
    QNetworkAccessManager nam;
    int status = 0;
    const QByteArray lead = call(nam, "POST", url(QStringLiteral("/api/v1/auth/login")), {},
                                 R"({"login":"lead","password":")" + kPassword + R"("})", &status)
                                .value(QStringLiteral("access_token"))
                                .toString()
                                .toLatin1();
    const QByteArray admin = call(nam, "POST", url(QStringLiteral("/api/v1/auth/login")), {},
                                  R"({"login":"admin","password":")" + kPassword + R"("})", &status)
                                 .value(QStringLiteral("access_token"))
                                 .toString()
                                 .toLatin1();

    // (1) Full sync of 100,000 tickets, pages of 5,000.
    t.restart();
    QString cursor;
    int tickets = 0;
    int pages = 0;
    for (;;) {
        const QJsonObject page =
            call(nam, "GET", url(QStringLiteral("/api/v1/changes?limit=5000&cursor=") + cursor), lead, {},
                 &status);
        for (const auto &v : page.value(QStringLiteral("items")).toArray())
            tickets += v.toObject().value(QStringLiteral("type")).toString() == QLatin1StringView("ticket");
        ++pages;
        cursor = page.value(QStringLiteral("next_cursor")).toString();
        if (status != 200 || !page.value(QStringLiteral("has_more")).toBool())
            break;
    }
    std::printf("  changes feed, %d tickets to one client: %lld ms in %d pages of 5000 (goal < 3000 ms)\n",
                tickets, t.elapsed(), pages);

    // (2) Load: couriers, 200 clients with sockets and polling, 1,000 positions per second.
    for (int c = 0; c < kCouriers; ++c)
        call(nam, "PUT", url(QStringLiteral("/api/v1/couriers/bench-%1").arg(c)), admin,
             R"({"name":"bench"})", &status);
    std::vector<double> changesMs;
    std::vector<double> liveMs;
    int errors = 0;
    std::vector<Client> clients(kClients);
    for (Client &c : clients) {
        c.nam = std::make_unique<QNetworkAccessManager>();
        c.socket = std::make_unique<QWebSocket>();
        c.cursor = cursor;
        QObject::connect(
            c.socket.get(), &QWebSocket::textMessageReceived, c.socket.get(), [&](const QString &text) {
                const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
                if (m.value(QStringLiteral("kind")).toString() != QLatin1StringView("positions"))
                    return;
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                for (const auto &v : m.value(QStringLiteral("items")).toArray())
                    liveMs.push_back(
                        double(now - qint64(v.toObject().value(QStringLiteral("at_ms")).toDouble())));
            });
        QObject::connect(c.socket.get(), qOverload<QAbstractSocket::SocketError>(&QWebSocket::error),
                         c.socket.get(), [&](QAbstractSocket::SocketError) { ++errors; });
        c.socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live?access_token=%2")
                                .arg(server.port)
                                .arg(QString::fromLatin1(lead))));
    }
    QTimer poll;
    int next = 0;
    QObject::connect(&poll, &QTimer::timeout, &poll, [&] {
        // Spread the 200 polls over each second: 10 every 50 ms.
        for (int k = 0; k < kClients / 20; ++k, next = (next + 1) % kClients) {
            Client &c = clients[size_t(next)];
            if (c.busy)
                continue;
            c.busy = true;
            QNetworkRequest req(url(QStringLiteral("/api/v1/changes?limit=500&cursor=") + c.cursor));
            req.setRawHeader("Authorization", "Bearer " + lead);
            auto started = std::make_shared<QElapsedTimer>();
            started->start();
            QNetworkReply *r = c.nam->get(req);
            QObject::connect(r, &QNetworkReply::finished, r, [&, r, started, client = &c] {
                changesMs.push_back(double(started->nsecsElapsed()) / 1e6);
                if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                    ++errors;
                else
                    client->cursor = QJsonDocument::fromJson(r->readAll())
                                         .object()
                                         .value(QStringLiteral("next_cursor"))
                                         .toString();
                client->busy = false;
                r->deleteLater();
            });
        }
    });
    QTimer report;
    int sentPositions = 0;
    QObject::connect(&report, &QTimer::timeout, &report, [&] {
        // 50 positions every 50 ms = 1,000 per second.
        QJsonArray items;
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        for (int k = 0; k < kPositionsPerSecond / 20; ++k, ++sentPositions)
            items.append(QJsonObject{
                {QStringLiteral("courier_id"), QStringLiteral("bench-%1").arg(sentPositions % kCouriers)},
                {QStringLiteral("lat"), 30.2 + (sentPositions % 100) * 0.001},
                {QStringLiteral("lon"), 120.1},
                {QStringLiteral("at"),
                 QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).toString(Qt::ISODateWithMs)}});
        QNetworkRequest req(url(QStringLiteral("/api/v1/couriers/positions")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + admin);
        QNetworkReply *r = nam.post(
            req, QJsonDocument(QJsonObject{{QStringLiteral("items"), items}}).toJson(QJsonDocument::Compact));
        QObject::connect(r, &QNetworkReply::finished, r, [&, r] {
            if (r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 202)
                ++errors;
            r->deleteLater();
        });
    });
    QTimer::singleShot(1500, &app, [&] {
        poll.start(50);
        report.start(50);
    });
    QTimer::singleShot(1500 + kLoadSeconds * 1000, &app, [&] {
        poll.stop();
        report.stop();
        QTimer::singleShot(1000, &app, &QCoreApplication::quit);
    });
    app.exec();
    int connected = 0;
    for (Client &c : clients)
        connected += c.socket->state() == QAbstractSocket::ConnectedState;
    const double expectedLive = double(sentPositions) * connected;
    std::printf("  load: %d clients (%d live sockets connected), %d positions/s for %d s (%d sent)\n",
                kClients, connected, kPositionsPerSecond, kLoadSeconds, sentPositions);
    std::printf("  changes call: %zu calls, p50 %.1f ms, p99 %.1f ms (goal p99 < 100 ms)\n", changesMs.size(),
                percentile(changesMs, 0.5), percentile(changesMs, 0.99));
    std::printf("  live delivery: %zu of %.0f position deliveries, p50 %.1f ms, p99 %.1f ms\n", liveMs.size(),
                expectedLive, percentile(liveMs, 0.5), percentile(liveMs, 0.99));
    std::printf("  errors: %d (goal 0)\n", errors + (connected == kClients ? 0 : kClients - connected));
    server.process.terminate();
    server.process.waitForFinished(5000);
    return 0;
}
