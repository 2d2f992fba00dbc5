#pragma once

#include "models/kpi/kpiperiod.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QTimeZone>

#include <optional>

namespace pd {

/**
 * @brief An ISO 8601 week (Monday–Sunday, week 1 holds the year's first Thursday), e.g. 2026-W53 =
 * 2026-12-28 .. 2027-01-03.
 *
 * Plain value type (Qt Core only): parsing "2026-W47", the days of a week, the week before, and the
 * company-time period [from, to) of the week through KpiPeriods (DST-safe local midnights).
 */
class IsoWeek final
{
    Q_DECLARE_TR_FUNCTIONS(pd::IsoWeek)
public:
    IsoWeek() = default;

    /// @brief The week @p week of ISO year @p year, nullopt when the year has no such week.
    [[nodiscard]] static std::optional<IsoWeek> of(int year, int week);
    /// @brief The ISO week holding @p day (its ISO year may differ from day.year() near New Year).
    [[nodiscard]] static IsoWeek containing(QDate day);
    /// @brief "2026-W47", "2026W47" or "2026-w7"; nullopt for anything else or a week the year lacks.
    [[nodiscard]] static std::optional<IsoWeek> parse(QStringView text);
    /// @brief 52 or 53: the number of ISO weeks of @p isoYear.
    [[nodiscard]] static int weeksInYear(int isoYear);
    /// @brief The week before the one holding now in @p zone (what managers export on Monday).
    [[nodiscard]] static IsoWeek lastWeek(qint64 nowMs, const QTimeZone &zone);

    [[nodiscard]] bool isValid() const { return m_week > 0; }
    [[nodiscard]] int year() const { return m_year; }
    [[nodiscard]] int week() const { return m_week; }
    [[nodiscard]] QDate monday() const;
    [[nodiscard]] QDate sunday() const { return monday().addDays(6); }
    [[nodiscard]] IsoWeek previous() const { return containing(monday().addDays(-7)); }
    [[nodiscard]] IsoWeek next() const { return containing(monday().addDays(7)); }
    /// @brief Monday 00:00 to the next Monday 00:00 in @p zone, as UTC ms.
    [[nodiscard]] KpiPeriod period(const QTimeZone &zone) const
    {
        return KpiPeriods::days(monday(), sunday(), zone);
    }
    /// @brief "2026-W47".
    [[nodiscard]] QString toString() const;
    /// @brief Translated "Week 47, 2026 (16–22 Nov)".
    [[nodiscard]] QString displayName() const;

    friend bool operator==(const IsoWeek &, const IsoWeek &) = default;

private:
    IsoWeek(int year, int week)
        : m_year(year)
        , m_week(week)
    {}
    int m_year = 0;
    int m_week = 0;
};

} // namespace pd
