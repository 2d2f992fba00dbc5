#pragma once

#include "monthlyappealsreport.h"
#include "reportexporter.h"

#include <QCoreApplication>

namespace pd {

/**
 * @brief Writes a MonthlyAppealsReport as PDF, XLSX and/or CSV (docs/reports.md, "Monthly appeals report"),
 * with the weekly report's machinery (PdfPages, the xlsx helpers, CsvWriter). The PDF needs a QGuiApplication
 * (offscreen is fine) for its fonts. The report holds no customer data.
 */
class AppealsExporter final
{
    Q_DECLARE_TR_FUNCTIONS(pd::AppealsExporter)
public:
    explicit AppealsExporter(const MonthlyAppealsReport &report);

    /// @brief Every format of @p formats (ReportFormat flags) into @p dir (created when missing).
    [[nodiscard]] ExportResult run(int formats, const QString &dir) const;
    [[nodiscard]] ExportResult writePdf(const QString &path) const;
    [[nodiscard]] ExportResult writeXlsx(const QString &path) const;
    /// @brief One file per table: <base>-<table>.csv.
    [[nodiscard]] ExportResult writeCsv(const QString &dir) const;
    /// @brief "parceldesk-appeals-2026-11" or "parceldesk-appeals-2026-11-team-a".
    [[nodiscard]] static QString baseName(const MonthlyAppealsReport &report);

private:
    const MonthlyAppealsReport &m_report;
};

} // namespace pd
