// Drill: soak (full form 10 min, short form 20 s). 200 consoles, each with a live socket (/api/v1/live), a
// pull of GET /api/v1/changes from its cursor every second (spread over the second) and a note every 20 s or
// so through its outbox (same Idempotency-Key until acknowledged; pulls and outbox on a connection each),
// while a gateway reports 1,000 courier positions per second from a thread of its own. The server's resident
// memory and open file descriptors (/proc/<pid>/fd) are read when the warm-up ends (the first 10 %, at least
// 5 s: every connection open, every outbox has written once, caches and allocator pools filled) and at the
// end of the load. Goal: 0 errors (every pull 200, every note acknowledged at once and on the server exactly
// once, every position post 202, no live socket closed), /changes p99 under 100 ms — measured by one more
// console pulling every 100 ms from a thread of its own; the 200 consoles' figure, taken in this process's
// busy event loop, is printed beside it — and flat resources: RSS at the end at most 1.5 × the start + 20 MB
// (the allocator's slack and caches settle within that; steady growth beyond it over ten minutes is a leak
// or an unbounded buffer) and descriptors at most the start + 10 (the same consoles hold the same
// connections: a leaked socket or file shows up here).
#include "drillcommon.h"

#include <QWebSocket>

#include <limits>
#include <thread>

using namespace pd::drill;

namespace {

constexpr int kClients = 200;
constexpr int kCouriers = 200;
constexpr int kPositionsPerSecond = 1000;
constexpr int kTickets = 50;
constexpr int kNotePaceMs = 20000;
constexpr double kGoalP99Ms = 100;

struct Console
{
    std::unique_ptr<QNetworkAccessManager> nam;    ///< pulls: one request at a time, one connection
    std::unique_ptr<QNetworkAccessManager> outbox; ///< notes: likewise
    std::unique_ptr<QWebSocket> socket;
    QByteArray token;
    QString cursor;
    bool pulling = false;
    qint64 positionMessages = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool full = fullForm();
    const int durationMs = full ? 600000 : 20000;
    const int warmUpMs = std::max(5000, durationMs / 10);
    const QString tag = QStringLiteral("drill_soak");
    DrillServer server;
    const QString dbUrl = QStringLiteral("sqlite:") + server.dbPath();
    const QStringList logins{QStringLiteral("lead1"), QStringLiteral("lead2"), QStringLiteral("agent1"),
                             QStringLiteral("agent2")};
    bool added = addUser(dbUrl, QStringLiteral("gateway"), QStringLiteral("admin"));
    for (const QString &login : logins)
        added = added && addUser(dbUrl, login,
                                 login.startsWith(QLatin1StringView("lead")) ? QStringLiteral("supervisor")
                                                                             : QStringLiteral("agent"),
                                 QStringLiteral("team-a"));
    if (!added || !server.start())
        return report(false, tag + QStringLiteral(": the server did not start"));
    QNetworkAccessManager nam;
    const QByteArray admin = signIn(nam, server, QStringLiteral("gateway"));
    QList<QByteArray> tokens;
    for (const QString &login : logins)
        tokens.append(signIn(nam, server, login));
    if (admin.isEmpty() || tokens.contains(QByteArray()) || !createCouriers(nam, server, admin, kCouriers))
        return report(false, tag + QStringLiteral(": set-up failed (sign-in, couriers)"));
    const QStringList tickets = createTickets(nam, server, tokens.first(), kTickets);
    if (tickets.size() != kTickets)
        return report(false, tag + QStringLiteral(": could not create the tickets"));

    int errors = 0;
    int socketsClosed = 0;
    int pullFailures = 0;
    std::vector<double> pullMs;
    std::vector<Console> consoles(kClients);
    std::vector<QNetworkAccessManager *> nams;
    for (int i = 0; i < kClients; ++i) {
        Console &c = consoles[std::size_t(i)];
        c.nam = std::make_unique<QNetworkAccessManager>();
        c.outbox = std::make_unique<QNetworkAccessManager>();
        nams.push_back(c.outbox.get());
        c.token = tokens.at(i % tokens.size());
        c.socket = std::make_unique<QWebSocket>();
        // Position messages end with …"kind":"positions","seq":N} (compact JSON, sorted keys): counted
        // without parsing, so the 200 sockets cost this process little.
        QObject::connect(
            c.socket.get(), &QWebSocket::textMessageReceived, c.socket.get(), [&c](const QString &text) {
                c.positionMessages +=
                    QStringView(text).right(48).contains(QLatin1StringView(R"("kind":"positions")"));
            });
        QObject::connect(c.socket.get(), &QWebSocket::disconnected, c.socket.get(), [&] { ++socketsClosed; });
        c.socket->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live?access_token=%2")
                                .arg(server.port())
                                .arg(QString::fromLatin1(c.token))));
    }
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
    while (liveClients() != kClients && wait.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 100);
    if (liveClients() != kClients)
        return report(false, tag + QStringLiteral(": the live sockets did not all connect"));

    // Pulls: 10 consoles every 50 ms, so each pulls once a second.
    int nextPull = 0;
    QTimer pull;
    QObject::connect(&pull, &QTimer::timeout, &pull, [&] {
        for (int k = 0; k < kClients / 20; ++k, nextPull = (nextPull + 1) % kClients) {
            Console &c = consoles[std::size_t(nextPull)];
            if (c.pulling)
                continue;
            c.pulling = true;
            auto sentAt = std::make_shared<QElapsedTimer>();
            sentAt->start();
            QNetworkReply *r = c.nam->get(jsonRequest(
                server.url(QStringLiteral("/api/v1/changes?limit=500&cursor=") + c.cursor), c.token, 10000));
            QObject::connect(r, &QNetworkReply::finished, r, [&, r, sentAt, cp = &c] {
                pullMs.push_back(double(sentAt->nsecsElapsed()) / 1e6);
                cp->pulling = false;
                r->deleteLater();
                if (statusOf(r) != 200) {
                    ++pullFailures;
                    return;
                }
                cp->cursor = QJsonDocument::fromJson(r->readAll())
                                 .object()
                                 .value(QStringLiteral("next_cursor"))
                                 .toString();
            });
        }
    });
    NoteWriters notes([&](const QString &path) { return server.url(path); }, nams, tokens, tickets, kClients,
                      1000, kNotePaceMs, 10000);
    PositionReporter positions(server.url(QStringLiteral("/api/v1/couriers/positions")), admin, kCouriers,
                               kPositionsPerSecond);

    double startMb = -1, endMb = -1, peakMb = 0;
    int startFds = -1, endFds = -1, peakFds = 0;
    QTimer sample;
    QObject::connect(&sample, &QTimer::timeout, &sample, [&] {
        peakMb = std::max(peakMb, server.memoryMb("VmRSS:"));
        peakFds = std::max(peakFds, server.openFds());
    });
    std::size_t pullsAtWarmUp = 0;
    QElapsedTimer warmUpWait;
    // The probe: one more console pulling /changes every 100 ms from a thread of its own, so that its figures
    // are the server's and not this process's event loop, busy with 200 sockets.
    std::vector<double> probeMs;
    int probeFailures = 0;
    std::atomic<bool> measuring{false};
    std::atomic<bool> probeStop{false};
    std::thread probe([&, port = server.port(), token = tokens.first()] {
        QTcpSocket socket;
        QByteArray cursor;
        while (!probeStop) {
            const Answer a = blockingGet(socket, port, "/api/v1/changes?limit=500&cursor=" + cursor, token);
            if (a.status == 200)
                cursor = a.json().value(QStringLiteral("next_cursor")).toString().toLatin1();
            if (measuring) {
                if (a.status == 200)
                    probeMs.push_back(a.ms);
                else
                    ++probeFailures;
            }
            QThread::msleep(100); // the probe's rate, on its own thread: pacing, not a wait
        }
    });
    positions.runOnThread([&] {
        pull.start(50);
        notes.start(warmUpMs - 1000); // every outbox has sent (and has its connection) when measuring starts
        sample.start(1000);
        // The warm-up ends when its time is up and every outbox has had a note acknowledged (on a loaded
        // machine the first notes come late, and their connections would count as growth); the load then
        // goes on for the rest of the duration.
        std::function<void()> endWarmUp = [&] {
            if (notes.writersAcknowledged() < kClients && warmUpWait.elapsed() < 30000) {
                QTimer::singleShot(200, &app, endWarmUp);
                return;
            }
            startMb = server.memoryMb("VmRSS:");
            startFds = server.openFds();
            pullsAtWarmUp = pullMs.size();
            measuring = true;
            QTimer::singleShot(durationMs - warmUpMs, &app, [&] {
                endMb = server.memoryMb("VmRSS:");
                endFds = server.openFds();
                measuring = false;
                app.quit();
            });
        };
        warmUpWait.start();
        QTimer::singleShot(warmUpMs, &app, endWarmUp);
        app.exec();
        pull.stop();
        sample.stop();
        notes.stop();
    });
    probeStop = true;
    probe.join();
    notes.drain(12000);
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 12000 &&
           std::any_of(consoles.begin(), consoles.end(), [](const Console &c) { return c.pulling; }))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);

    const NoteWriters::Counts &n = notes.counts();
    const NoteCount onServer = countNotes(
        nam, [&](const QString &path) { return server.url(path); }, tokens.first(), tickets,
        notes.acknowledged());
    errors = pullFailures + probeFailures + socketsClosed + int(positions.failed()) +
             int(n.sends - n.acknowledged) + onServer.lost + onServer.duplicated + onServer.readFailures;
    qint64 minPositionMessages = std::numeric_limits<qint64>::max();
    for (const Console &c : consoles)
        minPositionMessages = std::min(minPositionMessages, c.positionMessages);
    // Latency after the warm-up only (the first pulls page through the couriers' first positions).
    std::vector<double> measured(pullMs.begin() + qsizetype(std::min(pullsAtWarmUp, pullMs.size())),
                                 pullMs.end());
    const double p50 = percentile(measured, 50);
    const double p99 = percentile(measured, 99);
    const double probeP50 = percentile(probeMs, 50);
    const double probeP99 = percentile(probeMs, 99);
    const double memoryBound = startMb * 1.5 + 20;
    // The latency goal is asserted in the full form (make drill) only: the short form runs inside make test,
    // where 200 consoles in the drill's own process and the server share two cores with other suites, and its
    // p99 measures that machine (67–560 ms seen) rather than the server. It still prints the figure.
    const bool latencyOk = !full || probeP99 < kGoalP99Ms;
    const bool ok = server.running() && errors == 0 && probeMs.size() > 10 && latencyOk && startMb > 0 &&
                    endMb > 0 && endMb <= memoryBound && startFds > 0 && endFds >= 0 &&
                    endFds <= startFds + 10 && minPositionMessages > 0;
    return report(
        ok, QStringLiteral(
                "%1: %2 s, %3 consoles (live socket, /changes every second, a note every ~%4 s), %5 "
                "positions/s (%6 accepted): server RSS %7 MB after the %8 s warm-up, %9 MB at the end "
                "(peak %10 MB; goal ≤ 1.5 × start + 20 = %11 MB), open fds %12 → %13 (peak %14; goal "
                "≤ start + 10); /changes p50 %15 ms p99 %16 ms over %17 pulls of the probe thread "
                "(goal p99 < %18 ms%31; in the consoles' busy event loop p50 %19 ms p99 %20 ms over %21 "
                "pulls); %22 notes acknowledged of %23 sends, %24 lost, %25 twice; fewest position "
                "messages on one socket %26; errors %27 (goal 0: %28 failed pulls, %29 sockets closed, "
                "%30 failed position posts)")
                .arg(tag)
                .arg(durationMs / 1000)
                .arg(kClients)
                .arg(kNotePaceMs / 1000)
                .arg(kPositionsPerSecond)
                .arg(positions.accepted())
                .arg(startMb, 0, 'f', 1)
                .arg(warmUpMs / 1000)
                .arg(endMb, 0, 'f', 1)
                .arg(peakMb, 0, 'f', 1)
                .arg(memoryBound, 0, 'f', 1)
                .arg(startFds)
                .arg(endFds)
                .arg(peakFds)
                .arg(probeP50, 0, 'f', 1)
                .arg(probeP99, 0, 'f', 1)
                .arg(probeMs.size())
                .arg(int(kGoalP99Ms))
                .arg(p50, 0, 'f', 1)
                .arg(p99, 0, 'f', 1)
                .arg(measured.size())
                .arg(n.acknowledged)
                .arg(n.sends)
                .arg(onServer.lost)
                .arg(onServer.duplicated)
                .arg(minPositionMessages)
                .arg(errors)
                .arg(pullFailures + probeFailures)
                .arg(socketsClosed)
                .arg(positions.failed())
                .arg(full ? QString() : QStringLiteral(", asserted in the full form only")));
}
