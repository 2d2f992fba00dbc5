#pragma once

#include "models/domain/enums.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QTime>
#include <QTimeZone>

#include <array>
#include <optional>

/**
 * @file
 * @brief The proactive-service policy (docs/proactive.md): when a parcel counts as an exception, when many
 * of them make one incident, when a customer may be told, and when complaints rise above their normal level
 * (trend alerts).
 *
 * Like the SLA, routing and compensation policies it is JSON that managers edit, validated field by field
 * with translated messages that name the field, and versioned. Fields a document leaves out keep their
 * defaults(); fields it does not know are refused.
 *
 * @code{.json}
 * {"version": 1,
 *  "time_zone": "Asia/Shanghai",
 *  "stall_hours": {"created": 24, "picked_up": 12, "in_transit": 24, "at_station": 12,
 *                  "out_for_delivery": 6, "exception": 24},
 *  "promise_margin_minutes": 60,
 *  "scan_reasons": {"damage": ["damaged"], "loss": ["lost"],
 *                   "failed_delivery": ["address", "refused", "absent"], "exception": []},
 *  "failed_attempts_for_case": 1,
 *  "incidents": {"min_parcels": 5, "window_minutes": 120, "group_by": ["station", "route"]},
 *  "quiet_hours": {"enabled": true, "start": "22:00", "end": "08:00", "urgent_may_break": true},
 *  "notices": {"max_per_parcel_and_cause": 1, "per_minute": 60},
 *  "trends": {"window_hours": 3, "baseline_weeks": 4, "p_value": 0.000001, "min_complaints": 5,
 *             "alert_ratio": 3, "dimensions": ["station", "courier", "route", "category"]}}
 * @endcode
 */

namespace pd {

class ProactivePolicy final
{
    Q_DECLARE_TR_FUNCTIONS(pd::ProactivePolicy)
public:
    /// @brief "scan_reasons": which reason codes of an exception scan (TrackingEvent::reason) mean what.
    /// A code may appear in one list only.
    struct ScanReasons
    {
        QStringList damage{QStringLiteral("damaged")}; ///< → damage_scan
        QStringList loss{QStringLiteral("lost")};      ///< → loss_scan
        /// A failed delivery attempt (wrong address, refused, nobody home) → counts toward failed_delivery.
        QStringList failedDelivery{QStringLiteral("address"), QStringLiteral("refused"),
                                   QStringLiteral("absent")};
        /// Other reasons that make an exception_scan; empty = every reason not listed above (and a scan
        /// without a reason).
        QStringList exception;
        friend bool operator==(const ScanReasons &, const ScanReasons &) = default;
    };

    /// @brief "incidents": when exceptions sharing a cause become one incident.
    struct IncidentRules
    {
        int minParcels = 5;      ///< "min_parcels": distinct parcels sharing a cause (2…100000)
        int windowMinutes = 120; ///< "window_minutes": length of the windows causes are counted in (5…1440)
        /// "group_by": cause dimensions in order of preference, each "station" or "route" (at least one).
        QStringList groupBy{QStringLiteral("station"), QStringLiteral("route")};
        friend bool operator==(const IncidentRules &, const IncidentRules &) = default;
    };

    /// @brief "quiet_hours": company-time hours in which no notice goes out (start inclusive, end
    /// exclusive; start after end spans midnight).
    struct QuietHours
    {
        bool enabled = true;        ///< "enabled"
        QTime start{22, 0};         ///< "start": "HH:mm"
        QTime end{8, 0};            ///< "end": "HH:mm", different from start
        bool urgentMayBreak = true; ///< "urgent_may_break": urgent notices go out in quiet hours
        friend bool operator==(const QuietHours &, const QuietHours &) = default;
    };

    /// @brief "trends": when complaints of one station, courier, route or category rise above what is normal
    /// for the hour of the week (TrendDetector, docs/proactive.md "Trend alerts").
    struct TrendRules
    {
        int windowHours = 3;   ///< "window_hours": the complete hours counted before the current one (1…24)
        int baselineWeeks = 4; ///< "baseline_weeks": weeks of history the normal level is learnt from (1…26)
        /// "p_value": a window fires when complaints at least as many as observed would happen by chance
        /// with less than this probability (1e-12…0.1).
        double pValue = 1e-6;
        int minComplaints = 5; ///< "min_complaints": fewer complaints in the window never fire (1…100000)
        /// "alert_ratio": observed ÷ expected at which a warning becomes an alert (1…100).
        double alertRatio = 3;
        /// "dimensions": the series watched, each "station", "courier", "route" or "category" (at least one).
        QStringList dimensions{QStringLiteral("station"), QStringLiteral("courier"), QStringLiteral("route"),
                               QStringLiteral("category")};
        friend bool operator==(const TrendRules &, const TrendRules &) = default;
    };

    ProactivePolicy() = default;

    /// @brief The defaults of the example above.
    [[nodiscard]] static ProactivePolicy defaults();

    /// @brief Reads and validates a policy. On failure returns nullopt and sets @p error to every problem,
    /// one translated "field: message" line each (fields like "stall_hours.in_transit").
    [[nodiscard]] static std::optional<ProactivePolicy> fromJson(const QJsonObject &o,
                                                                 QString *error = nullptr);
    [[nodiscard]] QJsonObject toJson() const;

    /// @brief "version": required, 1 or more; the server stores each version a manager saves.
    [[nodiscard]] int version() const { return m_version; }
    void setVersion(int version) { m_version = version; }

    /// @brief "time_zone": the company's IANA zone, for quiet hours and the hours of the week of trend alerts
    /// (default Asia/Shanghai).
    [[nodiscard]] const QTimeZone &timeZone() const { return m_timeZone; }
    /// @brief Ignored when @p ianaId names no zone.
    void setTimeZone(const QByteArray &ianaId);

    /// @brief "stall_hours": a parcel whose last scan has this status and is older than this many hours
    /// (1…720) is stalled; nullopt = the status is not watched. delivered and returned never stall.
    [[nodiscard]] std::optional<int> stallHours(ParcelStatus status) const;
    void setStallHours(ParcelStatus status, std::optional<int> hours);

    /// @brief "promise_margin_minutes": a parcel "will miss its promise" when its ETA is later than the
    /// promised instant by more than this (0…2880).
    [[nodiscard]] int promiseMarginMinutes() const { return m_promiseMarginMinutes; }
    void setPromiseMarginMinutes(int minutes) { m_promiseMarginMinutes = minutes; }

    [[nodiscard]] const ScanReasons &scanReasons() const { return m_scanReasons; }
    void setScanReasons(const ScanReasons &reasons) { m_scanReasons = reasons; }

    /// @brief "failed_attempts_for_case": failed delivery attempts that make a failed_delivery case (1…10).
    [[nodiscard]] int failedAttemptsForCase() const { return m_failedAttemptsForCase; }
    void setFailedAttemptsForCase(int attempts) { m_failedAttemptsForCase = attempts; }

    [[nodiscard]] const IncidentRules &incidents() const { return m_incidents; }
    void setIncidents(const IncidentRules &rules) { m_incidents = rules; }

    [[nodiscard]] const QuietHours &quietHours() const { return m_quietHours; }
    void setQuietHours(const QuietHours &quiet) { m_quietHours = quiet; }

    /// @brief "notices.max_per_parcel_and_cause": notices one parcel may get for one cause (1…10).
    [[nodiscard]] int maxNoticesPerParcelAndCause() const { return m_maxNoticesPerParcelAndCause; }
    void setMaxNoticesPerParcelAndCause(int n) { m_maxNoticesPerParcelAndCause = n; }

    /// @brief "notices.per_minute": notices sent in one minute, all recipients together (0 = no limit,
    /// up to 100000).
    [[nodiscard]] int noticesPerMinute() const { return m_noticesPerMinute; }
    void setNoticesPerMinute(int n) { m_noticesPerMinute = n; }

    [[nodiscard]] const TrendRules &trends() const { return m_trends; }
    void setTrends(const TrendRules &rules) { m_trends = rules; }

    friend bool operator==(const ProactivePolicy &, const ProactivePolicy &) = default;

private:
    int m_version = 1;
    QTimeZone m_timeZone{QByteArrayLiteral("Asia/Shanghai")};
    /// Hours per ParcelStatus; 0 = not watched.
    std::array<int, 8> m_stallHours{24, 12, 24, 12, 6, 0, 24, 0};
    int m_promiseMarginMinutes = 60;
    ScanReasons m_scanReasons;
    int m_failedAttemptsForCase = 1;
    IncidentRules m_incidents;
    QuietHours m_quietHours;
    int m_maxNoticesPerParcelAndCause = 1;
    int m_noticesPerMinute = 60;
    TrendRules m_trends;
};

} // namespace pd
