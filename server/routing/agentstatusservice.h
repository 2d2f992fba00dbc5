#pragma once

#include "routingpolicysource.h"

#include "server/storage/routingstore.h"

#include "models/domain/clock.h"
#include "models/domain/entities.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QTimer>

namespace pd::server {

/**
 * @brief Agent status as the server keeps it (docs/server.md, "Routing"): set by the agent over REST or the
 * live feed, and offline once the agent's consoles have been gone from every instance for the team's grace
 * period (RoutingPolicy offlineGraceMinutes, on the server clock).
 *
 * Each instance counts the live sockets it holds per agent and keeps that count in agent_links (seen every
 * check, on the wall clock: whether an instance is alive is a matter of real time); when an agent's last
 * socket on every instance is gone, agent_status.disconnected_ms gets the server time. The check (every
 * kCheckIntervalMs, on every instance) turns agents whose grace has run out offline, with that time as
 * their "since", and treats the links of an instance not seen for kLinkStaleMs as closed. Every change is
 * written under the writer lock and published as a live "agent_status" event in the same transaction.
 */
class AgentStatusService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCheckIntervalMs = 1000;
    static constexpr qint64 kLinkStaleMs = 15000;

    AgentStatusService(RoutingStore &store, RoutingPolicySource &policy, const Clock &clock,
                       const Clock &wallClock, QString instanceId, QObject *parent = nullptr);

    void start();

    /**
     * @brief Sets @p user's status to @p code ("online", "busy", "break", "away", "offline"); throws
     * ApiError 400 invalid_status for another code and 403 for a user who is not an agent. @p live: sent
     * through the live feed (the agent is connected; the agent_status event goes out even when the status
     * is unchanged, as the console's acknowledgement). Returns the row as stored.
     */
    AgentStatusRow set(const User &user, const QString &code, bool live);
    /// @brief The translated refusal of a status code, or empty when @p code is one.
    [[nodiscard]] static QString refusal(const QString &code);

    /// @brief A live socket of @p user opened or closed on this instance.
    void socketOpened(const User &user);
    void socketClosed(const User &user);

    /// @brief The status event as consoles receive it.
    [[nodiscard]] static QJsonObject liveEvent(const AgentStatusRow &row, const QString &previous,
                                               const QString &userName, const QString &cause);

    /// @brief Once: links seen, stale instances' links dropped, agents whose grace ran out set offline.
    void check();

Q_SIGNALS:
    /// @brief A status changed on this instance (the write committed).
    void statusChanged(const QString &userId, const QString &teamId, const QString &status);

private:
    void wentAway(const QString &userId);
    void expire(const AgentStatusRow &row);

    RoutingStore &m_store;
    RoutingPolicySource &m_policy;
    const Clock &m_clock;
    const Clock &m_wallClock;
    QString m_instance;
    QHash<QString, int> m_sockets; ///< user id → live sockets on this instance
    QHash<QString, QString> m_names;
    QTimer m_check;

    Q_DISABLE_COPY_MOVE(AgentStatusService)
};

} // namespace pd::server
