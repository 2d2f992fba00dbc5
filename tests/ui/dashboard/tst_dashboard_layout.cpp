// The dashboard as it is drawn (issue 24, item 10), in English, Simplified and Traditional Chinese at the
// page sizes of a 1366×768 and a 1920×1080 window: the 30-day chart's date labels are whole dates (Qt Charts
// cut each of 30 turned labels to "…", seen as "⋮"), the backlog chart labels every age (item 14: "< 1 h" was
// lost), and no header or agent name in the tables is cut.
#include "../../unit/kpi/kpitestdata.h"
#include "models/domain/clock.h"
#include "models/store/directoryrepository.h"
#include "ui/common/language.h"
#include "ui/dashboard/dashboardpage.h"

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QGraphicsTextItem>
#include <QHeaderView>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestDashboardLayout : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void nothingCut_data();
    void nothingCut();

private:
    /// Every text item of a chart's scene (title, legend, axis labels), as plain text.
    static QStringList chartTexts(QChartView *view);
    /// "column: text" for every header section and cell of @p view narrower than its text needs.
    static QStringList cutTexts(QTableView *view);

    std::unique_ptr<KpiCache> m_cache;
    std::unique_ptr<ManualClock> m_clock;
    const qint64 m_now = sh(2026, 11, 4, 15, 30);
};

void TestDashboardLayout::initTestCase()
{
    m_cache = std::make_unique<KpiCache>();
    m_clock = std::make_unique<ManualClock>(m_now);
    // Names as long as people's are: Chinese with a role in brackets, a long romanised one.
    QList<User> users;
    const QStringList names{u"欧阳娜娜（夜班组长）"_s, u"Alexandra Konstantinopoulou"_s, u"司马相如"_s};
    for (int i = 0; i < names.size(); ++i)
        users.append(
            User{u"u-agent%1"_s.arg(i), u"agent%1"_s.arg(i), names[i], Role::Agent, u"team-a"_s, false, 1});
    QVERIFY(DirectoryRepository(*m_cache->db).upsertUsers(users));
    QList<Ticket> tickets;
    // Thirty days of tickets, answered early or late, some unanswered and breached now.
    for (int i = 0; i < 90; ++i) {
        Ticket t = kpiTicket(i + 1, m_now - qint64(i) * 8 * kHour - kHour);
        t.assigneeId = u"u-agent%1"_s.arg(i % 3);
        t.category = Category(i % 6);
        if (i % 5)
            t.firstResponseAt = t.createdAt + qint64(i % 7) * 9 * kMin;
        tickets.append(t);
    }
    m_cache->add(tickets);
}

void TestDashboardLayout::cleanupTestCase()
{
    Language::apply(u"en"_s);
    m_cache.reset();
}

QStringList TestDashboardLayout::chartTexts(QChartView *view)
{
    QStringList texts;
    for (QGraphicsItem *item : view->scene()->items()) {
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
            texts.append(text->toPlainText());
    }
    return texts;
}

QStringList TestDashboardLayout::cutTexts(QTableView *view)
{
    QStringList cut;
    const QHeaderView *header = view->horizontalHeader();
    const QAbstractItemView *cells = view; // sizeHintForColumn() is public here, protected in QTableView
    for (int c = 0; c < view->model()->columnCount(); ++c) {
        const QString title = view->model()->headerData(c, Qt::Horizontal).toString();
        if (header->sectionSize(c) < header->sectionSizeHint(c))
            cut.append(u"header %1: %2 (%3 of %4 px)"_s.arg(c)
                           .arg(title)
                           .arg(header->sectionSize(c))
                           .arg(header->sectionSizeHint(c)));
        if (view->columnWidth(c) < cells->sizeHintForColumn(c))
            cut.append(u"cells of %1 (%2 of %3 px)"_s.arg(title)
                           .arg(view->columnWidth(c))
                           .arg(cells->sizeHintForColumn(c)));
    }
    return cut;
}

void TestDashboardLayout::nothingCut_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    // The page inside the main window: its tab bar, menu and status bar take the rest.
    for (const QString &language : {u"en"_s, u"zh_CN"_s, u"zh_TW"_s}) {
        QTest::addRow("%s 1366x768", qPrintable(language)) << language << QSize(1346, 660);
        QTest::addRow("%s 1920x1080", qPrintable(language)) << language << QSize(1900, 970);
    }
}

void TestDashboardLayout::nothingCut()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QVERIFY(Language::apply(language));
    DashboardPage page(*m_cache->db, shanghai(), *m_clock);
    page.resize(size);
    page.setPeriod(PeriodKind::Last30Days);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    // Before the first read the tables are empty: their titles are whole already.
    for (const char *name : {"agentTable", "breachList"}) {
        auto *view = page.findChild<QTableView *>(QString::fromLatin1(name));
        QVERIFY(view);
        const QStringList cut = cutTexts(view);
        QVERIFY2(cut.isEmpty(), qPrintable(u"before the first read, "_s + QString::fromLatin1(name) +
                                           u": "_s + cut.join(u"; "_s)));
    }
    QSignalSpy refreshed(&page, &DashboardPage::refreshed);
    page.refresh();
    QVERIFY(refreshed.wait(10000));
    QCoreApplication::processEvents(); // the layout after the figures

    // Every header and every name in full.
    QStringList problems;
    for (const char *name : {"agentTable", "breachList"}) {
        auto *view = page.findChild<QTableView *>(QString::fromLatin1(name));
        QVERIFY(view);
        QVERIFY(view->model()->rowCount() > 0);
        for (const QString &cut : cutTexts(view))
            problems.append(QString::fromLatin1(name) + u": "_s + cut);
    }
    // One whole "MM-dd" a week, the last on the period's last day; nothing cut short.
    auto *daily = page.findChild<QChartView *>(u"dailyChart"_s);
    QVERIFY(daily);
    const QStringList texts = chartTexts(daily);
    QStringList dates;
    int cutShort = 0;
    static const QRegularExpression date(u"^\\d\\d-\\d\\d$"_s);
    for (const QString &t : texts) {
        if (t.contains(u"..."_s) || t.contains(u'…'))
            ++cutShort;
        if (date.match(t).hasMatch())
            dates.append(t);
    }
    if (cutShort > 0)
        problems.append(u"30-day chart: %1 texts cut short (%2)"_s.arg(cutShort).arg(texts.join(u" | "_s)));
    // Today's chart by hour: the same, hours "0" to "23" (every third labelled).
    auto *hourly = page.findChild<QChartView *>(u"hourlyChart"_s);
    QVERIFY(hourly);
    for (const QString &t : chartTexts(hourly)) {
        if (t.contains(u"..."_s) || t.contains(u'…'))
            problems.append(u"hourly chart: cut short: "_s + t);
    }
    // The backlog by age: every bucket labelled, "< 1 h" too (Qt Charts reads labels as HTML: a bare "<"
    // opened a tag and the first label vanished).
    auto *backlog = page.findChild<QChartView *>(u"backlogChart"_s);
    QVERIFY(backlog);
    const QStringList backlogTexts = chartTexts(backlog);
    for (const AgeBucket &b : page.data().backlogAges)
        if (!backlogTexts.contains(b.label()))
            problems.append(u"backlog chart: no label %1 (%2)"_s.arg(b.label(), backlogTexts.join(u" | "_s)));
    const QList<DailyCompliance> &days = page.data().daily;
    QCOMPARE(days.size(), 30);
    QStringList expected;
    for (qsizetype i = (days.size() - 1) % 7; i < days.size(); i += 7)
        expected.append(days[i].day.toString(u"MM-dd"_s));
    dates.sort();
    expected.sort();
    if (dates != expected)
        problems.append(u"30-day chart: dates %1, expected %2"_s.arg(dates.join(u' '), expected.join(u' ')));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));

    auto *agents = page.findChild<QTableView *>(u"agentTable"_s);
    QStringList shown;
    for (int r = 0; r < agents->model()->rowCount(); ++r)
        shown.append(agents->model()->index(r, 0).data().toString());
    QVERIFY2(shown.contains(u"Alexandra Konstantinopoulou"_s), qPrintable(shown.join(u", "_s)));
}

QTEST_MAIN(TestDashboardLayout)
#include "tst_dashboard_layout.moc"
