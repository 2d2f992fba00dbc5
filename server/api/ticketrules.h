#pragma once

#include "models/domain/entities.h"

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

/**
 * @brief The ticket rules of DOMAIN.md: the state machine, who may see and change what, default priority.
 */
namespace TicketRules {

/// @brief True when the state machine allows from → to.
[[nodiscard]] bool canTransition(TicketStatus from, TicketStatus to);
/// @brief A clear English sentence why from → to is refused.
[[nodiscard]] QString refusal(TicketStatus from, TicketStatus to);

/// @brief Agents see their own team's tickets; everybody else sees all.
[[nodiscard]] bool canRead(const Actor &a, const QString &ticketTeamId);
/// @brief Agents change their own team's tickets, supervisors any; managers and admins read only.
[[nodiscard]] bool canWrite(const Actor &a, const QString &ticketTeamId);

/// @brief Loss and damage of declared value ≥ ¥1000 → p1; loss, damage → p2; delay, wrong item → p3; else p4.
[[nodiscard]] Priority defaultPriority(Category c, qint64 declaredValueFen);

} // namespace TicketRules

} // namespace pd::server
