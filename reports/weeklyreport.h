#pragma once

#include "isoweek.h"
#include "models/kpi/compensationfigures.h"
#include "models/kpi/kpitypes.h"
#include "models/kpi/regulatorfigures.h"
#include "models/proactive/effectfigures.h"
#include "models/sla/policy.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <functional>
#include <limits>
#include <optional>

/**
 * @file
 * @brief The data of the weekly report (docs/reports.md): KPI figures come from models/kpi (KpiQueries); the
 * few series the KPI module has no query for (daily volume, first-response distribution, complaints per
 * station/courier, the ticket list) are read here from the same cache with bound SQL.
 */

class QSqlQuery;

namespace pd {

class Database;

/// @brief One KPI of the summary: this week, the week before, the target, and what the change means.
struct KpiLine
{
    Kpi kpi = Kpi::FirstResponseCompliance;
    std::optional<double> current;
    std::optional<double> previous;
    std::optional<double> target;
    std::optional<bool> meetsTarget;
    /// @brief +1 up, −1 down, 0 unchanged or unknown.
    [[nodiscard]] int direction() const;
    /// @brief True when the change is an improvement (by KpiInfo::higherIsBetter); nullopt when flat/unknown.
    [[nodiscard]] std::optional<bool> improved() const;
    /// @brief "▲ +1.2 pp", "▼ −3 min", "—" (no previous value); units translated.
    [[nodiscard]] QString deltaText() const;
};

/// @brief Tickets created and first-response compliance of one company-time day.
struct DailyVolume
{
    QDate day;
    qint64 created = 0;
    KpiRatio compliance;
};

/// @brief First responses (tickets created in the week) that took [minMs, maxMs).
struct ResponseBucket
{
    qint64 minMs = 0;
    std::optional<qint64> maxMs;
    qint64 count = 0;
    [[nodiscard]] QString label() const;
};

/// @brief Complaints (created in the week) whose parcel belongs to a station / courier, per parcels
/// delivered (the volume aggregates of the week's days).
struct RateRow
{
    QString id;
    QString name;
    qint64 complaints = 0;
    qint64 delivered = 0;
    /// @brief complaints ÷ delivered × 10,000; undefined with no delivery.
    [[nodiscard]] std::optional<double> per10k() const;
};

/// @brief One ticket of the week for the full lists (XLSX and CSV), streamed row by row.
struct ReportTicket
{
    QString id;
    QString number;
    qint64 createdAt = 0;
    Category category = Category::Other;
    Priority priority = Priority::P3;
    TicketStatus status = TicketStatus::New;
    QString teamId;
    QString assigneeId;
    QString waybillNo;
    QString stationId;
    QString courierId;
    /// Names from the cache's directory (teams, users, stations, couriers); empty when it does not know them.
    QString teamName;
    QString assigneeName;
    QString stationName;
    QString courierName;
    std::optional<qint64> firstResponseAt;
    std::optional<qint64> resolvedAt;
    std::optional<int> csat;
    std::optional<int> nps;
    QString description;
    /// As the cache holds them: in full or masked by the server, depending on who synced it (the report
    /// masks them unless the export has full customer data).
    QString customerName;
    QString customerPhone;
};

/// @brief A ticket's customer in full, from the server's logged export (POST /exports/customer-data).
struct CustomerValues
{
    QString name;
    QString phone;
};

/// @brief Full customer data for one report file: ticket id → name and phone. Held in memory for that export
/// only.
using CustomerData = QHash<QString, CustomerValues>;

/// @brief Why the weekly report has no proactive notice figures (docs/reports.md, "Proactive notices").
enum class EffectGap
{
    NotFetched, ///< the server was not asked: no session, offline, or the server could not be reached
    NotAllowed, ///< the server refused the signed-in user (only supervisors and managers read them)
    Failed,     ///< the server answered with an error, or with figures of another period
};

/**
 * @brief The proactive notices section: the server's effect figures of the report's week (GET
 * /proactive/effect; they are not in the cache), or why there are none.
 */
struct ReportEffect
{
    std::optional<EffectFigures> figures;
    EffectGap gap = EffectGap::NotFetched; ///< meaningful without figures
};

/// @brief Everything the weekly report shows, except the ticket list (see
/// WeeklyReportBuilder::forEachTicket).
struct WeeklyReport
{
    Q_DECLARE_TR_FUNCTIONS(pd::WeeklyReport)
public:
    IsoWeek week;
    KpiPeriod period;
    QString teamId; ///< empty: every team
    QString companyName;
    QTimeZone zone;
    qint64 generatedAt = 0;
    qint64 lastSyncAt = 0; ///< 0: unknown
    KpiSnapshot current;
    KpiSnapshot previous;
    KpiTargets targets;
    QList<KpiLine> kpis;
    QList<CategoryCount> categories;
    QList<DailyVolume> daily;
    QList<ResponseBucket> firstResponse;
    QList<RateRow> stations; ///< worst first
    QList<RateRow> couriers; ///< worst first
    QList<BreachRow> breaches;
    QList<AgentRow> agents;
    CompensationFigures compensation; ///< paid in the week, pending approval now
    RegulatorFigures appeals;         ///< regulator appeals forwarded in the week
    ReportEffect effect;              ///< proactive notices: the server's figures of [period.from, period.to)

    /// @brief "Data as of 2026-11-23 08:00 (Asia/Shanghai)" or a warning when the cache never synced.
    [[nodiscard]] QString coverageLine() const;
    /// @brief Company-time "yyyy-MM-dd HH:mm" of an instant.
    [[nodiscard]] QString localTime(qint64 utcMs) const;
    /// @brief "Acme Express — weekly report 2026-W47 — team-a".
    [[nodiscard]] QString title() const;

private:
    // localTime() caches the zone's offset per quarter hour: it runs for every ticket of the list.
    mutable qint64 m_offsetBucket = std::numeric_limits<qint64>::min();
    mutable qint64 m_offsetMs = 0;
};

/// @brief Options of a report.
struct ReportOptions
{
    QString teamId;
    QString companyName = QStringLiteral("ParcelDesk");
    KpiTargets targets = KpiTargets::defaults();
    SlaPolicy policy;
    AppealTerms appealTerms;
    int breachLimit = 200;
    /// The proactive notice figures fetched from the server for the week; figures of another period than
    /// the week's are dropped (EffectGap::Failed).
    ReportEffect effect;
};

/**
 * @brief Builds WeeklyReport from the cache. Belongs to the thread of its Database (like KpiQueries).
 */
class WeeklyReportBuilder final
{
public:
    WeeklyReportBuilder(const Database &db, const QTimeZone &companyZone);

    /// @brief The report of @p week at @p now; nullopt and lastError() on a database error.
    [[nodiscard]] std::optional<WeeklyReport> build(const IsoWeek &week, const ReportOptions &options,
                                                    qint64 now) const;
    /// @brief Tickets created in the report's week (and team), oldest first, one at a time; @p fn returns
    /// false to stop. Returns false on a database error (see lastError()).
    bool forEachTicket(const WeeklyReport &report, const std::function<bool(const ReportTicket &)> &fn) const;
    /// @brief Number of tickets forEachTicket() visits.
    [[nodiscard]] qint64 ticketCount(const WeeklyReport &report) const;
    /// @brief Buckets of the first-response distribution: < 5 min, 5–10, 10–30, 30–60 min, 1–4 h, ≥ 4 h.
    [[nodiscard]] static QList<ResponseBucket> responseBuckets();
    [[nodiscard]] const QString &lastError() const { return m_error; }
    /// @brief The cache's last sync ("sync.last_pull_at"), else its newest ticket change; 0 when unknown.
    [[nodiscard]] static qint64 lastSyncAt(const Database &db);

private:
    /// @brief Prepares @p sql, binds the week's period and team, runs it; false and lastError() on failure.
    bool execForPeriod(QSqlQuery &q, const QString &sql, const WeeklyReport &r) const;
    bool readDaily(WeeklyReport &r) const;
    bool readResponses(WeeklyReport &r) const;
    bool readRates(WeeklyReport &r, bool stations) const;
    /// The compensation and appeals sections of the week.
    bool readMoneyAndAppeals(WeeklyReport &r, const ReportOptions &options, qint64 now) const;

    const Database &m_db;
    QTimeZone m_zone;
    mutable QString m_error;
};

} // namespace pd
