// The weekly report's files as a manager reads them (issue 24, item 13): the ticket list names teams, agents,
// stations and priorities beside their codes; units (min, h, pp) are in the reader's language; a KPI without
// a target says so; chart labels are whole and the compliance line never covers a bar's value.
#include "reportfixture.h"
#include "reports/barchart.h"
#include "reports/reportexporter.h"
#include "reports/reporttables.h"
#include "ui/common/language.h"

#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;

namespace {

/// The rows of a CSV file written by CsvWriter (BOM, CRLF, RFC 4180 quotes).
QList<QStringList> readCsv(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(f.readAll());
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> rows{{}};
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text[i + 1] == u'"')
                cell += text[++i];
            else if (c == u'"')
                quoted = false;
            else
                cell += c;
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            rows.last() << std::exchange(cell, QString());
        } else if (c == u'\r' && i + 1 < text.size() && text[i + 1] == u'\n') {
            rows.last() << std::exchange(cell, QString());
            rows.append(QStringList());
            ++i;
        } else {
            cell += c;
        }
    }
    if (rows.last().isEmpty())
        rows.removeLast();
    return rows;
}

QString pdfText(const QString &path, int firstPage = 1, int lastPage = 99)
{
    QProcess p;
    p.start(u"pdftotext"_s,
            {u"-f"_s, QString::number(firstPage), u"-l"_s, QString::number(lastPage), path, u"-"_s});
    if (!p.waitForFinished(60000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace

class TestReportFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase() { QVERIFY(Language::apply(u"en"_s)); }
    void ticketListNamesBesideCodes();
    void unitsInTheReadersLanguage_data();
    void unitsInTheReadersLanguage();
    void chartLabelsWhole();
    void lineNeverCoversValues();

private:
    /// Exports @p formats in the current language; the folder they went to, with files
    /// "parceldesk-2026-W47…".
    QString exportAll(int formats);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    test::ReportFixture m_fixture;
    int m_exports = 0;
};

void TestReportFiles::initTestCase()
{
    QCoreApplication::setOrganizationName(u"ParcelDeskTests"_s);
    QCoreApplication::setApplicationName(u"tst_report_files"_s);
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.filePath(u"settings"_s));
    QString error;
    m_db = Database::open(m_dir.filePath(u"cache.sqlite"_s), &error);
    QVERIFY2(m_db, qPrintable(error));
    QVERIFY2(m_fixture.fill(*m_db, &error), qPrintable(error));
}

QString TestReportFiles::exportAll(int formats)
{
    const WeeklyReportBuilder builder(*m_db, m_fixture.zone);
    const auto report = builder.build(m_fixture.week, ReportOptions(), m_fixture.monday() + 10 * 86400000LL);
    if (!report)
        return {};
    // PD_REPORT_FILES=<dir> keeps the files for a look.
    const QString keep = qEnvironmentVariable("PD_REPORT_FILES");
    const QString out =
        (keep.isEmpty() ? m_dir.path() : keep) + u"/%1-%2"_s.arg(++m_exports).arg(Language::current());
    ReportExporter exporter(builder, *report);
    return exporter.run(formats, out).ok ? out + u"/parceldesk-2026-W47"_s : QString();
}

void TestReportFiles::ticketListNamesBesideCodes()
{
    QVERIFY(Language::apply(u"en"_s));
    const QString base = exportAll(int(ReportFormat::Csv));
    QVERIFY(!base.isEmpty());
    const QList<QStringList> rows = readCsv(base + u"-tickets.csv"_s);
    QCOMPARE(rows.size(), 41); // the header and the week's 40 tickets
    const QStringList header = rows.first();
    QCOMPARE(header.mid(3, 12), (QStringList{u"Priority"_s, u"Priority code"_s, u"Status"_s, u"Team"_s,
                                             u"Team id"_s, u"Assignee"_s, u"Assignee id"_s, u"Waybill"_s,
                                             u"Station"_s, u"Station id"_s, u"Courier"_s, u"Courier id"_s}));
    QCOMPARE(header.at(ReportTables::kCustomerPhoneColumn), u"Customer phone"_s);
    // Ticket 4 (fixtures.h): team-b, u-agent1, P4; its parcel at st-1 with c-1.
    const QStringList t4 = rows.at(5);
    QCOMPARE(t4.at(0), u"C2611-000004"_s);
    QCOMPARE(t4.mid(3, 2), (QStringList{u"P4 low"_s, u"p4"_s}));
    QCOMPARE(t4.mid(6, 4), (QStringList{test::ReportFixture::kTeamB, u"team-b"_s,
                                        test::ReportFixture::kAgent1, u"u-agent1"_s}));
    QCOMPARE(t4.mid(11, 4), (QStringList{test::ReportFixture::kStation, u"st-1"_s,
                                         test::ReportFixture::kCourier, u"c-1"_s}));
    // Ticket 0 has nobody assigned: both assignee columns empty.
    QCOMPARE(rows.at(1).mid(8, 2), (QStringList{QString(), QString()}));
    QCOMPARE(rows.at(6).mid(6, 4), (QStringList{test::ReportFixture::kTeamA, u"team-a"_s,
                                                test::ReportFixture::kAgent2, u"u-agent2"_s}));

    // The summary: Backlog has no target and says so ("n/a" is for a KPI without a value).
    const QList<QStringList> summary = readCsv(base + u"-summary.csv"_s);
    int noTarget = 0;
    for (const QStringList &row : summary) {
        if (row.first() == u"Backlog"_s || row.first() == u"Complaints"_s) {
            QCOMPARE(row.at(4), u"—"_s);
            QCOMPARE(row.at(5), u"no target"_s);
            ++noTarget;
        }
    }
    QCOMPARE(noTarget, 2);
}

void TestReportFiles::unitsInTheReadersLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("buckets");
    QTest::addColumn<QString>("percentagePoints");
    QTest::addColumn<QString>("noTarget");
    QTest::newRow("en") << u"en"_s << QStringList{u"< 5 min"_s,   u"5–10 min"_s, u"10–30 min"_s,
                                                  u"30–60 min"_s, u"1–4 h"_s,    u"≥ 4 h"_s}
                        << u" pp"_s << u"no target"_s;
    QTest::newRow("zh_CN") << u"zh_CN"_s << QStringList{u"< 5 分钟"_s,   u"5–10 分钟"_s, u"10–30 分钟"_s,
                                                        u"30–60 分钟"_s, u"1–4 小时"_s,  u"≥ 4 小时"_s}
                           << u" 个百分点"_s << u"无目标"_s;
    QTest::newRow("zh_TW") << u"zh_TW"_s << QStringList{u"< 5 分鐘"_s,   u"5–10 分鐘"_s, u"10–30 分鐘"_s,
                                                        u"30–60 分鐘"_s, u"1–4 小時"_s,  u"≥ 4 小時"_s}
                           << u" 個百分點"_s << u"無目標"_s;
}

void TestReportFiles::unitsInTheReadersLanguage()
{
    QFETCH(QString, language);
    QFETCH(QStringList, buckets);
    QFETCH(QString, percentagePoints);
    QFETCH(QString, noTarget);
    QVERIFY(Language::apply(language));
    const QString base = exportAll(int(ReportFormat::Csv) | int(ReportFormat::Pdf));
    QVERIFY(!base.isEmpty());

    // The first-response distribution: 2, 7, 20, 45 min, 2 h and 5 h, one unit per label.
    const QList<QStringList> frt = readCsv(base + u"-first_response.csv"_s);
    QCOMPARE(frt.size(), 7);
    QStringList labels;
    for (qsizetype i = 1; i < frt.size(); ++i)
        labels << frt[i].first();
    QCOMPARE(labels, buckets);
    QCOMPARE(frt.at(1).at(1), u"7"_s); // tickets 0, 6, …, 36 answered in 2 minutes

    // The summary's changes: first-response compliance 30.0% → 52.5%, in percentage points in the reader's
    // words; Backlog and Complaints have no target and say so.
    const QList<QStringList> summary = readCsv(base + u"-summary.csv"_s);
    QCOMPARE(summary.at(2).at(3), u"▲ +22.5"_s + percentagePoints);
    int withoutTarget = 0;
    for (const QStringList &row : summary) {
        if (row.at(4) == u"—"_s) {
            QCOMPARE(row.at(5), noTarget);
            ++withoutTarget;
        }
    }
    QCOMPARE(withoutTarget, 2);

    // The PDF: no English unit after a figure in a Chinese report, and page 2's labels whole.
    const QString text = pdfText(base + u".pdf"_s);
    QVERIFY2(!text.isEmpty(), "pdftotext printed nothing");
    if (language != u"en"_s) {
        const QRegularExpression english(u"\\d\\s*(min|h|pp|s|d)\\b"_s);
        const QRegularExpressionMatch m = english.match(text);
        QVERIFY2(!m.hasMatch(), qPrintable(m.captured(0)));
        QVERIFY(!text.contains(u"n/a"_s));
    }
    // pdftotext reads the font's dash glyph as U+2012, 小 as the radical ⼩ (NFKC undoes it) and drops the
    // space of "≥ 4 h": compare without them.
    const auto squeezed = [](QString t) {
        return t.normalized(QString::NormalizationForm_KC).replace(QChar(0x2012), QChar(0x2013)).remove(u' ');
    };
    const QString page2 = squeezed(pdfText(base + u".pdf"_s, 2, 2));
    for (const QString &bucket : std::as_const(buckets))
        QVERIFY2(page2.contains(squeezed(bucket)), qPrintable(bucket + u'\n' + page2));
}

void TestReportFiles::chartLabelsWhole()
{
    // The category mix has six bars in 455 pt: "Wrong or missing item" is wider than its 76 pt slot and
    // wraps onto a second line instead of losing its end ("Wrong or missi…").
    QVERIFY(Language::apply(u"en"_s));
    QImage image(600, 300, QImage::Format_ARGB32);
    const QString family = ReportExporter::cjkFamily();
    QFont font(family.isEmpty() ? QFontDatabase::systemFont(QFontDatabase::GeneralFont).family() : family);
    font.setPointSizeF(8.5);
    const double slot = (515.0 - 60.0) / 6.0;
    const QString label = displayName(Category::WrongItem);
    QVERIFY(QFontMetricsF(font, &image).horizontalAdvance(label) > slot);
    const QStringList lines = BarChart::wrap(label, font, slot - 2, &image);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.join(u' '), label);
    for (const QString &line : lines)
        QVERIFY2(QFontMetricsF(font, &image).horizontalAdvance(line) <= slot - 2, qPrintable(line));

    // In the PDF of every language, each category's name is on page 2 whole.
    for (const QString &language : {u"en"_s, u"zh_CN"_s}) {
        QVERIFY(Language::apply(language));
        const QString page2 = pdfText(exportAll(int(ReportFormat::Pdf)) + u".pdf"_s, 2, 2);
        QVERIFY(!page2.contains(u'…'));
        const QString flat = QString(page2).remove(u'\n');
        QVERIFY2(flat.contains(displayName(Category::Delay)), qPrintable(page2));
        QVERIFY2(page2.contains(lines.first()) || language != u"en"_s, qPrintable(page2));
    }
}

void TestReportFiles::lineNeverCoversValues()
{
    // Daily volume with a compliance line that passes right where the values stand.
    QImage image(600, 220, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QFont font(QFontDatabase::systemFont(QFontDatabase::GeneralFont));
    font.setPixelSize(10);
    const QList<double> values{10, 5, 8, 3, 10, 6, 9};
    QList<std::optional<double>> line;
    for (double v : values)
        line << v / 10.0 + 0.08; // just over each bar: through its value
    BarChart::Drawn drawn;
    {
        QPainter p(&image);
        drawn = BarChart::draw(p, font, 20, 600, QStringList(7, u"Mon"_s), values, line);
    }
    QCOMPARE(drawn.valueRects.size(), 7);
    QCOMPARE(drawn.line.size(), 7);
    const QColor lineColour(0xD9, 0x7B, 0x29);
    for (const QRectF &r : std::as_const(drawn.valueRects)) {
        int dark = 0;
        for (int y = int(r.top()) + 1; y < int(r.bottom()); ++y)
            for (int x = int(r.left()) + 1; x < int(r.right()); ++x) {
                const QColor c = image.pixelColor(x, y);
                QVERIFY2(qAbs(c.red() - lineColour.red()) + qAbs(c.green() - lineColour.green()) +
                                 qAbs(c.blue() - lineColour.blue()) >
                             60,
                         qPrintable(u"line colour at %1,%2"_s.arg(x).arg(y)));
                dark += c.lightness() < 128 ? 1 : 0;
            }
        QVERIFY2(dark > 3, "a value is drawn in its place");
    }
    // The line does pass through the value rectangles' columns (the case this guards).
    QVERIFY(drawn.line.first().y() < drawn.valueRects.first().bottom() + 12);
}

QTEST_MAIN(TestReportFiles)
#include "tst_report_files.moc"
