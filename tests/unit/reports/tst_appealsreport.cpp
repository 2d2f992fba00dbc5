// The monthly appeals report (tables, PDF, XLSX, CSV) and the weekly report's compensation and appeals
// sections, on the hand-made cache of appealtestdata.h (every figure worked out there).
#include "../kpi/appealtestdata.h"
#include "reports/appealsexporter.h"
#include "reports/appealtables.h"
#include "reports/monthlyappealsreport.h"
#include "reports/weeklyreport.h"

#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>

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

const ReportTable &table(const QList<ReportTable> &tables, const QString &key)
{
    for (const ReportTable &t : tables)
        if (t.key == key)
            return t;
    static const ReportTable none;
    return none;
}

/// The row of @p t whose first (or @p column-th) cell is @p label.
QStringList row(const ReportTable &t, const QString &label, int column = 0)
{
    for (const QStringList &r : t.rows)
        if (r.value(column) == label)
            return r;
    return {};
}

} // namespace

class TestAppealsReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void months();
    void monthlyTables();
    void files();
    void weeklySections();

private:
    std::unique_ptr<AppealCache> m_data;
    std::optional<MonthlyAppealsReport> m_report;
};

void TestAppealsReport::initTestCase()
{
    m_data = std::make_unique<AppealCache>();
    const MonthlyAppealsBuilder builder(*m_data->cache.db, shanghai());
    m_report = builder.build(QDate(2026, 11, 1), {}, u"顺达快递"_s, m_data->now);
    QVERIFY2(m_report, qPrintable(builder.lastError()));
}

void TestAppealsReport::months()
{
    QCOMPARE(MonthlyAppealsBuilder::parseMonth(u"2026-11"_s), QDate(2026, 11, 1));
    QVERIFY(!MonthlyAppealsBuilder::parseMonth(u"2026-13"_s));
    QVERIFY(!MonthlyAppealsBuilder::parseMonth(u"2026-W47"_s));
    // Dec 1 00:30 in Shanghai is Nov 30 in UTC: the last full month is November.
    QCOMPARE(MonthlyAppealsBuilder::lastFullMonth(sh(2026, 12, 1, 0, 30), shanghai()), QDate(2026, 11, 1));
    QCOMPARE(MonthlyAppealsBuilder::lastFullMonth(sh(2026, 11, 30, 23), shanghai()), QDate(2026, 10, 1));
    QCOMPARE(AppealsExporter::baseName(*m_report), u"parceldesk-appeals-2026-11"_s);
}

void TestAppealsReport::monthlyTables()
{
    const QList<ReportTable> tables = AppealTables::monthly(*m_report);
    QStringList keys;
    for (const ReportTable &t : tables)
        keys << t.key;
    QCOMPARE(keys, (QStringList{u"overview"_s, u"problems"_s, u"stations"_s, u"late"_s, u"trend"_s}));

    const ReportTable &overview = table(tables, u"overview"_s);
    QCOMPARE(overview.header.mid(1), (QStringList{u"2026-11"_s, u"2026-10"_s}));
    QCOMPARE(row(overview, AppealTables::tr("Appeals received")).mid(1), (QStringList{u"3"_s, u"1"_s}));
    QCOMPARE(row(overview, AppealTables::tr("Parcels picked up")).value(1), u"1500000"_s);
    QCOMPARE(row(overview, AppealTables::tr("Appeals per million parcels")).mid(1),
             (QStringList{u"2.00"_s, AppealTables::tr("n/a")}));
    QCOMPARE(row(overview, AppealTables::tr("At-fault appeals")).value(1), u"2"_s);
    QCOMPARE(row(overview, AppealTables::tr("At-fault appeals per million parcels")).value(1), u"1.33"_s);
    QCOMPARE(row(overview, AppealTables::tr("Answered late")).value(1), u"1"_s);
    QCOMPARE(row(overview, AppealTables::tr("Unanswered past the time limit")).value(1), u"1"_s);
    QVERIFY(m_report->overviewText().contains(u"2.00"_s));

    const ReportTable &problems = table(tables, u"problems"_s);
    QCOMPARE(problems.rows.size(), 6); // five types and the total
    QCOMPARE(row(problems, RegulatorQueries::displayName(AppealProblem::LossShortage), 1).mid(2),
             (QStringList{u"1"_s, u"33.3%"_s, u"1"_s, u"50.0%"_s}));
    QCOMPARE(row(problems, RegulatorQueries::displayName(AppealProblem::Service), 1).value(2), u"0"_s);
    QCOMPARE(row(problems, AppealTables::tr("Total"), 1).mid(2, 3),
             (QStringList{u"3"_s, u"100.0%"_s, u"2"_s}));

    const ReportTable &stations = table(tables, u"stations"_s);
    QCOMPARE(stations.rows.size(), 2);
    QCOMPARE(stations.rows[0], (QStringList{u"1"_s, u"浦东网点"_s, u"st-1"_s, u"2"_s, u"2"_s, u"1000000"_s,
                                            u"2.00"_s, u"2.00"_s}));
    QCOMPARE(stations.rows[1].value(7), u"0.00"_s);

    const ReportTable &late = table(tables, u"late"_s);
    QCOMPARE(late.rows.size(), 2);
    QCOMPARE(late.rows[0].value(1), u"SS2026-0102"_s);
    QCOMPARE(late.rows[0].value(6), u"11-18 00:00"_s);
    QCOMPARE(late.rows[0].value(8), AppealTables::tr("%1 d %2 h").arg(1).arg(9));
    QCOMPARE(late.rows[1].value(7), AppealTables::tr("not answered"));

    const ReportTable &trend = table(tables, u"trend"_s);
    QCOMPARE(trend.rows.size(), MonthlyAppealsBuilder::kTrendMonths);
    QCOMPARE(trend.rows.first().value(0), u"2025-12"_s);
    QCOMPARE(trend.rows.last().mid(0, 5),
             (QStringList{u"2026-11"_s, u"3"_s, u"2"_s, u"1500000"_s, u"2.00"_s}));
    QCOMPARE(trend.rows[10].value(1), u"1"_s); // October
}

void TestAppealsReport::files()
{
    QTemporaryDir dir;
    const ExportResult result = AppealsExporter(*m_report).run(
        int(ReportFormat::Pdf) | int(ReportFormat::Xlsx) | int(ReportFormat::Csv), dir.path());
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.files.size(), 7); // PDF, XLSX, five CSV
    const QString base = dir.filePath(u"parceldesk-appeals-2026-11"_s);
    if (const QByteArray keep = qgetenv("PD_REPORT_SAMPLE_DIR"); !keep.isEmpty())
        for (const QString &f : result.files)
            QFile::copy(f, QDir(QString::fromLocal8Bit(keep)).filePath(QFileInfo(f).fileName()));

    // PDF: three pages (overview and problem types; stations and late answers; the trend), the figures in it.
    const QString pdf = base + u".pdf"_s;
    QVERIFY(QFileInfo(pdf).size() > 10000);
    const QString info = run(u"pdfinfo"_s, {pdf});
    QVERIFY2(info.contains(QRegularExpression(u"Pages:\\s+3\\n"_s)), qPrintable(info));
    // After NFKC: the embedded font maps some ideographs to Kangxi radicals (⽹ for 网).
    const QString text =
        run(u"pdftotext"_s, {u"-layout"_s, pdf, u"-"_s}).normalized(QString::NormalizationForm_KC);
    for (const QString &needle :
         {u"SS2026-0102"_s, u"SS2026-0103"_s, u"浦东网点"_s, u"顺达快递"_s, u"1500000"_s})
        QVERIFY2(text.contains(needle), qPrintable(needle + u'\n' + text));
    QVERIFY(!text.contains(u"SS2026-0101"_s)); // answered on time: not in the late list

    // XLSX: a summary and one sheet per table.
    const QString xlsx = base + u".xlsx"_s;
    QVERIFY(QFileInfo(xlsx).size() > 3000);
    const QString workbook = run(u"unzip"_s, {u"-p"_s, xlsx, u"xl/workbook.xml"_s});
    QStringList sheets;
    const QRegularExpression name(u"<sheet name=\"([^\"]+)\""_s);
    for (auto it = name.globalMatch(workbook); it.hasNext();)
        sheets << it.next().captured(1);
    QCOMPARE(sheets, (QStringList{ReportExporter::tr("Summary"), AppealTables::tr("Overview"),
                                  AppealTables::tr("Problem types"), AppealTables::tr("Stations"),
                                  AppealTables::tr("Late answers"), AppealTables::tr("Trend")}));
    const QString strings = run(u"unzip"_s, {u"-p"_s, xlsx, u"xl/sharedStrings.xml"_s});
    QVERIFY(strings.contains(u"SS2026-0103"_s));
    const QString stationsSheet = run(u"unzip"_s, {u"-p"_s, xlsx, u"xl/worksheets/sheet4.xml"_s});
    QVERIFY2(stationsSheet.contains(u"<v>1000000</v>"_s), qPrintable(stationsSheet)); // a number, not text

    // CSV: one file per table.
    QFile csv(base + u"-stations.csv"_s);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(csv.readAll()).contains(u"1,浦东网点,st-1,2,2,1000000,2.00,2.00\r\n"_s));
    QVERIFY(QFile::exists(base + u"-late.csv"_s));
}

void TestAppealsReport::weeklySections()
{
    const WeeklyReportBuilder builder(*m_data->cache.db, shanghai());
    // 2026-W45 (Nov 2–8): appeals 101 (on time, at fault) and 102 (late); nothing paid.
    const auto w45 = builder.build(*IsoWeek::parse(u"2026-W45"_s), ReportOptions{}, m_data->now);
    QVERIFY2(w45, qPrintable(builder.lastError()));
    const QList<ReportTable> t45 = ReportTables::tables(*w45);
    const ReportTable &appeals = table(t45, u"appeals"_s);
    QCOMPARE(row(appeals, AppealTables::tr("Appeals received")).value(1), u"2"_s);
    QCOMPARE(row(appeals, AppealTables::tr("Answered on time")).value(1), u"1"_s);
    QCOMPARE(row(appeals, AppealTables::tr("Answered late")).value(1), u"1"_s);
    QCOMPARE(row(appeals, AppealTables::tr("At-fault appeals")).value(1), u"1"_s);
    QCOMPARE(w45->compensation.paid, (MoneyCount{}));
    // 2026-W46 (Nov 9–15): ¥36 compensation and ¥15 refund paid; the ¥500 request came on Nov 20.
    const auto w46 = builder.build(*IsoWeek::parse(u"2026-W46"_s), ReportOptions{}, m_data->now);
    QVERIFY(w46);
    const QList<ReportTable> t46 = ReportTables::tables(*w46);
    QCOMPARE(row(table(t46, u"compensation_categories"_s), displayName(Category::Damage)).mid(1),
             (QStringList{u"1"_s, u"36.00"_s, u"0"_s, u"0.00"_s}));
    const ReportTable &resolutions = table(t46, u"compensation_resolutions"_s);
    QCOMPARE(resolutions.rows.size(), 2);
    QCOMPARE(row(resolutions, displayName(Resolution::Refund)).value(2), u"15.00"_s);
    QCOMPARE(table(t46, u"compensation_stations"_s).rows.first().mid(0, 4),
             (QStringList{u"浦东网点"_s, u"st-1"_s, u"1"_s, u"36.00"_s}));
    QCOMPARE(row(table(t46, u"appeals"_s), AppealTables::tr("Appeals received")).value(1), u"0"_s);
    // 2026-W47 (Nov 16–22): the ¥500 request waits for approval.
    const auto w47 = builder.build(*IsoWeek::parse(u"2026-W47"_s), ReportOptions{}, m_data->now);
    QCOMPARE(w47->compensation.pending, (MoneyCount{1, 50000}));
    QCOMPARE(row(table(ReportTables::tables(*w47), u"compensation_resolutions"_s),
                 displayName(Resolution::Compensation))
                 .mid(3),
             (QStringList{u"1"_s, u"500.00"_s}));
}

QTEST_MAIN(TestAppealsReport)
#include "tst_appealsreport.moc"
