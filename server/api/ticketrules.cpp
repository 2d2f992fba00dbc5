#include "ticketrules.h"

namespace pd::server::TicketRules {

bool canTransition(TicketStatus from, TicketStatus to)
{
    using S = TicketStatus;
    switch (from) {
    case S::New:
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

QString refusal(TicketStatus from, TicketStatus to)
{
    if (from == to)
        return QStringLiteral("The ticket is already %1.").arg(toCode(from));
    if (from == TicketStatus::Closed)
        return QStringLiteral(
                   "A closed ticket cannot change status (closed → %1). Open a new ticket instead.")
            .arg(toCode(to));
    return QStringLiteral("A ticket cannot go from %1 to %2.").arg(toCode(from), toCode(to));
}

bool canRead(const Actor &a, const QString &ticketTeamId)
{
    if (a.system || a.role != Role::Agent)
        return true;
    return !a.teamId.isEmpty() && a.teamId == ticketTeamId;
}

bool canWrite(const Actor &a, const QString &ticketTeamId)
{
    if (a.system)
        return true;
    switch (a.role) {
    case Role::Agent:
        return !a.teamId.isEmpty() && a.teamId == ticketTeamId;
    case Role::Supervisor:
        return true;
    case Role::Manager:
    case Role::Admin:
        return false;
    }
    return false;
}

Priority defaultPriority(Category c, qint64 declaredValueFen)
{
    switch (c) {
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

} // namespace pd::server::TicketRules
