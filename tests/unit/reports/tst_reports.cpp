// Weekly reports: ISO weeks, and the three formats against the KPI queries on a hand-made cache.
#include "../kpi/kpitestdata.h"
#include "models/kpi/kpiperiod.h"
#include "models/kpi/kpiqueries.h"
#include "reports/reportexporter.h"
#include "reports/reporttables.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QSqlQuery>
#include <QStandardPaths>

#include <tuple>

using namespace pd;
using namespace pd::test;

namespace {

const QString kStationName = QStringLiteral("上海浦东站");
const QString kCourierName = QStringLiteral("张师傅");
const QString kDescription = QStringLiteral("包裹一直显示运输中，已经延迟三天");

QString run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

QString readUtf8(const QString &path, bool *bom = nullptr)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QByteArray data = f.readAll();
    if (bom)
        *bom = data.startsWith("\xEF\xBB\xBF");
    if (data.startsWith("\xEF\xBB\xBF"))
        data.remove(0, 3);
    return QString::fromUtf8(data);
}

} // namespace

class TestReports : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isoWeeks();
    void isoWeekParse_data();
    void isoWeekParse();
    void isoWeekPeriod();
    void exportsMatchKpiQueries();
    void teamReport();

private:
    /// 2026-W47 (16–22 Nov, Shanghai): 14 tickets of two teams, one the week before, parcels at two stations.
    void fill(KpiCache &cache);
    qint64 m_now = sh(2026, 11, 25, 9);
};

void TestReports::isoWeeks()
{
    QCOMPARE(IsoWeek::weeksInYear(2026), 53);
    QCOMPARE(IsoWeek::weeksInYear(2025), 52);
    QCOMPARE(IsoWeek::weeksInYear(2020), 53);
    const IsoWeek w53 = *IsoWeek::of(2026, 53);
    QCOMPARE(w53.monday(), QDate(2026, 12, 28));
    QCOMPARE(w53.sunday(), QDate(2027, 1, 3));
    QCOMPARE(IsoWeek::containing(QDate(2027, 1, 3)), w53);
    QCOMPARE(IsoWeek::containing(QDate(2027, 1, 4)), *IsoWeek::of(2027, 1));
    QCOMPARE(w53.next(), *IsoWeek::of(2027, 1));
    QCOMPARE(IsoWeek::of(2027, 1)->previous(), w53);
    // Week 1 may start in the year before: 2025-W01 is 2024-12-30 .. 2025-01-05.
    QCOMPARE(IsoWeek::of(2025, 1)->monday(), QDate(2024, 12, 30));
    QCOMPARE(IsoWeek::containing(QDate(2024, 12, 31)), *IsoWeek::of(2025, 1));
    QCOMPARE(IsoWeek::containing(QDate(2021, 1, 3)), *IsoWeek::of(2020, 53));
    QVERIFY(!IsoWeek::of(2025, 53));
    QVERIFY(!IsoWeek::of(2026, 0));
    QCOMPARE(IsoWeek::of(2026, 47)->toString(), QStringLiteral("2026-W47"));
    QCOMPARE(IsoWeek::of(2027, 1)->toString(), QStringLiteral("2027-W01"));
    QCOMPARE(IsoWeek::of(2026, 47)->monday(), QDate(2026, 11, 16));
    // Last week, seen from a Monday morning in Shanghai that is still Sunday in UTC.
    QCOMPARE(IsoWeek::lastWeek(sh(2026, 11, 23, 7), shanghai()), *IsoWeek::of(2026, 47));
    QCOMPARE(IsoWeek::lastWeek(sh(2027, 1, 4, 0, 30), shanghai()), w53);
}

void TestReports::isoWeekParse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("year");
    QTest::addColumn<int>("week");
    QTest::newRow("dash") << "2026-W47" << 2026 << 47;
    QTest::newRow("compact") << "2026W47" << 2026 << 47;
    QTest::newRow("lower, one digit") << "2026-w7" << 2026 << 7;
    QTest::newRow("week 53") << "2026-W53" << 2026 << 53;
    QTest::newRow("no week 53 in 2025") << "2025-W53" << 0 << 0;
    QTest::newRow("week 0") << "2026-W00" << 0 << 0;
    QTest::newRow("garbage") << "2026-47" << 0 << 0;
    QTest::newRow("empty") << "" << 0 << 0;
}

void TestReports::isoWeekParse()
{
    QFETCH(QString, text);
    QFETCH(int, year);
    QFETCH(int, week);
    const auto w = IsoWeek::parse(text);
    QCOMPARE(w.has_value(), year != 0);
    if (w) {
        QCOMPARE(w->year(), year);
        QCOMPARE(w->week(), week);
    }
}

void TestReports::isoWeekPeriod()
{
    // Shanghai: the week starts at 16:00 UTC the Sunday before; 2026-W53 ends at 2027-01-03 16:00 UTC.
    const KpiPeriod p = IsoWeek::of(2026, 53)->period(shanghai());
    QCOMPARE(p.from, utc(2026, 12, 27, 16));
    QCOMPARE(p.to, utc(2027, 1, 3, 16));
    QCOMPARE(p.days(), 7);
    // A zone with daylight saving: the week of the switch is 167 hours long.
    const QTimeZone berlin("Europe/Berlin");
    const KpiPeriod dst = IsoWeek::of(2026, 13)->period(berlin);
    QCOMPARE(dst.to - dst.from, 167 * kHour);
    // Local times of the ticket list, across the switch (01:00 UTC) and before 1970.
    WeeklyReport r;
    r.zone = berlin;
    QCOMPARE(r.localTime(utc(2026, 3, 29, 0, 59)), QStringLiteral("2026-03-29 01:59"));
    QCOMPARE(r.localTime(utc(2026, 3, 29, 1, 0)), QStringLiteral("2026-03-29 03:00"));
    QCOMPARE(r.localTime(utc(2026, 3, 28, 23, 0)), QStringLiteral("2026-03-29 00:00"));
    r.zone = shanghai();
    QCOMPARE(r.localTime(utc(2026, 12, 31, 16, 5)), QStringLiteral("2027-01-01 00:05"));
    QCOMPARE(r.localTime(utc(1969, 12, 31, 15, 59)), QStringLiteral("1969-12-31 23:59"));
}

void TestReports::fill(KpiCache &cache)
{
    QList<Ticket> tickets;
    QList<Parcel> parcels;
    for (int n = 1; n <= 14; ++n) {
        // Two tickets a day, Monday to Sunday, 09:00 and 15:00 Shanghai.
        Ticket t = kpiTicket(n, sh(2026, 11, 16 + (n - 1) / 2, n % 2 ? 9 : 15));
        t.teamId = n % 3 == 0 ? QStringLiteral("team-b") : QStringLiteral("team-a");
        t.category = n % 4 == 0 ? Category::Damage : Category::Delay;
        t.description = kDescription;
        t.waybillNo = QStringLiteral("SF%1").arg(3000000000000LL + n);
        if (n % 5 != 0)
            t.firstResponseAt = t.createdAt + qint64(n * 4) * kMin; // 4..56 min
        if (n <= 8) {
            t = resolved(t, t.createdAt + 2 * kHour);
            t.csat = n % 2 ? 5 : 3;
            t.nps = n % 3 ? 10 : 4;
        }
        t.updatedAt = t.createdAt + 3 * kHour;
        tickets << t;
        Parcel p = delivered(n, sh(2026, 11, 17, 12), std::nullopt);
        p.waybillNo = t.waybillNo;
        p.stationId = n % 2 ? QStringLiteral("st-1") : QStringLiteral("st-2");
        p.courierId = QStringLiteral("co-%1").arg(n % 3);
        parcels << p;
    }
    for (int n = 0; n < 30; ++n) { // more deliveries without complaints
        Parcel p = delivered(100 + n, sh(2026, 11, 18, 12), std::nullopt);
        p.stationId = QStringLiteral("st-1");
        p.courierId = QStringLiteral("co-1");
        parcels << p;
    }
    Ticket before = kpiTicket(99, sh(2026, 11, 12, 10)); // the week before
    before.firstResponseAt = before.createdAt + 5 * kMin;
    tickets << before;
    cache.add(tickets);
    cache.addParcels(parcels);
    // The server's volume figures of those parcels (the deliveries the rates divide by).
    QMap<std::tuple<QDate, QString, QString>, qint64> days;
    for (const Parcel &p : std::as_const(parcels))
        ++days[{KpiPeriods::localDate(*p.deliveredAt, shanghai()), p.stationId, p.courierId}];
    QList<ParcelVolume> volumes;
    for (auto it = days.cbegin(); it != days.cend(); ++it)
        volumes << volume(std::get<0>(it.key()), std::get<1>(it.key()), std::get<2>(it.key()), it.value(),
                          it.value());
    cache.addVolume(volumes);
    QSqlQuery q(cache.db->connection());
    QVERIFY(
        q.exec(QStringLiteral("INSERT INTO stations(id, name) VALUES ('st-1', '%1'), ('st-2', '北京朝阳站')")
                   .arg(kStationName)));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO couriers(id, name) VALUES ('co-1', '%1')").arg(kCourierName)));
}

void TestReports::exportsMatchKpiQueries()
{
    KpiCache cache;
    fill(cache);
    const IsoWeek week = *IsoWeek::of(2026, 47);
    const WeeklyReportBuilder builder(*cache.db, shanghai());
    ReportOptions options;
    options.companyName = QStringLiteral("顺达快递");
    const auto report = builder.build(week, options, m_now);
    QVERIFY2(report, qPrintable(builder.lastError()));

    // The data equals the KPI queries (one definition of each figure).
    const KpiQueries kpi(*cache.db, shanghai());
    KpiFilter filter{week.period(shanghai()).from, week.period(shanghai()).to, {}, {}};
    const KpiSnapshot s = kpi.summary(filter, m_now);
    QCOMPARE(report->current.created, 14);
    QCOMPARE(report->current.created, s.created);
    QCOMPARE(report->current.firstResponseCompliance, s.firstResponseCompliance);
    QCOMPARE(report->previous.created, 1);
    qint64 daily = 0;
    for (const DailyVolume &d : report->daily) {
        QCOMPARE(d.created, 2);
        daily += d.created;
    }
    QCOMPARE(daily, s.created);
    qint64 answered = 0;
    for (const ResponseBucket &b : report->firstResponse)
        answered += b.count;
    QCOMPARE(answered, s.firstResponse.count);
    QCOMPARE(report->firstResponse[0].count, 1); // 4 min
    QCOMPARE(report->stations.size(), 2);
    // st-2: 7 complaints / 7 parcels; st-1: 7 / 37.
    QCOMPARE(report->stations[0].id, QStringLiteral("st-2"));
    QCOMPARE(report->stations[0].per10k().value(), 10000.0);
    QCOMPARE(report->stations[1].name, kStationName);
    QCOMPARE(report->stations[1].delivered, 37);

    QTemporaryDir out;
    ReportExporter exporter(builder, *report);
    qint64 lastDone = -1;
    exporter.setProgress([&](qint64 done, qint64, const QString &) {
        lastDone = done;
        return true;
    });
    const ExportResult result =
        exporter.run(int(ReportFormat::Pdf) | int(ReportFormat::Xlsx) | int(ReportFormat::Csv), out.path());
    QVERIFY2(result.ok, qPrintable(result.error));
    QVERIFY(lastDone >= 0);
    // PD_REPORT_SAMPLE_DIR keeps a copy of the files (docs/screenshots/report-page1.png is rendered from it).
    if (const QString keep = qEnvironmentVariable("PD_REPORT_SAMPLE_DIR"); !keep.isEmpty())
        for (const QString &f : result.files)
            QFile::copy(f, QDir(keep).filePath(QFileInfo(f).fileName()));
    const QString base = out.filePath(QStringLiteral("parceldesk-2026-W47"));
    const QString compliance =
        KpiInfo::format(Kpi::FirstResponseCompliance, s.firstResponseCompliance.value());
    const QString median = KpiInfo::format(Kpi::FirstResponseMedian, s.firstResponse.medianMs);
    const QString nps = KpiInfo::format(Kpi::Nps, s.nps.score());

    // CSV: BOM, the KPI row as the KPI module formats it, every ticket with its Chinese text.
    bool bom = false;
    const QString summaryCsv = readUtf8(base + QStringLiteral("-summary.csv"), &bom);
    QVERIFY(bom);
    const QString label = KpiInfo::label(Kpi::FirstResponseCompliance);
    QVERIFY2(summaryCsv.contains(label + u',' + compliance + u','), qPrintable(summaryCsv));
    QVERIFY(summaryCsv.contains(KpiInfo::label(Kpi::FirstResponseMedian) + u',' + median + u','));
    QVERIFY(summaryCsv.contains(QStringLiteral("\r\n")));
    const QString ticketsCsv = readUtf8(base + QStringLiteral("-tickets.csv"));
    QCOMPARE(ticketsCsv.count(kDescription), 14);
    QCOMPARE(ticketsCsv.count(QStringLiteral("\r\n")), 15);
    QVERIFY(readUtf8(base + QStringLiteral("-stations.csv"))
                .contains(kStationName + QStringLiteral(",st-1,7,37,")));
    QVERIFY(readUtf8(base + QStringLiteral("-daily.csv")).contains(QStringLiteral("2026-11-22,2,")));

    // XLSX: the sheets' XML (constant-memory mode writes inline strings).
    const QString xlsx = base + QStringLiteral(".xlsx");
    const QString workbook =
        run(QStringLiteral("unzip"), {QStringLiteral("-p"), xlsx, QStringLiteral("xl/workbook.xml")});
    QVERIFY2(workbook.contains(QStringLiteral("Tickets")), qPrintable(workbook));
    const QString sheets = run(QStringLiteral("unzip"),
                               {QStringLiteral("-p"), xlsx, QStringLiteral("xl/worksheets/sheet*.xml")});
    QCOMPARE(sheets.count(kDescription), 14);
    QVERIFY(sheets.contains(kStationName));
    QVERIFY(sheets.contains(QStringLiteral("顺达快递")));
    QVERIFY2(sheets.contains(QStringLiteral("<t>%1</t>").arg(median)), qPrintable(median));
    // Shares are numbers in a percent format: the compliance ratio itself.
    const double share = compliance.chopped(1).toDouble() / 100.0;
    QVERIFY2(sheets.contains(QStringLiteral("<v>%1</v>").arg(QString::asprintf("%.16G", share))),
             qPrintable(compliance));
    const QString charts = run(QStringLiteral("unzip"), {QStringLiteral("-l"), xlsx});
    QVERIFY(charts.contains(QStringLiteral("xl/charts/chart1.xml")));

    // PDF: its text, and the CJK font embedded.
    const QString pdf = base + QStringLiteral(".pdf");
    const QString text =
        run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY2(!text.isEmpty(), "pdftotext printed nothing");
    QVERIFY(text.contains(QStringLiteral("顺达快递")));
    QVERIFY(text.contains(kStationName));
    QVERIFY2(text.contains(compliance), qPrintable(compliance));
    QVERIFY2(text.contains(median), qPrintable(median + u'\n' + text));
    QVERIFY(text.contains(nps));
    QVERIFY(text.contains(QStringLiteral("2026-W47")));
    QVERIFY(text.contains(QStringLiteral("Page 2")));
    if (!ReportExporter::cjkFamily().isEmpty()) {
        const QString fonts = run(QStringLiteral("pdffonts"), {pdf});
        QVERIFY2(fonts.contains(QStringLiteral("CJK")), qPrintable(fonts));
    }
}

void TestReports::teamReport()
{
    KpiCache cache;
    fill(cache);
    const IsoWeek week = *IsoWeek::of(2026, 47);
    const WeeklyReportBuilder builder(*cache.db, shanghai());
    ReportOptions options;
    options.teamId = QStringLiteral("team-b");
    const auto report = builder.build(week, options, m_now);
    QVERIFY(report);
    const KpiQueries kpi(*cache.db, shanghai());
    const KpiSnapshot s = kpi.summary(
        {week.period(shanghai()).from, week.period(shanghai()).to, QStringLiteral("team-b"), {}}, m_now);
    QCOMPARE(report->current.created, 4); // n = 3, 6, 9, 12
    QCOMPARE(report->current.created, s.created);
    qint64 listed = 0;
    QVERIFY(builder.forEachTicket(*report, [&](const ReportTicket &t) {
        ++listed;
        return t.teamId == QStringLiteral("team-b");
    }));
    QCOMPARE(listed, 4);
    QCOMPARE(builder.ticketCount(*report), 4);
    QCOMPARE(ReportExporter::baseName(*report), QStringLiteral("parceldesk-2026-W47-team-b"));
}

QTEST_MAIN(TestReports)
#include "tst_reports.moc"
