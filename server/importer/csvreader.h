#pragma once

#include <QByteArray>
#include <QJsonObject>
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
    /// @brief A row as a JSON object of its non-empty columns (trimmed), so the entities' own readers
    /// validate it, typed, with their messages.
    [[nodiscard]] static QJsonObject object(const QStringList &header, const QStringList &fields);
    /// @brief Replaces the columns "<prefix>_lat" and "<prefix>_lon" by a "<prefix>" {lat, lon} object.
    static void toGeo(QJsonObject &o, const QString &prefix);
};

} // namespace pd::server
