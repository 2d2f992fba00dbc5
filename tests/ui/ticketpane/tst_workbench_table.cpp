// The workbench's ticket table as agents read it all day (issue 24): a queued row's tooltip says when its
// edit is tried next, in the company's time, and why the last try failed. The real WorkbenchPage (offscreen)
// over a real SQLite cache.
#include "models/itemmodels/tickettablemodel.h"
#include "models/store/localedits.h"
#include "panefixture.h"
#include "ui/common/language.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QTableView>

using namespace pd;
using namespace pd::test;

class TestWorkbenchTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void queuedRowToolTipSaysRetryAndError();

private:
    void openPage(const User &user);
    [[nodiscard]] int rowOf(const QString &id) const { return m_page->model()->rowOf(id); }
    [[nodiscard]] QString cell(const QString &id, int column, int role = Qt::DisplayRole) const;

    QTemporaryDir m_settingsDir;
    std::unique_ptr<PaneCache> m_cache;
    std::unique_ptr<WorkbenchPage> m_page;
};

void TestWorkbenchTable::initTestCase()
{
    isolateSettings(m_settingsDir.path());
    QVERIFY(Language::apply(u"en"_qs));
}

void TestWorkbenchTable::init()
{
    m_cache = std::make_unique<PaneCache>();
}

void TestWorkbenchTable::cleanup()
{
    m_page.reset();
    m_cache.reset();
}

void TestWorkbenchTable::openPage(const User &user)
{
    m_page = std::make_unique<WorkbenchPage>(*m_cache->db, m_cache->clock, QTimeZone("Asia/Shanghai"));
    m_page->resize(1600, 900);
    m_page->setCurrentUser(user);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

QString TestWorkbenchTable::cell(const QString &id, int column, int role) const
{
    const int row = rowOf(id);
    return row < 0 ? QString() : m_page->model()->index(row, column).data(role).toString();
}

void TestWorkbenchTable::queuedRowToolTipSaysRetryAndError()
{
    m_cache->put(m_cache->ticket(1, TicketStatus::Open, m_cache->agent1.id));
    m_cache->put(m_cache->ticket(2, TicketStatus::Open, m_cache->agent1.id));
    openPage(m_cache->agent1);
    QTRY_VERIFY(rowOf(u"t-1"_qs) >= 0 && rowOf(u"t-2"_qs) >= 0);
    QVERIFY(cell(u"t-1"_qs, TicketTableModel::Number, Qt::ToolTipRole).isEmpty()); // nothing queued yet

    QString error;
    LocalEdits edits(*m_cache->db, m_cache->clock);
    QVERIFY2(
        edits.addEvent(u"t-1"_qs, EventKind::Note, u"Called the station"_qs, {}, m_cache->agent1.id, &error),
        qPrintable(error));
    QVERIFY2(
        edits.addEvent(u"t-1"_qs, EventKind::Note, u"Station called back"_qs, {}, m_cache->agent1.id, &error),
        qPrintable(error));
    m_page->onTicketsChanged({u"t-1"_qs});
    QTRY_COMPARE(m_page->model()->index(rowOf(u"t-1"_qs), 0).data(TicketTableModel::LocalStateRole).toInt(),
                 int(LocalState::Pending));
    QString tip = cell(u"t-1"_qs, TicketTableModel::Number, Qt::ToolTipRole);
    QVERIFY2(tip.contains(u"Edits waiting: 2"_qs), qPrintable(tip));
    QVERIFY2(tip.contains(u"Sent at the next sync"_qs), qPrintable(tip));
    QVERIFY2(!tip.contains(u"Last error"_qs), qPrintable(tip));

    // The first try failed: the retry time (10:07:30 in Shanghai, 02:07:30 UTC) and the error, on every
    // column of the row but the customer's (which names the customer), without the row being read again.
    const QList<OutboxItem> queued = OutboxRepository(*m_cache->db).liveForTicket(u"t-1"_qs);
    QCOMPARE(queued.size(), 2);
    QVERIFY(
        OutboxRepository(*m_cache->db)
            .markFailed(queued.first().seq, u"Connection refused"_qs, kNow + 7 * kMinute + 30000, &error));
    tip = cell(u"t-1"_qs, TicketTableModel::Number, Qt::ToolTipRole);
    QVERIFY2(tip.contains(u"Next try: 10:07:30 (in 8 min)"_qs), qPrintable(tip));
    QVERIFY2(!tip.contains(u"02:07"_qs), qPrintable(tip));
    QVERIFY2(tip.contains(u"Last error: Connection refused\nAttempts: 1"_qs), qPrintable(tip));
    QCOMPARE(cell(u"t-1"_qs, TicketTableModel::Status, Qt::ToolTipRole), tip);
    QCOMPARE(cell(u"t-1"_qs, TicketTableModel::Customer, Qt::ToolTipRole), u"王芳"_qs);

    // A retry soon, then one on another day: seconds, then the date.
    QVERIFY(OutboxRepository(*m_cache->db)
                .markFailed(queued.first().seq, u"HTTP 503: Service Unavailable"_qs, kNow + 45000, &error));
    tip = cell(u"t-1"_qs, TicketTableModel::Number, Qt::ToolTipRole);
    QVERIFY2(tip.contains(u"Next try: 10:00:45 (in 45 s)"_qs), qPrintable(tip));
    QVERIFY2(tip.contains(u"Last error: HTTP 503: Service Unavailable\nAttempts: 2"_qs), qPrintable(tip));
    QVERIFY(OutboxRepository(*m_cache->db)
                .markFailed(queued.first().seq, u"Timed out"_qs, kNow + 15 * 60 * kMinute, &error));
    tip = cell(u"t-1"_qs, TicketTableModel::Number, Qt::ToolTipRole);
    const QString tomorrow =
        QLocale().toString(QDate(2026, 11, 24), QLocale::ShortFormat) + u" 01:00:00"_qs; // 17:00 UTC
    QVERIFY2(tip.contains(u"Next try: "_qs + tomorrow), qPrintable(tip));

    // Once the retry time has passed, it goes at the next sync; the untouched row has no tooltip.
    m_cache->clock.setNow(kNow + 16 * 60 * kMinute);
    tip = cell(u"t-1"_qs, TicketTableModel::Number, Qt::ToolTipRole);
    QVERIFY2(tip.contains(u"Sent at the next sync"_qs), qPrintable(tip));
    QVERIFY2(tip.contains(u"Timed out"_qs), qPrintable(tip));
    QVERIFY(cell(u"t-2"_qs, TicketTableModel::Number, Qt::ToolTipRole).isEmpty());
}

QTEST_MAIN(TestWorkbenchTable)
#include "tst_workbench_table.moc"
