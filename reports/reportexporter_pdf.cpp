// PDF output of ReportExporter: A4 through QPdfWriter + QPainter, the CJK font embedded (subset), a header
// with company and week and a page number on every page, tables that repeat their header after a page break.
#include "effecttables.h"
#include "pdfpages.h"
#include "reportexporter.h"

#include <QFontDatabase>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

/// Rows of the long tables the PDF shows; the XLSX and CSV hold them all.
constexpr int kPdfTopRows = 50;

/// The page of bar charts: category mix, daily volume with the compliance line, first-response distribution.
void chartPage(PdfPages &pdf, const WeeklyReport &report)
{
    QStringList catLabels;
    QList<double> catValues;
    for (const CategoryCount &c : report.categories) {
        catLabels << displayName(c.category);
        catValues << double(c.count);
    }
    pdf.newPage();
    pdf.bars(ReportExporter::tr("Category mix"), catLabels, catValues);
    QStringList days;
    QList<double> volume;
    QList<std::optional<double>> compliance;
    for (const DailyVolume &d : report.daily) {
        days << QLocale().toString(d.day, u"ddd MM-dd"_s);
        volume << double(d.created);
        compliance << d.compliance.value();
    }
    pdf.bars(ReportExporter::tr("Daily volume (bars) and first-response SLA compliance (line)"), days, volume,
             compliance);
    QStringList buckets;
    QList<double> counts;
    for (const ResponseBucket &b : report.firstResponse) {
        buckets << b.label();
        counts << double(b.count);
    }
    pdf.bars(ReportExporter::tr("First response time distribution"), buckets, counts);
}

} // namespace

QString ReportExporter::cjkFamily(const QString &language)
{
    const QStringList families = QFontDatabase::families();
    const bool traditional = language.startsWith(u"zh_TW") || language.startsWith(u"zh_HK");
    const QStringList wanted =
        traditional ? QStringList{u"Noto Sans CJK TC"_s, u"Noto Sans CJK SC"_s, u"Noto Sans CJK JP"_s}
                    : QStringList{u"Noto Sans CJK SC"_s, u"Noto Sans CJK TC"_s, u"Noto Sans CJK JP"_s};
    for (const QString &w : wanted)
        if (families.contains(w))
            return w;
    return {};
}

ExportResult ReportExporter::writePdf(const QString &path)
{
    ExportResult result;
    const QList<ReportTable> tables = ReportTables::tables(m_report);
    QString family = cjkFamily(QLocale().name());
    if (family.isEmpty())
        family = QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(14, 12, 14, 12), QPageLayout::Millimeter);
        writer.setResolution(72);
        writer.setTitle(m_report.title());
        writer.setCreator(QStringLiteral("ParcelDesk"));
        PdfPages pdf(writer, family, m_report.companyName,
                     tr("Weekly report %1").arg(m_report.week.toString()) +
                         (m_report.teamId.isEmpty() ? QString() : QStringLiteral(" · ") + m_report.teamId));
        if (!pdf.ok()) {
            result.ok = false;
            result.error = tr("Cannot write %1.").arg(path);
            return result;
        }
        const int steps = 6;
        report(0, steps, tr("PDF"));
        pdf.title(m_report.title(), m_report.week.displayName());
        pdf.note(m_report.coverageLine());

        const ReportTable &summary = tableOf(tables, u"summary");
        pdf.table(summary, 0, [&](int row, int) -> QColor {
            if (row == 0 || row - 1 >= m_report.kpis.size())
                return {};
            const auto meets = m_report.kpis[row - 1].meetsTarget;
            if (!meets)
                return {};
            return *meets ? QColor(0x2E, 0x7D, 0x32) : QColor(0xC6, 0x28, 0x28);
        });
        pdf.table(tableOf(tables, u"satisfaction"), 0);
        report(1, steps, tr("PDF"));

        chartPage(pdf, m_report);
        report(2, steps, tr("PDF"));

        pdf.newPage();
        pdf.table(tableOf(tables, u"categories"), 0);
        pdf.table(tableOf(tables, u"daily"), 0);
        pdf.table(tableOf(tables, u"first_response"), 0);
        report(3, steps, tr("PDF"));
        pdf.table(tableOf(tables, u"stations"), kPdfTopRows);
        pdf.table(tableOf(tables, u"couriers"), kPdfTopRows);
        report(4, steps, tr("PDF"));
        pdf.table(tableOf(tables, u"agents"), 0);
        pdf.table(tableOf(tables, u"breaches"), 0);
        pdf.newPage();
        for (const QStringView key :
             {u"compensation_categories", u"compensation_stations", u"compensation_resolutions", u"appeals"})
            pdf.table(tableOf(tables, key), kPdfTopRows);
        // Proactive notices: the server's figures of the week, or one sentence saying why there are none.
        if (const QString missing = EffectTables::missing(m_report.effect); !missing.isEmpty()) {
            pdf.heading(EffectTables::title());
            pdf.paragraph(missing);
        } else {
            pdf.table(tableOf(tables, u"proactive"), 0);
            pdf.table(tableOf(tables, u"proactive_effect"), 0);
        }
        report(5, steps, tr("PDF"));
    }
    result.files.append(path);
    report(6, 6, tr("PDF"));
    return result;
}

} // namespace pd
