#include "../common/fixtures.h"
#include "models/itemmodels/tickettablemodel.h"
#include "models/store/database.h"
#include "ui/mainwindow.h"
#include "ui/workbench/ticketlistpage.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace pd;
using pd::test::makeTicket;

class TestTicketList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyCacheExplainsItself();
    void listsNewestFirstWithMaskedPhones();
    void searchAsYouType();
    void mainWindowShowsCounts();
};

static const QTimeZone kShanghai("Asia/Shanghai");

void TestTicketList::emptyCacheExplainsItself()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"c.sqlite"_qs), &error);
    QVERIFY(db);
    TicketListPage page(*db, kShanghai);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(!page.view()->isVisible());
    const auto labels = page.findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(),
                        [](QLabel *l) { return l->isVisible() && l->text().contains(u"no tickets"_qs); }));
}

void TestTicketList::listsNewestFirstWithMaskedPhones()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"c.sqlite"_qs), &error);
    QList<Ticket> tickets;
    for (int i = 1; i <= 30; ++i)
        tickets.append(makeTicket(i));
    QVERIFY(TicketRepository(*db).upsert(tickets, &error));
    TicketListPage page(*db, kShanghai);
    QAbstractItemModelTester tester(const_cast<TicketTableModel *>(page.model()),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const TicketTableModel *m = page.model();
    QCOMPARE(m->rowCount(), 30);
    QCOMPARE(m->index(0, TicketTableModel::Number).data().toString(), u"C2611-000030"_qs);
    const QString customer = m->index(0, TicketTableModel::Customer).data().toString();
    QCOMPARE(customer, u"李娜 (138****0030)"_qs);
    QVERIFY(!customer.contains(tickets.last().customerPhone));
    // Times are shown in the company's zone: 1795000000000 + 30 min is 19:36 in Shanghai.
    QCOMPARE(m->index(0, TicketTableModel::Created).data().toString(), u"2026-11-18 19:36"_qs);
    QCOMPARE(m->index(0, TicketTableModel::Created).data(TicketTableModel::RawRole).toLongLong(),
             tickets.last().createdAt);
    QCOMPARE(m->index(0, TicketTableModel::Category).data(TicketTableModel::RawRole).toString(), u"delay"_qs);
}

void TestTicketList::searchAsYouType()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"c.sqlite"_qs), &error);
    QList<Ticket> tickets;
    for (int i = 1; i <= 10; ++i)
        tickets.append(makeTicket(i, i == 7 ? u"外箱破损，杯子碎了"_qs : u"派送延迟"_qs));
    QVERIFY(TicketRepository(*db).upsert(tickets, &error));
    TicketListPage page(*db, kShanghai);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QSignalSpy counted(&page, &TicketListPage::countChanged);
    QTest::keyClicks(page.searchField(), u"C2611-000003"_qs);
    QVERIFY(counted.wait(2000)); // debounced: one reload after typing stops, not one per key
    QCOMPARE(counted.count(), 1);
    QCOMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->index(0, 0).data(TicketTableModel::TicketIdRole).toString(), tickets[2].id);
    counted.clear();
    page.searchField()->setText(u"破损"_qs); // what an input method commits
    QVERIFY(counted.wait(2000));
    QCOMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->index(0, 0).data(TicketTableModel::TicketIdRole).toString(), tickets[6].id);
    page.searchField()->setText(u"不存在"_qs);
    QTRY_COMPARE(page.model()->rowCount(), 0);
    QTRY_VERIFY(!page.view()->isVisible());
    page.searchField()->clear();
    QTRY_COMPARE(page.model()->rowCount(), 10);
}

void TestTicketList::mainWindowShowsCounts()
{
    QTemporaryDir dir;
    QString error;
    auto db = Database::open(dir.filePath(u"c.sqlite"_qs), &error);
    QVERIFY(TicketRepository(*db).upsert({makeTicket(1), makeTicket(2)}, &error));
    MainWindow window(*db, kShanghai);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.statusBar()->currentMessage(), u"2 of 2 ticket(s) shown"_qs);
    QCOMPARE(window.ticketList()->model()->rowCount(), 2);
}

QTEST_MAIN(TestTicketList)
#include "tst_ticketlist.moc"
