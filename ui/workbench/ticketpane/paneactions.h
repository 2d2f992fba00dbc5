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

/// @brief A customer value the server masks for readers who do not need it, revealed on purpose.
enum class CustomerField
{
    Phone,
    Name,
    Address ///< the parcel's sender and recipient addresses
};

/// @brief The API code of a field ("phone", "name", "address").
[[nodiscard]] QString toCode(CustomerField field);

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
    /**
     * @brief Whether @p user may ask the server for the full @p field of @p ticket: agents of the ticket's
     * team and supervisors (the people who contact customers), when the value is shown masked (@p masked)
     * and there is one (@p hasValue). Managers and administrators take customer data out only through the
     * logged export of the weekly report.
     */
    [[nodiscard]] static ActionCheck checkReveal(CustomerField field, const User &user, const Ticket &ticket,
                                                 bool masked, bool hasValue);
    /**
     * @brief Whether @p user may merge @p ticket into another (supervisors; not a merged or closed ticket,
     * not one with an unsent or conflicting change). The target's own checks are the server's.
     */
    [[nodiscard]] static ActionCheck checkMerge(const User &user, const Ticket &ticket,
                                                bool pendingOrConflict);
    /// @brief The priority an escalation raises to (one step up; p1 stays p1).
    [[nodiscard]] static Priority escalated(Priority p);
};

} // namespace pd
