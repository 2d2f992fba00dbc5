#pragma once

#include "weeklyreport.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>
#include <memory>

namespace pd {

/// @brief Output formats of the weekly report (flags).
enum class ReportFormat
{
    Pdf = 1,
    Xlsx = 2,
    Csv = 4
};

/**
 * @brief Progress of a long export: rows (or steps) done of total, and what is being written. Return false
 * to cancel. Called on the exporting thread.
 */
using ReportProgress = std::function<bool(qint64 done, qint64 total, const QString &stage)>;

/// @brief What an export wrote, or why it failed.
struct ExportResult
{
    bool ok = true;
    bool cancelled = false;
    QStringList files;
    QString error;
    qint64 ticketRows = 0; ///< rows of the ticket list written (the XLSX's, else the CSV's)
    qint64 fullRows = 0;   ///< of them, rows with the customer's full name and phone
};

/**
 * @brief Writes a WeeklyReport as PDF, XLSX and/or CSV into a folder (docs/reports.md).
 *
 * Uses the builder to stream every ticket of the week (no row cap) into the XLSX and CSV. Works on any thread
 * that owns the builder's Database; the PDF needs a QGuiApplication (offscreen is fine) for its fonts.
 */
class ReportExporter final
{
    Q_DECLARE_TR_FUNCTIONS(pd::ReportExporter)
public:
    ReportExporter(const WeeklyReportBuilder &builder, const WeeklyReport &report);

    void setProgress(ReportProgress progress) { m_progress = std::move(progress); }
    /**
     * @brief Full customer data for the ticket lists of this export (from the server's logged export);
     * without it names and phones are masked. Used for the files of this exporter only, never stored.
     */
    void setCustomerData(std::shared_ptr<const CustomerData> data) { m_customers = std::move(data); }

    /// @brief Every format of @p formats (ReportFormat flags) into @p dir (created when missing).
    [[nodiscard]] ExportResult run(int formats, const QString &dir);
    [[nodiscard]] ExportResult writePdf(const QString &path);
    [[nodiscard]] ExportResult writeXlsx(const QString &path);
    /// @brief One file per table: <base>-<table>.csv.
    [[nodiscard]] ExportResult writeCsv(const QString &dir);

    /// @brief "parceldesk-2026-W47" or "parceldesk-2026-W47-team-a" (team id made file-name safe).
    [[nodiscard]] static QString baseName(const WeeklyReport &report);
    /// @brief Parses "pdf,xlsx,csv" into flags; 0 when a name is unknown or none is given.
    [[nodiscard]] static int parseFormats(const QString &list);
    /// @brief The CJK font family the PDF uses ("Noto Sans CJK SC"), empty when none is installed.
    [[nodiscard]] static QString cjkFamily(const QString &language = {});

private:
    bool report(qint64 done, qint64 total, const QString &stage);

    const WeeklyReportBuilder &m_builder;
    const WeeklyReport &m_report;
    ReportProgress m_progress;
    std::shared_ptr<const CustomerData> m_customers;
};

} // namespace pd
