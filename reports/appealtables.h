#pragma once

#include "monthlyappealsreport.h"
#include "reporttables.h"

#include <QCoreApplication>
#include <QList>

namespace pd {

/**
 * @brief The monthly appeals report as tables (the same cells in PDF, XLSX and CSV), and the weekly report's
 * compensation and appeals sections.
 */
class AppealTables final
{
    Q_DECLARE_TR_FUNCTIONS(pd::AppealTables)
public:
    /// @brief overview, problems, stations, late, trend (keys), in the bulletin's order.
    [[nodiscard]] static QList<ReportTable> monthly(const MonthlyAppealsReport &report);
    /// @brief compensation_categories, compensation_stations, compensation_resolutions.
    [[nodiscard]] static QList<ReportTable> compensation(const CompensationFigures &figures);
    /// @brief appeals: the week's appeals received, answered on time and late, at fault.
    [[nodiscard]] static ReportTable weeklyAppeals(const RegulatorFigures &figures);
    /// @brief "2.00" per million, or "n/a".
    [[nodiscard]] static QString perMillion(std::optional<double> v);
    /// @brief "1234.50": yuan of an amount in fen (a number in the XLSX).
    [[nodiscard]] static QString yuan(qint64 fen);
    /// @brief "1 d 9 h", "5 h": how late an answer is.
    [[nodiscard]] static QString lateness(qint64 ms);
};

} // namespace pd
