#include "slahistory.h"

#include <algorithm>

namespace pd {

void SlaHistory::append(Instant at, SlaTransition transition)
{
    const auto pos = std::upper_bound(entries.begin(), entries.end(), at,
                                      [](Instant t, const SlaHistoryEntry &e) { return t < e.at; });
    entries.insert(pos, SlaHistoryEntry{at, transition});
}

SlaHistory SlaHistory::fromTicket(const Ticket &ticket, const QList<TicketEvent> &events)
{
    SlaHistory h;
    h.createdAt = ticket.createdAt;

    QList<const TicketEvent *> sorted;
    sorted.reserve(events.size());
    for (const auto &e : events)
        sorted.append(&e);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const TicketEvent *a, const TicketEvent *b) { return a->at < b->at; });

    auto status = [](const TicketEvent &e, const char *key) {
        return fromCode<TicketStatus>(e.data.value(QLatin1StringView(key)).toString());
    };
    bool responded = false;
    bool resolved = false;
    for (const TicketEvent *e : sorted) {
        switch (e->kind) {
        case EventKind::Reply:
            responded = true;
            h.entries.append({e->at, SlaTransition::FirstResponse});
            break;
        case EventKind::Call:
            if (e->data.value(QLatin1StringView("direction")).toString() == toCode(CallDirection::Outbound)) {
                responded = true;
                h.entries.append({e->at, SlaTransition::FirstResponse});
            }
            break;
        case EventKind::StatusChange: {
            const auto from = status(*e, "from");
            const auto to = status(*e, "to");
            if (!to)
                break;
            const bool fromClosed = from && !isOpen(*from);
            if (*to == TicketStatus::Pending) {
                h.entries.append({e->at, SlaTransition::PendingEnter});
            } else if (*to == TicketStatus::Resolved || *to == TicketStatus::Closed) {
                if (!fromClosed) {
                    resolved = true;
                    h.entries.append({e->at, SlaTransition::Resolve});
                }
            } else if (*to == TicketStatus::Reopened || fromClosed) {
                h.entries.append({e->at, SlaTransition::Reopen});
            } else if (from == TicketStatus::Pending) {
                h.entries.append({e->at, SlaTransition::PendingLeave});
            }
            break;
        }
        case EventKind::SlaBreach:
            if (const auto clock = fromCode<SlaClock>(e->data.value(QLatin1StringView("clock")).toString());
                clock && !isLegalClock(*clock)) // the legal clocks keep theirs in LegalClockInputs
                h.breachRecorded[clockIndex(*clock)] = true;
            break;
        default:
            break;
        }
    }
    // A ticket row without its timeline (a list page) still carries the two stop instants.
    if (!responded && ticket.firstResponseAt)
        h.append(*ticket.firstResponseAt, SlaTransition::FirstResponse);
    if (!resolved && ticket.resolvedAt && !isOpen(ticket.status))
        h.append(*ticket.resolvedAt, SlaTransition::Resolve);
    return h;
}

} // namespace pd
