// The compensation calculator in the resolve dialog and a regulator appeal in the ticket pane (issue 21),
// offscreen over a real SQLite cache: the rules propose an amount with their explanation, which goes into the
// resolution note; a different amount needs a reason; an amount above the agent's limit asks for approval
// instead of resolving, and without the server says so and writes nothing. An appeal shows its tab, the
// header mark and the statutory and appeal clocks; a customer ticket shows the statutory clock only.
#include "panefixture.h"
#include "ui/common/language.h"
#include "ui/workbench/ticketpane/appealpanel.h"
#include "ui/workbench/ticketpane/calculatorbox.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/slapanel.h"
#include "ui/workbench/ticketpane/ticketpane.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestTicketPaneCompensation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void calculatorProposesAndExplains();
    void differentAmountNeedsAReason();
    void aboveTheLimitAsksForApproval();
    void appealShowsItsTabAndClocks();

private:
    /// A lost-parcel ticket on an uninsured parcel: freight ¥12, declared value ¥260, no positions.
    void putLossTicket(PaneCache &c);
    ResolveDialog *openCompensation(TicketPane &pane);
    [[nodiscard]] static QPushButton *okButton(ResolveDialog *d);

    QTemporaryDir m_settingsDir;
    const QTimeZone m_zone{"Asia/Shanghai"};
};

void TestTicketPaneCompensation::initTestCase()
{
    isolateSettings(m_settingsDir.path());
    QVERIFY(Language::apply(u"en"_s));
}

void TestTicketPaneCompensation::putLossTicket(PaneCache &c)
{
    Parcel p;
    p.waybillNo = u"SF1400000000017"_s;
    p.status = ParcelStatus::InTransit;
    p.declaredValueFen = 26000;
    p.freightFen = 1200;
    p.serviceClass = u"standard"_s;
    p.version = 1;
    QString error;
    QVERIFY2(ParcelRepository(*c.db).upsert({p}, &error), qPrintable(error));
    Ticket t = c.ticket(1, TicketStatus::Open, c.agent1.id);
    t.category = Category::Loss;
    c.put(t);
}

ResolveDialog *TestTicketPaneCompensation::openCompensation(TicketPane &pane)
{
    pane.resize(520, 760);
    pane.show();
    if (!QTest::qWaitForWindowExposed(&pane))
        return nullptr;
    pane.resolve();
    ResolveDialog *d = pane.resolveDialog();
    if (!d || !QTest::qWaitForWindowExposed(d))
        return nullptr;
    d->resolutionBox()->setCurrentIndex(d->resolutionBox()->findData(u"compensation"_s));
    return d;
}

QPushButton *TestTicketPaneCompensation::okButton(ResolveDialog *d)
{
    return d->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

void TestTicketPaneCompensation::calculatorProposesAndExplains()
{
    PaneCache c;
    putLossTicket(c);
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);
    ResolveDialog *d = openCompensation(pane);
    QVERIFY(d);
    QVERIFY(d->calculator());
    QVERIFY(d->calculator()->isVisible());
    // The declared value stands for the actual one; the uninsured cap is 3 × the freight.
    QCOMPARE(d->calculator()->actualField()->text(), u"260.00"_s);
    QVERIFY(d->calculator()->proposal());
    QCOMPARE(d->calculator()->proposal()->amountFen, 3600);
    const QString explanation = d->calculator()->explanationLabel()->text();
    QVERIFY2(explanation.contains(u"¥260"_s) && explanation.contains(u"¥36"_s), qPrintable(explanation));
    QVERIFY(d->calculator()->useButton()->isEnabled());
    QTest::mouseClick(d->calculator()->useButton(), Qt::LeftButton);
    QCOMPARE(d->amountField()->text(), u"36.00"_s);
    QVERIFY(!d->requestsApproval());
    QCOMPARE(okButton(d)->text(), ResolveDialog::tr("Resolve"));
    QVERIFY(d->canSubmit());
    d->accept();
    QTRY_VERIFY(!pane.resolveDialog());
    const Ticket stored = c.stored(u"t-1"_s);
    QCOMPARE(stored.status, TicketStatus::Resolved);
    QCOMPARE(stored.compensationFen, std::optional<qint64>(3600));
    // The explanation is kept with the resolution, as an internal note.
    bool noted = false;
    for (const TicketEvent &e : TicketRepository(*c.db).events(u"t-1"_s))
        noted = noted || (e.kind == EventKind::Note && e.text.contains(explanation));
    QVERIFY(noted);
}

void TestTicketPaneCompensation::differentAmountNeedsAReason()
{
    PaneCache c;
    putLossTicket(c);
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);
    ResolveDialog *d = openCompensation(pane);
    QVERIFY(d);
    d->amountField()->setText(u"40"_s);
    QVERIFY(d->reasonField()->isVisible());
    QVERIFY(!d->canSubmit()); // ¥40 is not the proposed ¥36: why?
    d->reasonField()->setText(u"客户提供了发票，运费另计"_s);
    QVERIFY(d->canSubmit());
    d->accept();
    QTRY_VERIFY(!pane.resolveDialog());
    QCOMPARE(c.stored(u"t-1"_s).compensationFen, std::optional<qint64>(4000));
    bool noted = false;
    for (const TicketEvent &e : TicketRepository(*c.db).events(u"t-1"_s))
        noted = noted || (e.kind == EventKind::Note && e.text.contains(u"¥36.00"_s) &&
                          e.text.contains(u"客户提供了发票"_s));
    QVERIFY(noted);
}

void TestTicketPaneCompensation::aboveTheLimitAsksForApproval()
{
    PaneCache c;
    putLossTicket(c);
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.showTicket(u"t-1"_s);
    ResolveDialog *d = openCompensation(pane);
    QVERIFY(d);
    d->amountField()->setText(u"500"_s);
    d->reasonField()->setText(u"保价凭证齐全"_s);
    QVERIFY(d->requestsApproval());
    QVERIFY(d->limitLabel()->isVisible());
    QVERIFY2(d->limitLabel()->text().contains(u"¥200.00"_s), qPrintable(d->limitLabel()->text()));
    QCOMPARE(okButton(d)->text(), ResolveDialog::tr("Request approval"));
    const int outboxBefore = c.outboxCount();
    d->accept(); // no server link in this test: the dialog says so and stays open
    QVERIFY(pane.resolveDialog());
    QVERIFY2(d->errorLabel()->text().contains(u"needs the server"_s), qPrintable(d->errorLabel()->text()));
    QCOMPARE(c.stored(u"t-1"_s).status, TicketStatus::Open);
    QCOMPARE(c.outboxCount(), outboxBefore);
    QCOMPARE(d->amountField()->text(), u"500"_s); // nothing typed is lost
    // A supervisor's limit is ¥2,000: the same amount resolves at once.
    d->reject();
    QTRY_VERIFY(!pane.resolveDialog());
    pane.setCurrentUser(c.supervisor);
    pane.showTicket(u"t-1"_s);
    d = openCompensation(pane);
    QVERIFY(d);
    d->amountField()->setText(u"500"_s);
    d->reasonField()->setText(u"保价凭证齐全"_s);
    QVERIFY(!d->requestsApproval());
    QCOMPARE(okButton(d)->text(), ResolveDialog::tr("Resolve"));
}

void TestTicketPaneCompensation::appealShowsItsTabAndClocks()
{
    PaneCache c;
    Ticket customer = c.ticket(1, TicketStatus::Open, c.agent1.id);
    c.put(customer);
    Ticket appeal = c.ticket(2, TicketStatus::Open, c.agent1.id);
    appeal.source = TicketSource::RegulatorAppeal;
    appeal.priority = Priority::P1;
    appeal.appeal = Appeal{};
    appeal.appeal->number = u"SG2611230001"_s;
    appeal.appeal->office = u"上海市邮政管理局"_s;
    appeal.appeal->forwardedAt = kNow - 60 * kMinute;
    appeal.appeal->earlierTickets = {customer.id, u"t-elsewhere"_s};
    c.put(appeal);
    TicketPane pane(*c.db, c.clock, m_zone);
    pane.setCurrentUser(c.agent1);
    pane.resize(520, 760);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto *tabs = pane.findChild<QTabWidget *>();
    auto *panel = pane.findChild<AppealPanel *>();
    auto *sla = pane.findChild<SlaPanel *>();
    QVERIFY(tabs && panel && sla);

    pane.showTicket(u"t-1"_s);
    QVERIFY(!tabs->isTabVisible(tabs->indexOf(panel)));
    QVERIFY(sla->applies(SlaClock::Statutory));
    QVERIFY(!sla->applies(SlaClock::AppealAnswer));
    QCOMPARE(sla->state(SlaClock::Statutory), SlaState::OnTrack);

    pane.showTicket(u"t-2"_s);
    QVERIFY(tabs->isTabVisible(tabs->indexOf(panel)));
    QVERIFY2(panel->text().contains(u"SG2611230001"_s) && panel->text().contains(u"上海市邮政管理局"_s),
             qPrintable(panel->text()));
    // The customer's earlier tickets: by number where cached, said when not.
    QVERIFY2(panel->text().contains(customer.number) && panel->text().contains(u"t-elsewhere"_s),
             qPrintable(panel->text()));
    QVERIFY(sla->applies(SlaClock::Statutory));
    QVERIFY(sla->applies(SlaClock::AppealAnswer));
    QVERIFY(!sla->applies(SlaClock::AppealRedo)); // not rejected
    QCOMPARE(sla->state(SlaClock::AppealAnswer), SlaState::OnTrack);
    QVERIFY2(sla->summary().contains(displayName(SlaClock::AppealAnswer)), qPrintable(sla->summary()));
    bool marked = false;
    for (const QLabel *l : pane.findChildren<QLabel *>())
        marked = marked || l->text().contains(displayName(TicketSource::RegulatorAppeal));
    QVERIFY(marked);
}

QTEST_MAIN(TestTicketPaneCompensation)
#include "tst_ticketpane_compensation.moc"
