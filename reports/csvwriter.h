#pragma once

#include <QIODevice>
#include <QList>
#include <QStringList>

namespace pd {

/**
 * @brief RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese correctly),
 * CRLF line ends, fields quoted when they hold a comma, quote or line break.
 *
 * Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) get a leading
 * apostrophe unless they are plain numbers: exported complaint text must never execute in a manager's Excel.
 */
class CsvWriter final
{
public:
    explicit CsvWriter(QIODevice *out, bool byteOrderMark = true);

    bool writeRow(const QStringList &fields);
    [[nodiscard]] static QString escape(const QString &field);
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    QIODevice *m_out;
    bool m_ok = true;
};

} // namespace pd
