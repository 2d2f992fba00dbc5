#pragma once

#include "kpifacts.h"
#include "kpitypes.h"
#include "models/sla/policy.h"

#include <QTimeZone>

namespace pd {

class Database;
class KpiFactCache;

/**
 * @brief The KPIs of docs/domain.md over the local cache, for a period, a team and a category (docs/kpi.md).
 *
 * Each query reads what it needs in one statement on the raw handle and computes medians and percentiles in
 * C++; dashboard() reads once for everything the dashboard shows. "now" is always passed in (from the
 * injected Clock): a first-response deadline in the future is not decided yet, and the backlog of a period
 * that has not ended is the backlog now. First-response deadlines come from the SLA policy (24/7 or its
 * business calendar). Not thread-safe: use it on the thread that opened the Database. On a database error
 * the queries return empty figures and lastError() says why.
 */
class KpiQueries final
{
public:
    KpiQueries(const Database &db, const QTimeZone &companyZone, const SlaPolicy &policy = {});

    [[nodiscard]] const QTimeZone &zone() const { return m_zone; }
    [[nodiscard]] const SlaPolicy &policy() const { return m_policy; }
    [[nodiscard]] const QString &lastError() const { return m_error; }

    /// @brief Every KPI of the period.
    [[nodiscard]] KpiSnapshot summary(const KpiFilter &filter, qint64 now) const;
    /// @brief Tickets created in the period by category, every category listed (one query, GROUP BY).
    [[nodiscard]] QList<CategoryCount> byCategory(const KpiFilter &filter) const;
    /// @brief Created and first responses per company-time hour of @p day (team/category of @p filter).
    [[nodiscard]] QList<HourlyPoint> hourlyIntake(QDate day, const KpiFilter &filter) const;
    /// @brief First-response compliance per company-time day of the period.
    [[nodiscard]] QList<DailyCompliance> dailyCompliance(const KpiFilter &filter, qint64 now) const;
    /// @brief Tickets open at min(filter.to, now) by age then (buckets of ageBuckets()).
    [[nodiscard]] QList<AgeBucket> backlogByAge(const KpiFilter &filter, qint64 now) const;
    /// @brief One row per assignee with tickets in the period, busiest first.
    [[nodiscard]] QList<AgentRow> agents(const KpiFilter &filter, qint64 now) const;
    /// @brief Open tickets past a deadline at @p now, most overdue first (period of @p filter ignored).
    [[nodiscard]] QList<BreachRow> breaches(const KpiFilter &filter, qint64 now, int limit = 200) const;

    /// @brief Everything the dashboard shows, from one read: the period, the one before, today's hours, the
    /// 30 days up to the period's end, backlog ages and breaches at now.
    [[nodiscard]] DashboardData dashboard(const KpiFilter &filter, qint64 now) const;
    /// @brief The same from the facts of @p cache, brought up to date first (the dashboard's live refresh:
    /// only the tickets changed since the last call are read; KpiFactCache).
    [[nodiscard]] DashboardData dashboard(const KpiFilter &filter, qint64 now, KpiFactCache &cache) const;

    /// @brief Empty backlog buckets: < 1 h, 1–4 h, 4–24 h, 1–3 d, > 3 d.
    [[nodiscard]] static QList<AgeBucket> ageBuckets();
    /// @brief Days of the SLA compliance chart.
    static constexpr int kComplianceDays = 30;

private:
    struct Terms
    {
        qint64 firstResponseMs = 0;
        qint64 resolutionMs = 0;
        std::shared_ptr<const BusinessCalendar> calendar;
    };
    [[nodiscard]] const Terms &terms(const TicketFact &f) const;
    [[nodiscard]] qint64 firstResponseDeadline(const TicketFact &f) const;
    [[nodiscard]] qint64 resolutionDeadline(const TicketFact &f) const;
    /// How long before a period a ticket may be created and still have its first-response deadline in it.
    [[nodiscard]] qint64 lookbackMs() const;
    /// Tickets of the filter's team and category created, resolved or closed since @p since and all open now;
    /// only those open now without it.
    [[nodiscard]] std::optional<KpiFacts> facts(const KpiFilter &filter, std::optional<qint64> since) const;

    /// The periods of a dashboard read and the earliest instant its facts must reach back to.
    [[nodiscard]] DashboardData dashboardFrame(const KpiFilter &filter, qint64 now, qint64 *since) const;
    void fillDashboard(DashboardData &d, const KpiFacts &facts,
                       const QHash<qint64, TicketEventFacts> &events) const;
    void fillTickets(KpiSnapshot &s, const KpiFacts &facts, const QHash<qint64, TicketEventFacts> &events,
                     qint64 now) const;
    [[nodiscard]] QList<CategoryCount> categoriesFrom(const KpiFacts &facts, qint64 from, qint64 to) const;
    [[nodiscard]] QList<HourlyPoint> hourlyFrom(const KpiFacts &facts, QDate day) const;
    [[nodiscard]] QList<DailyCompliance> dailyFrom(const KpiFacts &facts, QDate firstDay, QDate lastDay,
                                                   qint64 now) const;
    [[nodiscard]] QList<AgeBucket> agesFrom(const KpiFacts &facts, qint64 at, qint64 now) const;
    [[nodiscard]] QList<AgentRow> agentsFrom(const KpiFacts &facts, qint64 from, qint64 to, qint64 now) const;
    [[nodiscard]] QList<BreachRow> breachesFrom(const KpiFacts &facts, qint64 now, int limit) const;
    [[nodiscard]] bool openAt(const TicketFact &f, qint64 at, qint64 now) const;

    const Database &m_db;
    QTimeZone m_zone;
    SlaPolicy m_policy;
    std::vector<Terms> m_terms; ///< by priority × category
    mutable QString m_error;
};

} // namespace pd
