#pragma once

#include "models/domain/entities.h"

#include <QCoreApplication>
#include <QString>

namespace pd {

/// @brief What a person can do from the ticket pane.
enum class PaneAction
{
    Reply,
    Note,
    Call,
    Take,
    Assign,
    Escalate,
    SetPending,
    Resume,
    Resolve,
    Reopen,
    ScheduleFollowUp,
    RecordFollowUp
};

/// @brief Whether an action is allowed, and why not (translated) when it is not.
struct ActionCheck
{
    bool allowed = false;
    QString reason;
};

/**
 * @brief Which pane actions a user may take on a ticket, with the reason when not: the role rules
 * (TicketRules::canWrite), the state machine (TicketRules::canTransition / refusal) and a pending conflict.
 *
 * The console only disables what the server would refuse anyway; this is the one place that decides it.
 */
class PaneActionRules final
{
    Q_DECLARE_TR_FUNCTIONS(pd::PaneActionRules)
public:
    [[nodiscard]] static ActionCheck check(PaneAction action, const User &user, const Ticket &ticket,
                                           bool inConflict);
    /// @brief The full phone number is shown only to the agent who owns the ticket (docs/domain.md).
    [[nodiscard]] static bool showsFullPhone(const User &user, const Ticket &ticket);
    /// @brief The priority an escalation raises to (one step up; p1 stays p1).
    [[nodiscard]] static Priority escalated(Priority p);
};

} // namespace pd
