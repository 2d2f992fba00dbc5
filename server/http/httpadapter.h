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

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void write(const QHttpServerRequest &request, QTcpSocket *socket, const HttpResponse &response);

    Handler m_handler;
    QString m_webSocketPath;
    SocketHandler m_onSocket;

    Q_DISABLE_COPY_MOVE(HttpAdapter)
};

} // namespace pd::server
