// Shared pieces of the report workbooks (xlsxsheets.h).
#include "xlsxsheets.h"

#include <QHash>

namespace pd::xlsx {

QByteArray sheetName(const QString &title, int n)
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

/// Numbers as numbers, "93.5%" as 0.935 in a percent format, everything else as text.
void writeCell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const QString &cell, const Formats &f,
               lxw_format *format)
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

} // namespace pd::xlsx
