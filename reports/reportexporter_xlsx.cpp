// XLSX output of ReportExporter through libxlsxwriter, in constant-memory mode: rows go straight to temporary
// files, so a week of any size is written with flat memory.
#include "reportexporter.h"
#include "reporttables.h"

#include <QDir>
#include <QFile>

#include <xlsxwriter.h>

namespace pd {

namespace {

/// libxlsxwriter's row limit per sheet (Excel's).
constexpr lxw_row_t kMaxRows = 1048576;

QByteArray sheetName(const QString &title, int n = 0)
{
    QString s = title;
    for (const QChar c : {u'[', u']', u':', u'*', u'?', u'/', u'\\'})
        s.replace(c, u' ');
    s = s.left(n > 1 ? 26 : 31).trimmed();
    if (n > 1)
        s += QStringLiteral(" (%1)").arg(n);
    return s.toUtf8();
}

/// "=Name!$A$2:$A$8" with the sheet name quoted.
QByteArray range(const QByteArray &sheet, int col, int firstRow, int lastRow)
{
    QByteArray quoted = sheet;
    quoted.replace('\'', "''");
    const char letter = char('A' + col);
    return "='" + quoted + "'!$" + letter + '$' + QByteArray::number(firstRow + 1) + ":$" + letter + '$' +
           QByteArray::number(lastRow + 1);
}

struct Formats
{
    lxw_format *header = nullptr;
    lxw_format *title = nullptr;
    lxw_format *percent = nullptr;
    lxw_format *text = nullptr; ///< digits kept as text (phone numbers)
};

/// Numbers as numbers, "93.5%" as 0.935 in a percent format, everything else as text.
void writeCell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const QString &cell, const Formats &f,
               lxw_format *format = nullptr)
{
    double v = 0;
    if (format == nullptr && ReportTables::isPlainNumber(cell, &v)) {
        worksheet_write_number(ws, row, col, v, nullptr);
        return;
    }
    if (format == nullptr && cell.endsWith(u'%') && ReportTables::isPlainNumber(cell.chopped(1), &v)) {
        worksheet_write_number(ws, row, col, v / 100.0, f.percent);
        return;
    }
    if (cell.isEmpty())
        return;
    worksheet_write_string(ws, row, col, cell.toUtf8().constData(), format);
}

lxw_row_t writeTable(lxw_worksheet *ws, lxw_row_t row, const ReportTable &t, const Formats &f)
{
    for (int c = 0; c < t.header.size(); ++c)
        writeCell(ws, row, lxw_col_t(c), t.header[c], f, f.header);
    ++row;
    for (const QStringList &r : t.rows) {
        for (int c = 0; c < r.size(); ++c)
            writeCell(ws, row, lxw_col_t(c), r[c], f);
        ++row;
    }
    return row;
}

const ReportTable *find(const QList<ReportTable> &tables, QStringView key)
{
    for (const ReportTable &t : tables)
        if (t.key == key)
            return &t;
    return nullptr;
}

Formats addFormats(lxw_workbook *wb)
{
    Formats f;
    f.header = workbook_add_format(wb);
    format_set_bold(f.header);
    format_set_bg_color(f.header, 0xDDE6F0);
    f.title = workbook_add_format(wb);
    format_set_bold(f.title);
    format_set_font_size(f.title, 14);
    f.percent = workbook_add_format(wb);
    format_set_num_format(f.percent, "0.0%");
    f.text = workbook_add_format(wb);
    format_set_num_format(f.text, "@");
    return f;
}

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

/**
 * One sheet per table (the summary's own tables included, for filtering), in the order of tables(); @p names
 * gets each table's sheet name by key. The title of a table whose sheet could not be added, or empty.
 */
QString addTableSheets(lxw_workbook *wb, const QList<ReportTable> &tables, const Formats &f,
                       QHash<QString, QByteArray> &names)
{
    for (const ReportTable &t : tables) {
        const QByteArray name = sheetName(t.sheet.isEmpty() ? t.title : t.sheet);
        lxw_worksheet *ws = workbook_add_worksheet(wb, name.constData());
        if (!ws)
            return t.title;
        names.insert(t.key, name);
        for (int c = 0; c < t.widths.size(); ++c)
            worksheet_set_column(ws, lxw_col_t(c), lxw_col_t(c), 6.0 * t.widths[c], nullptr);
        worksheet_freeze_panes(ws, 1, 0);
        writeTable(ws, 0, t, f);
    }
    return {};
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
