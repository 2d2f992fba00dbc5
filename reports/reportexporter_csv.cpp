// CSV output of ReportExporter: one RFC 4180 file per table (CsvWriter: UTF-8 with BOM, CRLF).
#include "csvwriter.h"
#include "reportexporter.h"
#include "reporttables.h"

#include <QDir>
#include <QSaveFile>

namespace pd {

namespace {

bool writeTable(const QString &path, const QStringList &header, const QList<QStringList> &rows,
                QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    CsvWriter csv(&file);
    csv.writeRow(header);
    for (const QStringList &r : rows)
        csv.writeRow(r);
    if (!csv.ok() || !file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace

ExportResult ReportExporter::writeCsv(const QString &dirPath)
{
    ExportResult result;
    const QDir dir(dirPath);
    const QString base = baseName(m_report);
    const QList<ReportTable> tables = ReportTables::tables(m_report);
    for (const ReportTable &t : tables) {
        const QString path = dir.filePath(QStringLiteral("%1-%2.csv").arg(base, t.key));
        if (!writeTable(path, t.header, t.rows, &result.error)) {
            result.ok = false;
            return result;
        }
        result.files.append(path);
    }

    // Every ticket of the week, streamed.
    const QString path = dir.filePath(QStringLiteral("%1-tickets.csv").arg(base));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        result.ok = false;
        result.error = file.errorString();
        return result;
    }
    CsvWriter csv(&file);
    csv.writeRow(ReportTables::ticketHeader());
    const qint64 total = m_builder.ticketCount(m_report);
    qint64 done = 0;
    const bool read = m_builder.forEachTicket(m_report, [&](const ReportTicket &t) {
        csv.writeRow(ReportTables::ticketRow(m_report, t, m_customers.get()));
        ++result.ticketRows;
        if (m_customers && m_customers->contains(t.id))
            ++result.fullRows;
        if (++done % 5000 == 0 && !report(done, total, tr("CSV tickets"))) {
            result.cancelled = true;
            return false;
        }
        return csv.ok();
    });
    if (!read || !csv.ok() || result.cancelled) {
        file.cancelWriting();
        result.ok = false;
        result.error = result.cancelled ? tr("Cancelled.")
                       : read           ? file.errorString()
                                        : m_builder.lastError();
        return result;
    }
    if (!file.commit()) {
        result.ok = false;
        result.error = file.errorString();
        return result;
    }
    result.files.append(path);
    report(total, total, tr("CSV tickets"));
    return result;
}

} // namespace pd
