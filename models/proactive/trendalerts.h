#pragma once

#include "models/domain/entities.h"
#include "models/proactive/proactivepolicy.h"
#include "models/proactive/trendstats.h"

#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

/**
 * @file
 * @brief Trend alerts (docs/proactive.md, "Trend alerts"): complaints of a station, courier, route or
 * category that rise above what is normal for the hour of the week.
 *
 * The detector counts complaints per series (a dimension and its key, e.g. station "st-03") and UTC hour,
 * learns the normal level of each hour of the week from the policy's baseline_weeks of history (the series'
 * level, its daily shape and its own weeks, each leaning on the city's pattern where it has few complaints),
 * and at evaluate(now) tests the last window_hours complete hours plus the current one against it with a
 * Poisson tail. A series fires once per rise: the alert opens, may escalate from warning to alert, and closes
 * when the series is back to normal; evaluate() reports each of these changes once. No clock of its own:
 * every instant comes from the caller.
 */

namespace pd {

/// @brief One complaint as the trend detector sees it. An empty key is in no series of that dimension.
struct TrendComplaint
{
    Instant createdAt = 0;
    QString stationId;
    QString courierId;
    QString route; ///< the caller's route key, e.g. the line haul "上海转运中心→杭州转运中心"
    QString category; ///< the ticket's category code ("delay", "damage", …)
};

/// @brief Observed and expected complaints of one series over one window.
struct TrendWindow
{
    Instant windowStart = 0;
    Instant windowEnd = 0; ///< exclusive: the evaluation's "now"
    int observed = 0;
    double expected = 0; ///< the baseline summed over the window (the current hour pro rata)
    double pValue = 1;   ///< poissonUpperTail(observed, expected)
    double ratio = 0;    ///< observed ÷ expected
    friend bool operator==(const TrendWindow &, const TrendWindow &) = default;
};

/// @brief One series' window, as TrendDetector::windows() lists them.
struct TrendSeriesWindow
{
    QString dimension;
    QString key;
    TrendWindow window;
    friend bool operator==(const TrendSeriesWindow &, const TrendSeriesWindow &) = default;
};

/// @brief A rise of one series above its normal level. Its figures cover [windowStart, windowEnd): from the
/// start of the window that opened it to the last evaluation that still found the rise.
struct TrendAlert
{
    QString id;        ///< TrendDetector::alertId(dimension, key, windowStart): the same on every instance
    QString dimension; ///< "station", "courier", "route" or "category"
    QString key;       ///< the station id, courier id, route or category code
    Instant windowStart = 0;
    Instant windowEnd = 0;
    int observed = 0;
    double expected = 0;
    double pValue = 1;
    double ratio = 0;
    QString level;        ///< "warning", or "alert" once the ratio reached the policy's alert_ratio
    Instant openedAt = 0; ///< the evaluation that opened it
    OptInstant closedAt;  ///< the evaluation that found the series back to normal
    friend bool operator==(const TrendAlert &, const TrendAlert &) = default;
};

/// @brief How the normal level is estimated (docs/proactive.md, "The baseline"); technical settings, not part
/// of the managers' policy.
struct TrendParameters
{
    /// A series' hourly mean leans towards the typical series of its dimension as if that had given this many
    /// complaints: a new series starts typical, one with a long history is itself.
    double levelPriorComplaints = 5;
    /// A series' mean at an hour of the day leans towards its hourly mean × the city's share of that hour, as
    /// if that had given this many complaints: a busy series keeps its own daily shape, a quiet one takes
    /// the city's.
    double shapePriorComplaints = 5;
    /// Weight, in weeks, of the hour-of-the-day estimate (× the city's weekday factor of that hour) against
    /// the same hour of the week in the series' own history, which has only baseline_weeks samples.
    double weekPriorWeeks = 4;
    /// The normal level of an hour is never below this many complaints.
    double floorPerHour = 0.05;
    /// An open alert closes when its window's p-value reaches closeFactor × p_value (hysteresis), or the
    /// window holds fewer than min_complaints.
    double closeFactor = 10;
    /// An alert open this long closes; if the rise goes on, a new one opens with the current window.
    int maxAlertHours = 168;
};

class TrendDetector final
{
public:
    explicit TrendDetector(const ProactivePolicy &policy = ProactivePolicy::defaults(),
                           const TrendParameters &parameters = {});

    /// @brief Takes a new policy; counts are kept (a longer baseline_weeks keeps what is held).
    void setPolicy(const ProactivePolicy &policy);
    [[nodiscard]] const ProactivePolicy &policy() const { return m_policy; }

    /**
     * @brief Counts one complaint in the hour of its createdAt, in each dimension it has a key for. A
     * complaint older than the history held (baseline_weeks + 1 weeks before the newest hour) or more than a
     * day after the last evaluation is ignored; ignoredCount() counts them.
     */
    void add(const TrendComplaint &complaint);
    /// @brief add() of each, oldest first.
    void add(const QList<TrendComplaint> &complaints);

    /**
     * @brief Tests every series of the policy's dimensions at @p now and returns what changed, each change
     * once, ordered by dimension then key: alerts that opened, escalated to "alert", or closed (closedAt
     * set).
     */
    QList<TrendAlert> evaluate(Instant now);

    /// @brief The alerts open after the last evaluation, ordered by dimension then key.
    [[nodiscard]] QList<TrendAlert> openAlerts() const;

    /// @brief One series' current window at @p now (no state changes); nullopt for an unknown series. It
    /// costs about one evaluation: for every series at once, use windows().
    [[nodiscard]] std::optional<TrendWindow> window(const QString &dimension, const QString &key,
                                                    Instant now) const;
    /// @brief Every series' current window at @p now, in the order of evaluate() (no state changes).
    [[nodiscard]] QList<TrendSeriesWindow> windows(Instant now) const;

    /// @brief The normal level of one series in the hour holding @p at (complaints per hour), as the window
    /// ending at @p at sees it; nullopt for an unknown series.
    [[nodiscard]] std::optional<double> expectedPerHour(const QString &dimension, const QString &key,
                                                        Instant at) const;

    [[nodiscard]] qsizetype seriesCount() const { return qsizetype(m_series.size()); }
    [[nodiscard]] qint64 ignoredCount() const { return m_ignored; }

    /// @brief "trend-" and 16 hex digits of SHA-256 over the dimension, key and window start.
    [[nodiscard]] static QString alertId(const QString &dimension, const QString &key, Instant windowStart);
    /// @brief "station", "courier", "route", "category".
    [[nodiscard]] static const QStringList &dimensions();

private:
    static constexpr int kDimensions = 4;
    static constexpr qint64 kNoHour = std::numeric_limits<qint64>::min();

    struct Series
    {
        int dimension = 0;
        QString key;
        qint64 firstHour = 0; ///< the hour of its first complaint: its history starts there
        HourRing counts;
        std::optional<TrendAlert> open;
        Instant lastClosedWindow = std::numeric_limits<qint64>::min();
    };

    /// The earlier hours an hour is compared with, and the city's pattern there (trendbaseline.cpp).
    struct HourShape
    {
        std::vector<qint64> weeks; ///< the same hour of the week, in each of the baseline weeks held
        std::vector<qint64> days;  ///< the same hour of the day, in each of the baseline days held
        double dayShare = 1;       ///< the city's mean at this hour of the day ÷ its mean of all hours
        double weekFactor =
            1; ///< the city's mean at this hour of the week ÷ its mean at this hour of the day
    };

    /// What every series shares at one evaluation (trendbaseline.cpp).
    struct Context
    {
        Instant now = 0;
        qint64 currentHour = 0;
        double fraction = 0;     ///< of the current hour elapsed at now
        qint64 windowFirst = 0;  ///< the window's first hour
        qint64 baselineFrom = 0; ///< the baseline period [baselineFrom, windowFirst)
        double cityMean = 0;     ///< all complaints per hour over the baseline period
        QHash<qint64, HourShape> shapes;
        std::vector<double> level; ///< per series: its complaints per hour, leaning to the typical series
        QHash<qint64, double> exposure; ///< per first hour of a history: its exposure
    };

    [[nodiscard]] int capacity() const;
    void advanceTo(qint64 hour);
    void count(int dimension, const QString &key, qint64 hour);
    [[nodiscard]] bool held(qint64 hour) const;
    [[nodiscard]] qint64 heldFrom() const { return m_head - capacity() + 1; }
    [[nodiscard]] int countOf(const HourRing &ring, qint64 hour) const
    {
        return held(hour) ? ring.at(hour) : 0;
    }
    /// The sum over [from, to) of the hours held; hours after the newest count nothing.
    [[nodiscard]] qint64 sumOf(const HourRing &ring, qint64 from, qint64 to) const;
    [[nodiscard]] std::size_t indexOf(const Series &s) const { return std::size_t(&s - m_series.data()); }
    [[nodiscard]] const Series *find(const QString &dimension, const QString &key) const;

    // trendbaseline.cpp: the normal level.
    [[nodiscard]] Context context(Instant now) const;
    [[nodiscard]] const HourShape &shapeOf(Context &c, qint64 hour) const;
    /// The series' complaints and exposure over the baseline period (from its first complaint on): hours
    /// weighted by the city's complaints in them over its mean.
    [[nodiscard]] std::pair<qint64, double> history(const Series &s, Context &c) const;
    [[nodiscard]] double expectedAt(const Series &s, Context &c, qint64 hour) const;
    [[nodiscard]] TrendWindow measure(const Series &s, Context &c, qint64 fromHour) const;

    // trendalerts.cpp: the alerts' life.
    void step(Series &s, Context &c, QList<TrendAlert> *changes);
    [[nodiscard]] bool fires(const TrendWindow &w) const;
    [[nodiscard]] bool holds(const TrendWindow &w) const;
    void close(Series &s, Instant now, QList<TrendAlert> *changes);

    ProactivePolicy m_policy;
    TrendParameters m_params;
    WeekClock m_clock;
    std::vector<Series> m_series;
    QHash<QString, int> m_index;  ///< "<dimension>\n<key>" → m_series
    HourRing m_all;               ///< every complaint once, for the hour-of-week profile
    qint64 m_head = kNoHour;      ///< the newest hour held
    qint64 m_firstHour = kNoHour; ///< the first complaint's hour
    OptInstant m_lastNow;
    qint64 m_ignored = 0;
};

} // namespace pd
