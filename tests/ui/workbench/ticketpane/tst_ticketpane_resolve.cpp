// Resolving and reassigning in the ticket pane (issue 24): the resolve dialog's message is shown whole, a
// resolution note goes with the resolution, the compensation amount is in the pane and the conversation;
// the assignee picker shows each person's open tickets, keeps the user's choice across a refresh, and
// Assign says what it did or why it did nothing. Set pending pauses the SLA at once (a local status_change
// entry until the server's replaces it).
#include "models/store/localedits.h"
#include "panefixture.h"
#include "ui/common/language.h"
#include "ui/workbench/ticketpane/actionbar.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/conversationview.h"
#include "ui/workbench/ticketpane/panetext.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/slapanel.h"
#include "ui/workbench/ticketpane/ticketpane.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestTicketPaneResolve : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void amountMessageIsShownWhole();
    void resolutionNoteAndAmountShown();
    void assigneeChoiceSurvivesRefresh();
    void pendingPausesTheSlaAtOnce();

private:
    QTemporaryDir m_settingsDir;
    const QTimeZone m_zone{"Asia/Shanghai"};
};

void TestTicketPaneResolve::initTestCase()
{
    isolateSettings(m_settingsDir.path());
    QVERIFY(Language::apply(u"en"_s));
}

namespace {
/// True when @p label shows all of its (word-wrapped) text: tall enough for its width, inside its window.
bool shownWhole(const QLabel *label)
{
    if (!label->isVisible() || label->width() <= 0)
        return false;
    const int needed = label->heightForWidth(label->width());
    const QRect inWindow(label->mapTo(label->window(), QPoint(0, 0)), label->size());
    return label->height() >= needed && label->window()->rect().contains(inWindow);
}
} // namespace

void TestTicketPaneResolve::amountMessageIsShownWhole()
{
    PaneCache c;
    c.put(c.ticket(1, TicketStatus::Open, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);
    pane.resize(420, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.resolve();
    ResolveDialog *d = pane.resolveDialog();
    QVERIFY(d);
    QVERIFY(QTest::qWaitForWindowExposed(d));
    d->resolutionBox()->setCurrentIndex(d->resolutionBox()->findData(u"compensation"_s));
    d->amountField()->setFocus();
    QTest::keyClicks(d->amountField(), u"-20"_s);
    QCoreApplication::sendPostedEvents(); // the layout settles (LayoutRequest)
    QCOMPARE(d->amountMessage()->text(), PaneText::tr("Enter the amount in yuan, for example 50 or 12.50."));
    QVERIFY2(shownWhole(d->amountMessage()),
             qPrintable(u"message %1x%2 needs height %3; dialog %4x%5"_s.arg(d->amountMessage()->width())
                            .arg(d->amountMessage()->height())
                            .arg(d->amountMessage()->heightForWidth(d->amountMessage()->width()))
                            .arg(d->width())
                            .arg(d->height())));
    QVERIFY(!d->canSubmit());
}

void TestTicketPaneResolve::resolutionNoteAndAmountShown()
{
    PaneCache c;
    c.put(c.ticket(1, TicketStatus::Open, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);
    pane.resolve();
    ResolveDialog *d = pane.resolveDialog();
    QVERIFY(d);
    d->resolutionBox()->setCurrentIndex(d->resolutionBox()->findData(u"compensation"_s));
    QTest::keyClicks(d->amountField(), u"20"_s);
    auto *note = d->findChild<QPlainTextEdit *>(); // the optional resolution note
    QVERIFY(note);
    typeText(note, u"已退运费，客户同意"_s);
    QVERIFY(d->canSubmit());
    d->accept();
    QVERIFY(!pane.resolveDialog() || !pane.resolveDialog()->isVisible());

    const Ticket t = c.stored(u"t-1"_s);
    QCOMPARE(t.status, TicketStatus::Resolved);
    QCOMPARE(t.resolution, Resolution::Compensation);
    QCOMPARE(t.compensationFen, 2000);
    // The note is kept with the resolution, as an internal note (the server's way for free text), beside the
    // console's own status_change entry (replaced by the server's when it confirms).
    const QList<TicketEvent> events = TicketRepository(*c.db).events(u"t-1"_s);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].kind, EventKind::StatusChange);
    QCOMPARE(events[0].data.value(u"resolution"_s).toString(), u"compensation"_s);
    QCOMPARE(events[1].kind, EventKind::Note);
    QCOMPARE(events[1].text, u"已退运费，客户同意"_s);
    QCOMPARE(c.outboxCount(), 2); // the PATCH and the note

    // The amount is in the pane's header and in the conversation's status line at once…
    QVERIFY2(pane.header()->text().contains(u"¥20.00"_s), qPrintable(pane.header()->text()));
    const QString line = u"Open → Resolved · Compensation ¥20.00"_s;
    QVERIFY2(pane.conversation()->toPlainText().contains(line),
             qPrintable(pane.conversation()->toPlainText()));
    // …and once the server's status change replaces the console's, once only.
    TicketEvent change;
    change.id = u"e-resolve"_s;
    change.ticketId = u"t-1"_s;
    change.kind = EventKind::StatusChange;
    change.at = kNow;
    change.authorId = c.agent1.id;
    change.data = {{u"from"_s, u"open"_s}, {u"to"_s, u"resolved"_s}, {u"resolution"_s, u"compensation"_s}};
    change.version = 1;
    QString error;
    LocalEdits edits(*c.db, c.clock);
    for (const OutboxItem &item : OutboxRepository(*c.db).forTicket(u"t-1"_s))
        if (item.method == u"PATCH"_s)
            QVERIFY2(edits.confirm(item.seq, std::nullopt, {change}, 3, &error), qPrintable(error));
    pane.reload();
    const QString conversation = pane.conversation()->toPlainText();
    QCOMPARE(conversation.count(line), 1);
    QCOMPARE(TicketRepository(*c.db).events(u"t-1"_s).size(), 2);
}

void TestTicketPaneResolve::pendingPausesTheSlaAtOnce()
{
    // Set pending wrote no status_change of its own: the SLA ran on until the next sync brought the server's.
    PaneCache c;
    c.put(c.ticket(1, TicketStatus::Open, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);
    QCOMPARE(pane.slaPanel()->state(SlaClock::Resolution), SlaState::OnTrack);

    pane.setPending();
    QCOMPARE(c.stored(u"t-1"_s).status, TicketStatus::Pending);
    QCOMPARE(pane.slaPanel()->state(SlaClock::Resolution), SlaState::Paused);
    QVERIFY2(pane.slaPanel()->text(SlaClock::Resolution).contains(u"Paused with"_s),
             qPrintable(pane.slaPanel()->text(SlaClock::Resolution)));
    QList<TicketEvent> events = TicketRepository(*c.db).events(u"t-1"_s);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].kind, EventKind::StatusChange);
    QCOMPARE(events[0].at, kNow);
    QCOMPARE(events[0].data, (QJsonObject{{u"from"_s, u"open"_s}, {u"to"_s, u"pending"_s}}));
    const QString paused = pane.slaPanel()->text(SlaClock::Resolution);

    // Two hours later the clock still stands; resumed, it runs again from where it stopped.
    c.clock.advance(120 * kMinute);
    pane.reload();
    QCOMPARE(pane.slaPanel()->state(SlaClock::Resolution), SlaState::Paused);
    QCOMPARE(pane.slaPanel()->text(SlaClock::Resolution).section(u'\n', 1, 1), paused.section(u'\n', 1, 1));
    pane.resume();
    QCOMPARE(pane.slaPanel()->state(SlaClock::Resolution), SlaState::OnTrack);
    events = TicketRepository(*c.db).events(u"t-1"_s);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[1].data.value(u"from"_s).toString(), u"pending"_s);

    // A refused edit takes its entry with it: the server said no to the resume.
    QString error;
    LocalEdits edits(*c.db, c.clock);
    const QList<OutboxItem> queued = OutboxRepository(*c.db).forTicket(u"t-1"_s);
    QCOMPARE(queued.size(), 2);
    QVERIFY2(edits.reject(queued[1].seq, u"409 illegal_transition"_s, &error), qPrintable(error));
    QCOMPARE(TicketRepository(*c.db).events(u"t-1"_s).size(), 1);
}

void TestTicketPaneResolve::assigneeChoiceSurvivesRefresh()
{
    PaneCache c;
    c.put(c.ticket(1, TicketStatus::Open, c.agent1.id));
    c.put(c.ticket(2, TicketStatus::Open, c.agent1.id));
    c.put(c.ticket(3, TicketStatus::Pending, c.agent2.id));
    c.put(c.ticket(4, TicketStatus::Resolved, c.agent2.id)); // not open: not counted
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.supervisor);
    pane.showTicket(u"t-1"_s);
    QComboBox *box = pane.actions()->assigneeBox();

    // Each person with their open tickets.
    const int agent1 = box->findData(c.agent1.id);
    const int agent2 = box->findData(c.agent2.id);
    QVERIFY(agent1 >= 0 && agent2 >= 0);
    QCOMPARE(box->itemText(agent1), ActionBar::tr("%1 (%n open)", nullptr, 2).arg(u"张伟"_s));
    QCOMPARE(box->itemText(agent2), ActionBar::tr("%1 (%n open)", nullptr, 1).arg(u"刘洋"_s));
    QVERIFY(box->itemText(box->findData(c.supervisor.id)).contains(u"(0 open)"_s));

    // Assign with the current assignee still chosen: nothing written, and the pane says why.
    const int before = c.outboxCount();
    pane.actions()->button(PaneAction::Assign)->click();
    QCOMPARE(c.outboxCount(), before);
    QVERIFY(pane.messageLabel()->isVisibleTo(&pane));
    QVERIFY(!pane.messageLabel()->text().isEmpty());

    // The supervisor picks 刘洋 with the keyboard; a refresh (sync, the list's debounce) comes in between.
    box->setFocus();
    const Qt::Key towards = agent2 > box->currentIndex() ? Qt::Key_Down : Qt::Key_Up;
    for (int i = 0; i < box->count() && box->currentData().toString() != c.agent2.id; ++i)
        QTest::keyClick(box, towards);
    QCOMPARE(box->currentData().toString(), c.agent2.id);
    pane.reload();
    QCOMPARE(box->currentData().toString(), c.agent2.id);

    pane.actions()->button(PaneAction::Assign)->click();
    QCOMPARE(c.stored(u"t-1"_s).assigneeId, c.agent2.id);
    QVERIFY(pane.messageLabel()->isVisibleTo(&pane));
    QVERIFY2(pane.messageLabel()->text().contains(u"刘洋"_s), qPrintable(pane.messageLabel()->text()));
    // Now 刘洋 has two open tickets and the picker shows the new assignee.
    QCOMPARE(box->currentData().toString(), c.agent2.id);
    QCOMPARE(box->itemText(box->findData(c.agent2.id)),
             ActionBar::tr("%1 (%n open)", nullptr, 2).arg(u"刘洋"_s));
}

QTEST_MAIN(TestTicketPaneResolve)
#include "tst_ticketpane_resolve.moc"
