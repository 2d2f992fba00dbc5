#pragma once

#include "routingpolicysource.h"

#include "server/storage/routingstore.h"

#include "models/domain/clock.h"
#include "models/sla/policy.h"

#include <QJsonArray>

namespace pd::server {

/**
 * @brief GET /agents: one row per agent — status and since when, whether a console is connected, open load
 * against the team's capacity, at-risk and breached counts of the tickets held (the clock that runs now,
 * models/sla), and the current ticket (the one the agent edits or views, else the most urgent one held).
 */
class AgentBoard final
{
public:
    /// @brief Who is looking at which ticket, as LiveHub::presence() lists it.
    using Presence = QJsonArray;

    /// @brief @p wallClock: whether a console is connected is judged on real time (AgentStatusService).
    AgentBoard(RoutingStore &store, RoutingPolicySource &policy, const Clock &wallClock)
        : m_store(store)
        , m_policy(policy)
        , m_wallClock(wallClock)
    {}

    /// @brief The rows of @p agents (users of role agent), in team then name order.
    [[nodiscard]] QJsonArray rows(QList<User> agents, const SlaPolicy &sla, const Presence &presence,
                                  qint64 nowMs);

private:
    RoutingStore &m_store;
    RoutingPolicySource &m_policy;
    const Clock &m_wallClock;
};

} // namespace pd::server
