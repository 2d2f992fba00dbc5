// The workbench from the keyboard (issue 24): the real main window (offscreen) over a real SQLite cache.
// After Ctrl+T in Unassigned the pane keeps the taken ticket, the list selects nothing that disagrees with
// it and J goes on with the ticket that took its place; Ctrl+Enter sends the box being typed in and Tab
// leaves it; F1 lists every shortcut with its action's name (pages by name); the new-ticket dialog is
// submitted from the keyboard; a ticket created while a search is shown stays in the pane.
#include "models/itemmodels/tickettablemodel.h"
#include "ticketpane/panefixture.h"
#include "ui/common/language.h"
#include "ui/common/shortcutsdialog.h"
#include "ui/mainwindow.h"
#include "ui/workbench/filterbar.h"
#include "ui/workbench/queuelist.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/composer.h"
#include "ui/workbench/ticketpane/followuppanel.h"
#include "ui/workbench/ticketpane/newticketdialog.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QCheckBox>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestWorkbenchKeyboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void takeKeepsPaneAndKeysTogether();
    void ctrlEnterSendsAndTabLeavesTheBox();
    void shortcutsOverviewNamesEverything();
    void newTicketDialogFromTheKeyboard();
    void newTicketDuringSearchIsShown();

private:
    [[nodiscard]] QString idAt(int row) const;
    /// The ticket the list's current row holds, empty when there is none.
    [[nodiscard]] QString currentRowId() const;
    void openWindow(const User &user);
    void fillNewTicket(NewTicketDialog *d);

    QTemporaryDir m_settingsDir;
    std::unique_ptr<PaneCache> m_cache;
    std::unique_ptr<MainWindow> m_window;
};

void TestWorkbenchKeyboard::initTestCase()
{
    isolateSettings(m_settingsDir.path());
    QVERIFY(Language::apply(u"en"_s));
}

void TestWorkbenchKeyboard::init()
{
    m_cache = std::make_unique<PaneCache>();
}

void TestWorkbenchKeyboard::cleanup()
{
    m_window.reset();
    m_cache.reset();
}

void TestWorkbenchKeyboard::openWindow(const User &user)
{
    m_window = std::make_unique<MainWindow>(*m_cache->db, m_cache->clock, QTimeZone("Asia/Shanghai"));
    m_window->setCurrentUser(user);
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
}

QString TestWorkbenchKeyboard::idAt(int row) const
{
    const TicketTableModel *model = m_window->workbench()->model();
    return model->index(row, 0).data(TicketTableModel::TicketIdRole).toString();
}

QString TestWorkbenchKeyboard::currentRowId() const
{
    const QModelIndex current = m_window->workbench()->view()->currentIndex();
    return current.isValid() ? current.data(TicketTableModel::TicketIdRole).toString() : QString();
}

void TestWorkbenchKeyboard::takeKeepsPaneAndKeysTogether()
{
    for (int n = 1; n <= 4; ++n) {
        Ticket t = m_cache->ticket(n);
        t.createdAt = kNow - (10 - n) * kMinute; // oldest first: t-1 … t-4
        m_cache->put(t);
    }
    openWindow(m_cache->agent1);
    WorkbenchPage *wb = m_window->workbench();
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::AltModifier);
    QTRY_COMPARE(wb->queues()->currentQueue(), Queue::Unassigned);
    QTRY_COMPARE(wb->model()->rowCount(), 4);
    QTRY_VERIFY(!idAt(3).isEmpty());
    const QString first = idAt(0);
    const QString second = idAt(1);
    const QString third = idAt(2);

    // The queue opens on its first row; J: the second, in the list and in the pane.
    QTRY_COMPARE(wb->pane()->ticketId(), first);
    QCOMPARE(currentRowId(), first);
    wb->view()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_J);
    QTRY_COMPARE(wb->pane()->ticketId(), second);
    QCOMPARE(currentRowId(), second);

    // Ctrl+T: the ticket leaves Unassigned; the pane keeps it and the list selects nothing else.
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
    QCOMPARE(m_cache->stored(second).assigneeId, m_cache->agent1.id);
    QTRY_COMPARE(wb->model()->rowCount(), 3);
    QTRY_COMPARE(idAt(1), third); // the refreshed page has arrived
    QCOMPARE(wb->pane()->ticketId(), second);
    QVERIFY2(
        currentRowId().isEmpty() || currentRowId() == second,
        qPrintable(u"the list's current row holds %1 while the pane shows %2"_s.arg(currentRowId(), second)));
    QVERIFY(wb->view()->selectionModel()->selectedRows().isEmpty());
    QCOMPARE(wb->currentTicketId(), second);

    // The next keys act on the pane's ticket: a reply goes to it.
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QPlainTextEdit *reply = wb->pane()->composer()->editor(Composer::Box::Reply);
    QTRY_VERIFY(reply->hasFocus());
    typeText(reply, u"您好，已为您加急处理。"_s);
    wb->pane()->composer()->sendButton(Composer::Box::Reply)->click();
    QCOMPARE(TicketRepository(*m_cache->db).events(second).size(), 1);

    // J goes on with the ticket that took the taken one's place, K with the one above it.
    wb->view()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_J);
    QTRY_COMPARE(wb->pane()->ticketId(), third);
    QCOMPARE(currentRowId(), third);
    QTest::keyClick(m_window.get(), Qt::Key_K);
    QTRY_COMPARE(wb->pane()->ticketId(), first);
    QCOMPARE(currentRowId(), first);
}

void TestWorkbenchKeyboard::ctrlEnterSendsAndTabLeavesTheBox()
{
    m_cache->put(m_cache->ticket(1, TicketStatus::Open, m_cache->agent1.id));
    openWindow(m_cache->agent1);
    WorkbenchPage *wb = m_window->workbench();
    wb->openTicket(u"t-1"_s);
    QTRY_COMPARE(wb->pane()->ticketId(), u"t-1"_s);
    Composer *composer = wb->pane()->composer();

    // Ctrl+R, type, Tab: the cursor moves on and no tab is typed.
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QPlainTextEdit *reply = composer->editor(Composer::Box::Reply);
    QTRY_VERIFY(reply->hasFocus());
    QTest::keyClicks(reply, u"Hello"_s);
    QTest::keyClick(reply, Qt::Key_Tab);
    QCOMPARE(reply->toPlainText(), u"Hello"_s);
    QVERIFY(!reply->hasFocus());

    // Ctrl+Enter in the reply box sends the reply (and only it).
    reply->setFocus();
    QTest::keyClick(reply, Qt::Key_Return, Qt::ControlModifier);
    QList<TicketEvent> events = TicketRepository(*m_cache->db).events(u"t-1"_s);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].kind, EventKind::Reply);
    QCOMPARE(events[0].text, u"Hello"_s);
    QVERIFY(reply->toPlainText().isEmpty());

    // Ctrl+Enter in the note box adds the note; Enter on the keypad with Ctrl works too.
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QPlainTextEdit *note = composer->editor(Composer::Box::Note);
    QTRY_VERIFY(note->hasFocus());
    QTest::keyClicks(note, u"Called the station"_s);
    QTest::keyClick(note, Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    events = TicketRepository(*m_cache->db).events(u"t-1"_s);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[1].kind, EventKind::Note);
    QCOMPARE(events[1].text, u"Called the station"_s);

    // The send buttons say their key.
    QVERIFY(composer->sendButton(Composer::Box::Reply)->toolTip().contains(u"Ctrl+Return"_s) ||
            !composer->sendButton(Composer::Box::Reply)->isEnabled());
}

void TestWorkbenchKeyboard::shortcutsOverviewNamesEverything()
{
    m_cache->put(m_cache->ticket(1, TicketStatus::Pending, m_cache->agent1.id));
    openWindow(m_cache->agent1);
    ShortcutsDialog dialog(m_window.get());
    QStringList rows;
    for (int r = 0; r < dialog.table()->rowCount(); ++r)
        rows.append(dialog.table()->item(r, 1)->text() + u" = "_s + dialog.table()->item(r, 2)->text());
    const QString all = rows.join(u'\n');
    for (const char *expected : {"Resume = Ctrl+Shift+U", "Send reply or note = Ctrl+Return",
                                 "Follow-up… = Ctrl+Shift+F", "Workbench = Ctrl+1", "Map = Ctrl+2",
                                 "Proactive = Ctrl+3", "Take = Ctrl+T", "Keyboard shortcuts = F1"})
        QVERIFY2(std::any_of(rows.cbegin(), rows.cend(),
                             [&](const QString &row) { return row.startsWith(QString::fromUtf8(expected)); }),
                 qPrintable(all));
    QVERIFY2(!all.contains(u"Page "_s), qPrintable(all));
    // An agent has three pages: no shortcut to a page that is not there.
    QVERIFY2(!all.contains(u"= Ctrl+4"_s), qPrintable(all));

    // Resume and Follow-up do what they say.
    WorkbenchPage *wb = m_window->workbench();
    wb->openTicket(u"t-1"_s);
    QTRY_COMPARE(wb->pane()->ticketId(), u"t-1"_s);
    QTest::keyClick(m_window.get(), Qt::Key_U, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_cache->stored(u"t-1"_s).status, TicketStatus::Open);
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY(wb->pane()->followUp()->isVisible());
}

void TestWorkbenchKeyboard::fillNewTicket(NewTicketDialog *d)
{
    d->waybillField()->setFocus();
    QTest::keyClicks(d->waybillField(), u"SF1400000000017"_s);
    d->nameField()->setFocus();
    typeText(d->nameField(), u"李娜"_s);
    d->phoneField()->setFocus();
    QTest::keyClicks(d->phoneField(), u"13912345678"_s);
    d->descriptionField()->setFocus();
    typeText(d->descriptionField(), u"快递员未联系就放在驿站"_s);
}

void TestWorkbenchKeyboard::newTicketDialogFromTheKeyboard()
{
    NewTicketDialog d(*m_cache->db, m_cache->clock, m_cache->agent1);
    d.show();
    QApplication::setActiveWindow(&d);
    QVERIFY(QTest::qWaitForWindowActive(&d));
    fillNewTicket(&d);
    QVERIFY(d.okButton()->isEnabled());

    // Tab leaves the complaint box (no tab typed); Ctrl+Enter there submits the dialog.
    QTest::keyClick(d.descriptionField(), Qt::Key_Tab);
    QCOMPARE(d.descriptionField()->toPlainText(), u"快递员未联系就放在驿站"_s);
    QVERIFY(!d.descriptionField()->hasFocus());
    d.descriptionField()->setFocus();
    QTest::keyClick(d.descriptionField(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(d.result(), int(QDialog::Accepted));
    QVERIFY(!d.createdTicketId().isEmpty());
    QCOMPARE(m_cache->stored(d.createdTicketId()).customerName, u"李娜"_s);
}

void TestWorkbenchKeyboard::newTicketDuringSearchIsShown()
{
    for (int n = 1; n <= 3; ++n)
        m_cache->put(m_cache->ticket(n, TicketStatus::Open, m_cache->agent1.id));
    openWindow(m_cache->agent1);
    WorkbenchPage *wb = m_window->workbench();
    QTRY_COMPARE(wb->model()->rowCount(), 3);
    wb->filters()->searchField()->setFocus();
    typeText(wb->filters()->searchField(), u"C2611-000002"_s);
    QTRY_COMPARE(wb->model()->rowCount(), 1);
    QTRY_COMPARE(wb->pane()->ticketId(), u"t-2"_s);

    // Ctrl+N, fill in, Ctrl+Enter: the new ticket is in the pane, also after the search is run again.
    QString created;
    QTimer::singleShot(0, this, [&] {
        auto *d = m_window->findChild<NewTicketDialog *>();
        QVERIFY(d);
        fillNewTicket(d);
        QTest::keyClick(d->descriptionField(), Qt::Key_Return, Qt::ControlModifier);
        if (d->isVisible())
            d->accept(); // keep the test going when the key does not submit; the checks below still fail
        created = d->createdTicketId();
    });
    QSignalSpy reset(wb->model(), &QAbstractItemModel::modelReset);
    QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier);
    QVERIFY(!created.isEmpty());
    QCOMPARE(wb->pane()->ticketId(), created);
    QVERIFY(reset.wait()); // the search ran again after the change
    QCOMPARE(wb->pane()->ticketId(), created);
    QVERIFY(currentRowId().isEmpty() || currentRowId() == created);
    QCOMPARE(wb->currentTicketId(), created);
}

QTEST_MAIN(TestWorkbenchKeyboard)
#include "tst_workbench_keyboard.moc"
