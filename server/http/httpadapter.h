#pragma once

#include "httptypes.h"

#include <QAbstractHttpServer>
#include <QHostAddress>

#include <functional>
#include <memory>

class QWebSocket;

namespace pd::server {

/**
 * @brief The one place that touches Qt HTTP Server (its API changes after Qt 6.4).
 *
 * Every request, whatever its path, is converted to an HttpRequest and given to the handler; the returned
 * HttpResponse is written back. A WebSocket upgrade on the live path is handed to Qt's embedded WebSocket
 * server and the upgraded socket is delivered through the webSocket callback.
 */
class HttpAdapter final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;
    using SocketHandler = std::function<void(std::unique_ptr<QWebSocket>)>;

    explicit HttpAdapter(Handler handler, QString webSocketPath, SocketHandler onSocket,
                         QObject *parent = nullptr);

    /// @brief Loads a PEM certificate and key and serves HTTPS; false with a message when they do not load.
    bool enableTls(const QString &certFile, const QString &keyFile, QString *error);
    /// @brief Listens on host:port (0 = any free port); returns the bound port or 0 on failure.
    [[nodiscard]] quint16 listenOn(const QHostAddress &host, quint16 port);

    /// @brief Converts a Qt HTTP Server request (also used by tests of the adapter).
    [[nodiscard]] static HttpRequest convert(const QHttpServerRequest &request);
    /// @brief Connections from these addresses are reverse proxies: the client's address is taken from the
    /// X-Forwarded-For header they append to (the login throttle counts per client address).
    void setTrustedProxies(QList<QHostAddress> proxies) { m_trustedProxies = std::move(proxies); }
    /// @brief The client's address: @p peer itself, or, when @p peer is a trusted proxy, the right-most
    /// address of @p forwardedFor that is not a trusted proxy (entries further left are the client's own
    /// claims and could be forged).
    [[nodiscard]] static QString clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                                               const QList<QHostAddress> &trustedProxies);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void write(const QHttpServerRequest &request, QTcpSocket *socket, const HttpResponse &response);

    Handler m_handler;
    QString m_webSocketPath;
    SocketHandler m_onSocket;
    QList<QHostAddress> m_trustedProxies;

    Q_DISABLE_COPY_MOVE(HttpAdapter)
};

} // namespace pd::server
