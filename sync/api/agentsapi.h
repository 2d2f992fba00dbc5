#pragma once

#include "sync/apiclient.h"

namespace pd {

/**
 * @brief Routing from the agent's and the supervisor's side (docs/api.md, "Agent status", "Next ticket",
 * "Routing policy"): the agents' statuses and loads, the signed-in agent's status and Next ticket, the
 * policy.
 */
class AgentsApi final
{
public:
    explicit AgentsApi(ApiClient *client)
        : m_client(client)
    {}
    /// @brief GET /agents: `{items:[{user_id, login, name, team_id, status, since_ms, connected, open,
    /// capacity, at_risk, breached, current_ticket_id, current_ticket_number}], server_time_ms}`.
    ApiReply *list();
    /// @brief PUT /agents/me/status with `{"status": status}` (the live feed's status message is the usual
    /// way; this one works without a socket).
    ApiReply *setMyStatus(const QString &status);
    /// @brief POST /agents/me/next: 200 `{ticket, event}` (now assigned to the agent), 204 when none waits.
    ApiReply *next();
    /// @brief GET /routing-policy (managers): the policy JSON with its version.
    ApiReply *routingPolicy();
    /// @brief PUT /routing-policy (managers) with the whole policy, its "version" the one that was read.
    ApiReply *setRoutingPolicy(const QJsonObject &policy);

private:
    ApiClient *m_client;
};

} // namespace pd
