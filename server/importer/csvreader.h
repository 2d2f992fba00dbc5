#pragma once

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace pd::server {

/**
 * @brief RFC 4180 CSV: UTF-8 with or without BOM, quoted fields with "" escapes and line breaks, CRLF or LF.
 */
class CsvReader final
{
public:
    struct Row
    {
        int line = 0; ///< 1-based line where the record starts
        QStringList fields;
    };
    /// @brief Parses the whole text; on malformed input returns false with a message naming the line.
    [[nodiscard]] static bool parse(const QByteArray &data, QList<Row> *rows, QString *error);
};

} // namespace pd::server
