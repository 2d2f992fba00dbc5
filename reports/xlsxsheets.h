#pragma once

#include "reporttables.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <xlsxwriter.h>

/**
 * @file
 * @brief Shared pieces of the report workbooks (libxlsxwriter): sheet names, cell formats, tables as rows.
 */

namespace pd::xlsx {

/// @brief libxlsxwriter's row limit per sheet (Excel's).
inline constexpr lxw_row_t kMaxRows = 1048576;

/// @brief A valid sheet name from @p title (at most 31 characters); @p n > 1 appends " (n)".
[[nodiscard]] QByteArray sheetName(const QString &title, int n = 0);
/// @brief "='Name'!$A$2:$A$8" with the sheet name quoted.
[[nodiscard]] QByteArray range(const QByteArray &sheet, int col, int firstRow, int lastRow);

struct Formats
{
    lxw_format *header = nullptr;
    lxw_format *title = nullptr;
    lxw_format *percent = nullptr;
    lxw_format *text = nullptr; ///< digits kept as text (phone numbers)
};
[[nodiscard]] Formats addFormats(lxw_workbook *wb);

/// @brief Numbers as numbers, "93.5%" as 0.935 in a percent format, everything else as text.
void writeCell(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const QString &cell, const Formats &f,
               lxw_format *format = nullptr);
/// @brief The header row and the rows of @p t from @p row; returns the row after the last.
lxw_row_t writeTable(lxw_worksheet *ws, lxw_row_t row, const ReportTable &t, const Formats &f);
/// @brief The table of @p tables with @p key, or null.
[[nodiscard]] const ReportTable *find(const QList<ReportTable> &tables, QStringView key);
/**
 * @brief One sheet per table, in order, with column widths and a frozen header row; @p names gets each
 * table's sheet name by key. The title of a table whose sheet could not be added, or empty.
 */
[[nodiscard]] QString addTableSheets(lxw_workbook *wb, const QList<ReportTable> &tables, const Formats &f,
                                     QHash<QString, QByteArray> &names);

} // namespace pd::xlsx
