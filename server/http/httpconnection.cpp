#include "httpconnection.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QScopeGuard>
#include <QSslSocket>
#include <QTcpSocket>

#include <algorithm>
#include <exception>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

Q_LOGGING_CATEGORY(lcServerHttp, "pd.server.http")

namespace pd::server {

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits, const ConnectionHooks &hooks,
                               QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_hooks(hooks)
    , m_parser(limits.headerLimit, limits.bodyLimit)
    , m_peekCap(std::max<qint64>(64 * 1024, limits.headerLimit + 1))
{
    m_socket->setParent(this);
    // Qt stops reading from the kernel when this much is buffered: the client's sending is then held back by
    // TCP flow control instead of growing this process.
    m_socket->setReadBufferSize(m_peekCap);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::process);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onDisconnected);
    m_timer.start(m_limits.headerTimeoutMs); // a connection that sends nothing is a header that never comes
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        QMetaObject::invokeMethod(this, &HttpConnection::onDisconnected, Qt::QueuedConnection);
    else if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::process, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::process()
{
    if (m_phase == Phase::Closing) { // the answer is out: what still comes is dropped unread
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    if (m_busy)
        return;
    m_busy = true;
    const auto done = qScopeGuard([this] { m_busy = false; });
    using Status = RequestParser::Status;
    while (m_phase == Phase::Header || m_phase == Phase::Body || m_phase == Phase::Idle) {
        switch (m_parser.status()) {
        case Status::HeaderReady:
            if (m_parser.isWebSocketUpgrade() && m_hooks.wantsUpgrade(m_parser.request())) {
                handOver();
                return;
            }
            if (bodyOverRouteLimit())
                return;
            m_socket->skip(m_headerBytes); // the header stayed in the socket until now
            m_headerBytes = 0;
            if (m_parser.expectsContinue())
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            m_parser.startBody();
            m_phase = Phase::Body;
            m_timer.start(m_limits.idleTimeoutMs);
            continue;
        case Status::Complete:
            respond();
            continue;
        case Status::Failed:
            refuse(m_parser.errorStatus(),
                   m_parser.errorStatus() == 413   ? QByteArrayLiteral("payload_too_large")
                   : m_parser.errorStatus() == 431 ? QByteArrayLiteral("header_too_large")
                                                   : QByteArrayLiteral("bad_request"),
                   m_parser.errorText());
            return;
        case Status::NeedHeader:
        case Status::NeedBody:
            break;
        }
        // Pipelined requests wait while the client does not read the answers already sent.
        if (m_socket->bytesToWrite() > m_limits.outputHighWater)
            return;
        const qint64 available = m_socket->bytesAvailable();
        if (available <= 0)
            return;
        if (m_phase == Phase::Idle) {
            m_phase = Phase::Header;
            m_timer.start(m_limits.headerTimeoutMs);
        }
        const QByteArray chunk = m_socket->peek(std::min(available, m_peekCap));
        const qsizetype used = m_parser.feed(chunk.constData(), chunk.size());
        if (used > 0 && m_parser.status() == Status::HeaderReady) {
            m_headerBytes = used; // left unread until it is known whether this is a WebSocket upgrade
        } else if (used > 0) {
            m_socket->skip(used);
            if (m_phase == Phase::Body)
                m_timer.start(m_limits.idleTimeoutMs);
        } else if (m_parser.status() == Status::NeedHeader || m_parser.status() == Status::NeedBody) {
            // Nothing consumed: the parser waits for the end of a header, chunk line or trailer. The header
            // limit is the parser's; a chunk line or trailer as long as the whole buffer is refused here.
            if (chunk.size() >= m_peekCap)
                refuse(400, QByteArrayLiteral("bad_request"), QByteArrayLiteral("A chunk line is too long."));
            return;
        }
    }
}

bool HttpConnection::bodyOverRouteLimit()
{
    // The parser lets bodies through up to the largest route limit; each route's own is applied here.
    if (!m_hooks.bodyLimitFor)
        return false;
    bool ok = false;
    const qint64 length = m_parser.request().header(QByteArrayLiteral("content-length")).toLongLong(&ok);
    const qint64 limit = m_hooks.bodyLimitFor(m_parser.request());
    if (!ok || length <= limit) {
        m_parser.limitBody(limit); // a chunked body is cut off at this route's limit
        // A declared body the route accepts is stored whole anyway: the socket may then take all of it from
        // the kernel in one turn of the event loop instead of a 64 KB one each (a tracking batch is ~1 MB).
        if (ok && length > m_peekCap)
            m_socket->setReadBufferSize(m_headerBytes + length);
        return false;
    }
    QByteArray message = QByteArrayLiteral("The request body is larger than %1 bytes.");
    refuse(413, QByteArrayLiteral("payload_too_large"), message.replace("%1", QByteArray::number(limit)));
    return true;
}

void HttpConnection::respond()
{
    m_timer.stop();
    m_socket->setReadBufferSize(m_peekCap); // a pipelined request behind this one waits in the kernel
    const bool keepAlive = m_parser.keepAlive();
    HttpRequest request = m_parser.takeRequest();
    m_parser.reset();
    request.remoteAddress = m_hooks.clientAddress(*m_socket, request);
    const bool head = request.method == "HEAD";
    HttpResponse response;
    try {
        response = m_hooks.handle(request);
    } catch (const std::exception &e) {
        qCWarning(lcServerHttp) << "handler failed on" << request.method << request.path << e.what();
        response = errorResponse(500, QByteArrayLiteral("internal"), QByteArrayLiteral("Internal error."));
    }
    if (!response.later) {
        send(response, keepAlive, head);
        return;
    }
    // Answered later (e.g. after password hashing on a worker thread). Pipelined requests stay unread until
    // then, so answers keep their order; a client that leaves meanwhile deletes this connection, and the
    // late answer then finds nobody (QPointer).
    m_phase = Phase::Waiting;
    QPointer<HttpConnection> self(this);
    const auto later = std::move(response.later);
    later([self, keepAlive, head](const HttpFinish &finish) {
        if (self)
            self->finishDeferred(finish, keepAlive, head);
    });
}

void HttpConnection::finishDeferred(const HttpFinish &finish, bool keepAlive, bool headRequest)
{
    if (m_phase != Phase::Waiting)
        return;
    HttpResponse response;
    try {
        response = finish();
    } catch (const std::exception &e) {
        qCWarning(lcServerHttp) << "deferred handler failed:" << e.what();
        response = errorResponse(500, QByteArrayLiteral("internal"), QByteArrayLiteral("Internal error."));
    }
    if (response.later) { // one deferral per request; a second one is a programming error
        qCWarning(lcServerHttp) << "a deferred answer deferred again";
        response = errorResponse(500, QByteArrayLiteral("internal"), QByteArrayLiteral("Internal error."));
    }
    send(response, keepAlive, headRequest);
    // Out now rather than on a later turn of the event loop, which runs the posted work first: the next
    // deferred answer (a checked tracking batch, written for 150 ms), whose sender waits for this one.
    m_socket->flush();
    if (m_phase == Phase::Idle) // read what was pipelined behind (queued: this may run inside process())
        QMetaObject::invokeMethod(this, &HttpConnection::process, Qt::QueuedConnection);
}

void HttpConnection::send(const HttpResponse &response, bool keepAlive, bool headRequest)
{
    m_socket->write(serialize(response, !keepAlive, headRequest));
    if (keepAlive) {
        m_phase = Phase::Idle;
        m_timer.start(m_limits.idleTimeoutMs);
    } else {
        closeAfterWrite();
    }
}

void HttpConnection::refuse(int status, const QByteArray &code, const QByteArray &message)
{
    if (m_phase == Phase::Closing || m_phase == Phase::Gone)
        return;
    HttpResponse response = errorResponse(status, code, message);
    if (status == 503)
        response.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("2")});
    m_socket->write(serialize(response, true, false));
    closeAfterWrite();
}

void HttpConnection::handOver()
{
    m_timer.stop();
    m_phase = Phase::Gone;
    QTcpSocket *socket = m_socket;
    m_socket = nullptr;
    socket->disconnect(this);
    socket->setReadBufferSize(0); // WebSocket frames are limited by the WebSocket server's own limits
    socket->setParent(nullptr);
    m_hooks.upgrade(socket);
    deleteLater();
}

void HttpConnection::closeAfterWrite()
{
    m_phase = Phase::Closing;
    m_timer.start(m_limits.lingerMs);
    m_socket->skip(m_socket->bytesAvailable());
    shutdownWriteIfFlushed();
}

void HttpConnection::shutdownWriteIfFlushed()
{
    if (m_writeShut || m_socket->bytesToWrite() > 0)
        return;
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket); ssl && ssl->encryptedBytesToWrite() > 0)
        return;
    m_writeShut = true;
#ifdef Q_OS_UNIX
    // FIN after the answer: the client sees the end of the response and stops sending.
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#else
    m_socket->disconnectFromHost();
#endif
}

void HttpConnection::onBytesWritten()
{
    if (m_phase == Phase::Closing)
        shutdownWriteIfFlushed();
    else
        process();
}

void HttpConnection::onTimeout()
{
    switch (m_phase) {
    case Phase::Header:
        if (m_hooks.headerTimedOut)
            m_hooks.headerTimedOut();
        refuse(408, QByteArrayLiteral("request_timeout"),
               QByteArrayLiteral("The request header did not arrive in time."));
        break;
    case Phase::Body:
        refuse(408, QByteArrayLiteral("request_timeout"), QByteArrayLiteral("The request body stalled."));
        break;
    case Phase::Idle:
        if (m_socket->bytesToWrite() > 0) // the client does not read its answers
            m_socket->abort();
        else
            m_socket->disconnectFromHost();
        break;
    case Phase::Closing:
        m_socket->abort();
        break;
    case Phase::Waiting: // the timer is stopped while an answer is computed
    case Phase::Gone:
        break;
    }
    if (m_socket && m_socket->state() == QAbstractSocket::UnconnectedState)
        onDisconnected();
}

void HttpConnection::onDisconnected()
{
    if (m_phase == Phase::Gone)
        return;
    m_phase = Phase::Gone;
    m_timer.stop();
    deleteLater();
}

QByteArray HttpConnection::serialize(const HttpResponse &response, bool close, bool headRequest)
{
    const bool noBody = response.status == 204 || response.status == 304 || response.status < 200;
    QByteArray out;
    out.reserve(256 + (noBody || headRequest ? 0 : response.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' ' +
           RequestParser::reasonPhrase(response.status) + "\r\n";
    for (const auto &h : response.headers) {
        const QByteArray name = h.first.toLower();
        if (name == "content-length" || name == "connection" || name == "transfer-encoding")
            continue; // this layer frames the message
        out += h.first + ": " + h.second + "\r\n";
    }
    if (!response.contentType.isEmpty() && !noBody)
        out += "Content-Type: " + response.contentType + "\r\n";
    if (!noBody)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    if (!noBody && !headRequest)
        out += response.body;
    return out;
}

HttpResponse HttpConnection::errorResponse(int status, const QByteArray &code, const QByteArray &message)
{
    HttpResponse r;
    r.status = status;
    const QJsonObject error{{QStringLiteral("code"), QString::fromLatin1(code)},
                            {QStringLiteral("message"), QString::fromUtf8(message)},
                            {QStringLiteral("field"), QString()}};
    r.body = QJsonDocument(QJsonObject{{QStringLiteral("error"), error}}).toJson(QJsonDocument::Compact);
    return r;
}

} // namespace pd::server
