#pragma once

#include "routingengine.h"

#include <QHash>
#include <QString>

#include <array>
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
 * so, then earliest deadline, then oldest, then id). Insert and remove are O(log n).
 *
 * Inside a team the tickets sit in one ordered bucket per category and key-account flag, so an agent who may
 * not take a category or key accounts never reads those tickets: the answer is the most urgent of the first
 * acceptable ticket of each bucket the agent may take.
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

    /**
     * @brief The first ticket of @p teamId's queue that @p accept takes, reading only the buckets
     * @p bucketAllowed(category, keyAccount) allows; null when none.
     */
    template<typename B, typename F>
    [[nodiscard]] const RoutableTicket *firstOf(const QString &teamId, B &&bucketAllowed, F &&accept) const
    {
        const auto team = m_teams.constFind(teamId);
        if (team == m_teams.cend())
            return nullptr;
        const Key *bestKey = nullptr;
        const RoutableTicket *best = nullptr;
        for (std::size_t b = 0; b < kBuckets; ++b) {
            if (!bucketAllowed(static_cast<Category>(b / 2), b % 2 == 1))
                continue;
            for (const auto &[key, ticket] : (*team)[b]) {
                if (bestKey && !(key < *bestKey))
                    break; // this bucket has nothing more urgent than the best so far
                if (accept(ticket)) {
                    bestKey = &key;
                    best = &ticket;
                    break;
                }
            }
        }
        return best;
    }

    /// @brief Every queued ticket of a team, in queue order.
    [[nodiscard]] QList<RoutableTicket> ofTeam(const QString &teamId) const;

private:
    static constexpr std::size_t kBuckets = 12; // 6 categories × key account or not
    // (key account first ? 0 : 1, deadline or max, created, id)
    using Key = std::tuple<int, Instant, Instant, QString>;
    using Buckets = std::array<std::map<Key, RoutableTicket>, kBuckets>;
    struct Place
    {
        QString team;
        std::size_t bucket = 0;
        Key key;
    };
    [[nodiscard]] Key keyOf(const RoutableTicket &t) const;

    RoutingPolicy m_policy;
    QHash<QString, Buckets> m_teams;
    QHash<QString, Place> m_where; // ticket id → where it sits
};

} // namespace pd::routing
