// The monthly appeals report as PDF (the bulletin's sections in order, with bar charts), XLSX (a summary
// sheet and one sheet per table) and CSV.
#include "appealsexporter.h"

#include "appealtables.h"
#include "csvwriter.h"
#include "pdfpages.h"
#include "xlsxsheets.h"

#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

/// Rows of the station table the PDF shows; the XLSX and CSV hold them all.
constexpr int kPdfTopRows = 50;

ExportResult failure(const QString &error)
{
    ExportResult r;
    r.ok = false;
    r.error = error;
    return r;
}

} // namespace

AppealsExporter::AppealsExporter(const MonthlyAppealsReport &report)
    : m_report(report)
{}

QString AppealsExporter::baseName(const MonthlyAppealsReport &report)
{
    QString base = u"parceldesk-appeals-"_s + report.monthCode();
    if (!report.teamId.isEmpty()) {
        QString team = report.teamId;
        team.replace(QRegularExpression(u"[^A-Za-z0-9_.-]"_s), u"_"_s);
        base += u'-' + team;
    }
    return base;
}

ExportResult AppealsExporter::run(int formats, const QString &dirPath) const
{
    if (!QDir().mkpath(dirPath))
        return failure(ReportExporter::tr("Cannot create the folder %1.").arg(dirPath));
    const QDir dir(dirPath);
    const QString base = baseName(m_report);
    ExportResult all;
    const auto merge = [&](const ExportResult &r) {
        all.files += r.files;
        if (!r.ok) {
            all.ok = false;
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

ExportResult AppealsExporter::writePdf(const QString &path) const
{
    const QList<ReportTable> tables = AppealTables::monthly(m_report);
    QString family = ReportExporter::cjkFamily(QLocale().name());
    if (family.isEmpty())
        family = QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(14, 12, 14, 12), QPageLayout::Millimeter);
        writer.setResolution(72);
        writer.setTitle(m_report.title());
        writer.setCreator(u"ParcelDesk"_s);
        PdfPages pdf(writer, family, m_report.companyName,
                     tr("Appeals report %1").arg(m_report.monthCode()) +
                         (m_report.teamId.isEmpty() ? QString() : u" · "_s + m_report.teamId));
        if (!pdf.ok())
            return failure(ReportExporter::tr("Cannot write %1.").arg(path));
        pdf.title(m_report.title(), tr("Appeals forwarded by the postal regulator (12305), %1")
                                        .arg(QLocale().toString(m_report.month, u"MMMM yyyy"_s)));
        pdf.note(m_report.coverageLine());
        pdf.paragraph(m_report.overviewText());
        pdf.table(tableOf(tables, u"overview"), 0);
        QStringList labels;
        QList<double> values;
        for (const AppealGroup &g : m_report.current.byProblem) {
            labels << g.name;
            values << double(g.counts.appeals);
        }
        pdf.bars(tr("Appeals by problem type"), labels, values);
        pdf.table(tableOf(tables, u"problems"), 0);
        pdf.newPage();
        pdf.table(tableOf(tables, u"stations"), kPdfTopRows);
        pdf.table(tableOf(tables, u"late"), 0);
        labels.clear();
        values.clear();
        for (const AppealGroup &g : m_report.trend) {
            labels << g.key;
            values << double(g.counts.appeals);
        }
        pdf.newPage();
        pdf.bars(tr("Appeals per month"), labels, values);
        pdf.table(tableOf(tables, u"trend"), 0);
    }
    ExportResult result;
    result.files.append(path);
    return result;
}

ExportResult AppealsExporter::writeXlsx(const QString &path) const
{
    using namespace xlsx;
    const QList<ReportTable> tables = AppealTables::monthly(m_report);
    const QByteArray file = QFile::encodeName(path);
    lxw_workbook *wb = workbook_new(file.constData());
    if (!wb)
        return failure(ReportExporter::tr("Cannot create %1.").arg(path));
    const Formats f = addFormats(wb);
    const QByteArray summaryName = sheetName(ReportExporter::tr("Summary"));
    lxw_worksheet *summary = workbook_add_worksheet(wb, summaryName.constData());
    worksheet_set_column(summary, 0, 0, 40, nullptr);
    worksheet_set_column(summary, 1, 2, 14, nullptr);
    worksheet_write_string(summary, 0, 0, m_report.title().toUtf8().constData(), f.title);
    worksheet_write_string(summary, 1, 0, m_report.overviewText().toUtf8().constData(), nullptr);
    worksheet_write_string(summary, 2, 0, m_report.coverageLine().toUtf8().constData(), nullptr);
    if (const ReportTable *t = find(tables, u"overview"))
        writeTable(summary, 4, *t, f);
    QHash<QString, QByteArray> names;
    const QString failed = addTableSheets(wb, tables, f, names);
    const lxw_error err = workbook_close(wb);
    if (!failed.isEmpty() || err != LXW_NO_ERROR) {
        QFile::remove(path);
        return failure(failed.isEmpty() ? QString::fromUtf8(lxw_strerror(err))
                                        : ReportExporter::tr("Cannot add sheet %1.").arg(failed));
    }
    ExportResult result;
    result.files.append(path);
    return result;
}

ExportResult AppealsExporter::writeCsv(const QString &dirPath) const
{
    ExportResult result;
    const QDir dir(dirPath);
    for (const ReportTable &t : AppealTables::monthly(m_report)) {
        const QString path = dir.filePath(baseName(m_report) + u'-' + t.key + u".csv"_s);
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return failure(ReportExporter::tr("Cannot write %1.").arg(path));
        CsvWriter csv(&out);
        csv.writeRow(t.header);
        for (const QStringList &row : t.rows)
            csv.writeRow(row);
        if (!csv.ok() || !out.commit())
            return failure(ReportExporter::tr("Cannot write %1.").arg(path));
        result.files.append(path);
    }
    return result;
}

} // namespace pd
