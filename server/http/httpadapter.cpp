#include "httpadapter.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace pd::server {

HttpAdapter::HttpAdapter(Handler handler, QString webSocketPath, SocketHandler onSocket, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_webSocketPath(std::move(webSocketPath))
    , m_onSocket(std::move(onSocket))
    , m_webSockets(
          new QWebSocketServer(QStringLiteral("parceldesk-server"), QWebSocketServer::NonSecureMode, this))
{
    connect(m_webSockets, &QWebSocketServer::newConnection, this, &HttpAdapter::takeWebSockets);
    m_hooks.handle = [this](const HttpRequest &r) { return m_handler(r); };
    m_hooks.wantsUpgrade = [this](const HttpRequest &r) { return r.path == m_webSocketPath; };
    m_hooks.upgrade = [this](QTcpSocket *socket) {
        // A failed handshake: the socket goes when the WebSocket server closes it.
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        m_upgrading.append(socket);
        m_webSockets->handleConnection(socket);
    };
    m_hooks.clientAddress = [this](const QTcpSocket &socket, const HttpRequest &r) {
        return m_trustedProxies.isEmpty()
                   ? socket.peerAddress().toString()
                   : clientAddress(socket.peerAddress(), r.header("x-forwarded-for"), m_trustedProxies);
    };
    m_hooks.headerTimedOut = [this] {
        if (++m_headerTimeouts % 1000 == 1)
            qCInfo(lcServerHttp) << m_headerTimeouts << "connections closed by the header timeout so far";
    };
}

HttpAdapter::~HttpAdapter() = default;

bool HttpAdapter::enableTls(const QString &certFile, const QString &keyFile, QString *error)
{
    QFile cf(certFile);
    QFile kf(keyFile);
    if (!cf.open(QIODevice::ReadOnly) || !kf.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the certificate or key file");
        return false;
    }
    // The whole chain in the file: the server's certificate, then the intermediates clients need.
    const QList<QSslCertificate> chain = QSslCertificate::fromDevice(&cf, QSsl::Pem);
    const QByteArray keyPem = kf.readAll();
    QSslKey key(keyPem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull() || key.isNull()) {
        *error = QStringLiteral("the certificate or key is not valid PEM");
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_tls = config;
    return true;
}

quint16 HttpAdapter::listenOn(const QHostAddress &host, quint16 port)
{
    delete m_server;
    if (m_tls) {
        auto *ssl = new QSslServer(this);
        ssl->setSslConfiguration(*m_tls);
        ssl->setHandshakeTimeout(m_limits.headerTimeoutMs);
        m_server = ssl;
    } else {
        m_server = new QTcpServer(this);
    }
    // Connections are taken as soon as they are ready; over the limit they are answered 503, not left queued.
    m_server->setMaxPendingConnections(std::max(30, m_limits.maxConnections));
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpAdapter::acceptPending);
    // Out of file descriptors, Qt stops accepting for good: try again shortly, whatever was refused.
    connect(m_server, &QTcpServer::acceptError, this, [this](QAbstractSocket::SocketError error) {
        if (++m_acceptErrors % 1000 == 1)
            qCWarning(lcServerHttp) << "accept failed:" << error << m_server->errorString() << "("
                                    << m_acceptErrors << "so far); accepting again in 100 ms";
        QTimer::singleShot(100, m_server, [server = m_server] { server->resumeAccepting(); });
    });
#ifdef Q_OS_UNIX
    // Every connection is a file descriptor: the usual soft limit (1024) is below what the connection limit
    // and the sockets being refused need, so take the hard limit.
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
#endif
    m_webSockets->setHandshakeTimeout(m_limits.headerTimeoutMs);
    if (!m_server->listen(host, port))
        return 0;
    return m_server->serverPort();
}

void HttpAdapter::acceptPending()
{
    while (m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        if (m_open >= m_limits.maxConnections) {
            if (++m_refused % 1000 == 1)
                qCWarning(lcServerHttp) << "connection limit" << m_limits.maxConnections << "reached;"
                                        << m_refused << "connections refused so far";
            auto *refused = new HttpConnection(socket, m_limits, m_hooks, this);
            refused->refuse(503, QByteArrayLiteral("overloaded"),
                            QByteArrayLiteral("The server has too many connections; retry shortly."));
            continue;
        }
        // Counted until the socket is deleted, also after a WebSocket upgrade. The count hangs on a child
        // object: QWebSocket disconnects every signal of its TCP socket when it goes.
        ++m_open;
        connect(new QObject(socket), &QObject::destroyed, this, [this] { --m_open; });
        new HttpConnection(socket, m_limits, m_hooks, this);
    }
}

void HttpAdapter::takeWebSockets()
{
    while (m_webSockets->hasPendingConnections()) {
        std::unique_ptr<QWebSocket> socket(m_webSockets->nextPendingConnection());
        if (!socket)
            break;
        socket->setParent(nullptr);
        // Qt 6.4's QWebSocket does not own its TCP socket (and disconnects all its signals when deleted): the
        // TCP socket becomes its child and goes with it.
        if (QTcpSocket *tcp = takeUpgraded(socket->peerAddress(), socket->peerPort())) {
            QObject::disconnect(tcp, &QTcpSocket::disconnected, tcp, &QObject::deleteLater);
            tcp->setParent(socket.get());
        }
        socket->setMaxAllowedIncomingMessageSize(quint64(m_limits.webSocketMessageLimit));
        socket->setMaxAllowedIncomingFrameSize(quint64(m_limits.webSocketMessageLimit));
        if (m_onSocket)
            m_onSocket(std::move(socket));
    }
}

QTcpSocket *HttpAdapter::takeUpgraded(const QHostAddress &peer, quint16 port)
{
    QTcpSocket *found = nullptr;
    m_upgrading.removeIf([&](const QPointer<QTcpSocket> &s) {
        if (!s)
            return true;
        if (found || s->peerPort() != port || s->peerAddress() != peer)
            return false;
        found = s.data();
        return true;
    });
    return found;
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

} // namespace pd::server
