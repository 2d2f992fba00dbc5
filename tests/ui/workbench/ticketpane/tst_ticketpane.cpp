// The agent's flow in the ticket pane over a real cache: take, reply (first response met), log a call,
// resolve with a resolution and a validated compensation amount, schedule and record the follow-up.
#include "models/domain/ticketrules.h"
#include "models/store/localedits.h"
#include "panefixture.h"
#include "ui/workbench/ticketpane/actionbar.h"
#include "ui/workbench/ticketpane/calldialog.h"
#include "ui/workbench/ticketpane/composer.h"
#include "ui/workbench/ticketpane/conversationview.h"
#include "ui/workbench/ticketpane/customercard.h"
#include "ui/workbench/ticketpane/customerhistorypanel.h"
#include "ui/workbench/ticketpane/followuppanel.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/slapanel.h"
#include "ui/workbench/ticketpane/ticketpane.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestTicketPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void takeThenReplyMeetsFirstResponse();
    void outboundCallIsFirstResponse();
    void resolveNeedsResolutionAndValidAmount();
    void resolveWithoutCompensation();
    void followUpScoresAreValidated();
    void followUpIsScheduledInCompanyTime();
    void parcelCardAndTracking();
    void customerHistoryTab();
    void screenshot();

private:
    QTemporaryDir m_settingsDir;
    const QTimeZone m_zone{"Asia/Shanghai"};
};

void TestTicketPane::initTestCase()
{
    isolateSettings(m_settingsDir.path());
}

void TestTicketPane::takeThenReplyMeetsFirstResponse()
{
    PaneCache c;
    c.put(c.ticket(1));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);
    pane.show();
    QSignalSpy edited(&pane, &TicketPane::edited);

    QCOMPARE(pane.slaPanel()->state(SlaClock::FirstResponse), SlaState::OnTrack);
    QVERIFY(pane.slaPanel()->text(SlaClock::FirstResponse).contains(u"25 min left"_s));
    // Not the owner yet: the phone is masked.
    QVERIFY(pane.customerCard()->customerText().contains(u"138****5678"_s));
    QVERIFY(!pane.customerCard()->customerText().contains(u"13812345678"_s));

    QPushButton *take = pane.actions()->button(PaneAction::Take);
    QVERIFY(take->isEnabled());
    take->click();
    QCOMPARE(edited.size(), 1);
    QCOMPARE(edited.at(0).at(0).toString(), u"t-1"_s);
    QCOMPARE(c.stored(u"t-1"_s).assigneeId, c.agent1.id);
    QCOMPARE(TicketRepository(*c.db).byId(u"t-1"_s)->localState, LocalState::Pending);
    QCOMPARE(c.outboxCount(), 1);
    // The owner sees the full number; taking again makes no sense and says why.
    QVERIFY(pane.customerCard()->customerText().contains(u"13812345678"_s));
    QVERIFY(!take->isEnabled());
    QCOMPARE(take->toolTip(), PaneActionRules::tr("This ticket is already yours."));

    c.clock.advance(2 * kMinute);
    QPlainTextEdit *reply = pane.composer()->editor(Composer::Box::Reply);
    typeText(reply, u"您好，已为您催促网点派送"_s);
    pane.composer()->sendButton(Composer::Box::Reply)->click();
    QCOMPARE(edited.size(), 2);
    QCOMPARE(reply->toPlainText(), QString());

    const Ticket t = c.stored(u"t-1"_s);
    QCOMPARE(t.status, TicketStatus::Open);
    QCOMPARE(t.firstResponseAt, OptInstant(kNow + 2 * kMinute));
    const auto events = TicketRepository(*c.db).events(u"t-1"_s);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].kind, EventKind::Reply);
    QCOMPARE(events[0].authorId, c.agent1.id);
    QCOMPARE(c.outboxCount(), 2);

    // The pane shows the first response met after 7 minutes, and the reply in the conversation.
    QCOMPARE(pane.slaPanel()->state(SlaClock::FirstResponse), SlaState::Met);
    QVERIFY(pane.slaPanel()->text(SlaClock::FirstResponse).contains(u"after 7 min"_s));
    QCOMPARE(pane.slaPanel()->state(SlaClock::Resolution), SlaState::OnTrack);
    QVERIFY(pane.summary()->text().contains(displayName(SlaState::Met)));
    QVERIFY(pane.summary()->text().contains(u"13812345678"_s));
    const QString conversation = pane.conversation()->toPlainText();
    QVERIFY(conversation.contains(u"您好，已为您催促网点派送"_s));
    QVERIFY(conversation.contains(u"张伟"_s)); // the author by name
}

void TestTicketPane::outboundCallIsFirstResponse()
{
    PaneCache c;
    c.put(c.ticket(2, TicketStatus::New, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-2"_s);
    QSignalSpy edited(&pane, &TicketPane::edited);

    pane.logCall();
    CallDialog *dialog = pane.callDialog();
    QVERIFY(dialog);
    dialog->directionBox()->setCurrentIndex(dialog->directionBox()->findData(u"outbound"_s));
    dialog->minutesBox()->setValue(1);
    dialog->secondsBox()->setValue(35);
    dialog->outcomeBox()->setCurrentIndex(dialog->outcomeBox()->findData(u"reached"_s));
    dialog->noteField()->setText(u"客户同意明天再派送"_s);
    dialog->accept();
    QCOMPARE(edited.size(), 1);
    QTRY_VERIFY(!pane.callDialog());

    const auto events = TicketRepository(*c.db).events(u"t-2"_s);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].kind, EventKind::Call);
    QCOMPARE(events[0].data.value(u"direction"_s).toString(), u"outbound"_s);
    QCOMPARE(events[0].data.value(u"duration_s"_s).toInt(), 95);
    QCOMPARE(events[0].data.value(u"outcome"_s).toString(), u"reached"_s);
    QVERIFY(events[0].text.endsWith(u"客户同意明天再派送"_s));
    QCOMPARE(c.stored(u"t-2"_s).firstResponseAt, OptInstant(kNow));
    QCOMPARE(c.stored(u"t-2"_s).status, TicketStatus::Open);
    QCOMPARE(pane.slaPanel()->state(SlaClock::FirstResponse), SlaState::Met);
    QVERIFY(pane.conversation()->toPlainText().contains(u"1:35"_s));
}

void TestTicketPane::resolveNeedsResolutionAndValidAmount()
{
    PaneCache c;
    c.put(c.ticket(3, TicketStatus::Open, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-3"_s);
    QSignalSpy edited(&pane, &TicketPane::edited);

    pane.resolve();
    ResolveDialog *d = pane.resolveDialog();
    QVERIFY(d);
    QVERIFY(!d->canSubmit()); // no resolution chosen
    d->accept();
    QCOMPARE(c.outboxCount(), 0);

    d->resolutionBox()->setCurrentIndex(d->resolutionBox()->findData(u"compensation"_s));
    QVERIFY(d->amountField()->isEnabled());
    QVERIFY(!d->canSubmit()); // the amount is required for compensation
    const struct
    {
        const char *typed;
        bool valid;
    } amounts[] = {{"abc", false},     {"0", false},   {"-5", false},       {"12.345", false},
                   {"2000000", false}, {"12.5", true}, {"１２．５０", true}};
    for (const auto &a : amounts) {
        d->amountField()->setText(QString::fromUtf8(a.typed));
        QCOMPARE(d->canSubmit(), a.valid);
        QCOMPARE(d->amountMessage()->isVisibleTo(d), !a.valid);
        if (!a.valid)
            QVERIFY(!d->amountMessage()->text().isEmpty());
    }
    QCOMPARE(c.outboxCount(), 0); // nothing written while typing

    d->accept();
    QCOMPARE(edited.size(), 1);
    QTRY_VERIFY(!pane.resolveDialog());
    const Ticket t = c.stored(u"t-3"_s);
    QCOMPARE(t.status, TicketStatus::Resolved);
    QCOMPARE(t.resolution, std::optional<Resolution>(Resolution::Compensation));
    QCOMPARE(t.compensationFen, std::optional<qint64>(1250));
    QCOMPARE(t.resolvedAt, OptInstant(kNow));
    const auto queued = OutboxRepository(*c.db).all();
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued[0].method, u"PATCH"_s);
    QCOMPARE(queued[0].payload.value(u"compensation_amount"_s).toDouble(), 12.5);
    QCOMPARE(queued[0].payload.value(u"status"_s).toString(), u"resolved"_s);
    QCOMPARE(pane.slaPanel()->state(SlaClock::Resolution), SlaState::Met);

    // Resolved: resolving again is refused with the state machine's reason; reopening is offered.
    QPushButton *resolve = pane.actions()->button(PaneAction::Resolve);
    QVERIFY(!resolve->isEnabled());
    QCOMPARE(resolve->toolTip(), TicketRules::refusal(TicketStatus::Resolved, TicketStatus::Resolved));
    QVERIFY(pane.actions()->button(PaneAction::Reopen)->isEnabled());
    pane.actions()->button(PaneAction::Reopen)->click();
    QCOMPARE(c.stored(u"t-3"_s).status, TicketStatus::Reopened);
    QCOMPARE(edited.size(), 2);
}

void TestTicketPane::resolveWithoutCompensation()
{
    PaneCache c;
    c.put(c.ticket(4, TicketStatus::Pending, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-4"_s);
    pane.resolve();
    ResolveDialog *d = pane.resolveDialog();
    QVERIFY(d);
    d->resolutionBox()->setCurrentIndex(d->resolutionBox()->findData(u"redelivery"_s));
    QVERIFY(!d->amountField()->isEnabled());
    QVERIFY(d->canSubmit());
    d->accept();
    const Ticket t = c.stored(u"t-4"_s);
    QCOMPARE(t.status, TicketStatus::Resolved);
    QCOMPARE(t.resolution, std::optional<Resolution>(Resolution::Redelivery));
    QVERIFY(!t.compensationFen);
    QVERIFY(!OutboxRepository(*c.db).all().at(0).payload.contains(u"compensation_amount"_s));
}

void TestTicketPane::followUpScoresAreValidated()
{
    PaneCache c;
    c.put(c.ticket(5, TicketStatus::Open, c.agent1.id));
    c.put(c.ticket(6, TicketStatus::Resolved, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-5"_s);
    FollowUpPanel *f = pane.followUp();
    QVERIFY(!f->recordButton()->isEnabled()); // not resolved yet: the reason says so
    QCOMPARE(f->recordButton()->toolTip(),
             PaneActionRules::tr("The follow-up call is recorded once the ticket is resolved."));

    pane.showTicket(u"t-6"_s);
    QVERIFY(f->recordButton()->isEnabled());
    QSignalSpy edited(&pane, &TicketPane::edited);
    const struct
    {
        const char *csat;
        const char *nps;
        const char *mentions;
    } bad[] = {{"6", "9", "CSAT"},  {"0", "", "CSAT"},   {"4", "11", "NPS"}, {"4", "-1", "NPS"},
               {"abc", "", "CSAT"}, {"4.5", "", "CSAT"}, {"", "", "CSAT"}};
    for (const auto &b : bad) {
        f->csatField()->setText(QString::fromUtf8(b.csat));
        f->npsField()->setText(QString::fromUtf8(b.nps));
        f->recordButton()->click();
        QVERIFY2(f->messageLabel()->isVisibleTo(f), b.csat);
        QVERIFY2(f->messageLabel()->text().contains(QLatin1StringView(b.mentions)),
                 qPrintable(f->messageLabel()->text()));
        QCOMPARE(edited.size(), 0);
        QCOMPARE(c.outboxCount(), 0);
        QVERIFY(!c.stored(u"t-6"_s).csat);
    }

    c.clock.advance(kMinute);
    f->csatField()->setText(u"5"_s);
    f->npsField()->setText(u"9"_s);
    f->recordButton()->click();
    QVERIFY(!f->messageLabel()->isVisibleTo(f));
    QCOMPARE(edited.size(), 1);
    const Ticket t = c.stored(u"t-6"_s);
    QCOMPARE(t.csat, std::optional<int>(5));
    QCOMPARE(t.nps, std::optional<int>(9));
    QCOMPARE(t.followUpDoneAt, OptInstant(kNow + kMinute));
    QVERIFY(f->stateLabel()->text().contains(u"CSAT 5 · NPS 9"_s));
    const auto queued = OutboxRepository(*c.db).all();
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued[0].payload.value(u"csat"_s).toInt(), 5);
    QCOMPARE(queued[0].payload.value(u"nps"_s).toInt(), 9);
}

void TestTicketPane::followUpIsScheduledInCompanyTime()
{
    PaneCache c;
    c.put(c.ticket(7, TicketStatus::Resolved, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-7"_s);
    FollowUpPanel *f = pane.followUp();
    // 2026-11-24 15:30 in Shanghai is 07:30 UTC.
    f->dueField()->setDateTime(QDateTime(QDate(2026, 11, 24), QTime(15, 30)));
    f->scheduleButton()->click();
    const QDateTime expected(QDate(2026, 11, 24), QTime(7, 30), Qt::UTC);
    QCOMPARE(c.stored(u"t-7"_s).followUpAt, OptInstant(expected.toMSecsSinceEpoch()));
    QVERIFY(f->stateLabel()->text().contains(u"2026-11-24 15:30"_s));
}

void TestTicketPane::parcelCardAndTracking()
{
    PaneCache c;
    Parcel p;
    p.waybillNo = u"SF1400000000017"_s;
    p.status = ParcelStatus::AtStation;
    p.originAddress = u"深圳市南山区"_s;
    p.destinationAddress = u"上海市浦东新区"_s;
    p.promisedAt = kNow - 60 * kMinute; // late
    p.declaredValueFen = 150000;
    p.version = 1;
    TrackingEvent a{u"e1"_s, p.waybillNo, kNow - 3000 * kMinute, ParcelStatus::PickedUp, u"深圳"_s, {}, {}};
    TrackingEvent b{u"e2"_s,           p.waybillNo, kNow - 100 * kMinute, ParcelStatus::AtStation,
                    u"上海浦东网点"_s, {},          u"<b>到达</b>"_s};
    QString error;
    QVERIFY(ParcelRepository(*c.db).upsert({p}, &error));
    QVERIFY(ParcelRepository(*c.db).upsertTracking({a, b}, &error));
    c.put(c.ticket(8, TicketStatus::Open, c.agent1.id));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-8"_s);

    const QString card = pane.customerCard()->parcelText();
    QVERIFY(card.contains(u"上海市浦东新区"_s));
    QVERIFY(card.contains(u"(late)"_s));
    QVERIFY2(card.contains(u"¥1,500.00"_s), qPrintable(card)); // money grouped as the locale does
    QTreeWidget *tracking = pane.customerCard()->trackingView();
    QCOMPARE(tracking->topLevelItemCount(), 2);
    QCOMPARE(tracking->topLevelItem(0)->text(2), u"上海浦东网点"_s); // newest first
    QCOMPARE(tracking->topLevelItem(0)->text(3), u"<b>到达</b>"_s);  // shown as typed, never as markup

    auto *map = new QLabel(u"map"_s);
    pane.setMiniMap(map);
    QCOMPARE(map->parentWidget(), pane.customerCard()->mapFrame());
}

// Saves a picture of the pane for docs/ when PD_PANE_SCREENSHOT names a PNG path (skipped otherwise).
void TestTicketPane::customerHistoryTab()
{
    PaneCache c;
    Ticket older = c.ticket(2, TicketStatus::Resolved); // same phone and waybill (the fixture's), satisfied
    older.createdAt -= 40 * 24 * 60 * kMinute;
    older.resolvedAt = older.createdAt + 60 * kMinute;
    older.csat = 4;
    Ticket otherTeam = c.ticket(3);
    otherTeam.teamId = u"team-b"_s;
    Ticket stranger = c.ticket(4);
    stranger.customerPhone = u"13900000000"_s;
    stranger.waybillNo = u"YT1234567890123"_s;
    for (const Ticket &t : {c.ticket(1), older, otherTeam, stranger})
        c.put(t);
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);

    auto *tabs = pane.findChild<QTabWidget *>();
    QVERIFY(tabs);
    const int tab = tabs->indexOf(pane.customerHistory());
    QCOMPARE(tabs->tabText(tab), u"History (1)"_s); // team-b's ticket is not the agent's to read
    QTreeWidget *list = pane.customerHistory()->list();
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), older.number);
    const QString summary = pane.customerHistory()->summary()->text();
    QVERIFY2(summary.contains(u"1 complaint"_s) && summary.contains(u"2 in 90 days"_s) &&
                 summary.contains(u"last satisfaction 4/5"_s),
             qPrintable(summary));

    QSignalSpy open(&pane, &TicketPane::openTicketRequested);
    tabs->setCurrentIndex(tab);
    list->setCurrentItem(list->topLevelItem(0));
    Q_EMIT list->itemActivated(list->topLevelItem(0), 0);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).toString(), older.id);

    // A supervisor reads every team: two other tickets.
    pane.setCurrentUser(c.supervisor);
    pane.showTicket(u"t-1"_s);
    QCOMPARE(tabs->tabText(tab), u"History (2)"_s);
    pane.showTicket(u"t-4"_s);
    QCOMPARE(tabs->tabText(tab), u"History"_s);
    QVERIFY(pane.customerHistory()->summary()->text().contains(u"no other ticket"_s));
}

void TestTicketPane::screenshot()
{
    const QString path = qEnvironmentVariable("PD_PANE_SCREENSHOT");
    if (path.isEmpty())
        QSKIP("set PD_PANE_SCREENSHOT=/path/shot.png to save a picture of the pane");
    PaneCache c;
    Parcel p;
    p.waybillNo = u"SF1400000000017"_s;
    p.status = ParcelStatus::AtStation;
    p.originAddress = u"深圳市南山区科技园"_s;
    p.destinationAddress = u"上海市浦东新区张江路 88 号"_s;
    p.promisedAt = kNow - 26 * 60 * kMinute;
    p.declaredValueFen = 39900;
    QString error;
    QVERIFY(ParcelRepository(*c.db).upsert({p}, &error));
    QVERIFY(ParcelRepository(*c.db).upsertTracking(
        {{u"e1"_s,
          p.waybillNo,
          kNow - 3000 * kMinute,
          ParcelStatus::PickedUp,
          u"深圳南山网点"_s,
          {},
          u"已揽收"_s},
         {u"e2"_s, p.waybillNo, kNow - 2000 * kMinute, ParcelStatus::InTransit, u"深圳转运中心"_s, {}, {}},
         {u"e3"_s, p.waybillNo, kNow - 300 * kMinute, ParcelStatus::AtStation, u"上海张江网点"_s, {}, {}}},
        &error));
    c.put(c.ticket(11, TicketStatus::New));
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.resize(900, 760);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-11"_s);
    pane.take();
    c.clock.advance(3 * kMinute);
    pane.composer()
        ->editor(Composer::Box::Reply)
        ->setPlainText(u"王女士您好，已联系上海张江网点今天优先派送。"_s);
    pane.composer()->sendButton(Composer::Box::Reply)->click();
    c.clock.advance(2 * kMinute);
    pane.composer()->editor(Composer::Box::Note)->setPlainText(u"网点反馈：车辆故障，已改派。"_s);
    pane.composer()->sendButton(Composer::Box::Note)->click();
    pane.setViewers({u"刘洋"_s});
    pane.composer()->editor(Composer::Box::Reply)->setPlainText(u"（草稿）"_s);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QVERIFY(pane.grab().save(path));
}

QTEST_MAIN(TestTicketPane)
#include "tst_ticketpane.moc"
