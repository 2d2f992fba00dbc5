#pragma once
// A provider's endpoint for the webhook tests: a real HTTP/1.1 listener on 127.0.0.1 that records each
// request (method, path, headers, body) and answers it from a script, or not at all.

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

class HttpSink final : public QObject
{
    Q_OBJECT

public:
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QHash<QByteArray, QByteArray> headers; ///< names in lower case
        QByteArray body;
    };
    struct Answer
    {
        int status = 200;
        QByteArray body = "{}";
        QByteArray extraHeaders; ///< "Name: value\r\n" lines
        bool silent = false;     ///< read the request, never answer
    };

    HttpSink()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &HttpSink::accept);
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    [[nodiscard]] bool listening() const { return m_server.isListening(); }
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] QUrl url(const QString &path = QStringLiteral("/notify")) const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
    }
    /// @brief The answer to every request from now on.
    void answer(const Answer &a) { m_answer = a; }
    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    }

    void readFrom(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Request request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length", "0").toLongLong();
        if (buffer.size() < end + 4 + length)
            return; // the body is still on its way
        request.body = buffer.mid(end + 4, length);
        m_buffers.remove(socket);
        m_requests.append(request);
        if (m_answer.silent)
            return;
        const QByteArray reply = "HTTP/1.1 " + QByteArray::number(m_answer.status) +
                                 " Scripted\r\nContent-Type: application/json\r\nContent-Length: " +
                                 QByteArray::number(m_answer.body.size()) + "\r\nConnection: close\r\n" +
                                 m_answer.extraHeaders + "\r\n" + m_answer.body;
        socket->write(reply);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    Answer m_answer;
    QList<Request> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
