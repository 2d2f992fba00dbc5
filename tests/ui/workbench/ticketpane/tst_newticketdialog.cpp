// The new-ticket dialog: messages at the field, OK only when valid, nothing saved before, pre-fill from the
// cached parcel and from an earlier ticket on the same waybill.
#include "models/domain/validation.h"
#include "panefixture.h"
#include "ui/workbench/ticketpane/newticketdialog.h"
#include "ui/workbench/ticketpane/panetext.h"
#include "ui/workbench/ticketpane/repeatnotice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestNewTicketDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void messagesAtTheFieldAndNothingSaved();
    void knownParcelPrefills();
    void unknownParcelIsAccepted();
    void savesThroughLocalEdits();
    void repeatedWaybillOffersTheOpenTicket();
    void repeatByPhoneAndOtherTeams();
    void yuanAmounts_data();
    void yuanAmounts();
};

static const char *const kValidWaybill = "SF1400000000017";

void TestNewTicketDialog::messagesAtTheFieldAndNothingSaved()
{
    PaneCache c;
    NewTicketDialog d(*c.db, c.clock, c.agent1);
    QVERIFY(!d.okButton()->isEnabled());
    // Nothing typed yet: no scolding.
    QVERIFY(!d.waybillMessage()->isVisibleTo(&d));
    QVERIFY(!d.phoneMessage()->isVisibleTo(&d));

    QTest::keyClicks(d.waybillField(), u"SF123"_s);
    QVERIFY(d.waybillMessage()->isVisibleTo(&d));
    QCOMPARE(d.waybillMessage()->text(), Validation::checkWaybill(u"SF123"_s).message);
    QTest::keyClicks(d.phoneField(), u"12345"_s);
    QVERIFY(d.phoneMessage()->isVisibleTo(&d));
    QCOMPARE(d.phoneMessage()->text(), Validation::checkPhone(u"12345"_s).message);
    typeText(d.nameField(), u"王芳"_s);
    d.descriptionField()->setPlainText(u"外箱破损"_s);
    QVERIFY(!d.nameMessage()->isVisibleTo(&d));
    QVERIFY(!d.okButton()->isEnabled());

    // An S10 number with a wrong check digit (RR123456785CN is right; …784… is not).
    d.waybillField()->setText(u"RR123456784CN"_s);
    QVERIFY(d.waybillMessage()->isVisibleTo(&d));
    d.waybillField()->setText(u"RR123456785CN"_s);
    QVERIFY(!d.waybillMessage()->isVisibleTo(&d));
    QVERIFY(!d.okButton()->isEnabled()); // the phone is still wrong

    d.accept(); // Enter pressed anyway
    QCOMPARE(d.result(), int(QDialog::Rejected));
    QVERIFY(d.createdTicketId().isEmpty());
    QCOMPARE(TicketRepository(*c.db).totalCount(), 0);
    QCOMPARE(c.outboxCount(), 0);

    d.phoneField()->setText(u"138 1234 5678"_s);
    QVERIFY(!d.phoneMessage()->isVisibleTo(&d));
    QVERIFY(d.okButton()->isEnabled());
    d.descriptionField()->setPlainText(u"   "_s);
    QVERIFY(d.descriptionMessage()->isVisibleTo(&d));
    QVERIFY(!d.okButton()->isEnabled());
}

void TestNewTicketDialog::knownParcelPrefills()
{
    PaneCache c;
    Parcel p;
    p.waybillNo = QString::fromLatin1(kValidWaybill);
    p.status = ParcelStatus::InTransit;
    p.originAddress = u"深圳市南山区"_s;
    p.destinationAddress = u"上海市浦东新区"_s;
    p.promisedAt = kNow - 24 * 60 * kMinute; // a day late
    p.declaredValueFen = 150000;             // ¥1500
    QString error;
    QVERIFY(ParcelRepository(*c.db).upsert({p}, &error));
    Ticket earlier = c.ticket(1, TicketStatus::Resolved);
    earlier.customerName = u"李娜"_s;
    c.put(earlier);
    Ticket otherTeam = c.ticket(2, TicketStatus::Open);
    otherTeam.teamId = u"team-b"_s;
    otherTeam.customerName = u"别的组的客户"_s;
    otherTeam.createdAt = kNow - kMinute; // newer, but not readable by agent1
    c.put(otherTeam);

    NewTicketDialog d(*c.db, c.clock, c.agent1);
    // Pasted with spaces, dashes and lower case: it is still the same parcel.
    d.waybillField()->setText(u"sf 1400-0000-00017"_s);
    QVERIFY(!d.waybillMessage()->isVisibleTo(&d));
    QVERIFY(d.parcelInfo()->text().contains(u"上海市浦东新区"_s));
    QVERIFY(d.parcelInfo()->text().contains(u"(late)"_s));
    QCOMPARE(d.categoryBox()->currentData().toString(), u"delay"_s);
    QCOMPARE(d.priorityBox()->currentData().toString(), u"p3"_s);
    QCOMPARE(d.nameField()->text(), u"李娜"_s);
    QVERIFY(d.phoneField()->text().isEmpty()); // a phone is never copied from another ticket

    // Loss of a parcel declared at ≥ ¥1000 defaults to p1.
    d.categoryBox()->setCurrentIndex(d.categoryBox()->findData(u"loss"_s));
    QCOMPARE(d.priorityBox()->currentData().toString(), u"p1"_s);
    // Once the person picks a priority, the category no longer changes it.
    d.priorityBox()->setCurrentIndex(d.priorityBox()->findData(u"p2"_s));
    d.categoryBox()->setCurrentIndex(d.categoryBox()->findData(u"service"_s));
    QCOMPARE(d.priorityBox()->currentData().toString(), u"p2"_s);
}

void TestNewTicketDialog::unknownParcelIsAccepted()
{
    PaneCache c;
    NewTicketDialog d(*c.db, c.clock, c.agent1);
    d.waybillField()->setText(u"YT1234567890123"_s);
    QVERIFY(!d.waybillMessage()->isVisibleTo(&d));
    QVERIFY(d.parcelInfo()->text().contains(u"not in the local cache"_s));
    QVERIFY(d.nameField()->text().isEmpty());
}

void TestNewTicketDialog::savesThroughLocalEdits()
{
    PaneCache c;
    NewTicketDialog d(*c.db, c.clock, c.agent1);
    d.waybillField()->setText(QString::fromLatin1(kValidWaybill).toLower());
    d.nameField()->setText(u"  王芳 "_s);
    d.phoneField()->setText(u"13812345678"_s);
    d.channelBox()->setCurrentIndex(d.channelBox()->findData(u"online_chat"_s));
    d.descriptionField()->setPlainText(u"包裹一直显示运输中"_s);
    QVERIFY(d.assignToMeBox()->isChecked());
    QVERIFY(d.okButton()->isEnabled());
    d.okButton()->click();
    QCOMPARE(d.result(), int(QDialog::Accepted));
    QVERIFY(!d.createdTicketId().isEmpty());

    const auto row = TicketRepository(*c.db).byId(d.createdTicketId());
    QVERIFY(row);
    QCOMPARE(row->localState, LocalState::Pending);
    QCOMPARE(row->ticket.waybillNo, QString::fromLatin1(kValidWaybill));
    QCOMPARE(row->ticket.customerName, u"王芳"_s);
    QCOMPARE(row->ticket.channel, Channel::OnlineChat);
    QCOMPARE(row->ticket.status, TicketStatus::New);
    QCOMPARE(row->ticket.teamId, c.agent1.teamId);
    QCOMPARE(row->ticket.assigneeId, c.agent1.id);
    QCOMPARE(row->ticket.createdAt, kNow);
    const auto queued = OutboxRepository(*c.db).all();
    QCOMPARE(queued.size(), 1);
    QCOMPARE(queued[0].method, u"POST"_s);
}

void TestNewTicketDialog::repeatedWaybillOffersTheOpenTicket()
{
    PaneCache c;
    Ticket open = c.ticket(7, TicketStatus::Open, c.agent1.id);
    Ticket resolved = c.ticket(8, TicketStatus::Resolved);
    resolved.createdAt += kMinute; // newer, but resolved: not offered
    c.put(open);
    c.put(resolved);
    NewTicketDialog d(*c.db, c.clock, c.agent1);
    QVERIFY(!d.repeatNotice()->isVisibleTo(&d));
    d.waybillField()->setText(u"sf 1400-0000-00017"_s);
    QVERIFY(d.repeatNotice()->isVisibleTo(&d));
    QCOMPARE(d.repeatNotice()->openTicketId(), open.id);
    QVERIFY(d.repeatNotice()->text()->text().contains(open.number));
    QVERIFY(d.repeatNotice()->addButton()->isEnabled());

    // What the customer says now goes with the chase-up call; no new ticket is made.
    d.descriptionField()->setPlainText(u"第三次来电催件"_s);
    d.repeatNotice()->addButton()->click();
    QVERIFY2(d.result() == QDialog::Accepted, qPrintable(d.errorLabel()->text()));
    QVERIFY(d.chasedUp());
    QCOMPARE(d.createdTicketId(), open.id);
    QCOMPARE(TicketRepository(*c.db).totalCount(), 2);
    const auto events = TicketRepository(*c.db).events(open.id);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].kind, EventKind::Call);
    QCOMPARE(events[0].text, u"第三次来电催件"_s);
    QCOMPARE(events[0].data.value(u"outcome"_s).toString(), kChaseUpOutcome);
    QCOMPARE(events[0].data.value(u"direction"_s).toString(), u"inbound"_s);
    QCOMPARE(events[0].authorId, c.agent1.id);
    const auto queued = OutboxRepository(*c.db).all();
    QCOMPARE(queued.size(), 1);
    QVERIFY(queued[0].path.endsWith(u"/tickets/t-7/events"_s));

    // Another waybill with no open ticket hides the notice again.
    NewTicketDialog other(*c.db, c.clock, c.agent1);
    other.waybillField()->setText(u"YT1234567890123"_s);
    QVERIFY(!other.repeatNotice()->isVisibleTo(&other));
}

void TestNewTicketDialog::repeatByPhoneAndOtherTeams()
{
    PaneCache c;
    Ticket theirs = c.ticket(9, TicketStatus::Open);
    theirs.teamId = u"team-b"_s;
    theirs.waybillNo = u"YT1234567890123"_s;
    c.put(theirs);
    // The agent of team-a does not read team-b's ticket: nothing is offered.
    NewTicketDialog agent(*c.db, c.clock, c.agent1);
    agent.phoneField()->setText(u"138-1234-5678"_s);
    QVERIFY(!agent.repeatNotice()->isVisibleTo(&agent));
    // The supervisor reads and writes every team's tickets: offered by phone, and addable.
    NewTicketDialog lead(*c.db, c.clock, c.supervisor);
    lead.phoneField()->setText(u"138-1234-5678"_s);
    QVERIFY(lead.repeatNotice()->isVisibleTo(&lead));
    QCOMPARE(lead.repeatNotice()->openTicketId(), theirs.id);
    QVERIFY(lead.repeatNotice()->text()->text().contains(u"phone"_s));
    QVERIFY(lead.repeatNotice()->addButton()->isEnabled());
    // A manager reads it but edits no ticket: offered, not addable, with the reason.
    NewTicketDialog manager(*c.db, c.clock, c.manager);
    manager.phoneField()->setText(u"13812345678"_s);
    QVERIFY(manager.repeatNotice()->isVisibleTo(&manager));
    QVERIFY(!manager.repeatNotice()->addButton()->isEnabled());
    QVERIFY(!manager.repeatNotice()->addButton()->toolTip().isEmpty());
}

void TestNewTicketDialog::yuanAmounts_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<qint64>("fen"); // -1: refused
    QTest::addRow("whole") << u"50"_s << qint64(5000);
    QTest::addRow("one decimal") << u"12.5"_s << qint64(1250);
    QTest::addRow("two decimals") << u"0.01"_s << qint64(1);
    QTest::addRow("yuan sign") << u"¥ 8.80"_s << qint64(880);
    QTest::addRow("full width") << u"１００"_s << qint64(10000);
    QTest::addRow("zero") << u"0"_s << qint64(-1);
    QTest::addRow("three decimals") << u"1.005"_s << qint64(-1);
    QTest::addRow("negative") << u"-3"_s << qint64(-1);
    QTest::addRow("text") << u"五十"_s << qint64(-1);
    QTest::addRow("over the limit") << u"1000000.01"_s << qint64(-1);
    QTest::addRow("at the limit") << u"1000000"_s << qint64(100000000);
}

void TestNewTicketDialog::yuanAmounts()
{
    QFETCH(QString, typed);
    QFETCH(qint64, fen);
    QString error;
    const auto parsed = PaneText::parseYuan(typed, 100000000, &error);
    if (fen < 0) {
        QVERIFY(!parsed);
        QVERIFY(!error.isEmpty());
    } else {
        QCOMPARE(parsed, std::optional<qint64>(fen));
    }
}

QTEST_MAIN(TestNewTicketDialog)
#include "tst_newticketdialog.moc"
