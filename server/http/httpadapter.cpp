#include "httpadapter.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QWebSocket>

#include <algorithm>

namespace pd::server {

namespace {
QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}
} // namespace

HttpAdapter::HttpAdapter(Handler handler, QString webSocketPath, SocketHandler onSocket, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_handler(std::move(handler))
    , m_webSocketPath(std::move(webSocketPath))
    , m_onSocket(std::move(onSocket))
{
    connect(this, &QAbstractHttpServer::newWebSocketConnection, this, [this] {
        while (hasPendingWebSocketConnections()) {
            auto socket = nextPendingWebSocketConnection();
            if (socket && m_onSocket)
                m_onSocket(std::move(socket));
        }
    });
}

bool HttpAdapter::enableTls(const QString &certFile, const QString &keyFile, QString *error)
{
    QFile cf(certFile);
    QFile kf(keyFile);
    if (!cf.open(QIODevice::ReadOnly) || !kf.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the certificate or key file");
        return false;
    }
    const QSslCertificate cert(&cf, QSsl::Pem);
    const QSslKey key(&kf, QSsl::Rsa, QSsl::Pem);
    QSslKey usedKey = key;
    if (usedKey.isNull()) {
        kf.seek(0);
        usedKey = QSslKey(&kf, QSsl::Ec, QSsl::Pem);
    }
    if (cert.isNull() || usedKey.isNull()) {
        *error = QStringLiteral("the certificate or key is not valid PEM");
        return false;
    }
    sslSetup(cert, usedKey);
    return true;
}

quint16 HttpAdapter::listenOn(const QHostAddress &host, quint16 port)
{
    return listen(host, port);
}

HttpRequest HttpAdapter::convert(const QHttpServerRequest &request)
{
    HttpRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyDecoded);
    r.query = request.query();
    const auto headers = request.headers();
    for (const auto &h : headers)
        r.headers.insert(h.first.toLower(), h.second);
    r.body = request.body();
    r.remoteAddress = request.remoteAddress().toString();
    return r;
}

QString HttpAdapter::clientAddress(const QHostAddress &peer, const QByteArray &forwardedFor,
                                   const QList<QHostAddress> &trustedProxies)
{
    const auto trusted = [&trustedProxies](const QHostAddress &a) {
        return std::any_of(trustedProxies.cbegin(), trustedProxies.cend(), [&a](const QHostAddress &p) {
            return p.isEqual(a, QHostAddress::ConvertV4MappedToIPv4);
        });
    };
    if (!trusted(peer))
        return peer.toString();
    QHostAddress client = peer;
    const QList<QByteArray> hops = forwardedFor.split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break; // not an address: stop at what the last trusted hop vouched for
        client = hop;
        if (!trusted(hop))
            break;
    }
    return client.toString();
}

bool HttpAdapter::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // A WebSocket upgrade reaches here first; returning true hands the socket to the WebSocket server.
    const QByteArray upgrade = request.value(QByteArrayLiteral("upgrade"));
    if (upgrade.compare(QByteArrayLiteral("websocket"), Qt::CaseInsensitive) == 0)
        return request.url().path() == m_webSocketPath;
    HttpRequest converted = convert(request);
    if (!m_trustedProxies.isEmpty())
        converted.remoteAddress =
            clientAddress(request.remoteAddress(), converted.header("x-forwarded-for"), m_trustedProxies);
    write(request, socket, m_handler(converted));
    return true;
}

void HttpAdapter::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    HttpResponse r;
    r.status = 404;
    r.body = QByteArrayLiteral(R"({"error":{"code":"not_found","message":"No such route.","field":""}})");
    write(request, socket, r);
}

void HttpAdapter::write(const QHttpServerRequest &request, QTcpSocket *socket, const HttpResponse &response)
{
    auto responder = makeResponder(request, socket);
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &h : response.headers)
        responder.writeHeader(h.first, h.second);
    if (!response.contentType.isEmpty())
        responder.writeHeader(QByteArrayLiteral("Content-Type"), response.contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    responder.writeBody(response.body);
}

} // namespace pd::server
