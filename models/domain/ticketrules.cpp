#include "ticketrules.h"

namespace pd {

bool TicketRules::canTransition(TicketStatus from, TicketStatus to)
{
    using S = TicketStatus;
    switch (from) {
    case S::New: // first reply or outbound call opens it; a complaint settled on the spot is resolved at once
        return to == S::Open || to == S::Resolved;
    case S::Open:
        return to == S::Pending || to == S::Resolved;
    case S::Pending:
        return to == S::Open || to == S::Resolved;
    case S::Resolved:
        return to == S::Closed || to == S::Reopened;
    case S::Reopened:
        return to == S::Open || to == S::Pending || to == S::Resolved;
    case S::Closed:
        return false;
    }
    return false;
}

QList<TicketStatus> TicketRules::nextStatuses(TicketStatus from)
{
    QList<TicketStatus> out;
    for (const QString &code : allCodes<TicketStatus>()) {
        const TicketStatus to = *fromCode<TicketStatus>(code);
        if (canTransition(from, to))
            out.append(to);
    }
    return out;
}

QString TicketRules::refusal(TicketStatus from, TicketStatus to)
{
    if (from == to)
        return tr("The ticket is already “%1”.").arg(displayName(from));
    if (from == TicketStatus::Closed)
        return tr("A closed ticket cannot change any more (closed → %1). Open a new ticket instead.")
            .arg(displayName(to));
    if (to == TicketStatus::Reopened)
        return tr("Only a resolved ticket can be reopened.");
    if (to == TicketStatus::Closed)
        return tr("Only a resolved ticket can be closed.");
    return tr("A ticket cannot go from “%1” to “%2”.").arg(displayName(from), displayName(to));
}

bool TicketRules::canRead(Role role, const QString &userTeamId, const QString &ticketTeamId)
{
    if (role != Role::Agent)
        return true;
    return !userTeamId.isEmpty() && userTeamId == ticketTeamId;
}

bool TicketRules::canWrite(Role role, const QString &userTeamId, const QString &ticketTeamId)
{
    switch (role) {
    case Role::Agent:
        return !userTeamId.isEmpty() && userTeamId == ticketTeamId;
    case Role::Supervisor:
        return true;
    case Role::Manager:
    case Role::Admin:
        return false;
    }
    return false;
}

Priority TicketRules::defaultPriority(Category category, qint64 declaredValueFen)
{
    switch (category) {
    case Category::Loss:
    case Category::Damage:
        return declaredValueFen >= 100000 ? Priority::P1 : Priority::P2;
    case Category::Delay:
    case Category::WrongItem:
        return Priority::P3;
    case Category::Service:
    case Category::Other:
        return Priority::P4;
    }
    return Priority::P3;
}

} // namespace pd
