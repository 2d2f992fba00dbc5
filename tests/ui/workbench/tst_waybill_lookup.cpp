// Waybill look-up of a parcel the cache does not have (issue 18), against the real parceldesk-server: a
// console holds only the parcels of its tickets, so the new-ticket dialog asks the server for any other
// parcel, shows it and keeps it in the cache; a waybill the server does not know is accepted and said so;
// offline (no session, or the server gone) the dialog says the parcel could not be looked up, while a
// cached parcel still fills in the dialog. Before this change the dialog looked in the cache only: the
// first case said "not in the local cache" for a parcel the server has.
#include "../../sync/syncharness.h"
#include "models/domain/clock.h"
#include "models/store/parcelrepository.h"
#include "ui/common/serverlink.h"
#include "ui/mainwindow.h"
#include "ui/workbench/filterbar.h"
#include "ui/workbench/ticketpane/newticketdialog.h"
#include "ui/workbench/waybillfinder.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestWaybillLookup final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void onlineFromTheServerAndKept();
    void unknownToTheServer();
    void workbenchSearch();
    void newTicketFromTheSearch();
    void offline();

private:
    /// Types @p waybill into a new dialog and waits until the look-up settled; the parcel line.
    QString lookUp(ServerLink *link, const QString &waybill);
    /// Searches the workbench for @p text and waits until the finder under the empty list settled.
    QString search(WorkbenchPage &page, const QString &text);

    ServerFixture m_server;
    QTemporaryDir m_dir;
    SystemClock m_clock;
    std::unique_ptr<Console> m_agent;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ServerLink> m_link;
    User m_user;
};

void TestWaybillLookup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start() >= 0);
    const QString cache = m_dir.filePath(u"agent1.sqlite"_s);
    m_agent = std::make_unique<Console>(cache, m_server.url({}));
    QVERIFY(m_agent->signIn(u"agent1"_s));
    QVERIFY(m_agent->sync());
    QString error;
    m_db = Database::open(cache, &error);
    QVERIFY2(m_db, qPrintable(error));
    QCOMPARE(ParcelRepository(*m_db).count(), 0); // the server has four, no ticket is about them
    m_link = std::make_unique<ServerLink>();
    m_link->setClient(m_agent->engine.api());
    const auto me =
        User::fromJson(m_server.request("GET", u"/api/v1/auth/me"_s, m_server.token(u"agent1"_s)).json());
    QVERIFY(me);
    m_user = *me;
}

void TestWaybillLookup::cleanupTestCase()
{
    m_link.reset();
    m_db.reset();
    m_agent.reset();
}

QString TestWaybillLookup::lookUp(ServerLink *link, const QString &waybill)
{
    NewTicketDialog d(*m_db, m_clock, m_user);
    d.setServerLink(link);
    d.waybillField()->setText(waybill);
    if (!QTest::qWaitFor([&] { return !d.parcelInfo()->text().startsWith(u"Looking"_s); }, 10000))
        return u"(no answer within 10 s)"_s;
    return d.parcelInfo()->text();
}

void TestWaybillLookup::onlineFromTheServerAndKept()
{
    const QString info = lookUp(m_link.get(), u"YT4600000000123"_s);
    QVERIFY2(info.startsWith(u"Parcel found: Delivered"_s), qPrintable(info));
    const auto kept = ParcelRepository(*m_db).byWaybill(u"YT4600000000123"_s);
    QVERIFY(kept);
    QCOMPARE(kept->waybillNo, u"YT4600000000123"_s);
    QVERIFY(kept->deliveredAt.has_value());
    // No ticket is about it yet: the server sends its addresses masked (docs/api.md, "Customer data").
    QCOMPARE(kept->originAddress, u"****"_s);
}

void TestWaybillLookup::unknownToTheServer()
{
    const QString info = lookUp(m_link.get(), u"SF1499999999990"_s);
    QVERIFY2(info.contains(u"does not know this parcel"_s), qPrintable(info));
    QVERIFY(!ParcelRepository(*m_db).byWaybill(u"SF1499999999990"_s));
}

QString TestWaybillLookup::search(WorkbenchPage &page, const QString &text)
{
    page.filters()->searchField()->setText(text);
    WaybillFinder *finder = page.waybillFinder();
    if (!QTest::qWaitFor(
            [&] {
                return finder->waybill() == text && !finder->info()->text().isEmpty() &&
                       !finder->info()->text().contains(u"Looking"_s);
            },
            10000))
        return u"(no answer within 10 s)"_s;
    return finder->info()->text();
}

void TestWaybillLookup::workbenchSearch()
{
    // A customer calls about a parcel no ticket is about, and the cache does not hold: the search finds no
    // ticket, and the finder under the list brings the parcel from the server and offers a new ticket.
    QVERIFY(!ParcelRepository(*m_db).byWaybill(u"73100000001234"_s));
    WorkbenchPage page(*m_db, m_clock, QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    page.setCurrentUser(m_user);
    page.setServerLink(m_link.get());
    page.resize(1200, 700);
    page.show();
    const QString info = search(page, u"73100000001234"_s);
    QVERIFY2(info.startsWith(u"No ticket is about 73100000001234. The parcel, from the server: "_s),
             qPrintable(info));
    QVERIFY(page.waybillFinder()->isVisible());
    QVERIFY(ParcelRepository(*m_db).byWaybill(u"73100000001234"_s)); // kept
    QSignalSpy wanted(&page, &WorkbenchPage::newTicketRequested);
    QCOMPARE(page.waybillFinder()->newTicketButton()->text(), u"New ticket for 73100000001234"_s);
    page.waybillFinder()->newTicketButton()->click();
    QCOMPARE(wanted.size(), 1);
    QCOMPARE(wanted.first().first().toString(), u"73100000001234"_s);

    // A waybill the server does not know; then the first again: now from the cache, without the server.
    const QString unknown = search(page, u"SF1499999999990"_s);
    QVERIFY2(unknown.contains(u"does not know this parcel"_s), qPrintable(unknown));
    const QString cached = search(page, u"73100000001234"_s);
    QVERIFY2(cached.startsWith(u"No ticket is about 73100000001234. The parcel: "_s), qPrintable(cached));
    // A search that is no waybill: nothing to look up.
    page.filters()->searchField()->setText(u"破损"_s);
    QVERIFY(QTest::qWaitFor([&] { return !page.waybillFinder()->isVisible(); }, 5000));

    // Offline: said so, nothing made up.
    WorkbenchPage offline(*m_db, m_clock, QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    offline.setCurrentUser(m_user);
    offline.show();
    const QString off = search(offline, u"YT4600000000999"_s);
    QVERIFY2(off.contains(u"cannot be reached"_s), qPrintable(off));
}

void TestWaybillLookup::newTicketFromTheSearch()
{
    // In the window: "New ticket for …" opens the new-ticket dialog with the waybill and its parcel filled
    // in.
    MainWindow window(*m_db, m_clock, QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    window.setCurrentUser(m_user);
    window.setApiClient(m_agent->engine.api());
    window.show();
    WorkbenchPage *page = window.workbench();
    QVERIFY2(search(*page, u"YT4600000000123"_s).contains(u"YT4600000000123"_s),
             qPrintable(page->waybillFinder()->info()->text()));
    QString waybill, parcel;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<NewTicketDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        waybill = dialog->waybillField()->text();
        parcel = dialog->parcelInfo()->text();
        dialog->reject();
    });
    page->waybillFinder()->newTicketButton()->click();
    QCOMPARE(waybill, u"YT4600000000123"_s);
    QVERIFY2(parcel.startsWith(u"Parcel found: Delivered"_s), qPrintable(parcel));
}

void TestWaybillLookup::offline()
{
    ServerLink noSession; // signed out, or not wired yet
    QString info = lookUp(&noSession, u"SF1400000000017"_s);
    QVERIFY2(info.contains(u"cannot be reached"_s), qPrintable(info));

    m_server.stop(); // the session is there, the server is not
    info = lookUp(m_link.get(), u"SF1400000000017"_s);
    QVERIFY2(info.contains(u"cannot be reached"_s), qPrintable(info));
    QVERIFY(!ParcelRepository(*m_db).byWaybill(u"SF1400000000017"_s));
    // What the cache has keeps working offline.
    info = lookUp(m_link.get(), u"YT4600000000123"_s);
    QVERIFY2(info.startsWith(u"Parcel found: Delivered"_s), qPrintable(info));
}

QTEST_MAIN(TestWaybillLookup)
#include "tst_waybill_lookup.moc"
