// Drill: a signed-in live client (/api/v1/live) that completes the WebSocket handshake and then never reads,
// while 1,000 courier positions per second are reported (POST /api/v1/couriers/positions, 50 every 50 ms) and
// a normal console reads the same feed (full form: 60 s; short form: 8 s). Goal: the server drops the client
// that does not read (close 1008 send_backlog, counted in /health live.dropped_backlog); its resident memory
// stays bounded — peak at most start + 4 × the send limit + 24 MB: what the stuck client may hold, the frames
// in flight to the reader, the live resume ring, which keeps every position message (≈ 8 KB each, 20 a
// second: ≈ 10 MB a minute until it holds 20,000), and the allocator's slack; a server that holds everything
// for the stuck client fails on the drop instead — and the reading console stays connected and receives every
// accepted position, with no silence over 1 s.
// Before the server's send limit counts, the kernel's socket buffers take what the client does not read (up
// to ≈ 4 MB on loopback here: at 1,000 positions/s about half a minute). The full form keeps the default
// limit (1 MiB) and lets the flow fill them; the short form sets --ws-send-limit 256 KiB and starts with a
// burst of 30,000 positions (≈ 3 MB, a gateway sending its backlog, in posts of 1,000 one at a time) so that
// the drop comes within its seconds.
#include "drillcommon.h"

#include <QTcpSocket>
#include <QWebSocket>

using namespace pd::drill;

namespace {

constexpr int kCouriers = 200;
constexpr int kPositionsPerSecond = 1000;

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool full = fullForm();
    const int durationMs = full ? 60000 : 8000;
    const qint64 sendLimit = full ? 1024 * 1024 : 256 * 1024;
    const QString tag = QStringLiteral("drill_ws_reader");
    DrillServer server;
    const QString dbUrl = QStringLiteral("sqlite:") + server.dbPath();
    if (!addUser(dbUrl, QStringLiteral("gateway"), QStringLiteral("admin")) ||
        !addUser(dbUrl, QStringLiteral("agent"), QStringLiteral("agent"), QStringLiteral("team-a")))
        return report(false, tag + QStringLiteral(": could not add the users"));
    QStringList args;
    if (!full)
        args << QStringLiteral("--ws-send-limit") << QString::number(sendLimit);
    if (!server.start(args))
        return report(false, tag + QStringLiteral(": the server did not start"));
    QNetworkAccessManager nam;
    const QByteArray admin = signIn(nam, server, QStringLiteral("gateway"));
    const QByteArray agent = signIn(nam, server, QStringLiteral("agent"));
    if (admin.isEmpty() || agent.isEmpty() || !createCouriers(nam, server, admin, kCouriers))
        return report(false, tag + QStringLiteral(": set-up failed (sign-in, couriers)"));

    // The client that does not read: Qt stops taking bytes from the kernel past 4 KiB, so once the kernel's
    // buffers are full everything else waits in the server.
    QTcpSocket stuck;
    stuck.setReadBufferSize(4096);
    stuck.connectToHost(QStringLiteral("127.0.0.1"), server.port());
    if (!stuck.waitForConnected(5000))
        return report(false, tag + QStringLiteral(": could not connect the stuck client"));
    stuck.write("GET /api/v1/live?access_token=" + agent +
                " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");

    // The console that reads.
    QWebSocket reader;
    qint64 received = 0;
    qint64 lastMessageMs = -1;
    qint64 longestSilenceMs = 0;
    bool flowing = false;
    QElapsedTimer clock;
    QObject::connect(&reader, &QWebSocket::textMessageReceived, &reader, [&](const QString &text) {
        const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
        if (m.value(QStringLiteral("kind")).toString() != QLatin1StringView("positions"))
            return;
        received += m.value(QStringLiteral("items")).toArray().size();
        if (flowing && lastMessageMs >= 0)
            longestSilenceMs = std::max(longestSilenceMs, clock.elapsed() - lastMessageMs);
        lastMessageMs = clock.elapsed();
    });
    bool readerClosed = false;
    QObject::connect(&reader, &QWebSocket::disconnected, &reader, [&] { readerClosed = true; });
    reader.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live?access_token=%2")
                         .arg(server.port())
                         .arg(QString::fromLatin1(agent))));
    const auto liveClients = [&] {
        return health(nam, server)
            .json()
            .value(QStringLiteral("live"))
            .toObject()
            .value(QStringLiteral("clients"))
            .toInt();
    };
    QElapsedTimer wait;
    wait.start();
    while (liveClients() != 2 && wait.elapsed() < 10000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    if (liveClients() != 2)
        return report(false, tag + QStringLiteral(": the two live clients did not connect"));

    const double startMb = server.memoryMb("VmRSS:");
    double peakMb = startMb;
    double atDropMb = -1;
    qint64 droppedAtMs = -1;
    int healthFailures = 0;
    PositionReporter positions(server.url(QStringLiteral("/api/v1/couriers/positions")), admin, kCouriers,
                               kPositionsPerSecond, full ? 0 : 30000);
    clock.start();
    flowing = true;
    positions.start();
    // Every 200 ms: the server's memory, and whether it dropped the stuck client (health, on its own
    // connection).
    QNetworkAccessManager probeNam;
    QTimer sample;
    QObject::connect(&sample, &QTimer::timeout, &sample, [&] {
        peakMb = std::max(peakMb, server.memoryMb("VmRSS:"));
        if (droppedAtMs >= 0)
            return;
        QNetworkReply *r = probeNam.get(jsonRequest(server.url(QStringLiteral("/api/v1/health")), {}, 5000));
        QObject::connect(r, &QNetworkReply::finished, r, [&, r] {
            r->deleteLater();
            if (statusOf(r) != 200) {
                ++healthFailures;
                return;
            }
            const QJsonObject live =
                QJsonDocument::fromJson(r->readAll()).object().value(QStringLiteral("live")).toObject();
            if (droppedAtMs < 0 && live.value(QStringLiteral("dropped_backlog")).toInt() >= 1) {
                droppedAtMs = clock.elapsed();
                atDropMb = server.memoryMb("VmRSS:");
            }
        });
    });
    sample.start(200);
    QTimer::singleShot(durationMs, &app, [&] {
        positions.stop();
        flowing = false;
        // The last positions reach the reader; then the figures.
        QTimer::singleShot(1000, &app, &QCoreApplication::quit);
    });
    app.exec();
    sample.stop();
    peakMb = std::max(peakMb, server.memoryMb("VmRSS:"));
    const double endMb = server.memoryMb("VmRSS:");
    const double hwmMb = server.memoryMb("VmHWM:");
    const QJsonObject live = health(nam, server).json().value(QStringLiteral("live")).toObject();
    const int dropped = live.value(QStringLiteral("dropped_backlog")).toInt();
    const int clientsAtEnd = live.value(QStringLiteral("clients")).toInt();
    const double limitMb = double(sendLimit) / (1024 * 1024);
    const double boundMb = startMb + 4 * limitMb + 24;
    const bool ok = server.running() && dropped == 1 && clientsAtEnd == 1 && !readerClosed &&
                    positions.failed() == 0 && positions.accepted() > 0 && received == positions.accepted() &&
                    longestSilenceMs <= 1000 && healthFailures == 0 && startMb > 0 && peakMb <= boundMb;
    return report(
        ok,
        QStringLiteral("%1: %2 s of %3 positions/s%17 (%4 accepted), send limit %5 KiB: the client that does "
                       "not read was %6; server RSS %7 MB at start, peak %8 MB (VmHWM %9 MB; bound %10 MB "
                       "= start + 4 × limit + 24 MB), %11 MB at the drop, %12 MB at the end; the reading "
                       "console %13 and received %14 of %15 positions, longest silence %16 ms (goal: "
                       "dropped, peak ≤ bound, every position, silence ≤ 1000 ms)")
            .arg(tag)
            .arg(durationMs / 1000)
            .arg(kPositionsPerSecond)
            .arg(positions.accepted())
            .arg(sendLimit / 1024)
            .arg(dropped == 1
                     ? QStringLiteral("dropped after %1 s").arg(double(droppedAtMs) / 1000, 0, 'f', 1)
                     : QStringLiteral("not dropped (dropped_backlog %1)").arg(dropped))
            .arg(startMb, 0, 'f', 1)
            .arg(peakMb, 0, 'f', 1)
            .arg(hwmMb, 0, 'f', 1)
            .arg(boundMb, 0, 'f', 1)
            .arg(atDropMb, 0, 'f', 1)
            .arg(endMb, 0, 'f', 1)
            .arg(readerClosed ? QStringLiteral("was disconnected") : QStringLiteral("stayed connected"))
            .arg(received)
            .arg(positions.accepted())
            .arg(longestSilenceMs)
            .arg(full ? QString() : QStringLiteral(" after a burst of 30,000")));
}
