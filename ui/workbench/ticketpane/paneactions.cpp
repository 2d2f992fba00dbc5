#include "paneactions.h"

#include "models/domain/ticketrules.h"

using namespace Qt::StringLiterals;

namespace pd {

namespace {
ActionCheck allow()
{
    return {true, {}};
}
ActionCheck refuse(const QString &reason)
{
    return {false, reason};
}
ActionCheck transition(TicketStatus from, TicketStatus to)
{
    return TicketRules::canTransition(from, to) ? allow() : refuse(TicketRules::refusal(from, to));
}
} // namespace

QString toCode(CustomerField field)
{
    switch (field) {
    case CustomerField::Phone:
        return u"phone"_s;
    case CustomerField::Name:
        return u"name"_s;
    case CustomerField::Address:
        return u"address"_s;
    }
    return {};
}

ActionCheck PaneActionRules::checkMerge(const User &user, const Ticket &ticket, bool pendingOrConflict)
{
    if (user.role != Role::Supervisor)
        return refuse(tr("Only supervisors merge tickets."));
    if (ticket.isMerged())
        return refuse(tr("This ticket was merged into %1 already.").arg(ticket.mergedIntoNumber));
    if (ticket.status == TicketStatus::Closed)
        return refuse(tr("A closed ticket is not merged."));
    if (pendingOrConflict)
        return refuse(tr("Wait until this ticket's changes are sent (or settle the conflict) first."));
    return allow();
}

ActionCheck PaneActionRules::check(PaneAction action, const User &user, const Ticket &ticket, bool inConflict)
{
    using S = TicketStatus;
    if (user.id.isEmpty())
        return refuse(tr("Sign in to work on tickets."));
    if (!TicketRules::canWrite(user.role, user.teamId, ticket.teamId)) {
        if (user.role == Role::Manager || user.role == Role::Admin)
            return refuse(
                tr("Your role (%1) can read tickets but not change them.").arg(displayName(user.role)));
        return refuse(tr("This ticket belongs to another team."));
    }
    const bool closed = ticket.status == S::Closed;
    const bool changesFields = action != PaneAction::Reply && action != PaneAction::Note &&
                               action != PaneAction::Call && action != PaneAction::Escalate;
    if (changesFields && inConflict)
        return refuse(tr("Settle the conflicting change first: keep yours or take the server's."));

    switch (action) {
    case PaneAction::Note:
        return allow();
    case PaneAction::Reply:
    case PaneAction::Call:
        return closed ? refuse(tr("The ticket is closed: only internal notes can be added.")) : allow();
    case PaneAction::Escalate:
        return isOpen(ticket.status) ? allow()
                                     : refuse(tr("Only tickets still being worked on are escalated."));
    case PaneAction::Take:
        if (closed)
            return refuse(tr("A closed ticket cannot be taken."));
        return ticket.assigneeId == user.id ? refuse(tr("This ticket is already yours.")) : allow();
    case PaneAction::Assign:
        if (user.role != Role::Supervisor)
            return refuse(tr("Only supervisors assign tickets to other people; take it yourself instead."));
        return closed ? refuse(tr("A closed ticket cannot be reassigned.")) : allow();
    case PaneAction::SetPending:
        return transition(ticket.status, S::Pending);
    case PaneAction::Resume:
        if (ticket.status != S::Pending && ticket.status != S::Reopened)
            return refuse(
                tr("Only a pending or reopened ticket is resumed; the first reply opens a new one."));
        return transition(ticket.status, S::Open);
    case PaneAction::Resolve:
        return transition(ticket.status, S::Resolved);
    case PaneAction::Reopen:
        return transition(ticket.status, S::Reopened);
    case PaneAction::ScheduleFollowUp:
        return closed ? refuse(tr("A closed ticket gets no more follow-up calls.")) : allow();
    case PaneAction::RecordFollowUp:
        if (ticket.status != S::Resolved && ticket.status != S::Closed)
            return refuse(tr("The follow-up call is recorded once the ticket is resolved."));
        return allow();
    }
    return refuse({});
}

bool PaneActionRules::showsFullPhone(const User &user, const Ticket &ticket)
{
    return user.role == Role::Agent && !user.id.isEmpty() && ticket.assigneeId == user.id;
}

ActionCheck PaneActionRules::checkReveal(CustomerField field, const User &user, const Ticket &ticket,
                                         bool masked, bool hasValue)
{
    if (user.id.isEmpty())
        return refuse(tr("Sign in to work on tickets."));
    if (user.role != Role::Agent && user.role != Role::Supervisor)
        return refuse(tr("Your role (%1) does not reveal customer data on tickets; a manager's weekly report "
                         "can include it, and that export is logged.")
                          .arg(displayName(user.role)));
    if (user.role == Role::Agent && user.teamId != ticket.teamId)
        return refuse(tr("This ticket belongs to another team."));
    if (!hasValue) {
        switch (field) {
        case CustomerField::Phone:
            return refuse(tr("The ticket has no phone number."));
        case CustomerField::Name:
            return refuse(tr("The ticket has no customer name."));
        case CustomerField::Address:
            return refuse(tr("The parcel and its addresses are not in the cache."));
        }
    }
    if (!masked)
        return refuse(tr("Shown in full."));
    return allow();
}

Priority PaneActionRules::escalated(Priority p)
{
    switch (p) {
    case Priority::P1:
    case Priority::P2:
        return Priority::P1;
    case Priority::P3:
        return Priority::P2;
    case Priority::P4:
        return Priority::P3;
    }
    return Priority::P1;
}

} // namespace pd
