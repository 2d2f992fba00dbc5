#pragma once

#include "httpconnection.h"
#include "httplimits.h"
#include "httptypes.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <functional>
#include <memory>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QWebSocket;
class QWebSocketServer;

namespace pd::server {

/**
 * @brief The server's HTTP/1.1 and WebSocket front: the one place that touches sockets and HTTP framing.
 *
 * A QTcpServer (QSslServer with TLS) accepts connections; each is an HttpConnection that parses requests with
 * limits (RequestParser, Boost.Beast) before storing anything, gives every complete request to the handler
 * as an HttpRequest and writes the returned HttpResponse. A WebSocket upgrade on the live path is handed,
 * unread, to a QWebSocketServer; the upgraded socket (with incoming message and frame limits set) is
 * delivered through the socket callback. Everything runs on the thread that owns the adapter.
 */
class HttpAdapter final : public QObject
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    using SocketHandler = std::function<void(std::unique_ptr<QWebSocket>)>;

    explicit HttpAdapter(Handler handler, QString webSocketPath, SocketHandler onSocket,
                         QObject *parent = nullptr);
    ~HttpAdapter() override;

    /// @brief Sets the limits (docs/server.md, "Limits and overload"); call before listenOn().
    void setLimits(const HttpLimits &limits) { m_limits = limits; }
    [[nodiscard]] const HttpLimits &limits() const { return m_limits; }

    /// @brief Loads a PEM certificate file (the server's certificate first, then any intermediates, all sent
    /// to clients) and a PEM key (RSA or EC), and serves HTTPS/WSS; false with a message when they do not
    /// load.
    bool enableTls(const QString &certFile, const QString &keyFile, QString *error);
    /// @brief Listens on host:port (0 = any free port); returns the bound port or 0 on failure.
    [[nodiscard]] quint16 listenOn(const QHostAddress &host, quint16 port);

    /// @brief Connections from these addresses are reverse proxies: the client's address is taken from the
    /// X-Forwarded-For header they append to (the login throttle counts per client address).
    void setTrustedProxies(QList<QHostAddress> proxies) { m_trustedProxies = std::move(proxies); }
    /// @brief The client's address: @p peer itself, or, when @p peer is a trusted proxy, the right-most
    /// address of @p forwardedFor that is not a trusted proxy (entries further left are the client's own
    /// claims and could be forged).
    [[nodiscard]] static QString clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                                               const QList<QHostAddress> &trustedProxies);

    /// @brief Per-route body limits (see ConnectionHooks::bodyLimitFor); limits().bodyLimit must then be the
    /// largest of them. Call before listenOn().
    void setBodyLimitFor(std::function<qint64(const HttpRequest &)> limitFor)
    {
        m_hooks.bodyLimitFor = std::move(limitFor);
    }

    /// @brief Open TCP connections, HTTP and WebSocket (what the connection limit counts).
    [[nodiscard]] int openConnections() const { return m_open; }

private:
    void acceptPending();
    void takeWebSockets();
    QTcpSocket *takeUpgraded(const QHostAddress &peer, quint16 port);

    Handler m_handler;
    QString m_webSocketPath;
    SocketHandler m_onSocket;
    QList<QHostAddress> m_trustedProxies;
    HttpLimits m_limits;
    ConnectionHooks m_hooks;
    std::optional<QSslConfiguration> m_tls;
    QTcpServer *m_server = nullptr;
    QWebSocketServer *m_webSockets = nullptr;
    QList<QPointer<QTcpSocket>> m_upgrading; ///< handed to the WebSocket server, handshake not finished
    int m_open = 0;
    quint64 m_refused = 0;
    quint64 m_headerTimeouts = 0;
    quint64 m_acceptErrors = 0;

    Q_DISABLE_COPY_MOVE(HttpAdapter)
};

} // namespace pd::server
