// "Next ticket" and the re-routing of pushed tickets not opened in time or held by agents gone offline.
#include "assignmentservice.h"
#include "routinginputs.h"

#include "server/api/apierror.h"

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
/// @brief The agent @p user as the engine sees them now (status and the tickets they hold).
routing::AgentState me(RoutingStore &store, const User &user)
{
    return RoutingInputs::agentState(user, store.status(user.id), store.heldBy({user.id}));
}
} // namespace

std::optional<AssignmentService::Pulled> AssignmentService::next(const User &user)
{
    const routing::RoutingEngine &engine = m_policy.engine();
    for (int round = 0; round < 3; ++round) {
        const qint64 now = m_clock.nowMs();
        routing::AgentState agent = me(m_store, user);
        if (agent.status == routing::AgentStatus::Break || agent.status == routing::AgentStatus::Offline)
            throw ApiError(409, u"not_available"_s,
                           tr("You are %1: set your status to online (or busy) to take tickets.")
                               .arg(routing::displayName(agent.status)),
                           u"status"_s);
        // The most urgent first, chosen without the writer lock from a snapshot of the queue.
        QList<routing::RoutableTicket> pool = waiting({user.teamId});
        QList<routing::Decision> picks;
        while (picks.size() < kPullCandidates) {
            const auto d = engine.next(agent, pool, now);
            if (!d)
                break;
            picks.append(*d);
            pool.removeIf([&d](const routing::RoutableTicket &r) { return r.id == d->ticketId; });
        }
        if (picks.isEmpty())
            return std::nullopt;
        // Under the writer lock: the load again, then the first pick still unassigned at the version seen.
        WriteTx tx(m_store.db());
        agent = me(m_store, user);
        for (routing::Decision &d : picks) {
            auto t = m_tickets.store().ticket(d.ticketId);
            if (!t || !t->assigneeId.isEmpty())
                continue;
            if (engine.whyNot(agent, routable(*t), now, routing::DecisionKind::Pull))
                continue;
            if (!m_store.claim(tx, t->id, t->version, {}, user.id))
                continue;
            d.agentLoad = agent.open;
            Pulled out;
            write(tx, *t, d, false, &out.event);
            out.ticket = *t;
            return out;
        }
        // Every pick was taken meanwhile (nothing was written; the transaction rolls back): look again.
    }
    return std::nullopt;
}

int AssignmentService::reroute()
{
    const QList<RoutingOffer> offers = m_store.openOffers();
    QStringList holders;
    QHash<QString, RoutingOffer> offerOf;
    for (const RoutingOffer &o : offers) {
        offerOf.insert(o.ticketId, o);
        if (!holders.contains(o.agentId))
            holders.append(o.agentId);
    }
    // Agents offline: only their unopened tickets (new or reopened, never answered) may move.
    const QHash<QString, AgentStatusRow> rows = m_store.statuses();
    QStringList offline;
    for (const AgentStatusRow &r : rows) {
        if (r.status == u"offline"_s)
            offline.append(r.userId);
    }
    QList<Ticket> held = holders.isEmpty() ? QList<Ticket>() : m_store.heldBy(holders);
    if (!offline.isEmpty())
        held += m_store.heldBy(offline, {toCode(TicketStatus::New), toCode(TicketStatus::Reopened)});
    if (held.isEmpty())
        return 0;
    QStringList teams;
    QList<routing::RoutableTicket> assigned;
    const QHash<QString, QString> stations = RoutingInputs::stations(m_tickets.store().docs(), held);
    const SlaPolicy sla = m_slaPolicy();
    QSet<QString> seen;
    for (const Ticket &t : std::as_const(held)) {
        if (seen.contains(t.id))
            continue;
        seen.insert(t.id);
        const auto o = offerOf.constFind(t.id);
        // Worked on without a presence message (a reply from another client): the push was accepted.
        if (o != offerOf.cend() && o->agentId == t.assigneeId && RoutingInputs::workedOn(t))
            (void)m_store.acceptOffer(t.id, t.assigneeId, m_clock.nowMs());
        assigned.append(RoutingInputs::routable(t, sla, stations.value(t.waybillNo),
                                                o == offerOf.cend() ? std::nullopt : std::optional(*o)));
        if (!teams.contains(t.teamId))
            teams.append(t.teamId);
    }
    const qint64 now = m_clock.nowMs();
    int moved = 0;
    const auto reroutes = m_policy.engine().reroutes(assigned, RoutingInputs::agents(m_store, teams), now);
    for (const routing::Reroute &r : reroutes)
        moved += move(r) ? 1 : 0;
    return moved;
}

bool AssignmentService::move(const routing::Reroute &r)
{
    const routing::RoutingEngine &engine = m_policy.engine();
    WriteTx tx(m_store.db());
    auto t = m_tickets.store().ticket(r.ticketId);
    if (!t || t->assigneeId != r.fromAgentId)
        return false;
    const qint64 now = m_clock.nowMs();
    routing::RoundRobinCursor cursor;
    cursor.lastByTeam.insert(t->teamId, m_store.cursor(t->teamId));
    auto d = engine.assign(routable(*t), RoutingInputs::agents(m_store, {t->teamId}), now, cursor);
    if (d) {
        if (!m_store.claim(tx, t->id, t->version, r.fromAgentId, d->agentId))
            return false;
        if (d->previousAgentId.isEmpty())
            d->previousAgentId = r.fromAgentId;
        if (d->strategy == routing::Strategy::RoundRobin)
            m_store.setCursor(tx, t->teamId, cursor.lastByTeam.value(t->teamId, d->agentId));
        write(tx, *t, *d, true);
        return true;
    }
    if (r.cause == routing::RerouteCause::AcceptanceTimeout) {
        // Nobody else may take it: it stays, and its acceptance time starts again (no event).
        m_store.putOffer(tx, RoutingOffer{t->id, r.fromAgentId, now, 0});
        tx.commit();
        return false;
    }
    // The assignee is offline and nobody else qualifies: back to the team's queue, where agents pull it.
    if (!m_store.claim(tx, t->id, t->version, r.fromAgentId, {}))
        return false;
    m_store.removeOffer(tx, t->id);
    const QJsonObject data{{u"kind"_s, u"reroute"_s},
                           {u"cause"_s, u"assignee_offline"_s},
                           {u"previous_agent_id"_s, r.fromAgentId},
                           {u"decided_at"_s, now}};
    m_tickets.recordRouting(tx, *t, {}, tr("assignee offline; back to the unassigned queue"), data);
    return true;
}

} // namespace pd::server
