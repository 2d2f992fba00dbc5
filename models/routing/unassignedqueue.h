#pragma once

#include "routingengine.h"

#include <QHash>
#include <QString>

#include <map>
#include <tuple>

/**
 * @file
 * @brief The unassigned tickets kept in urgency order per team, so "Next ticket" reads from the front instead
 * of scanning them all (docs/routing.md, "Latency").
 */

namespace pd::routing {

/**
 * @brief Unassigned tickets by team, each team's in its queue order (key accounts first when the team says
 * so, then earliest deadline, then oldest, then id). Insert and remove are O(log n); RoutingEngine::next() on
 * it stops at the first ticket the agent qualifies for.
 */
class UnassignedQueue final
{
public:
    /// @brief The policy gives each team's keyAccountsFirst; it is read on insert.
    explicit UnassignedQueue(RoutingPolicy policy = RoutingPolicy::defaults());

    /// @brief Adds a ticket or replaces the one with its id (a changed deadline moves it).
    void insert(const RoutableTicket &ticket);
    /// @brief Removes a ticket; false when it was not queued.
    bool remove(const QString &ticketId);
    [[nodiscard]] bool contains(const QString &ticketId) const { return m_where.contains(ticketId); }
    [[nodiscard]] qsizetype size() const { return m_where.size(); }

    /// @brief The first ticket of @p teamId's queue for which @p accept returns true, or null.
    template<typename F>
    [[nodiscard]] const RoutableTicket *firstOf(const QString &teamId, F &&accept) const
    {
        const auto team = m_teams.constFind(teamId);
        if (team == m_teams.cend())
            return nullptr;
        for (const auto &[key, ticket] : *team) {
            if (accept(ticket))
                return &ticket;
        }
        return nullptr;
    }

    /// @brief Every queued ticket of a team, in queue order.
    [[nodiscard]] QList<RoutableTicket> ofTeam(const QString &teamId) const;

private:
    // (key account first ? 0 : 1, deadline or max, created, id)
    using Key = std::tuple<int, Instant, Instant, QString>;
    [[nodiscard]] Key keyOf(const RoutableTicket &t) const;

    RoutingPolicy m_policy;
    QHash<QString, std::map<Key, RoutableTicket>> m_teams;
    QHash<QString, std::pair<QString, Key>> m_where; // ticket id → team and key
};

} // namespace pd::routing
