// What a compensation request, approval or rejection writes into a ticket (docs/compensation.md).
#include "ticketservice.h"

#include "models/domain/jsonreader.h"

using namespace Qt::StringLiterals;

namespace pd::server {

void TicketService::recordCompensation(WriteTx &tx, const Actor &actor, Ticket &t,
                                       const CompensationStep &step)
{
    const qint64 now = m_clock.nowMs();
    QList<TicketEvent> events{systemEvent(actor, t, step.kind, now, step.data)};
    t.pendingCompensationFen = step.pendingFen;
    if (step.resolveFen) {
        t.resolution = Resolution::Compensation;
        t.compensationFen = *step.resolveFen;
        if (t.status != TicketStatus::Resolved) {
            // The ticket's own status_change, as POST …/events with to=resolved writes it.
            QJsonObject extra{{u"compensation_id"_s, step.data.value(u"compensation_id"_s)}};
            putMoney(extra, "compensation_amount", *step.resolveFen);
            transition(actor, t, TicketStatus::Resolved, events, now, extra);
        }
    }
    t.version += 1;
    t.updatedAt = now;
    (void)commit(tx, actor, t, events, 200, {}, {}, u"ticket."_s + toCode(step.kind));
}

} // namespace pd::server
