#include "trackingcsv.h"

#include "csvreader.h"

namespace pd::server {

const QStringList &TrackingCsv::columns()
{
    static const QStringList c{
        QStringLiteral("id"),           QStringLiteral("waybill_no"), QStringLiteral("at"),
        QStringLiteral("status"),       QStringLiteral("place"),      QStringLiteral("position_lat"),
        QStringLiteral("position_lon"), QStringLiteral("text"),       QStringLiteral("reason")};
    return c;
}

bool TrackingCsv::next(qsizetype count, QList<Line> *out, QString *error)
{
    out->clear();
    // Whole records only: a quoted field may hold line breaks, so a record ends at a line break outside
    // quotes (an even number of quote characters so far).
    QByteArray chunk;
    const int firstLine = m_line + 1;
    qsizetype records = 0;
    qsizetype quotes = 0;
    const qsizetype wanted = m_header.isEmpty() ? count + 1 : count;
    while (records < wanted) {
        // Blocks on a stream (stdin) until a line or its end comes; empty only at the end.
        const QByteArray line = m_in.readLine();
        if (line.isEmpty())
            break;
        ++m_line;
        chunk += line;
        quotes += line.count('"');
        if (quotes % 2 == 0) {
            ++records;
            quotes = 0;
        }
    }
    if (chunk.isEmpty())
        return false;
    QList<CsvReader::Row> rows;
    if (!CsvReader::parse(chunk, &rows, error)) {
        *error = tr("line %1 and after: %2").arg(firstLine).arg(*error);
        return false;
    }
    qsizetype first = 0;
    if (m_header.isEmpty()) {
        if (rows.isEmpty())
            return false;
        for (const QString &h : rows.first().fields) {
            if (!columns().contains(h.trimmed())) {
                *error = tr("line %1: unknown column %2").arg(firstLine).arg(h.trimmed().left(60));
                return false;
            }
            m_header.append(h.trimmed());
        }
        first = 1;
    }
    for (qsizetype i = first; i < rows.size(); ++i) {
        const CsvReader::Row &row = rows.at(i);
        if (row.fields.size() == 1 && row.fields.first().trimmed().isEmpty())
            continue; // a blank line
        QJsonObject o = CsvReader::object(m_header, row.fields);
        CsvReader::toGeo(o, QStringLiteral("position"));
        out->append({firstLine + row.line - 1, o});
    }
    return true;
}

} // namespace pd::server
