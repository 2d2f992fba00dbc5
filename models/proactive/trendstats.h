#pragma once

#include "models/domain/entities.h"

#include <QHash>
#include <QTimeZone>

#include <optional>
#include <vector>

/**
 * @file
 * @brief The building blocks of trend alerts (docs/proactive.md, "Trend alerts"): the Poisson tail, hours of
 * the week in the company's time zone, and a ring of hourly counts.
 *
 * Hours are numbered from the Unix epoch in UTC (hour = instant ÷ 3,600,000, rounded down), so counting never
 * depends on a time zone; only the hour of the week an hour falls in does.
 */

namespace pd {

inline constexpr qint64 kTrendHourMs = 3600 * 1000;
inline constexpr int kHoursPerWeek = 168;

/// @brief The UTC hour holding @p at (rounded down, also before 1970).
[[nodiscard]] constexpr qint64 trendHourOf(Instant at)
{
    return at / kTrendHourMs - (at % kTrendHourMs < 0 ? 1 : 0);
}

/// @brief P(X ≥ @p observed) for X Poisson-distributed with mean @p expected: 1 for observed ≤ 0; for
/// expected ≤ 0, 0 when observed > 0.
[[nodiscard]] double poissonUpperTail(int observed, double expected);

/**
 * @brief Hours of the week in one time zone: Monday 00:00–00:59 local time is hour 0, Sunday 23:00–23:59 is
 * 167. A UTC hour is labelled by the local time of its first instant (with an offset of half an hour,
 * 10:00 UTC at +05:30 is 15:30, hour 15 of its day). Results are cached: the zone's rules are read once per
 * hour asked.
 */
class WeekClock final
{
public:
    explicit WeekClock(const QTimeZone &zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai")));

    [[nodiscard]] const QTimeZone &zone() const { return m_zone; }
    [[nodiscard]] int hourOfWeek(qint64 hour) const;

    /**
     * @brief The UTC hour that held the same local hour of the week @p weeks weeks before @p hour: 168 ×
     * weeks hours earlier, moved by the hour the clocks changed in between, if they did. nullopt when that
     * local hour did not exist (the hour skipped when clocks go forward).
     */
    [[nodiscard]] std::optional<qint64> sameHourWeeksBefore(qint64 hour, int weeks) const;
    /// @brief The same for the same local hour of the day, @p days days before.
    [[nodiscard]] std::optional<qint64> sameHourDaysBefore(qint64 hour, int days) const;

private:
    [[nodiscard]] std::optional<qint64> sameHourBefore(qint64 hour, int periods, int periodHours) const;

    QTimeZone m_zone;
    mutable QHash<qint64, quint8> m_cache;
};

/**
 * @brief Complaints per UTC hour of one series over the latest capacity() hours. The owner keeps the newest
 * hour (the "head") for all rings together and clears the slots of hours that enter it; an hour older than
 * head − capacity() + 1 is no longer held.
 */
class HourRing final
{
public:
    explicit HourRing(int capacity = 0)
        : m_counts(std::size_t(capacity), 0)
    {}

    [[nodiscard]] int capacity() const { return int(m_counts.size()); }
    [[nodiscard]] int at(qint64 hour) const { return m_counts[slot(hour)]; }
    void add(qint64 hour, int n = 1);
    void clear(qint64 hour) { m_counts[slot(hour)] = 0; }
    void clearAll() { std::fill(m_counts.begin(), m_counts.end(), quint16(0)); }
    /// @brief The sum over [from, to): every hour must be held.
    [[nodiscard]] qint64 sum(qint64 from, qint64 to) const;

private:
    [[nodiscard]] std::size_t slot(qint64 hour) const
    {
        const qint64 c = qint64(m_counts.size());
        return std::size_t(((hour % c) + c) % c);
    }

    std::vector<quint16> m_counts; ///< saturates at 65,535 complaints in one hour of one series
};

} // namespace pd
