#include "unassignedqueue.h"

#include <algorithm>
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
    const std::size_t bucket = std::size_t(ticket.category) * 2 + (ticket.keyAccount ? 1 : 0);
    m_teams[ticket.teamId][bucket].insert_or_assign(key, ticket);
    m_where.insert(ticket.id, {ticket.teamId, bucket, key});
}

bool UnassignedQueue::remove(const QString &ticketId)
{
    const auto it = m_where.constFind(ticketId);
    if (it == m_where.cend())
        return false;
    auto team = m_teams.find(it->team);
    (*team)[it->bucket].erase(it->key);
    if (std::all_of(team->cbegin(), team->cend(), [](const auto &b) { return b.empty(); }))
        m_teams.erase(team);
    m_where.erase(it);
    return true;
}

QList<RoutableTicket> UnassignedQueue::ofTeam(const QString &teamId) const
{
    const auto team = m_teams.constFind(teamId);
    if (team == m_teams.cend())
        return {};
    std::vector<std::pair<Key, const RoutableTicket *>> all;
    for (const auto &bucket : *team) {
        for (const auto &[key, ticket] : bucket)
            all.emplace_back(key, &ticket);
    }
    std::sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<RoutableTicket> out;
    out.reserve(qsizetype(all.size()));
    for (const auto &entry : all)
        out.append(*entry.second);
    return out;
}

} // namespace pd::routing
