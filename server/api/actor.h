#pragma once

#include "server/storage/customeraccess.h"

#include "models/domain/entities.h"
#include "models/domain/ticketrules.h"

#include <QString>

namespace pd::server {

/// @brief Who performs a change: a signed-in user, or the server itself (SLA, simulator, auto-close).
struct Actor
{
    QString userId;
    Role role = Role::Agent;
    QString teamId;
    bool system = false;

    static Actor of(const User &u) { return {u.id, u.role, u.teamId, false}; }
    static Actor server() { return {QStringLiteral("system"), Role::Admin, {}, true}; }
};

/// @brief The shared rules of models/domain (TicketRules), with the server's own actor able to do anything.
[[nodiscard]] inline bool canRead(const Actor &a, const QString &ticketTeamId)
{
    return a.system || TicketRules::canRead(a.role, a.teamId, ticketTeamId);
}

[[nodiscard]] inline bool canWrite(const Actor &a, const QString &ticketTeamId)
{
    return a.system || TicketRules::canWrite(a.role, a.teamId, ticketTeamId);
}

/// @brief Whose view of customer data the actor gets (the server's own actor: everything).
[[nodiscard]] inline CustomerAccess customerAccess(const Actor &a)
{
    return a.system ? CustomerAccess::server() : CustomerAccess::of(a.role, a.userId, a.teamId);
}

} // namespace pd::server
