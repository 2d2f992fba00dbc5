#pragma once

#include "httplimits.h"
#include "httptypes.h"
#include "requestparser.h"

#include <QLoggingCategory>
#include <QObject>
#include <QTimer>

#include <functional>

class QTcpSocket;

Q_DECLARE_LOGGING_CATEGORY(lcServerHttp)

namespace pd::server {

/// @brief What a connection asks of its server (HttpAdapter).
struct ConnectionHooks
{
    /// @brief Answers one complete request (remoteAddress set).
    std::function<HttpResponse(const HttpRequest &)> handle;
    /// @brief True when this upgrade request goes to the WebSocket server.
    std::function<bool(const HttpRequest &)> wantsUpgrade;
    /// @brief Takes over the socket; its upgrade request is still unread in it.
    std::function<void(QTcpSocket *)> upgrade;
    /// @brief The client's address as the router and the login throttle see it.
    std::function<QString(const QTcpSocket &, const HttpRequest &)> clientAddress;
    /// @brief Called when a header did not arrive in time (counted for the log).
    std::function<void()> headerTimedOut;
    /// @brief The body limit of this request's route, known from its header (unset: HttpLimits::bodyLimit,
    /// which is then also the parser's ceiling); a larger Content-Length is refused with 413 before the body.
    std::function<qint64(const HttpRequest &)> bodyLimitFor;
};

/**
 * @brief One HTTP/1.1 connection: reads requests one at a time from its socket's buffer, answers them in
 * order, and refuses what goes past a limit before storing it.
 *
 * The socket's read buffer is capped (peekCap): the parser reads from it with peek() and drops exactly what
 * it consumed, so unread bytes — a pipelined request or a WebSocket upgrade — stay in the socket. A refusal
 * (400, 408, 413, 431, 503) is answered with "Connection: close"; the write side is then shut and what the
 * client still sends is discarded (not stored) for lingerMs, so that the client reads the answer instead of a
 * reset, then the connection is dropped.
 */
class HttpConnection final : public QObject
{
    Q_OBJECT
public:
    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, const ConnectionHooks &hooks,
                   QObject *parent);
    ~HttpConnection() override;

    /// @brief Answers @p status with a JSON error and closes (used for 503 when over the connection limit).
    void refuse(int status, const QByteArray &code, const QByteArray &message);

    /// @brief The bytes of one response: status line, the handler's headers, Content-Type/-Length, body.
    [[nodiscard]] static QByteArray serialize(const HttpResponse &response, bool close, bool headRequest);
    /// @brief A JSON error response in the router's format.
    [[nodiscard]] static HttpResponse errorResponse(int status, const QByteArray &code,
                                                    const QByteArray &message);

private:
    enum class Phase
    {
        Header,  ///< reading a request header (header timeout)
        Body,    ///< reading a body (idle timeout between bytes)
        Idle,    ///< keep-alive, between requests (idle timeout)
        Waiting, ///< a deferred answer is being computed elsewhere; nothing is read meanwhile
        Closing, ///< answered with Connection: close; discarding input until the linger time ends
        Gone     ///< handed over or disconnected
    };

    void process();
    /// @brief Refuses (413) a Content-Length over the route's limit (true), else sets that limit on the
    /// parser for a chunked body (false).
    bool bodyOverRouteLimit();
    void respond();
    void finishDeferred(const HttpFinish &finish, bool keepAlive, bool headRequest);
    void send(const HttpResponse &response, bool keepAlive, bool headRequest);
    void handOver();
    void closeAfterWrite();
    void shutdownWriteIfFlushed();
    void onTimeout();
    void onBytesWritten();
    void onDisconnected();

    QTcpSocket *m_socket;
    HttpLimits m_limits;
    const ConnectionHooks &m_hooks;
    RequestParser m_parser;
    QTimer m_timer;
    qint64 m_peekCap;
    qint64 m_headerBytes = 0;
    Phase m_phase = Phase::Header;
    bool m_busy = false;
    bool m_writeShut = false;

    Q_DISABLE_COPY_MOVE(HttpConnection)
};

} // namespace pd::server
