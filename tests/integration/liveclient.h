#pragma once

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTest>
#include <QWebSocket>

#include <functional>

namespace pd::test {

/// @brief A test client of /api/v1/live that keeps every message it receives.
class LiveClient final : public QObject
{
    Q_OBJECT
public:
    explicit LiveClient(QObject *parent = nullptr)
        : QObject(parent)
    {
        connect(&m_socket, &QWebSocket::textMessageReceived, this,
                [this](const QString &t) { messages.append(QJsonDocument::fromJson(t.toUtf8()).object()); });
    }

    void open(quint16 port, const QByteArray &token, const QString &extraQuery = {})
    {
        messages.clear();
        m_socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/v1/live?access_token=%2%3")
                               .arg(port)
                               .arg(QString::fromLatin1(token), extraQuery)));
    }
    void abort() { m_socket.abort(); }
    void send(const QJsonObject &o)
    {
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson()));
    }
    [[nodiscard]] QWebSocket &socket() { return m_socket; }

    /// @brief Messages of one kind (optionally also matching a predicate).
    [[nodiscard]] QList<QJsonObject> ofKind(const QString &kind,
                                            const std::function<bool(const QJsonObject &)> &pred = {}) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : messages) {
            if (m.value(QStringLiteral("kind")).toString() == kind && (!pred || pred(m)))
                out.append(m);
        }
        return out;
    }

    QList<QJsonObject> messages;

private:
    QWebSocket m_socket;
};

/// @brief A LiveClient that records when its socket closed (ms after timer started) and the error code.
struct WatchedSocket
{
    LiveClient client;
    QElapsedTimer timer;
    qint64 closedAfterMs = -1;

    /// @brief Opens the socket and waits for the snapshot.
    bool open(quint16 port, const QByteArray &token)
    {
        QObject::connect(&client.socket(), &QWebSocket::disconnected, &client,
                         [this] { closedAfterMs = timer.isValid() ? timer.elapsed() : 0; });
        client.open(port, token);
        return QTest::qWaitFor([this] { return !client.ofKind(QStringLiteral("snapshot")).isEmpty(); }, 5000);
    }
    /// @brief The code of the last "error" message, or empty.
    [[nodiscard]] QString errorCode() const
    {
        const auto e = client.ofKind(QStringLiteral("error"));
        return e.isEmpty() ? QString()
                           : e.last()
                                 .value(QStringLiteral("error"))
                                 .toObject()
                                 .value(QStringLiteral("code"))
                                 .toString();
    }
};

} // namespace pd::test
