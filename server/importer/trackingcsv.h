#pragma once

#include <QCoreApplication>
#include <QIODevice>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace pd::server {

/**
 * @brief Tracking events (scans) from CSV, read in chunks so a file or a stream of any length takes bounded
 * memory (`parceldesk-server import --tracking FILE|-`).
 *
 * Columns (header required, any order): waybill_no, at (ISO 8601 with offset), status, place, position_lat,
 * position_lon, text, reason, id (optional; see TrackingIngest for the default).
 */
class TrackingCsv final
{
    Q_DECLARE_TR_FUNCTIONS(TrackingCsv)

public:
    struct Line
    {
        int line = 0; ///< 1-based line where the record starts
        QJsonObject event;
    };

    [[nodiscard]] static const QStringList &columns();

    explicit TrackingCsv(QIODevice &in)
        : m_in(in)
    {}

    /**
     * @brief The next up to @p count records as scans. False at the end of the input (with @p out empty) or
     * on malformed CSV or an unknown column (with @p error naming the line).
     */
    bool next(qsizetype count, QList<Line> *out, QString *error);

private:
    QIODevice &m_in;
    QStringList m_header;
    int m_line = 0; ///< lines consumed so far
};

} // namespace pd::server
