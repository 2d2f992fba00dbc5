#include "legalbreaches.h"

#include "server/api/ticketservice.h"

#include "models/sla/legalclocks.h"

using namespace Qt::StringLiterals;

namespace pd::server {

QString legalBreachId(const QString &ticketId, SlaClock clock, int instance)
{
    if (clock == SlaClock::AppealRedo)
        return u"sla-%1-%2-%3"_s.arg(toCode(clock)).arg(instance).arg(ticketId);
    return u"sla-%1-%2"_s.arg(toCode(clock), ticketId);
}

int recordLegalBreaches(TicketStore &store, const Clock &clock, const SlaPolicy &policy,
                        const QList<QPair<QString, SlaClock>> &breaches)
{
    WriteTx tx(store.docs().db());
    int written = 0;
    const qint64 now = clock.nowMs();
    for (const auto &[ticketId, which] : breaches) {
        const auto t = store.ticket(ticketId);
        if (!t || !isLegalClock(which))
            continue;
        const LegalClockInputs in = LegalClockInputs::fromTicket(*t, store.events(ticketId));
        const auto status = legalClockStatus(policy, in, which, now);
        if (!status || status->state != SlaState::Breached || !status->deadline)
            continue;
        const int instance = which == SlaClock::AppealRedo ? in.rejections : 1;
        const QString id = legalBreachId(ticketId, which, instance);
        if (store.docs().get(DocType::TicketEvent, id))
            continue;
        QJsonObject data{{u"clock"_s, toCode(which)}, {u"deadline"_s, instantToIso(*status->deadline)}};
        if (which == SlaClock::AppealRedo)
            data.insert(u"instance"_s, instance);
        if (t->appeal)
            data.insert(u"appeal_no"_s, t->appeal->number);
        TicketEvent e;
        e.id = id;
        e.ticketId = ticketId;
        e.kind = EventKind::SlaBreach;
        e.at = now;
        e.authorId = u"system"_s;
        e.data = data;
        e.version = 1;
        store.putEvent(tx, e, t->teamId);
        tx.publish(QJsonObject{{u"kind"_s, u"sla_breach"_s},
                               {u"ticket_id"_s, ticketId},
                               {u"clock"_s, toCode(which)},
                               {u"team_id"_s, t->teamId},
                               {u"number"_s, t->number},
                               {u"change_seq"_s, tx.lastSeq()}});
        ++written;
    }
    tx.commit();
    return written;
}

} // namespace pd::server
