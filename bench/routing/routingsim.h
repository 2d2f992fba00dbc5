#pragma once

#include "models/routing/routingengine.h"

#include <QList>
#include <QString>

#include <random>

/**
 * @file
 * @brief The routing simulator's core (docs/routing.md, "Simulator"): a minute-by-minute replay of complaint
 * arrivals over agents with skills, shifts, breaks and lognormal handle times, for one strategy at a time.
 *
 * Deterministic for a seed: arrivals and handle times are drawn once per (load, seed) and shared by every
 * strategy, so the strategies are compared on the same work.
 */

namespace pd::bench::routing {

/// @brief The strategies compared: the engine's three and the habit of picking the oldest ticket by hand.
enum class SimStrategy
{
    EarliestDeadline, ///< engine push: earliest deadline first to the least loaded
    RoundRobin,       ///< engine push: round-robin
    NextTicket,       ///< engine pull: idle agents press "Next ticket"
    OldestFirst       ///< no engine decision: idle agents take the oldest unassigned ticket they may handle
};

[[nodiscard]] QString simStrategyName(SimStrategy s);

/// @brief One complaint of the stream.
struct Arrival
{
    Instant at = 0;
    Category category = Category::Delay;
    Channel channel = Channel::Phone;
    QString teamId;
    QString language;
    bool keyAccount = false;
    double handleMinutes = 12; ///< work it takes, drawn from the handle-time distribution
};

struct SimConfig
{
    int agents = 30; ///< in three 8-hour shifts (00–08, 08–16, 16–24 Asia/Shanghai); 15 or more
    int days = 3;    ///< simulated days
    double handleMedianMinutes = 12; ///< scaled per category: delay 0.8, damage 1.3, loss 1.5, wrong
                                     ///< item 1.0, service 0.7, other 0.8
    double handleSigma = 0.5;        ///< lognormal shape: mean = median · exp(σ²/2)
    int maxOpen = 3;                 ///< the policy's max_open for the push strategies
    int firstResponseMinutes = 30;
    quint64 seed = 20261207;
};

struct SimResult
{
    int tickets = 0;             ///< measured: created after the first 2 h and before the last 2 h
    double compliance = 0;       ///< share first answered within firstResponseMinutes
    double keyCompliance = 0;    ///< the same for key-account tickets only
    double p90FirstResponse = 0; ///< minutes; unanswered tickets count with their wait so far
    double occupancy = 0;        ///< busy minutes / available minutes (on shift, not on break)
    double meanSpread = 0;       ///< max − min open tickets among available agents, averaged per minute
    int maxSpread = 0;
    int reroutes = 0; ///< tickets moved by acceptance timeout or offline grace
};

/// @brief Start of the simulated period: Monday 2026-12-07 00:00 in Asia/Shanghai.
[[nodiscard]] Instant simStart();

/// @brief Complaints handled per hour by @p config's agents (on shift, minus breaks, at the mean handle
/// time).
[[nodiscard]] double capacityPerHour(const SimConfig &config);

/// @brief The demo's arrival pattern (server/simulator: a complaint every gap × uniform(0.5, 1.5), its
/// category, channel and team mix) at @p perHour, plus language, key accounts and handle times.
[[nodiscard]] QList<Arrival> demoArrivals(const SimConfig &config, double perHour);

/// @brief Reads "created_at,category,channel,team_id[,language,key_account]" (ISO instants); handle times
/// are drawn for it. Returns an empty list and sets @p error on a bad line.
[[nodiscard]] QList<Arrival> readArrivalsCsv(const QString &path, const SimConfig &config, QString *error);

/// @brief The same stream squeezed or stretched in time so its mean rate is @p perHour, starting at
/// simStart() and cut at the end of the simulated period.
[[nodiscard]] QList<Arrival> rescaled(QList<Arrival> arrivals, const SimConfig &config, double perHour);

/// @brief The agents' routing policy: shifts as calendars, skills as in docs/routing.md.
[[nodiscard]] pd::routing::RoutingPolicy simPolicy(const SimConfig &config, pd::routing::Strategy strategy);

/// @brief Runs one strategy over the stream.
[[nodiscard]] SimResult simulate(const SimConfig &config, SimStrategy strategy,
                                 const QList<Arrival> &arrivals);

} // namespace pd::bench::routing
