#pragma once

#include "models/domain/entities.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QUrl>

#include <random>

class QTimer;
class QWebSocket;

namespace pd {

class ApiClient;

/**
 * @brief The server's live feed (WebSocket /api/v1/live): hints, positions, presence, breaches.
 *
 * Messages are hints: the engine pulls what changed. A gap in sequence numbers, a fresh snapshot or a
 * reconnect asks for a delta pull (needPull). The connection is watched: without any message for two
 * keepalive intervals it is dropped and opened again with exponential back-off and jitter, resuming from the
 * last seq.
 */
class LiveFeed final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMinBackoffMs = 500;
    static constexpr int kMaxBackoffMs = 30000;

    explicit LiveFeed(ApiClient *api, QObject *parent = nullptr);
    ~LiveFeed() override;

    void start();
    void stop();
    [[nodiscard]] bool isConnected() const { return m_connected; }
    [[nodiscard]] qint64 lastSeq() const { return m_lastSeq; }
    [[nodiscard]] int reconnects() const { return m_reconnects; }
    /// @brief Tells the others who views or edits a ticket ("view", "edit", "leave").
    void reportPresence(const QString &ticketId, const QString &mode);
    /**
     * @brief Which couriers' positions to receive live: [west, south, east, north] (the map's view), [] for
     * none, null for all (the default). Sent now when connected and again after every reconnect.
     */
    void setViewport(const QJsonValue &bbox);
    /**
     * @brief The agent's status ("online", "busy", "break", "away", "offline"): sent now when connected and
     * again after every reconnect, so the server keeps it; the answer is agentStatus() for this user (the
     * acknowledgement) or statusRefused(). Empty: nothing to send (not an agent, signed out).
     */
    void setAgentStatus(const QString &status);
    [[nodiscard]] const QString &agentStatus() const { return m_agentStatus; }

Q_SIGNALS:
    void connectedChanged(bool connected);
    /// @brief Something changed that the cache does not have yet: pull the change feed.
    void needPull();
    void positions(const QList<pd::CourierPosition> &updates);
    void presence(const QJsonObject &message);
    void breach(const QJsonObject &message);
    /// @brief One user of the team revealed more customers within an hour than the server allows
    /// (supervisors only; see docs/api.md, "reveal_alert").
    void revealAlert(const QJsonObject &message);
    /// @brief An agent's status changed (docs/api.md, "agent_status"); for this user too, as the server's
    /// acknowledgement of setAgentStatus().
    void agentStatusChanged(const QJsonObject &message);
    /// @brief The server refused this console's status message ("status_refused": status, error).
    void statusRefused(const QJsonObject &message);
    /// @brief The routing policy changed ("routing_policy": seq, version).
    void routingPolicyChanged(const QJsonObject &message);

private:
    void open();
    void onText(const QString &text);
    void onClosed();
    void onError(const QJsonObject &error);
    void scheduleReconnect();

    ApiClient *m_api;
    QWebSocket *m_socket = nullptr;
    QTimer *m_watchdog;
    QTimer *m_reconnect;
    bool m_running = false;
    bool m_connected = false;
    bool m_waitingForToken = false; // closed for an expired token: reopen after the refresh
    QByteArray m_expiredToken;
    qint64 m_lastSeq = -1;
    QJsonValue m_viewport{QJsonValue::Null};
    QString m_agentStatus;
    QString m_instance;
    int m_attempt = 0;
    int m_reconnects = 0;
    int m_keepaliveMs = 15000;
    std::mt19937 m_rng{std::random_device{}()};
};

} // namespace pd

Q_DECLARE_METATYPE(pd::CourierPosition)
