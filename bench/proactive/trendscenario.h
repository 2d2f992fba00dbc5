#pragma once

#include "models/proactive/trendalerts.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <random>
#include <vector>

// Complaint streams for bench_trends: Poisson arrivals following a city's pattern (volume per station and
// courier, routes, the category mix, the hour of the day and the weekday), and planted spikes.

namespace pd::bench {

inline constexpr qint64 kMinuteMs = 60 * 1000;
inline constexpr qint64 kHourMs = 60 * kMinuteMs;
inline constexpr qint64 kDayMs = 24 * kHourMs;
inline constexpr qint64 kWeekMs = 7 * kDayMs;

/// @brief The shape of a city's complaints.
struct TrendScenario
{
    QString name;
    double perDay = 360; ///< complaints a day, city-wide, on an average weekday
    int stations = 12;
    int couriersPerStation = 8;  ///< listed couriers; the rest of a station's parcels name none
    int routes = 10;             ///< line hauls into the city
    bool dailyProfile = false;   ///< call-centre hours (quiet nights) instead of a flat day
    bool weekdayPattern = false; ///< the demo volume's weekday shares (Monday 1.08 … Sunday 0.90)

    /// The demo server's simulator: one complaint every 4 minutes around the clock (kComplaintEveryMs),
    /// 12 stations of 8 listed couriers (DemoVolume), parcels from 10 cities, its category mix.
    static TrendScenario demo();
    /// A city centre: 2,000 complaints a day, 20 stations of 15 listed couriers, 20 line hauls, complaints
    /// in call-centre hours and the weekday pattern.
    static TrendScenario cityCentre();
};

/// @brief A city drawn from a scenario: station and courier volumes fixed by the seed.
class ComplaintCity
{
public:
    ComplaintCity(const TrendScenario &scenario, quint32 seed);

    [[nodiscard]] const TrendScenario &scenario() const { return m_scenario; }
    /// @brief Expected complaints, city-wide, in the hour starting at @p hourStart.
    [[nodiscard]] double ratePerHour(Instant hourStart) const;
    /// @brief The series' share of the city's complaints (0 for an unknown key).
    [[nodiscard]] double share(const QString &dimension, const QString &key) const;
    /// @brief Every key of a dimension.
    [[nodiscard]] QStringList keys(const QString &dimension) const;

    /// @brief Poisson complaints over [from, to), oldest first.
    [[nodiscard]] QList<TrendComplaint> generate(Instant from, Instant to);
    /**
     * @brief Extra complaints of one series over [from, from + hours): Poisson with mean
     * max((multiplier − 1) × its normal rate, minPerHour) an hour; the other keys drawn as usual.
     */
    [[nodiscard]] QList<TrendComplaint> spike(const QString &dimension, const QString &key, Instant from,
                                              int hours, double multiplier, double minPerHour);
    [[nodiscard]] std::mt19937 &rng() { return m_rng; }

private:
    struct Source
    {
        QString stationId;
        QString courierId; ///< empty: the station's other channels
        double volume = 0;
    };

    [[nodiscard]] TrendComplaint draw(Instant at, int source);
    [[nodiscard]] int pickSource(const std::function<bool(const Source &)> &allowed);
    [[nodiscard]] QString pick(const QStringList &keys, const std::vector<double> &weights);

    TrendScenario m_scenario;
    std::mt19937 m_rng;
    std::vector<Source> m_sources;
    double m_total = 0;
    QStringList m_routes;
    QStringList m_categories;
    std::vector<double> m_categoryMix;
    mutable QHash<QString, double> m_shares; ///< by "<dimension>\n<key>"
};

} // namespace pd::bench
