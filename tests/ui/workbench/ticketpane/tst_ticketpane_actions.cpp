// What the pane refuses and keeps: disabled actions with their reason, roles, the conflict banner, drafts
// across ticket switches and reloads, escaped text, canned replies, viewers and escalation.
#include "models/domain/ticketrules.h"
#include "models/store/localedits.h"
#include "panefixture.h"
#include "ui/workbench/ticketpane/actionbar.h"
#include "ui/workbench/ticketpane/cannedreplies.h"
#include "ui/workbench/ticketpane/composer.h"
#include "ui/workbench/ticketpane/conflictbanner.h"
#include "ui/workbench/ticketpane/conversationview.h"
#include "ui/workbench/ticketpane/customercard.h"
#include "ui/workbench/ticketpane/ticketpane.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestTicketPaneActions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void closedTicketRefusesWithReasons();
    void rolesDecideWhatIsEnabled();
    void supervisorAssignsAndEscalates();
    void conflictKeepMine();
    void conflictTakeTheirs();
    void draftsSurviveSwitchingAndReload();
    void refusedWriteKeepsTextAndSaysWhy();
    void textIsEscaped();
    void cannedRepliesFillPlaceholdersOnce();
    void viewersBanner();

private:
    QTemporaryDir m_settingsDir;
    const QTimeZone m_zone{"Asia/Shanghai"};
};

void TestTicketPaneActions::initTestCase()
{
    isolateSettings(m_settingsDir.path());
}

void TestTicketPaneActions::closedTicketRefusesWithReasons()
{
    PaneCache c;
    c.put(c.ticket(1, TicketStatus::Closed, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);

    for (PaneAction a : {PaneAction::Resolve, PaneAction::SetPending, PaneAction::Reopen}) {
        QPushButton *b = pane.actions()->button(a);
        QVERIFY(!b->isEnabled());
        QVERIFY(!b->toolTip().isEmpty());
    }
    QCOMPARE(pane.actions()->button(PaneAction::Resolve)->toolTip(),
             TicketRules::refusal(TicketStatus::Closed, TicketStatus::Resolved));
    QPushButton *send = pane.composer()->sendButton(Composer::Box::Reply);
    QVERIFY(!send->isEnabled());
    QCOMPARE(send->toolTip(), PaneActionRules::tr("The ticket is closed: only internal notes can be added."));
    QVERIFY(pane.composer()->sendButton(Composer::Box::Note)->isEnabled()); // notes stay allowed

    // A shortcut on a disabled action writes nothing and says why.
    QSignalSpy edited(&pane, &TicketPane::edited);
    pane.resolve();
    QVERIFY(!pane.resolveDialog());
    pane.setPending();
    QCOMPARE(edited.size(), 0);
    QCOMPARE(c.outboxCount(), 0);
    QVERIFY(pane.messageLabel()->isVisibleTo(&pane));
    QCOMPARE(pane.messageLabel()->text(), TicketRules::refusal(TicketStatus::Closed, TicketStatus::Pending));

    typeText(pane.composer()->editor(Composer::Box::Note), u"客户又来电"_s);
    pane.composer()->sendButton(Composer::Box::Note)->click();
    QCOMPARE(edited.size(), 1);
    QCOMPARE(TicketRepository(*c.db).events(u"t-1"_s).size(), 1);
}

void TestTicketPaneActions::rolesDecideWhatIsEnabled()
{
    PaneCache c;
    c.put(c.ticket(2, TicketStatus::Open, c.agent2.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.showTicket(u"t-2"_s);

    pane.setCurrentUser(c.manager);
    const QString readOnly = PaneActionRules::tr("Your role (%1) can read tickets but not change them.")
                                 .arg(displayName(Role::Manager));
    for (PaneAction a : {PaneAction::Take, PaneAction::Resolve, PaneAction::Escalate, PaneAction::Call}) {
        QVERIFY(!pane.actions()->button(a)->isEnabled());
        QCOMPARE(pane.actions()->button(a)->toolTip(), readOnly);
    }
    QVERIFY(!pane.composer()->sendButton(Composer::Box::Note)->isEnabled());
    QVERIFY(pane.customerCard()->customerText().contains(u"138****5678"_s));

    // An agent of the ticket's team who does not own it: may take, may not assign, sees a masked phone.
    pane.setCurrentUser(c.agent1);
    QVERIFY(pane.actions()->button(PaneAction::Take)->isEnabled());
    QVERIFY(!pane.actions()->button(PaneAction::Assign)->isEnabled());
    QVERIFY(!pane.actions()->assigneeBox()->isEnabled());
    QVERIFY(!pane.actions()->button(PaneAction::Assign)->toolTip().isEmpty());
    QVERIFY(pane.actions()->button(PaneAction::Resolve)->isEnabled());
    QVERIFY(!pane.customerCard()->customerText().contains(u"13812345678"_s));

    // The owner sees the full phone.
    pane.setCurrentUser(c.agent2);
    QVERIFY(pane.customerCard()->customerText().contains(u"13812345678"_s));

    // An agent of another team does not see the ticket at all.
    pane.setCurrentUser(c.agentB);
    QVERIFY(pane.header()->text().contains(u"another team"_s));
    QVERIFY(!pane.actions()->button(PaneAction::Take)->isEnabled());
    QVERIFY(!pane.customerCard()->customerText().contains(u"王芳"_s));
}

void TestTicketPaneActions::supervisorAssignsAndEscalates()
{
    PaneCache c;
    c.put(c.ticket(3, TicketStatus::Open, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.supervisor);
    pane.showTicket(u"t-3"_s);
    QComboBox *who = pane.actions()->assigneeBox();
    QVERIFY(who->isEnabled());
    // Team-a members only (agents and the supervisor), plus "nobody".
    QCOMPARE(who->count(), 4);
    QCOMPARE(who->findData(c.agentB.id), -1);
    who->setCurrentIndex(who->findData(c.agent2.id));
    pane.actions()->button(PaneAction::Assign)->click();
    QCOMPARE(c.stored(u"t-3"_s).assigneeId, c.agent2.id);
    QVERIFY(pane.header()->text().contains(u"刘洋"_s));

    pane.escalate();
    const auto events = TicketRepository(*c.db).events(u"t-3"_s);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].kind, EventKind::Escalation);
    QCOMPARE(events[0].data.value(u"priority"_s).toString(), u"p1"_s); // p2 → p1
    QVERIFY(pane.conversation()->toPlainText().contains(u"Escalated to"_s));
    QCOMPARE(c.outboxCount(), 2);
}

namespace {
/// A pending-status edit of @p id that the server then refused with 412; its copy has priority p1.
void makeConflict(PaneCache &c, const QString &id)
{
    LocalEdits edits(*c.db, c.clock);
    QString error;
    QVERIFY2(edits.updateTicket(id, {{u"status"_s, u"pending"_s}}, &error), qPrintable(error));
    const qint64 seq = OutboxRepository(*c.db).forTicket(id).constLast().seq;
    Ticket server = c.stored(id);
    server.status = TicketStatus::Open;
    server.priority = Priority::P1;
    server.version = 4;
    QVERIFY2(edits.conflict(seq, server, &error), qPrintable(error));
}
} // namespace

void TestTicketPaneActions::conflictKeepMine()
{
    PaneCache c;
    c.put(c.ticket(4, TicketStatus::Open, c.agent1.id));
    makeConflict(c, u"t-4"_s);
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-4"_s);
    QSignalSpy edited(&pane, &TicketPane::edited);

    ConflictBanner *banner = pane.conflictBanner();
    QVERIFY(banner->isVisibleTo(&pane));
    QCOMPARE(banner->table()->rowCount(), 1);
    QCOMPARE(banner->table()->item(0, 0)->text(), ConflictBanner::tr("Status"));
    QCOMPARE(banner->table()->item(0, 1)->text(), displayName(TicketStatus::Pending));
    QCOMPARE(banner->table()->item(0, 2)->text(), displayName(TicketStatus::Open));
    // Field changes wait for the choice; replies do not.
    QVERIFY(!pane.actions()->button(PaneAction::Resolve)->isEnabled());
    QVERIFY(pane.actions()->button(PaneAction::Resolve)->toolTip().contains(u"conflicting"_s));
    QVERIFY(pane.composer()->sendButton(Composer::Box::Reply)->isEnabled());

    banner->keepMineButton()->click();
    QCOMPARE(edited.size(), 1);
    QVERIFY(!LocalEdits(*c.db, c.clock).conflictFor(u"t-4"_s));
    QVERIFY(!banner->isVisibleTo(&pane));
    const Ticket t = c.stored(u"t-4"_s);
    QCOMPARE(t.status, TicketStatus::Pending); // mine
    QCOMPARE(t.priority, Priority::P1);        // the server's field I did not touch
    const auto queued = OutboxRepository(*c.db).forTicket(u"t-4"_s);
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued[0].baseVersion, std::optional<qint64>(4)); // sent again on the server's version
    QVERIFY(pane.actions()->button(PaneAction::Resolve)->isEnabled());
}

void TestTicketPaneActions::conflictTakeTheirs()
{
    PaneCache c;
    c.put(c.ticket(5, TicketStatus::Open, c.agent1.id));
    makeConflict(c, u"t-5"_s);
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-5"_s);
    QSignalSpy edited(&pane, &TicketPane::edited);
    pane.conflictBanner()->takeTheirsButton()->click();
    QCOMPARE(edited.size(), 1);
    QVERIFY(!pane.conflictBanner()->isVisibleTo(&pane));
    const Ticket t = c.stored(u"t-5"_s);
    QCOMPARE(t.status, TicketStatus::Open);
    QCOMPARE(t.version, 4);
    QCOMPARE(c.outboxCount(), 0);
}

void TestTicketPaneActions::draftsSurviveSwitchingAndReload()
{
    PaneCache c;
    c.put(c.ticket(6, TicketStatus::Open, c.agent1.id));
    c.put(c.ticket(7, TicketStatus::Open, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    QPlainTextEdit *reply = pane.composer()->editor(Composer::Box::Reply);
    QPlainTextEdit *note = pane.composer()->editor(Composer::Box::Note);

    pane.showTicket(u"t-6"_s);
    typeText(reply, u"回复六"_s);
    typeText(note, u"备注六"_s);
    pane.showTicket(u"t-7"_s);
    QCOMPARE(reply->toPlainText(), QString());
    QCOMPARE(note->toPlainText(), QString());
    typeText(reply, u"回复七"_s);

    // The sync engine changes the ticket under the pane: the text being typed stays.
    Ticket changed = c.stored(u"t-7"_s);
    changed.priority = Priority::P1;
    changed.version = 9;
    c.put(changed);
    pane.reload();
    QCOMPARE(reply->toPlainText(), u"回复七"_s);
    QVERIFY(pane.header()->text().contains(displayName(Priority::P1)));

    pane.showTicket(u"t-6"_s);
    QCOMPARE(reply->toPlainText(), u"回复六"_s);
    QCOMPARE(note->toPlainText(), u"备注六"_s);
    QCOMPARE(pane.composer()->draft(u"t-7"_s, Composer::Box::Reply), u"回复七"_s);
    pane.showTicket(u"t-7"_s);
    QCOMPARE(reply->toPlainText(), u"回复七"_s);
    QCOMPARE(c.outboxCount(), 0); // drafts are never written anywhere
}

void TestTicketPaneActions::refusedWriteKeepsTextAndSaysWhy()
{
    PaneCache c;
    c.put(c.ticket(8, TicketStatus::Open, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-8"_s);
    QSignalSpy edited(&pane, &TicketPane::edited);
    QPlainTextEdit *reply = pane.composer()->editor(Composer::Box::Reply);
    reply->setPlainText(QString(20001, u'长'));
    pane.composer()->sendButton(Composer::Box::Reply)->click();
    QCOMPARE(edited.size(), 0);
    QCOMPARE(c.outboxCount(), 0);
    QCOMPARE(reply->toPlainText().size(), 20001); // nothing typed is lost
    QVERIFY(pane.composer()->errorLabel()->isVisibleTo(&pane));
    QVERIFY(!pane.composer()->errorLabel()->text().isEmpty());
}

void TestTicketPaneActions::textIsEscaped()
{
    PaneCache c;
    Ticket t = c.ticket(9, TicketStatus::Open, c.agent1.id);
    t.customerName = u"<i>王芳</i>"_s;
    t.description = u"<a href=\"http://evil\">点这里</a>"_s;
    c.put(t);
    TicketEvent e;
    e.id = u"ev-1"_s;
    e.ticketId = t.id;
    e.kind = EventKind::Note;
    e.at = kNow - kMinute;
    e.authorId = c.agent2.id;
    e.text = u"<script>alert(1)</script>\n第二行"_s;
    QString error;
    QVERIFY(TicketRepository(*c.db).upsertEvents({e}, &error));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(t.id);

    const QString plain = pane.conversation()->toPlainText();
    QVERIFY(plain.contains(u"<script>alert(1)</script>"_s));
    QVERIFY(plain.contains(u"<a href=\"http://evil\">点这里</a>"_s));
    QVERIFY(plain.contains(u"第二行"_s));
    QVERIFY(plain.contains(u"刘洋"_s));
    const QString html = pane.conversation()->toHtml();
    QVERIFY(!html.contains(u"http://evil\">"_s));
    QVERIFY(!html.contains(u"<script>"_s));
    QVERIFY(pane.customerCard()->customerText().startsWith(u"<i>王芳</i>"_s));
}

void TestTicketPaneActions::cannedRepliesFillPlaceholdersOnce()
{
    const QHash<QString, QString> values{{u"customer_name"_s, u"王{waybill}芳"_s},
                                         {u"waybill"_s, u"SF1400000000017"_s}};
    QCOMPARE(CannedReplies::expand(u"您好{customer_name}，运单{waybill}{unknown}{"_s, values),
             u"您好王{waybill}芳，运单SF1400000000017{unknown}{"_s);

    // A team's own templates come from QSettings.
    {
        QSettings settings;
        CannedReplies::save(settings, {{u"催件"_s, u"{customer_name}您好，运单{waybill}预计{eta}送达。"_s}});
    }
    PaneCache c;
    Parcel p;
    p.waybillNo = u"SF1400000000017"_s;
    p.status = ParcelStatus::OutForDelivery;
    p.promisedAt = kNow + 120 * kMinute; // 12:00 in Shanghai
    QString error;
    QVERIFY(ParcelRepository(*c.db).upsert({p}, &error));
    c.put(c.ticket(10, TicketStatus::Open, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-10"_s);
    QCOMPARE(pane.composer()->cannedPicker()->count(), 1);
    QCOMPARE(pane.composer()->cannedPicker()->itemText(0), u"催件"_s);
    typeText(pane.composer()->editor(Composer::Box::Reply), u"补充："_s);
    pane.composer()->insertCanned(0);
    QCOMPARE(pane.composer()->editor(Composer::Box::Reply)->toPlainText(),
             u"补充：王芳您好，运单SF1400000000017预计2026-11-23 12:00送达。"_s);
    QSettings().remove(QLatin1StringView(CannedReplies::kSettingsKey));
}

void TestTicketPaneActions::viewersBanner()
{
    PaneCache c;
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setViewers({u"刘洋"_s, u"王强"_s});
    QVERIFY(pane.viewersBanner()->isVisibleTo(&pane));
    QCOMPARE(pane.viewersBanner()->text(), TicketPane::tr("Also viewing: %1").arg(u"刘洋, 王强"_s));
    pane.setViewers({});
    QVERIFY(!pane.viewersBanner()->isVisibleTo(&pane));
}

QTEST_MAIN(TestTicketPaneActions)
#include "tst_ticketpane_actions.moc"
