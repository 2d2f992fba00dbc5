// Drill: slow connections that send one header byte per second (500; short form 100), opened again when the
// server closes them, while one client polls GET /api/v1/health on a keep-alive connection. Goal: health p99
// under 100 ms, and every slow connection closed by the header timeout (408) instead of being held.
// Against the Qt HTTP Server adapter this replaced, nothing closed a slow header: the drill fails there.
#include "drillcommon.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <functional>
#include <thread>
#include <vector>

using namespace pd::drill;

namespace {

constexpr double kGoalP99Ms = 100;
const QByteArray kSlowRequest = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-drill\r\n"
                                "Accept: */*\r\nX-Padding: abcdefghijklmnopqrstuvwxyz\r\n\r\n";

struct Slow
{
    QTcpSocket *socket = nullptr;
    qsizetype next = 0; ///< next byte of kSlowRequest to send
    QByteArray in;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const bool full = fullForm();
    const int count = full ? 500 : 100;
    const int durationMs = full ? 30000 : 13000; // the default header timeout is 10 s
    DrillServer server;
    if (!server.start())
        return report(false, QStringLiteral("drill_slow: the server did not start"));

    int closedBy408 = 0;
    int closedOtherwise = 0;
    std::vector<Slow> slow(static_cast<std::size_t>(count));
    std::function<void(Slow &)> open = [&](Slow &s) {
        delete s.socket;
        s.socket = new QTcpSocket;
        s.next = 0;
        s.in.clear();
        QObject::connect(s.socket, &QTcpSocket::readyRead, [&s] { s.in += s.socket->readAll(); });
        QObject::connect(s.socket, &QTcpSocket::disconnected, [&, sp = &s] {
            if (sp->socket->isReadable())
                sp->in += sp->socket->readAll();
            if (sp->in.startsWith("HTTP/1.1 408"))
                ++closedBy408;
            else
                ++closedOtherwise;
            sp->socket->deleteLater();
            sp->socket = nullptr;
        });
        s.socket->connectToHost(QStringLiteral("127.0.0.1"), server.port());
    };
    // Connections open over the first second, each then sends one byte a second.
    for (int i = 0; i < count; ++i)
        QTimer::singleShot(i * 1000 / count, [&, i] { open(slow[std::size_t(i)]); });
    QTimer drip;
    QObject::connect(&drip, &QTimer::timeout, [&] {
        for (Slow &s : slow) {
            if (!s.socket) {
                open(s);
            } else if (s.socket->state() == QAbstractSocket::ConnectedState &&
                       s.next < kSlowRequest.size() - 1) {
                // never the last byte: the header stays incomplete
                s.socket->write(kSlowRequest.mid(s.next++, 1));
            }
        }
    });
    QTimer::singleShot(1000, [&] { drip.start(1000); });

    // The poller, on its own thread so that the slow connections' events cannot delay its measurements: one
    // keep-alive connection, one GET /api/v1/health every 20 ms.
    HealthPoller poller(server.port());

    QTimer::singleShot(durationMs, &app, &QCoreApplication::quit);
    app.exec();
    poller.stop();
    drip.stop();
    int stillOpen = 0;
    for (Slow &s : slow) {
        if (s.socket && s.socket->state() == QAbstractSocket::ConnectedState)
            ++stillOpen;
        if (s.socket)
            s.socket->disconnect();
        delete s.socket;
        s.socket = nullptr;
    }
    const std::size_t polls = poller.latencies.size();
    const double p50 = percentile(poller.latencies, 50);
    const double p99 = percentile(poller.latencies, 99);
    // Every slow connection of the first wave must have met the header timeout by the end.
    const bool ok =
        polls > 100 && poller.failures == 0 && p99 < kGoalP99Ms && closedBy408 >= count && server.running();
    return report(ok,
                  QStringLiteral("drill_slow: %1 slow connections, health p50 %2 ms p99 %3 ms over %4 polls "
                                 "(goal p99 < %5 ms), %6 failed; %7 slow connections closed by the header "
                                 "timeout (408), %8 otherwise, %9 open at the end")
                      .arg(count)
                      .arg(p50, 0, 'f', 1)
                      .arg(p99, 0, 'f', 1)
                      .arg(polls)
                      .arg(int(kGoalP99Ms))
                      .arg(poller.failures)
                      .arg(closedBy408)
                      .arg(closedOtherwise)
                      .arg(stillOpen));
}
