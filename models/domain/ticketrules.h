#pragma once

#include "enums.h"

#include <QCoreApplication>
#include <QString>

namespace pd {

/**
 * @brief The ticket rules of docs/domain.md, shared by the console (which disables what is not allowed, with
 * the reason) and the server (which refuses it): the state machine, who may see and change a ticket, and the
 * default priority.
 */
class TicketRules final
{
    Q_DECLARE_TR_FUNCTIONS(pd::TicketRules)
public:
    /// @brief The largest compensation (¥1,000,000), for the console's input and the server's check alike.
    static constexpr qint64 kMaxCompensationFen = 100000000;

    /// @brief True when the state machine allows from → to.
    [[nodiscard]] static bool canTransition(TicketStatus from, TicketStatus to);
    /// @brief Why from → to is refused, for people (translated).
    [[nodiscard]] static QString refusal(TicketStatus from, TicketStatus to);
    /// @brief The statuses a ticket may move to next.
    [[nodiscard]] static QList<TicketStatus> nextStatuses(TicketStatus from);

    /// @brief Agents see their own team's tickets; everybody else sees all.
    [[nodiscard]] static bool canRead(Role role, const QString &userTeamId, const QString &ticketTeamId);
    /// @brief Agents change their own team's tickets, supervisors any; managers and admins only read.
    [[nodiscard]] static bool canWrite(Role role, const QString &userTeamId, const QString &ticketTeamId);

    /// @brief Loss and damage of declared value ≥ ¥1000 → p1; loss, damage → p2; delay, wrong item → p3; else
    /// p4.
    [[nodiscard]] static Priority defaultPriority(Category category, qint64 declaredValueFen);
};

} // namespace pd
