#pragma once

#include "weeklyreport.h"

#include <QCoreApplication>
#include <QList>
#include <QStringList>

namespace pd {

/// @brief One table of the report as the people see it: every writer (PDF, XLSX, CSV) shows the same cells.
struct ReportTable
{
    QString key;   ///< file / sheet stem: "summary", "categories", …
    QString title; ///< translated
    QString sheet; ///< translated short name for an XLSX sheet (at most 31 characters)
    QStringList header;
    QList<QStringList> rows;
    /// @brief Relative column widths for the PDF (one per column).
    QList<int> widths;
};

/**
 * @brief Turns a WeeklyReport into its tables (KPI values formatted by KpiInfo::format, one definition of
 * each figure), and a ReportTicket into a row of the ticket list.
 */
class ReportTables final
{
    Q_DECLARE_TR_FUNCTIONS(pd::ReportTables)
public:
    [[nodiscard]] static QList<ReportTable> tables(const WeeklyReport &report);
    [[nodiscard]] static QStringList ticketHeader();
    [[nodiscard]] static QStringList ticketRow(const WeeklyReport &report, const ReportTicket &t);
    /// @brief "≥ 95.0%" / "≤ 10 min" / "—".
    [[nodiscard]] static QString targetText(const KpiLine &line);
    /// @brief "met" / "missed" / "n/a" (translated).
    [[nodiscard]] static QString statusText(const KpiLine &line);
    /// @brief "93.5%" or "n/a" for a ratio.
    [[nodiscard]] static QString percent(const KpiRatio &r);
    /// @brief True when a cell is a plain number (written as a number to XLSX).
    [[nodiscard]] static bool isPlainNumber(const QString &cell, double *value = nullptr);
};

} // namespace pd
