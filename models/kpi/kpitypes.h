#pragma once

#include "models/domain/entities.h"
#include "models/sla/slatypes.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>

#include <array>
#include <optional>
#include <vector>

/**
 * @file
 * @brief The figures of the KPI dashboard and the weekly report (docs/domain.md, "KPIs"); formulas in
 * docs/kpi.md.
 *
 * Every KPI that can be undefined (nothing to divide by, no survey answers, no first response yet) is an
 * std::optional: "no data" is never shown as 0.
 */

namespace pd {

/// @brief Which tickets a KPI query looks at: a period [from, to) in UTC ms, a team and a category.
struct KpiFilter
{
    qint64 from = 0;                  ///< inclusive, UTC ms (a company-time-zone midnight, see KpiPeriods)
    qint64 to = 0;                    ///< exclusive, UTC ms
    QString teamId;                   ///< empty: every team
    std::optional<Category> category; ///< unset: every category
    friend bool operator==(const KpiFilter &, const KpiFilter &) = default;
};

/// @brief numerator ÷ denominator, undefined when the denominator is 0.
struct KpiRatio
{
    qint64 numerator = 0;
    qint64 denominator = 0;
    [[nodiscard]] std::optional<double> value() const
    {
        return denominator > 0 ? std::optional<double>(double(numerator) / double(denominator))
                               : std::nullopt;
    }
    friend bool operator==(const KpiRatio &, const KpiRatio &) = default;
};

/// @brief Median, mean and 90th percentile of durations in ms (undefined when count is 0).
struct DurationStats
{
    qint64 count = 0;
    std::optional<double> medianMs;
    std::optional<double> meanMs;
    std::optional<double> p90Ms;

    /// @brief Stats of @p values (reordered in place). Median: middle value, or the mean of the two middle
    /// ones; P90: nearest rank, the smallest value with at least 90% of the values at or below it.
    [[nodiscard]] static DurationStats of(std::vector<qint64> &values);
};

/// @brief NPS answers by group; score() = % promoters − % detractors, from −100 to 100.
struct NpsCounts
{
    qint64 promoters = 0;  ///< 9–10
    qint64 passives = 0;   ///< 7–8
    qint64 detractors = 0; ///< 0–6
    [[nodiscard]] qint64 answers() const { return promoters + passives + detractors; }
    [[nodiscard]] std::optional<double> score() const
    {
        const qint64 n = answers();
        return n > 0 ? std::optional<double>(100.0 * double(promoters - detractors) / double(n))
                     : std::nullopt;
    }
};

/// @brief The KPIs a tile shows (one value each; see KpiSnapshot::value()).
enum class Kpi
{
    FirstResponseCompliance,
    FirstResponseMedian,
    FirstResponseP90,
    ResolutionMedian,
    FirstContactResolution,
    ReopenRate,
    Csat,
    Nps,
    Backlog,
    ComplaintRate,
    OnTimeDelivery,
    DamageRate,
    LossRate,
    FollowUpCompletion
};
inline constexpr int kKpiCount = 14;

/// @brief How a value is shown: a share (0..1 → %), a duration in ms, a count, a score, per 10,000.
enum class KpiUnit
{
    Share,
    DurationMs,
    Count,
    Score,
    PerTenThousand
};

/// @brief Unit, direction and label of a KPI.
struct KpiInfo
{
    Q_DECLARE_TR_FUNCTIONS(pd::KpiInfo)
public:
    KpiUnit unit = KpiUnit::Share;
    bool higherIsBetter = true;
    [[nodiscard]] static KpiInfo of(Kpi kpi);
    /// @brief Translated tile label ("First-response SLA", "首次响应达标率" …).
    [[nodiscard]] static QString label(Kpi kpi);
    /// @brief Value in its unit for people: "93.5%", "12 min", "3.2 h", "41", "+35", "8.1".
    [[nodiscard]] static QString format(Kpi kpi, std::optional<double> value);
};

/// @brief Targets the tiles compare against (defaults in docs/kpi.md); unset: no target.
struct KpiTargets
{
    std::array<std::optional<double>, kKpiCount> values{};
    [[nodiscard]] std::optional<double> target(Kpi k) const { return values[std::size_t(k)]; }
    void setTarget(Kpi k, std::optional<double> v) { values[std::size_t(k)] = v; }
    /// @brief The defaults: 95% first-response SLA, median response 10 min, P90 30 min, …
    [[nodiscard]] static KpiTargets defaults();
    /// @brief True / false when the value meets / misses the target, nullopt when either is undefined.
    [[nodiscard]] std::optional<bool> meets(Kpi k, std::optional<double> value) const;
};

/// @brief All KPIs of one period and filter.
struct KpiSnapshot
{
    KpiFilter filter;
    qint64 created = 0;                ///< tickets created in the period (complaints)
    KpiRatio firstResponseCompliance;  ///< met ÷ first-response deadlines that fell in the period
    DurationStats firstResponse;       ///< first_response_at − created_at, tickets created in the period
    DurationStats resolution;          ///< resolved_at − created_at, tickets resolved in the period
    DurationStats resolutionExPending; ///< same minus time spent pending (from the status_change events)
    KpiRatio firstContactResolution;   ///< resolved at the first interaction, never reopened ÷ resolved
    KpiRatio reopenRate;               ///< reopened ÷ resolved
    qint64 backlog = 0;                ///< open at the end of the period (or now, if earlier)
    KpiRatio csat;                     ///< scores 4–5 ÷ CSAT answers
    std::optional<double> csatMean;
    NpsCounts nps;
    qint64 parcelsDelivered = 0;
    KpiRatio onTimeDelivery;     ///< delivered by promised_at (or with no promise) ÷ delivered
    qint64 damageComplaints = 0; ///< created in the period
    qint64 lossComplaints = 0;
    KpiRatio followUpCompletion; ///< resolved with follow-up done ÷ resolved

    /// @brief complaints ÷ parcels delivered × 10,000.
    [[nodiscard]] std::optional<double> complaintRate() const;
    [[nodiscard]] std::optional<double> damageRate() const;
    [[nodiscard]] std::optional<double> lossRate() const;
    /// @brief The tile value of a KPI (shares 0..1, durations ms, NPS −100..100).
    [[nodiscard]] std::optional<double> value(Kpi kpi) const;
};

struct CategoryCount
{
    Category category = Category::Other;
    qint64 count = 0;
    double share = 0; ///< of all tickets created in the period (0 when none)
};

/// @brief One company-time hour of a day: tickets created and first responses given in it.
struct HourlyPoint
{
    int hour = 0; ///< 0..23, company time
    qint64 start = 0;
    qint64 created = 0;
    qint64 firstResponses = 0;
};

/// @brief First-response compliance of one company-time day (deadlines that fell that day).
struct DailyCompliance
{
    QDate day;
    qint64 start = 0; ///< UTC ms of the day's company-time midnight
    KpiRatio compliance;
};

/// @brief Open tickets whose age at the measuring instant is in [minAgeMs, maxAgeMs).
struct AgeBucket
{
    qint64 minAgeMs = 0;
    std::optional<qint64> maxAgeMs; ///< unset: no upper bound
    qint64 count = 0;
    [[nodiscard]] QString label() const; ///< "< 1 h", "1–4 h", "> 3 d"
};

struct AgentRow
{
    QString assigneeId;
    QString displayName; ///< from users; the id when unknown
    qint64 handled = 0;  ///< tickets resolved in the period
    DurationStats firstResponse;
    KpiRatio slaCompliance; ///< first-response deadlines in the period
    KpiRatio csat;
    qint64 breaches = 0; ///< missed first-response deadlines in the period (answered late or not at all)
};

/// @brief An open ticket past one of its deadlines at "now".
struct BreachRow
{
    qint64 pk = 0;
    QString ticketId;
    QString number;
    Category category = Category::Other;
    Priority priority = Priority::P3;
    TicketStatus status = TicketStatus::New;
    QString teamId;
    QString assigneeId;
    SlaClock clock = SlaClock::FirstResponse;
    qint64 deadline = 0;
    qint64 overdueMs = 0;
};

/// @brief Everything the dashboard shows, from one pass over the cache.
struct DashboardData
{
    KpiSnapshot current;
    KpiSnapshot previous; ///< the period of the same length just before
    QList<CategoryCount> categories;
    QList<HourlyPoint> hourly; ///< today (company time), whatever the period
    QList<DailyCompliance> daily;
    QList<AgeBucket> backlogAges; ///< at now
    QList<AgentRow> agents;
    QList<BreachRow> breaches;
    qint64 now = 0;
};

} // namespace pd
