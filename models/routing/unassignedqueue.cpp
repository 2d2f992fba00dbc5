#include "unassignedqueue.h"

#include <limits>

namespace pd::routing {

UnassignedQueue::UnassignedQueue(RoutingPolicy policy)
    : m_policy(std::move(policy))
{}

UnassignedQueue::Key UnassignedQueue::keyOf(const RoutableTicket &t) const
{
    const bool first = t.keyAccount && m_policy.forTeam(t.teamId).keyAccountsFirst;
    const Instant deadline = t.deadline > 0 ? t.deadline : std::numeric_limits<Instant>::max();
    return {first ? 0 : 1, deadline, t.createdAt, t.id};
}

void UnassignedQueue::insert(const RoutableTicket &ticket)
{
    remove(ticket.id);
    const Key key = keyOf(ticket);
    m_teams[ticket.teamId].insert_or_assign(key, ticket);
    m_where.insert(ticket.id, {ticket.teamId, key});
}

bool UnassignedQueue::remove(const QString &ticketId)
{
    const auto it = m_where.constFind(ticketId);
    if (it == m_where.cend())
        return false;
    auto team = m_teams.find(it->first);
    team->erase(it->second);
    if (team->empty())
        m_teams.erase(team);
    m_where.erase(it);
    return true;
}

QList<RoutableTicket> UnassignedQueue::ofTeam(const QString &teamId) const
{
    QList<RoutableTicket> out;
    const auto team = m_teams.constFind(teamId);
    if (team == m_teams.cend())
        return out;
    for (const auto &[key, ticket] : *team)
        out.append(ticket);
    return out;
}

} // namespace pd::routing
