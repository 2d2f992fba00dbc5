#pragma once

// One blocking HTTP call for a drill's set-up and checks (through Qt Network, or on a keep-alive socket of a
// measuring thread), and the set-up they make: sign-in, tickets, couriers, /health.

#include "drillserver.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPair>
#include <QTcpSocket>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <thread>
#include <vector>

namespace pd::drill {

using Headers = QList<QPair<QByteArray, QByteArray>>;

/// @brief A request to the server with a JSON body, a bearer token and a transfer timeout.
inline QNetworkRequest jsonRequest(const QUrl &url, const QByteArray &token, int timeoutMs = 10000)
{
    QNetworkRequest r(url);
    r.setRawHeader("Content-Type", "application/json");
    if (!token.isEmpty())
        r.setRawHeader("Authorization", "Bearer " + token);
    r.setTransferTimeout(timeoutMs);
    return r;
}

/// @brief The status of a finished reply (0: no answer).
inline int statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

/// @brief One answer of the server.
struct Answer
{
    int status = 0; ///< 0: no answer (connection refused or reset, timeout)
    QByteArray body;
    QByteArray retryAfter;
    double ms = 0; ///< from sending to the end of the answer
    [[nodiscard]] QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

/// @brief Sends one request and waits for its answer in a local event loop (set-up and checks; the load
/// itself is asynchronous).
inline Answer call(QNetworkAccessManager &nam, const QByteArray &method, const QUrl &url,
                   const QByteArray &token = {}, const QByteArray &body = {}, const Headers &headers = {},
                   int timeoutMs = 10000)
{
    QNetworkRequest r = jsonRequest(url, token, timeoutMs);
    for (const auto &h : headers)
        r.setRawHeader(h.first, h.second);
    QElapsedTimer t;
    t.start();
    QNetworkReply *reply = nam.sendCustomRequest(r, method, body);
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Answer a{statusOf(reply), reply->readAll(), reply->rawHeader("Retry-After"),
             double(t.nsecsElapsed()) / 1e6};
    reply->deleteLater();
    return a;
}

/**
 * @brief A GET on a keep-alive connection of the caller's (@p socket, connected first when needed), blocking:
 * for a measuring thread of its own that the drill's event loop cannot delay. Status 0 and the connection
 * aborted when no complete answer came within @p timeoutMs.
 */
inline Answer blockingGet(QTcpSocket &socket, quint16 port, const QByteArray &pathAndQuery,
                          const QByteArray &token = {}, int timeoutMs = 5000)
{
    Answer a;
    if (socket.state() != QAbstractSocket::ConnectedState) {
        socket.abort();
        socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        if (!socket.waitForConnected(1000))
            return a;
    }
    QElapsedTimer sentAt;
    sentAt.start();
    QByteArray request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.isEmpty())
        request += "Authorization: Bearer " + token + "\r\n";
    socket.write(request + "\r\n");
    QByteArray answer;
    qsizetype headerEnd = -1;
    qint64 expected = -1;
    while (sentAt.elapsed() < timeoutMs && (expected < 0 || answer.size() < expected)) {
        if (socket.bytesAvailable() == 0 && !socket.waitForReadyRead(100)) {
            if (socket.state() != QAbstractSocket::ConnectedState)
                break;
            continue;
        }
        answer += socket.readAll();
        if (headerEnd < 0 && (headerEnd = answer.indexOf("\r\n\r\n")) >= 0) {
            const QByteArray header = answer.left(headerEnd).toLower();
            const qsizetype lengthAt = header.indexOf("content-length:");
            expected =
                headerEnd + 4 +
                (lengthAt < 0 ? 0 : header.mid(lengthAt + 15).split('\r').first().trimmed().toLongLong());
        }
    }
    a.ms = double(sentAt.nsecsElapsed()) / 1e6;
    if (expected < 0 || answer.size() < expected) {
        socket.abort();
        return a;
    }
    a.status = answer.mid(9, 3).toInt();
    a.body = answer.mid(headerEnd + 4);
    return a;
}

inline QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

/// @brief Signs in with kPassword; the access token, empty on failure.
inline QByteArray signIn(QNetworkAccessManager &nam, const DrillServer &server, const QString &login)
{
    return call(nam, "POST", server.url(QStringLiteral("/api/v1/auth/login")), {},
                compact({{QStringLiteral("login"), login},
                         {QStringLiteral("password"), QString::fromLatin1(kPassword)}}))
        .json()
        .value(QStringLiteral("access_token"))
        .toString()
        .toLatin1();
}

/// @brief Creates @p count tickets of team-a (with a supervisor's token); their ids, fewer on failure.
inline QStringList createTickets(QNetworkAccessManager &nam, const DrillServer &server,
                                 const QByteArray &token, int count)
{
    QStringList ids;
    for (int i = 0; i < count; ++i) {
        const QJsonObject body{
            {QStringLiteral("description"), QStringLiteral("包裹延迟，客户第%1次来电").arg(i)},
            {QStringLiteral("customer_name"), QStringLiteral("王芳")},
            {QStringLiteral("category"), QStringLiteral("delay")},
            {QStringLiteral("team_id"), QStringLiteral("team-a")}};
        const Answer a =
            call(nam, "POST", server.url(QStringLiteral("/api/v1/tickets")), token, compact(body),
                 {{"Idempotency-Key", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()}});
        if (a.status != 201)
            break;
        ids.append(a.json().value(QStringLiteral("id")).toString());
    }
    return ids;
}

/// @brief Creates the couriers drill-0 … drill-<count − 1> (admin token); true when all were created.
inline bool createCouriers(QNetworkAccessManager &nam, const DrillServer &server, const QByteArray &admin,
                           int count)
{
    for (int i = 0; i < count; ++i) {
        if (call(nam, "PUT", server.url(QStringLiteral("/api/v1/couriers/drill-%1").arg(i)), admin,
                 compact({{QStringLiteral("name"), QStringLiteral("演练快递员%1").arg(i)}}))
                .status != 201)
            return false;
    }
    return true;
}

/// @brief GET /api/v1/health (200 and its JSON, or the failure).
inline Answer health(QNetworkAccessManager &nam, const DrillServer &server)
{
    return call(nam, "GET", server.url(QStringLiteral("/api/v1/health")), {}, {}, {}, 5000);
}

/**
 * @brief GET /api/v1/health every 20 ms on one keep-alive connection, on its own thread so the drill's event
 * loop cannot delay its measurements; stop() joins it, then latencies (ms) and failures hold the figures.
 */
class HealthPoller final
{
public:
    explicit HealthPoller(quint16 port)
        : m_thread([this, port] {
            QTcpSocket socket;
            while (!m_stop) {
                const Answer a = blockingGet(socket, port, "/api/v1/health");
                if (a.status == 200)
                    latencies.push_back(a.ms);
                else
                    ++failures;
                QThread::msleep(
                    20); // the polling rate (50/s), on the poller's own thread: pacing, not a wait
            }
        })
    {}
    ~HealthPoller() { stop(); }
    Q_DISABLE_COPY_MOVE(HealthPoller)

    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }

    std::vector<double> latencies; ///< read after stop()
    int failures = 0;              ///< read after stop()

private:
    std::atomic<bool> m_stop{false};
    std::thread m_thread; // last: starts once the members it writes exist
};

} // namespace pd::drill
