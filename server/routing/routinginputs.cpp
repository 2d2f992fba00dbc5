#include "routinginputs.h"

#include "models/sla/deadlines.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pd::server::RoutingInputs {

routing::AgentState agentState(const User &user, const std::optional<AgentStatusRow> &row,
                               const QList<Ticket> &held)
{
    routing::AgentState a;
    a.userId = user.id;
    a.teamId = user.teamId;
    if (row) {
        a.status = routing::agentStatusFromString(row->status).value_or(routing::AgentStatus::Offline);
        a.statusSince = row->sinceMs;
        a.lastAssignedAt = row->lastAssignedMs;
    }
    for (const Ticket &t : held) {
        if (t.assigneeId != user.id)
            continue;
        ++a.open;
        ++a.openByPriority[routing::priorityIndex(t.priority)];
    }
    return a;
}

QList<routing::AgentState> agents(RoutingStore &store, const QStringList &teams)
{
    QList<User> users = store.users(teams);
    users.removeIf([](const User &u) { return u.role != Role::Agent; });
    QStringList ids;
    for (const User &u : std::as_const(users))
        ids.append(u.id);
    const QList<Ticket> held = ids.isEmpty() ? QList<Ticket>() : store.heldBy(ids);
    const QHash<QString, AgentStatusRow> rows = store.statuses();
    QList<routing::AgentState> out;
    for (const User &u : std::as_const(users)) {
        const auto row = rows.constFind(u.id);
        out.append(agentState(u, row == rows.cend() ? std::nullopt : std::optional(*row), held));
    }
    return out;
}

bool workedOn(const Ticket &t)
{
    return t.firstResponseAt.has_value() ||
           (t.status != TicketStatus::New && t.status != TicketStatus::Reopened);
}

routing::RoutableTicket routable(const Ticket &t, const SlaPolicy &sla, const QString &stationId,
                                 const std::optional<RoutingOffer> &offer)
{
    routing::RoutableTicket r;
    r.id = t.id;
    r.teamId = t.teamId;
    r.category = t.category;
    r.channel = t.channel;
    r.stationId = stationId;
    r.priority = t.priority;
    r.keyAccount = t.keyAccount;
    r.language = t.language;
    r.createdAt = t.createdAt;
    r.deadline = slaQueueTimes(sla, t).due.value_or(0);
    r.assigneeId = t.assigneeId;
    const bool pushed = offer && offer->agentId == t.assigneeId && !t.assigneeId.isEmpty();
    r.pushed = pushed;
    r.assignedAt = pushed ? offer->offeredMs : t.updatedAt;
    r.opened = workedOn(t) || (pushed && offer->acceptedMs > 0);
    return r;
}

QHash<QString, QString> stations(DocumentStore &docs, const QList<Ticket> &tickets)
{
    QStringList waybills;
    for (const Ticket &t : tickets) {
        if (!t.waybillNo.isEmpty() && !waybills.contains(t.waybillNo))
            waybills.append(t.waybillNo);
    }
    QHash<QString, QString> out;
    if (waybills.isEmpty())
        return out;
    const QHash<QString, Doc> parcels = docs.getMany(DocType::Parcel, waybills);
    for (auto it = parcels.cbegin(); it != parcels.cend(); ++it) {
        if (const auto p = Parcel::fromJson(QJsonDocument::fromJson(it->data).object()))
            out.insert(it.key(), p->stationId);
    }
    return out;
}

} // namespace pd::server::RoutingInputs
