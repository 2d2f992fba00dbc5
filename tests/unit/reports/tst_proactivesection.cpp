// The weekly report's proactive notices section (docs/reports.md, "Proactive notices"): with the server's
// figures of the week, the two groups side by side and the effect, the same cells in the CSV, the XLSX and
// the PDF; without figures (not fetched, refused, failed, no exception in the week, another period's figures)
// one sentence saying why, in every format, and no figure at all.
#include "../kpi/kpitestdata.h"
#include "reports/effecttables.h"
#include "reports/reportexporter.h"
#include "reports/reporttables.h"

#include <QFile>
#include <QProcess>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll().mid(3)); // after the BOM
}

const ReportTable *tableOf(const QList<ReportTable> &tables, const QString &key)
{
    for (const ReportTable &t : tables)
        if (t.key == key)
            return &t;
    return nullptr;
}

/// The worked example: 40 parcels told first (3 complained: 7.5 %), 60 others (9 complained: 15.0 %), so the
/// told complain 50 % less.
EffectFigures figuresOf(const KpiPeriod &period)
{
    EffectFigures f;
    f.from = period.from;
    f.to = period.to;
    f.parcelsWithException = 100;
    f.notifiedFirst = {40, 3, 7.5, 4.5, 2};
    f.notNotifiedFirst = {60, 9, 15.0, 2.4, 4};
    f.shareNotifiedFirstPercent = 40.0;
    f.medianMinutesToNotice = 35.5;
    return f;
}

} // namespace

class TestProactiveSection final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void figuresInEveryFormat();
    void sentenceInsteadOfFigures_data();
    void sentenceInsteadOfFigures();

private:
    /// The report of 2026-W47 (an empty cache) with @p effect, written as PDF, XLSX and CSV into @p dir.
    std::optional<WeeklyReport> write(const ReportEffect &effect, const QString &dir);
    /// The PDF's text on one line, runs of spaces as one.
    static QString pdfText(const QString &dir);
    /// The XML of the XLSX sheet holding the table @p key.
    static QString sheetXml(const WeeklyReport &report, const QString &dir, const QString &key);

    KpiCache m_cache;
    IsoWeek m_week = *IsoWeek::of(2026, 47);
    qint64 m_now = sh(2026, 11, 25, 9);
};

std::optional<WeeklyReport> TestProactiveSection::write(const ReportEffect &effect, const QString &dir)
{
    const WeeklyReportBuilder builder(*m_cache.db, shanghai());
    ReportOptions options;
    options.effect = effect;
    auto report = builder.build(m_week, options, m_now);
    if (!report)
        return std::nullopt;
    ReportExporter exporter(builder, *report);
    const ExportResult result =
        exporter.run(int(ReportFormat::Pdf) | int(ReportFormat::Xlsx) | int(ReportFormat::Csv), dir);
    if (!result.ok) {
        qWarning() << "export:" << result.error;
        return std::nullopt;
    }
    return report;
}

QString TestProactiveSection::pdfText(const QString &dir)
{
    return run(u"pdftotext"_s, {u"-layout"_s, dir + u"/parceldesk-2026-W47.pdf"_s, u"-"_s}).simplified();
}

QString TestProactiveSection::sheetXml(const WeeklyReport &report, const QString &dir, const QString &key)
{
    // Sheet 1 is the summary, then one sheet per table in the tables' order.
    const QList<ReportTable> tables = ReportTables::tables(report);
    for (int i = 0; i < tables.size(); ++i)
        if (tables[i].key == key)
            return run(u"unzip"_s, {u"-p"_s, dir + u"/parceldesk-2026-W47.xlsx"_s,
                                    u"xl/worksheets/sheet%1.xml"_s.arg(i + 2)});
    return {};
}

void TestProactiveSection::figuresInEveryFormat()
{
    QTemporaryDir out;
    const KpiPeriod period = m_week.period(shanghai());
    const auto report = write({figuresOf(period), EffectGap::NotFetched}, out.path());
    QVERIFY(report);
    QVERIFY(report->effect.figures);
    QCOMPARE(report->effect.figures->complaintReductionPercent().value(), 50.0);
    QVERIFY(EffectTables::missing(report->effect).isEmpty());

    // The tables: the two groups side by side, then the effect.
    const QList<ReportTable> tables = ReportTables::tables(*report);
    const ReportTable *groups = tableOf(tables, u"proactive"_s);
    const ReportTable *effect = tableOf(tables, u"proactive_effect"_s);
    QVERIFY(groups && effect);
    QCOMPARE(groups->header,
             (QStringList{u"Measure"_s, u"Notified before any complaint"_s, u"Not notified first"_s}));
    const QList<QStringList> groupRows{{u"Parcels"_s, u"40"_s, u"60"_s},
                                       {u"Complained"_s, u"3"_s, u"9"_s},
                                       {u"Complaint rate"_s, u"7.5%"_s, u"15.0%"_s},
                                       {u"CSAT mean (1–5)"_s, u"4.5"_s, u"2.4"_s},
                                       {u"CSAT answers"_s, u"2"_s, u"4"_s}};
    QCOMPARE(groups->rows, groupRows);
    const QList<QStringList> effectRows{{u"Parcels with an exception"_s, u"100"_s},
                                        {u"Share notified before any complaint"_s, u"40.0%"_s},
                                        {u"Median minutes from detection to notice"_s, u"35.5"_s},
                                        {u"Complaint rate reduction of the notified"_s, u"50.0%"_s}};
    QCOMPARE(effect->rows, effectRows);

    // CSV: one file per table, the same cells.
    const QString base = out.filePath(u"parceldesk-2026-W47"_s);
    const QString groupsCsv = readCsv(base + u"-proactive.csv"_s);
    QVERIFY2(groupsCsv.startsWith(u"Measure,Notified before any complaint,Not notified first\r\n"_s),
             qPrintable(groupsCsv));
    for (const QStringList &row : groupRows)
        QVERIFY2(groupsCsv.contains(row.join(u',') + u"\r\n"_s), qPrintable(row.join(u',')));
    const QString effectCsv = readCsv(base + u"-proactive_effect.csv"_s);
    for (const QStringList &row : effectRows)
        QVERIFY2(effectCsv.contains(row.join(u',') + u"\r\n"_s), qPrintable(row.join(u',')));

    // XLSX: counts and minutes are numbers, rates and shares numbers in a percent format.
    const QString groupsXml = sheetXml(*report, out.path(), u"proactive"_s);
    QVERIFY2(groupsXml.contains(u"<t>Notified before any complaint</t>"_s), qPrintable(groupsXml));
    for (const QString &v : {u"40"_s, u"60"_s, u"3"_s, u"9"_s, u"0.075"_s, u"0.15"_s, u"4.5"_s, u"2.4"_s})
        QVERIFY2(groupsXml.contains(u"<v>%1</v>"_s.arg(v)), qPrintable(v));
    const QString effectXml = sheetXml(*report, out.path(), u"proactive_effect"_s);
    for (const QString &v : {u"100"_s, u"0.4"_s, u"35.5"_s, u"0.5"_s})
        QVERIFY2(effectXml.contains(u"<v>%1</v>"_s.arg(v)), qPrintable(v + u'\n' + effectXml));
    const QString workbook = run(u"unzip"_s, {u"-p"_s, base + u".xlsx"_s, u"xl/workbook.xml"_s});
    QVERIFY(workbook.contains(u"name=\"Proactive notices\""_s));
    QVERIFY(workbook.contains(u"name=\"Notice effect\""_s));

    // PDF: the section's rows as drawn.
    const QString text = pdfText(out.path());
    QVERIFY2(text.contains(u"Proactive notices: parcels with an exception detected in the week"_s),
             qPrintable(text));
    QVERIFY(text.contains(u"Measure Notified before any complaint Not notified first"_s));
    QVERIFY(text.contains(u"Parcels 40 60"_s));
    QVERIFY(text.contains(u"Complaint rate 7.5% 15.0%"_s));
    // (The CJK font's en dash comes out of pdftotext as a figure dash.)
    QVERIFY2(text.contains(u"5) 4.5 2.4 CSAT answers 2 4"_s),
             qPrintable(text.mid(text.indexOf(u"Proactive notices:"_s))));
    QVERIFY(text.contains(u"Share notified before any complaint 40.0%"_s));
    QVERIFY(text.contains(u"Median minutes from detection to notice 35.5"_s));
    QVERIFY(text.contains(u"Complaint rate reduction of the notified 50.0%"_s));
}

void TestProactiveSection::sentenceInsteadOfFigures_data()
{
    QTest::addColumn<int>("gap");
    QTest::addColumn<int>("parcels");      ///< parcels with an exception of the figures; -1: no figures
    QTest::addColumn<qint64>("shiftFrom"); ///< the figures' period moved by this much
    QTest::addColumn<QString>("sentence");
    const QString notReached = u"No proactive notice figures: they come from the server, which could not be "
                               "reached when this report was written."_s;
    QTest::newRow("not fetched") << int(EffectGap::NotFetched) << -1 << qint64(0) << notReached;
    QTest::newRow("not allowed")
        << int(EffectGap::NotAllowed) << -1 << qint64(0)
        << u"No proactive notice figures: the server lets only supervisors and managers read them."_s;
    const QString failed = u"No proactive notice figures: the server could not give them for this week."_s;
    QTest::newRow("failed") << int(EffectGap::Failed) << -1 << qint64(0) << failed;
    QTest::newRow("no exception in the week")
        << int(EffectGap::NotFetched) << 0 << qint64(0)
        << u"No parcel had an exception detected in this week, so there are no proactive notice figures."_s;
    QTest::newRow("another period") << int(EffectGap::NotFetched) << 100 << qint64(-kHour) << failed;
}

void TestProactiveSection::sentenceInsteadOfFigures()
{
    QFETCH(int, gap);
    QFETCH(int, parcels);
    QFETCH(qint64, shiftFrom);
    QFETCH(QString, sentence);
    ReportEffect effect{std::nullopt, EffectGap(gap)};
    if (parcels >= 0) {
        KpiPeriod period = m_week.period(shanghai());
        period.from += shiftFrom;
        EffectFigures f = figuresOf(period);
        f.parcelsWithException = parcels;
        if (parcels == 0)
            f.notifiedFirst = f.notNotifiedFirst = {};
        effect.figures = f;
    }
    QTemporaryDir out;
    const auto report = write(effect, out.path());
    QVERIFY(report);
    QCOMPARE(EffectTables::missing(report->effect), sentence);

    // One table of one cell: the sentence.
    const QList<ReportTable> tables = ReportTables::tables(*report);
    const ReportTable *section = tableOf(tables, u"proactive"_s);
    QVERIFY(section);
    QCOMPARE(section->header, QStringList{u"Proactive notices"_s});
    QCOMPARE(section->rows, QList<QStringList>{{sentence}});
    QVERIFY(!tableOf(tables, u"proactive_effect"_s));

    // CSV: the sentence (quoted when it holds a comma) and nothing else; no effect file.
    const QString base = out.filePath(u"parceldesk-2026-W47"_s);
    const QString csv = readCsv(base + u"-proactive.csv"_s);
    const QString cell = sentence.contains(u',') ? u'"' + sentence + u'"' : sentence;
    QCOMPARE(csv, u"Proactive notices\r\n%1\r\n"_s.arg(cell));
    QVERIFY(!QFile::exists(base + u"-proactive_effect.csv"_s));

    // XLSX: the sheet holds the sentence as text, and no number.
    const QString xml = sheetXml(*report, out.path(), u"proactive"_s);
    QVERIFY2(xml.contains(u"<t>%1</t>"_s.arg(sentence)), qPrintable(xml));
    QVERIFY(!xml.contains(u"<v>"_s));

    // PDF: the heading and the sentence, no table of zeros.
    const QString text = pdfText(out.path());
    QVERIFY2(text.contains(u"Proactive notices "_s + sentence), qPrintable(text));
    QVERIFY(!text.contains(u"Complaint rate"_s));
    QVERIFY(!text.contains(u"Notified before any complaint"_s));
}

QTEST_MAIN(TestProactiveSection)
#include "tst_proactivesection.moc"
