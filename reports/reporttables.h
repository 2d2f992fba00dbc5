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
    /// @brief Columns of the ticket list; the customer's phone is kCustomerPhoneColumn (always text).
    [[nodiscard]] static QStringList ticketHeader();
    /**
     * @brief One row of the ticket list. The customer's name and phone (and phone numbers in the
     * description) are masked (王*, 138****5678) unless @p full holds the ticket: full customer data from the
     * server's logged export, for this file only.
     */
    [[nodiscard]] static QStringList ticketRow(const WeeklyReport &report, const ReportTicket &t,
                                               const CustomerData *full = nullptr);
    static constexpr int kCustomerPhoneColumn = 20;
    /// @brief "≥ 95.0%" / "≤ 10 min" / "—".
    [[nodiscard]] static QString targetText(const KpiLine &line);
    /// @brief "met" / "missed" / "no target" / "n/a" (no value to compare), translated.
    [[nodiscard]] static QString statusText(const KpiLine &line);
    /// @brief "93.5%" or "n/a" for a ratio.
    [[nodiscard]] static QString percent(const KpiRatio &r);
    /// @brief True when a cell is a plain number (written as a number to XLSX).
    [[nodiscard]] static bool isPlainNumber(const QString &cell, double *value = nullptr);
};

} // namespace pd
