#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QTimeZone>

/**
 * @file
 * @brief Reporting periods in the company time zone: whole local days as [from, to) in UTC ms.
 */

namespace pd {

/// @brief The periods the dashboard offers.
enum class PeriodKind
{
    Today,
    Yesterday,
    ThisWeek,   ///< ISO week (Monday–Sunday) holding today
    LastWeek,   ///< the ISO week before
    Last30Days, ///< today and the 29 days before
    Custom      ///< firstDay..lastDay, both included
};

/// @brief Whole company-time days firstDay..lastDay as the UTC instants [from, to).
struct KpiPeriod
{
    QDate firstDay;
    QDate lastDay; ///< included
    qint64 from = 0;
    qint64 to = 0;
    [[nodiscard]] int days() const { return int(firstDay.daysTo(lastDay)) + 1; }
    [[nodiscard]] bool isValid() const { return firstDay.isValid() && lastDay.isValid() && from < to; }
    friend bool operator==(const KpiPeriod &, const KpiPeriod &) = default;
};

/**
 * @brief Builds periods from company-time dates (DST-safe: every day boundary is a local midnight).
 */
class KpiPeriods final
{
    Q_DECLARE_TR_FUNCTIONS(pd::KpiPeriods)
public:
    /// @brief UTC ms of the first instant of @p day in @p zone (local midnight, or the first valid time).
    [[nodiscard]] static qint64 startOfDay(QDate day, const QTimeZone &zone);
    /// @brief The company-time date of an instant.
    [[nodiscard]] static QDate localDate(qint64 utcMs, const QTimeZone &zone);
    /// @brief The period firstDay..lastDay (swapped when given backwards).
    [[nodiscard]] static KpiPeriod days(QDate firstDay, QDate lastDay, const QTimeZone &zone);
    /// @brief A named period around @p nowMs; Custom uses customFirst..customLast.
    [[nodiscard]] static KpiPeriod period(PeriodKind kind, qint64 nowMs, const QTimeZone &zone,
                                          QDate customFirst = {}, QDate customLast = {});
    /// @brief The period of the same number of days just before @p p (this week → last week, today →
    /// yesterday).
    [[nodiscard]] static KpiPeriod previous(const KpiPeriod &p, const QTimeZone &zone);
    /// @brief UTC starts of each local day of [firstDay, lastDay + 1]: days() + 1 boundaries.
    [[nodiscard]] static QList<qint64> dayBoundaries(const KpiPeriod &p, const QTimeZone &zone);
    /// @brief Translated name of a period kind ("Last 30 days" …).
    [[nodiscard]] static QString displayName(PeriodKind kind);
    /// @brief ISO week label of a date ("2026-W49").
    [[nodiscard]] static QString isoWeekLabel(QDate day);
};

} // namespace pd
