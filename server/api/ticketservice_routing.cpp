// What routing writes into a ticket: the new assignee and the decision as an assignment event.
#include "ticketservice.h"

using namespace Qt::StringLiterals;

namespace pd::server {

void TicketService::recordRouting(WriteTx &tx, Ticket &t, const QString &assigneeId, const QString &reason,
                                  const QJsonObject &data, TicketEvent *event)
{
    const qint64 now = m_clock.nowMs();
    const Actor system = Actor::server();
    QJsonObject merged = data;
    // The keys every assignment event has, so consoles show it like a supervisor's assignment.
    merged.insert(u"from"_s, t.assigneeId);
    merged.insert(u"to"_s, assigneeId);
    t.assigneeId = assigneeId;
    t.version += 1;
    t.updatedAt = now;
    TicketEvent e = systemEvent(system, t, EventKind::Assignment, now, merged);
    e.text = reason;
    if (event)
        *event = e;
    (void)commit(tx, system, t, {e}, 200, {}, {}, u"ticket.route"_s);
}

} // namespace pd::server
