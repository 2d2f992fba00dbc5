// Drill: 20 parallel unauthenticated uploads announcing 1 GiB (Content-Length) that send body bytes until
// they are refused, plus 5 chunked uploads without Content-Length. Goal: all 25 answered 413 and the server's
// peak resident memory (VmHWM) under 150 MB. Full form (PD_DRILL_FULL=1): 10 rounds of 25.
// Against the Qt HTTP Server adapter this replaced, the server buffered each body before its 413 (1 GiB
// upload → 1.16 GB RSS): the drill stops it at 1 GB and fails.
#include "drillcommon.h"

#include <QCoreApplication>
#include <QTcpSocket>
#include <QTimer>

#include <vector>

using namespace pd::drill;

namespace {

constexpr qint64 kAnnounced = qint64(1) << 30; // 1 GiB
constexpr qint64 kBlock = 64 * 1024;
constexpr double kGoalMb = 150;
constexpr double kSafetyStopMb = 1024;

struct Upload
{
    QTcpSocket *socket = nullptr;
    bool chunked = false;
    qint64 sent = 0;
    QByteArray in;
    int status = 0; ///< the answer's status; -1 when the connection ended without one
};

/// @brief Writes more of the body while the socket's send buffer is short and no answer has come.
void pump(Upload &u)
{
    static const QByteArray block(kBlock, 'x');
    static const QByteArray chunk = QByteArray::number(kBlock, 16) + "\r\n" + block + "\r\n";
    while (u.status == 0 && u.sent < kAnnounced && u.socket->state() == QAbstractSocket::ConnectedState &&
           u.socket->bytesToWrite() < 4 * kBlock) {
        u.socket->write(u.chunked ? chunk : block);
        u.sent += kBlock;
    }
}

/// @brief One round of uploads; returns how many were answered 413, and the bytes sent in @p sentTotal.
int round(const DrillServer &server, int plain, int chunked, qint64 *sentTotal, bool *safetyStop)
{
    std::vector<Upload> uploads(std::size_t(plain + chunked));
    QEventLoop loop;
    int open = int(uploads.size());
    const auto finish = [&](Upload &u, int status) {
        if (u.status != 0)
            return;
        u.status = status;
        u.socket->abort();
        if (--open == 0)
            loop.quit();
    };
    for (std::size_t i = 0; i < uploads.size(); ++i) {
        Upload &u = uploads[i];
        u.chunked = int(i) >= plain;
        u.socket = new QTcpSocket(&loop);
        QObject::connect(u.socket, &QTcpSocket::connected, [&u] {
            u.socket->write("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            "Content-Type: application/json\r\n" +
                            (u.chunked ? QByteArray("Transfer-Encoding: chunked\r\n")
                                       : "Content-Length: " + QByteArray::number(kAnnounced) + "\r\n") +
                            "\r\n");
            pump(u);
        });
        QObject::connect(u.socket, &QTcpSocket::bytesWritten, [&u] { pump(u); });
        QObject::connect(u.socket, &QTcpSocket::readyRead, [&u, &finish] {
            u.in += u.socket->readAll();
            if (u.in.contains("\r\n\r\n"))
                finish(u, u.in.mid(9, 3).toInt());
        });
        const auto ended = [&u, &finish] {
            if (u.status != 0)
                return;
            u.in += u.socket->readAll();
            finish(u, u.in.contains("\r\n\r\n") ? u.in.mid(9, 3).toInt() : -1);
        };
        QObject::connect(u.socket, &QTcpSocket::disconnected, ended);
        QObject::connect(u.socket, &QTcpSocket::errorOccurred, ended);
        u.socket->connectToHost(QStringLiteral("127.0.0.1"), server.port());
    }
    // Safety: a server that buffers bodies is stopped long before it takes the machine's memory.
    QTimer guard;
    QObject::connect(&guard, &QTimer::timeout, [&] {
        if (server.memoryMb("VmRSS:") > kSafetyStopMb || !server.running()) {
            *safetyStop = true;
            for (Upload &u : uploads)
                finish(u, -1);
        }
    });
    guard.start(50);
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    int refused = 0;
    for (const Upload &u : uploads) {
        refused += u.status == 413 ? 1 : 0;
        *sentTotal += u.sent;
    }
    return refused;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    DrillServer server;
    if (!server.start())
        return report(false, QStringLiteral("drill_upload: the server did not start"));
    const double startMb = server.memoryMb("VmRSS:");
    const int rounds = fullForm() ? 10 : 1;
    int refused = 0;
    qint64 sent = 0;
    bool safetyStop = false;
    for (int i = 0; i < rounds && !safetyStop; ++i)
        refused += round(server, 20, 5, &sent, &safetyStop);
    const double peakMb = server.memoryMb("VmHWM:");
    const int total = rounds * 25;
    const bool ok = !safetyStop && refused == total && peakMb > 0 && peakMb < kGoalMb;
    return report(
        ok, QStringLiteral("drill_upload: %1 of %2 refused with 413, server peak RSS %3 MB (goal < %4 MB; "
                           "%5 MB at start, %6 MB of body sent before the refusals)%7")
                .arg(refused)
                .arg(total)
                .arg(qRound(peakMb))
                .arg(int(kGoalMb))
                .arg(qRound(startMb))
                .arg(double(sent) / (1024 * 1024), 0, 'f', 1)
                .arg(safetyStop ? QStringLiteral(" — stopped: server RSS passed 1 GB") : QString()));
}
