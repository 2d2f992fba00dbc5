// XLSX output of ReportExporter through libxlsxwriter, in constant-memory mode: rows go straight to temporary
// files, so a week of any size is written with flat memory.
#include "reportexporter.h"
#include "reporttables.h"
#include "xlsxsheets.h"

#include <QDir>
#include <QFile>

#include <xlsxwriter.h>

namespace pd {

using namespace xlsx;

namespace {

/// The summary sheet: title, week, coverage, then the KPI and satisfaction tables.
lxw_worksheet *addSummary(lxw_workbook *wb, const WeeklyReport &report, const QList<ReportTable> &tables,
                          const Formats &f)
{
    const QByteArray summaryName = sheetName(ReportExporter::tr("Summary"));
    lxw_worksheet *summary = workbook_add_worksheet(wb, summaryName.constData());
    worksheet_set_column(summary, 0, 0, 34, nullptr);
    worksheet_set_column(summary, 1, 5, 14, nullptr);
    worksheet_write_string(summary, 0, 0, report.title().toUtf8().constData(), f.title);
    worksheet_write_string(summary, 1, 0, report.week.displayName().toUtf8().constData(), nullptr);
    worksheet_write_string(summary, 2, 0, report.coverageLine().toUtf8().constData(), nullptr);
    lxw_row_t row = 4;
    for (const QString &key : {QStringLiteral("summary"), QStringLiteral("satisfaction")}) {
        if (const ReportTable *t = find(tables, key)) {
            worksheet_write_string(summary, row++, 0, t->title.toUtf8().constData(), f.header);
            row = writeTable(summary, row, *t, f) + 1;
        }
    }
    return summary;
}

/// Native charts on the summary sheet, reading the data sheets.
void addCharts(lxw_workbook *wb, lxw_worksheet *summary, const WeeklyReport &report,
               const QHash<QString, QByteArray> &names)
{
    const auto addChart = [&](uint8_t type, const QString &title, const QString &key, int labelCol,
                              int valueCol, int rows, lxw_row_t at) {
        if (rows <= 0)
            return;
        lxw_chart *chart = workbook_add_chart(wb, type);
        const QByteArray cats = range(names.value(key), labelCol, 1, rows);
        const QByteArray vals = range(names.value(key), valueCol, 1, rows);
        lxw_chart_series *s = chart_add_series(chart, cats.constData(), vals.constData());
        chart_series_set_name(s, title.toUtf8().constData());
        chart_title_set_name(chart, title.toUtf8().constData());
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        lxw_chart_options place{};
        place.x_scale = 1.2;
        place.y_scale = 1.0;
        worksheet_insert_chart_opt(summary, at, 7, chart, &place);
    };
    addChart(LXW_CHART_BAR, ReportExporter::tr("Category mix"), QStringLiteral("categories"), 0, 1,
             int(report.categories.size()), 0);
    addChart(LXW_CHART_COLUMN, ReportExporter::tr("Complaints per day"), QStringLiteral("daily"), 0, 1,
             int(report.daily.size()), 16);
    addChart(LXW_CHART_LINE, ReportExporter::tr("SLA compliance per day"), QStringLiteral("daily"), 0, 4,
             int(report.daily.size()), 32);
    addChart(LXW_CHART_COLUMN, ReportExporter::tr("First response time distribution"),
             QStringLiteral("first_response"), 0, 1, int(report.firstResponse.size()), 48);
}

/// Every ticket of the week, no cap: a further sheet ("Tickets (2)", …) when one is full.
class TicketSheets
{
public:
    TicketSheets(lxw_workbook *wb, const Formats &f)
        : m_wb(wb)
        , m_formats(f)
        , m_header(ReportTables::ticketHeader())
    {
        newSheet();
    }

    void append(const QStringList &cells)
    {
        if (m_row >= kMaxRows)
            newSheet();
        for (int c = 0; c < cells.size(); ++c)
            writeCell(m_ws, m_row, lxw_col_t(c), cells[c], m_formats,
                      c == ReportTables::kCustomerPhoneColumn ? m_formats.text : nullptr);
        ++m_row;
    }

private:
    void newSheet()
    {
        const QByteArray name = sheetName(ReportExporter::tr("Tickets"), m_part++);
        m_ws = workbook_add_worksheet(m_wb, name.constData());
        worksheet_set_column(m_ws, 0, 1, 16, nullptr);
        worksheet_set_column(m_ws, 2, 18, 11, nullptr);
        worksheet_set_column(m_ws, 19, 20, 14, nullptr);
        worksheet_set_column(m_ws, 21, 21, 60, nullptr);
        worksheet_freeze_panes(m_ws, 1, 0);
        for (int c = 0; c < m_header.size(); ++c)
            writeCell(m_ws, 0, lxw_col_t(c), m_header[c], m_formats, m_formats.header);
        m_row = 1;
    }

    lxw_workbook *m_wb;
    const Formats &m_formats;
    const QStringList m_header;
    int m_part = 1;
    lxw_worksheet *m_ws = nullptr;
    lxw_row_t m_row = 0;
};

} // namespace

ExportResult ReportExporter::writeXlsx(const QString &path)
{
    ExportResult result;
    const QList<ReportTable> tables = ReportTables::tables(m_report);
    const qint64 total = m_builder.ticketCount(m_report);
    const QByteArray tmp = QDir::tempPath().toUtf8();

    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;
    options.tmpdir = const_cast<char *>(tmp.constData());
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook *wb = workbook_new_opt(file.constData(), &options);
    if (!wb) {
        result.ok = false;
        result.error = tr("Cannot create %1.").arg(path);
        return result;
    }
    const Formats f = addFormats(wb);
    lxw_worksheet *summary = addSummary(wb, m_report, tables, f);
    QHash<QString, QByteArray> names;
    if (const QString failed = addTableSheets(wb, tables, f, names); !failed.isEmpty()) {
        result.ok = false;
        result.error = tr("Cannot add sheet %1.").arg(failed);
        workbook_close(wb);
        return result;
    }
    addCharts(wb, summary, m_report, names);

    TicketSheets sheets(wb, f);
    qint64 done = 0;
    const bool read = m_builder.forEachTicket(m_report, [&](const ReportTicket &t) {
        sheets.append(ReportTables::ticketRow(m_report, t, m_customers.get()));
        ++result.ticketRows;
        if (m_customers && m_customers->contains(t.id))
            ++result.fullRows;
        if (++done % 5000 == 0 && !report(done, total, tr("XLSX tickets"))) {
            result.cancelled = true;
            return false;
        }
        return true;
    });
    report(done, total, tr("Compressing XLSX"));
    const lxw_error err = workbook_close(wb);
    if (!read || result.cancelled || err != LXW_NO_ERROR) {
        result.ok = false;
        result.error = result.cancelled ? tr("Cancelled.")
                       : !read          ? m_builder.lastError()
                                        : QString::fromUtf8(lxw_strerror(err));
        QFile::remove(path);
        return result;
    }
    result.files.append(path);
    report(total, total, tr("XLSX tickets"));
    return result;
}

} // namespace pd
