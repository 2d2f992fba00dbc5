#pragma once

#include "models/kpi/regulatorfigures.h"

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <optional>

/**
 * @file
 * @brief The monthly appeals report (docs/reports.md): the month's appeals forwarded by the postal regulator
 * in the structure of the State Post Bureau's monthly bulletin (国家邮政局关于…邮政业用户申诉情况的通告):
 * totals and per million parcels, at-fault appeals, problem types, stations (instead of companies), appeals
 * answered late.
 */

namespace pd {

class Database;

/// @brief Everything the monthly appeals report shows.
struct MonthlyAppealsReport
{
    Q_DECLARE_TR_FUNCTIONS(pd::MonthlyAppealsReport)
public:
    QDate month; ///< its first day
    QString teamId;
    QString companyName;
    QTimeZone zone;
    AppealTerms terms;
    qint64 generatedAt = 0;
    qint64 lastSyncAt = 0;
    RegulatorFigures current;
    RegulatorFigures previous; ///< the month before (环比)
    QList<AppealGroup> trend;  ///< the 12 months ending with this one
    [[nodiscard]] QString monthCode() const { return month.toString(QStringLiteral("yyyy-MM")); }
    /// @brief "ParcelDesk — appeals report 2026-11".
    [[nodiscard]] QString title() const;
    /// @brief The bulletin's opening paragraph with this month's figures.
    [[nodiscard]] QString overviewText() const;
    /// @brief "Data as of … (zone), generated …" or a warning when the cache never synced.
    [[nodiscard]] QString coverageLine() const;
    /// @brief Company-time "yyyy-MM-dd HH:mm".
    [[nodiscard]] QString localTime(qint64 utcMs) const;
};

/// @brief Builds MonthlyAppealsReport from the cache; belongs to the thread of its Database.
class MonthlyAppealsBuilder final
{
public:
    MonthlyAppealsBuilder(const Database &db, const QTimeZone &companyZone);

    /// @brief The report of the month holding @p month at @p now; nullopt and lastError() on an error.
    [[nodiscard]] std::optional<MonthlyAppealsReport> build(QDate month, const QString &teamId,
                                                            const QString &companyName, qint64 now,
                                                            const AppealTerms &terms = {}) const;
    [[nodiscard]] const QString &lastError() const { return m_error; }
    /// @brief "2026-11" → 2026-11-01; nullopt otherwise.
    [[nodiscard]] static std::optional<QDate> parseMonth(const QString &text);
    /// @brief The last whole company-time month before @p now (its first day).
    [[nodiscard]] static QDate lastFullMonth(qint64 now, const QTimeZone &zone);
    static constexpr int kTrendMonths = 12;

private:
    const Database &m_db;
    QTimeZone m_zone;
    mutable QString m_error;
};

} // namespace pd
