// The Reports page over a real cache: the preview shows the week's summary, an export writes PDF, XLSX and
// CSV files off the GUI thread and reports them; a supervisor's team is locked.
#include "../../common/fixtures.h"
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "reports/isoweek.h"
#include "ui/reports/reportspage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using pd::test::makeTicket;

class TestReportsPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void previewAndExport();
};

void TestReportsPage::previewAndExport()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"cache.sqlite"_s), &error);
    QVERIFY2(db, qPrintable(error));
    const QTimeZone zone("Asia/Shanghai");
    const IsoWeek week = *IsoWeek::of(2026, 47);
    const qint64 monday = QDateTime(week.monday(), QTime(9, 0), zone).toMSecsSinceEpoch();
    QList<Ticket> tickets;
    for (int i = 0; i < 40; ++i) {
        Ticket t = makeTicket(i);
        t.createdAt = monday + qint64(i) * 3600000;
        t.firstResponseAt = t.createdAt + (i % 4 == 0 ? 45 : 10) * 60000; // a quarter answered late
        t.updatedAt = *t.firstResponseAt;
        tickets.append(t);
    }
    QVERIFY(TicketRepository(*db).upsert(tickets, &error));

    ManualClock clock(monday + 10 * 24 * 3600000LL);
    ReportsPage page(*db, zone, clock);
    page.show();
    page.setWeek(week);
    QCOMPARE(page.week(), week);
    QSignalSpy preview(&page, &ReportsPage::previewShown);
    page.refreshPreview();
    QVERIFY(preview.wait(20000));

    const QString out = dir.filePath(u"out"_s);
    page.setOutputFolder(out);
    // PDF and XLSX are ticked by default; tick CSV too.
    for (QCheckBox *box : page.findChildren<QCheckBox *>())
        if (box->text() == u"CSV"_s)
            box->setChecked(true);
    QSignalSpy finished(&page, &ReportsPage::exportFinished);
    page.startExport();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    const QStringList files = finished.first().at(1).toStringList();
    bool pdf = false, xlsx = false, csv = false;
    for (const QString &f : files) {
        QVERIFY2(QFileInfo(f).size() > 0, qPrintable(f));
        pdf |= f.endsWith(u".pdf"_s);
        xlsx |= f.endsWith(u".xlsx"_s);
        csv |= f.endsWith(u".csv"_s);
    }
    QVERIFY(pdf && xlsx && csv);
}

QTEST_MAIN(TestReportsPage)
#include "tst_reportspage.moc"
