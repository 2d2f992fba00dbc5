#include "reportexporter.h"

#include <QDir>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace pd {

ReportExporter::ReportExporter(const WeeklyReportBuilder &builder, const WeeklyReport &report)
    : m_builder(builder)
    , m_report(report)
{}

bool ReportExporter::report(qint64 done, qint64 total, const QString &stage)
{
    return !m_progress || m_progress(done, total, stage);
}

QString ReportExporter::baseName(const WeeklyReport &report)
{
    QString base = QStringLiteral("parceldesk-%1").arg(report.week.toString());
    if (!report.teamId.isEmpty()) {
        QString team = report.teamId;
        team.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
        base += u'-' + team;
    }
    return base;
}

int ReportExporter::parseFormats(const QString &list)
{
    int flags = 0;
    for (const QString &part : list.split(u',', Qt::SkipEmptyParts)) {
        const QString f = part.trimmed().toLower();
        if (f == u"pdf")
            flags |= int(ReportFormat::Pdf);
        else if (f == u"xlsx")
            flags |= int(ReportFormat::Xlsx);
        else if (f == u"csv")
            flags |= int(ReportFormat::Csv);
        else
            return 0;
    }
    return flags;
}

ExportResult ReportExporter::run(int formats, const QString &dirPath)
{
    ExportResult all;
    if (!QDir().mkpath(dirPath)) {
        all.ok = false;
        all.error = tr("Cannot create the folder %1.").arg(dirPath);
        return all;
    }
    const QDir dir(dirPath);
    const QString base = baseName(m_report);
    const auto merge = [&](const ExportResult &r) {
        all.files += r.files;
        if (r.ticketRows > 0 && all.ticketRows == 0) {
            all.ticketRows = r.ticketRows;
            all.fullRows = r.fullRows;
        }
        if (!r.ok) {
            all.ok = false;
            all.cancelled = r.cancelled;
            all.error = r.error;
        }
        return r.ok;
    };
    if ((formats & int(ReportFormat::Pdf)) && !merge(writePdf(dir.filePath(base + u".pdf"_s))))
        return all;
    if ((formats & int(ReportFormat::Xlsx)) && !merge(writeXlsx(dir.filePath(base + u".xlsx"_s))))
        return all;
    if (formats & int(ReportFormat::Csv))
        merge(writeCsv(dirPath));
    return all;
}

} // namespace pd
