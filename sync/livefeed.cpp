#include "livefeed.h"

#include "apiclient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcLive, "pd.sync.live", QtInfoMsg)

namespace pd {

LiveFeed::LiveFeed(ApiClient *api, QObject *parent)
    : QObject(parent)
    , m_api(api)
    , m_watchdog(new QTimer(this))
    , m_reconnect(new QTimer(this))
{
    qRegisterMetaType<pd::CourierPosition>();
    m_watchdog->setSingleShot(true);
    connect(m_watchdog, &QTimer::timeout, this, [this] {
        qCInfo(lcLive) << "live feed silent for too long; reconnecting";
        if (m_socket)
            m_socket->abort();
    });
    m_reconnect->setSingleShot(true);
    connect(m_reconnect, &QTimer::timeout, this, &LiveFeed::open);
    // A socket closed because its token expired reopens with the next token, not with the old one.
    connect(m_api, &ApiClient::tokensRefreshed, this, [this] {
        if (std::exchange(m_waitingForToken, false) && m_running && !m_socket)
            open();
    });
}

LiveFeed::~LiveFeed()
{
    stop();
}

void LiveFeed::start()
{
    m_running = true;
    open();
}

void LiveFeed::stop()
{
    m_running = false;
    m_reconnect->stop();
    m_watchdog->stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectedChanged(false);
    }
}

void LiveFeed::open()
{
    if (!m_running || !m_api->hasAccessToken())
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    if (m_waitingForToken && m_api->accessToken() == m_expiredToken)
        return; // tokensRefreshed opens it
    m_waitingForToken = false;
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_attempt = 0;
        m_connected = true;
        if (!m_viewport.isNull())
            setViewport(m_viewport);
        if (!m_agentStatus.isEmpty())
            setAgentStatus(m_agentStatus); // kept by the server across a reconnect within its grace period
        m_watchdog->start(2 * m_keepaliveMs);
        Q_EMIT connectedChanged(true);
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &LiveFeed::onText);
    connect(m_socket, &QWebSocket::disconnected, this, &LiveFeed::onClosed);
    connect(m_socket, &QWebSocket::sslErrors, m_api, &ApiClient::sslErrors);

    QUrl url = m_api->webSocketUrl(u"/api/v1/live"_s);
    if (m_lastSeq >= 0) {
        QUrlQuery query;
        query.addQueryItem(u"since"_s, QString::number(m_lastSeq));
        query.addQueryItem(u"instance"_s, m_instance);
        url.setQuery(query);
    }
    // The token goes in a header, not the URL: URLs end up in proxy and server logs.
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_api->accessToken());
    m_socket->open(request);
}

void LiveFeed::onClosed()
{
    m_watchdog->stop();
    if (m_connected) {
        m_connected = false;
        Q_EMIT connectedChanged(false);
    }
    if (m_waitingForToken) {
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->deleteLater();
            m_socket = nullptr;
        }
        return;
    }
    scheduleReconnect();
}

void LiveFeed::onError(const QJsonObject &error)
{
    // The server re-checks a socket's user and closes it when the session no longer allows it.
    const QString code = error.value(u"code"_s).toString();
    qCInfo(lcLive) << "live feed closed by the server:" << code;
    if (code == u"token_expired"_s || code == u"unauthorized"_s) {
        // The pull meets a 401 and refreshes the session; the socket reopens with the new token.
        m_waitingForToken = true;
        m_expiredToken = m_api->accessToken();
        Q_EMIT needPull();
    } else if (code == u"scope_changed"_s) {
        Q_EMIT needPull(); // the change feed starts again for the new team or role
    } else if (code == u"signed_out"_s || code == u"disabled"_s) {
        m_running = false; // the next REST call asks the person to sign in again
        Q_EMIT needPull();
    }
}

void LiveFeed::scheduleReconnect()
{
    if (!m_running || m_reconnect->isActive())
        return;
    const int step = qMin(kMaxBackoffMs, kMinBackoffMs << qMin(m_attempt, 10));
    ++m_attempt;
    ++m_reconnects;
    std::uniform_int_distribution<int> jitter(step / 2, step);
    m_reconnect->start(jitter(m_rng));
}

void LiveFeed::reportPresence(const QString &ticketId, const QString &mode)
{
    if (m_socket && m_connected)
        m_socket->sendTextMessage(QString::fromUtf8(
            QJsonDocument(
                QJsonObject{{u"kind"_s, u"presence"_s}, {u"ticket_id"_s, ticketId}, {u"mode"_s, mode}})
                .toJson(QJsonDocument::Compact)));
}

void LiveFeed::setViewport(const QJsonValue &bbox)
{
    m_viewport = bbox;
    if (m_socket && m_connected)
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{u"kind"_s, u"viewport"_s}, {u"bbox"_s, bbox}})
                                  .toJson(QJsonDocument::Compact)));
}

void LiveFeed::setAgentStatus(const QString &status)
{
    m_agentStatus = status;
    if (m_socket && m_connected && !status.isEmpty()) {
        m_socket->sendTextMessage(
            QString::fromUtf8(QJsonDocument(QJsonObject{{u"kind"_s, u"status"_s}, {u"status"_s, status}})
                                  .toJson(QJsonDocument::Compact)));
        m_socket->flush(); // an "offline" sent just before the socket closes still leaves
    }
}

void LiveFeed::onText(const QString &text)
{
    m_watchdog->start(2 * m_keepaliveMs);
    const QJsonObject msg = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString kind = msg.value(u"kind"_s).toString();
    const qint64 seq = msg.value(u"seq"_s).toInteger(-1);

    if (kind == u"hello"_s) {
        m_keepaliveMs = qMax(1000, int(msg.value(u"keepalive_ms"_s).toInteger(m_keepaliveMs)));
        m_watchdog->start(2 * m_keepaliveMs);
        const bool resumed = msg.value(u"resumed"_s).toBool();
        m_instance = msg.value(u"instance"_s).toString();
        if (!resumed) // a snapshot follows; whatever happened while away comes through the change feed
            m_lastSeq = msg.value(u"last_seq"_s).toInteger(-1);
        Q_EMIT needPull(); // after every (re)connect: the change feed has what the socket missed
        return;
    }
    if (kind == u"keepalive"_s) {
        const qint64 last = msg.value(u"last_seq"_s).toInteger(-1);
        if (last > m_lastSeq) { // messages were lost on the way
            m_lastSeq = last;
            Q_EMIT needPull();
        }
        return;
    }
    if (seq >= 0) {
        if (m_lastSeq >= 0 && seq > m_lastSeq + 1 && kind != u"snapshot"_s)
            Q_EMIT needPull(); // a gap
        m_lastSeq = qMax(m_lastSeq, seq);
    }
    if (kind == u"positions"_s) {
        QList<CourierPosition> updates;
        for (const QJsonValue &v : msg.value(u"items"_s).toArray()) {
            if (const auto p = CourierPosition::fromJson(v.toObject()))
                updates.append(*p);
        }
        if (!updates.isEmpty())
            Q_EMIT positions(updates);
    } else if (kind == u"presence"_s) {
        Q_EMIT presence(msg);
    } else if (kind == u"sla_breach"_s) {
        Q_EMIT breach(msg);
        Q_EMIT needPull();
    } else if (kind == u"reveal_alert"_s) {
        Q_EMIT revealAlert(msg);
    } else if (kind == u"changed"_s) {
        Q_EMIT needPull();
    } else if (kind == u"agent_status"_s) {
        Q_EMIT agentStatusChanged(msg);
    } else if (kind == u"status_refused"_s) {
        Q_EMIT statusRefused(msg);
    } else if (kind == u"routing_policy"_s) {
        Q_EMIT routingPolicyChanged(msg);
    } else if (kind == u"error"_s) {
        onError(msg.value(u"error"_s).toObject());
    }
}

} // namespace pd
