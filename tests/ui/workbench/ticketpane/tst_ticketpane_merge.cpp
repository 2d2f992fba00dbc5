// Issue 22: merging from the ticket pane, offscreen, against the real parceldesk-server. lead1 (supervisor)
// syncs two complaints about one waybill; the second, flagged by the server, shows "Likely a duplicate of …"
// with Merge into it…, which an agent sees disabled with the reason. The supervisor confirms, the server
// merges, the target opens, and after the next sync the merged ticket shows where it went, the target holds
// the reply, and the History tab counts the complaint once. Offline, the pane says a merge needs the server.
// PD_MERGE_SCREENSHOT=<png> keeps a picture of the pane with the duplicate banner.
#include "../../../integration/serverfixture.h"
#include "../../../sync/syncharness.h"
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "ui/common/serverlink.h"
#include "ui/workbench/ticketpane/customerhistorypanel.h"
#include "ui/workbench/ticketpane/mergebanner.h"
#include "ui/workbench/ticketpane/ticketpane.h"

#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

namespace {
const QTimeZone kZone("Asia/Shanghai");
}

class TestTicketPaneMerge final : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void duplicateBannerOffersTheMerge();
    void agentsSeeWhyNot();
    void offlineSaysSo();
    void supervisorMerges();

private:
    std::optional<User> userOf(const QString &login);
    QString addReply(const QString &ticketId, const QString &text);

    ServerFixture m_server;
    QTemporaryDir m_home;
    SystemClock m_clock;
    std::unique_ptr<Console> m_lead;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<ServerLink> m_link;
    std::unique_ptr<TicketPane> m_pane;
    User m_supervisor;
    QString m_target;
    QString m_source;
    QString m_reply;
};

std::optional<User> TestTicketPaneMerge::userOf(const QString &login)
{
    const Reply r =
        m_server.request("POST", u"/api/v1/auth/login"_s, {},
                         QJsonObject{{u"login"_s, login}, {u"password"_s, ServerFixture::kPassword}});
    return User::fromJson(r.json().value(u"user"_s).toObject());
}

QString TestTicketPaneMerge::addReply(const QString &ticketId, const QString &text)
{
    const QString id = uuid();
    const Reply r = m_server.request(
        "POST", u"/api/v1/tickets/%1/events"_s.arg(ticketId), m_server.token(u"agent1"_s),
        {{u"id"_s, id}, {u"kind"_s, u"reply"_s}, {u"text"_s, text}}, {{"Idempotency-Key", id.toLatin1()}});
    return r.status == 201 || r.status == 200 ? id : QString();
}

void TestTicketPaneMerge::initTestCase()
{
    QVERIFY(m_home.isValid());
    QCoreApplication::setOrganizationName(u"ParcelDeskMergeTest"_s);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath(u"config"_s));
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start() >= 0);
    m_target = m_server.createTicket(u"agent1"_s);
    m_source = m_server.createTicket(u"agent1"_s); // the same waybill, still open: flagged
    QVERIFY(!m_target.isEmpty() && !m_source.isEmpty());
    m_reply = addReply(m_source, u"第二次来电：已催网点"_s);
    QVERIFY(!m_reply.isEmpty());

    const QString cache = m_home.filePath(u"lead1.sqlite"_s);
    m_lead = std::make_unique<Console>(cache, m_server.url({}));
    QVERIFY(m_lead->signIn(u"lead1"_s));
    QVERIFY(m_lead->sync());
    QString error;
    m_db = Database::open(cache, &error);
    QVERIFY2(m_db, qPrintable(error));
    const auto lead = userOf(u"lead1"_s);
    QVERIFY(lead);
    m_supervisor = *lead;

    m_link = std::make_unique<ServerLink>();
    m_link->setClient(m_lead->engine.api());
    m_pane = std::make_unique<TicketPane>(*m_db, m_clock, kZone);
    m_pane->setServerLink(m_link.get());
    m_pane->setCurrentUser(m_supervisor);
    m_pane->resize(1000, 900);
    m_pane->show();
}

void TestTicketPaneMerge::cleanupTestCase()
{
    m_pane.reset();
    m_db.reset();
    m_lead.reset();
    m_link.reset();
}

void TestTicketPaneMerge::duplicateBannerOffersTheMerge()
{
    m_pane->showTicket(m_target);
    QVERIFY(m_pane->mergeBanner()->isHidden()); // the first complaint is not a duplicate
    m_pane->showTicket(m_source);
    const QString targetNumber = TicketRepository(*m_db).byId(m_target)->ticket.number;
    MergeBanner *banner = m_pane->mergeBanner();
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->message()->text().contains(targetNumber), qPrintable(banner->message()->text()));
    QVERIFY(banner->mergeButton()->isVisible());
    QVERIFY(banner->mergeButton()->isEnabled());
    QVERIFY(banner->openButton()->text().contains(targetNumber));
    QSignalSpy open(m_pane.get(), &TicketPane::openTicketRequested);
    banner->openButton()->click();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().at(0).toString(), m_target);
    // The History tab offers the same to the supervisor, for the selected open ticket.
    CustomerHistoryPanel *history = m_pane->customerHistory();
    QVERIFY(!history->mergeButton()->isHidden());
    QVERIFY(!history->mergeButton()->isEnabled()); // nothing selected yet
    QCOMPARE(history->list()->topLevelItemCount(), 1);
    history->list()->setCurrentItem(history->list()->topLevelItem(0));
    QVERIFY(history->mergeButton()->isEnabled());

    if (const QString shot = qEnvironmentVariable("PD_MERGE_SCREENSHOT"); !shot.isEmpty())
        QVERIFY(m_pane->grab().save(shot));
}

void TestTicketPaneMerge::agentsSeeWhyNot()
{
    const auto agent = userOf(u"agent1"_s);
    QVERIFY(agent);
    m_pane->setCurrentUser(*agent);
    m_pane->showTicket(m_source);
    QPushButton *merge = m_pane->mergeBanner()->mergeButton();
    QVERIFY(!merge->isEnabled());
    QCOMPARE(merge->toolTip(), u"Only supervisors merge tickets."_s);
    QVERIFY(m_pane->customerHistory()->mergeButton()->isHidden());
    m_pane->mergeInto(m_target); // a shortcut or a stale button: refused with the reason, nothing sent
    QVERIFY(!m_pane->mergeConfirmation());
    QCOMPARE(m_pane->messageLabel()->text(), u"Only supervisors merge tickets."_s);
    m_pane->setCurrentUser(m_supervisor);
}

void TestTicketPaneMerge::offlineSaysSo()
{
    ServerLink offline;
    m_pane->setServerLink(&offline);
    m_pane->showTicket(m_source);
    m_pane->mergeInto(m_target);
    QVERIFY(!m_pane->mergeConfirmation());
    QVERIFY2(m_pane->messageLabel()->text().contains(u"Try again when connected"_s),
             qPrintable(m_pane->messageLabel()->text()));
    m_pane->setServerLink(m_link.get());
}

void TestTicketPaneMerge::supervisorMerges()
{
    m_pane->showTicket(m_source);
    const QString sourceNumber = m_pane->ticket()->number;
    const QString targetNumber = TicketRepository(*m_db).byId(m_target)->ticket.number;
    m_pane->mergeBanner()->mergeButton()->click();
    QMessageBox *box = m_pane->mergeConfirmation();
    QVERIFY(box);
    QVERIFY(box->text().contains(sourceNumber) && box->text().contains(targetNumber));
    QVERIFY2(box->informativeText().contains(u"1 conversation entr"_s) &&
                 box->informativeText().contains(u"0 file"_s),
             qPrintable(box->informativeText()));
    QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel)); // Enter alone does not merge
    QPushButton *merge = nullptr;
    for (QAbstractButton *b : box->buttons()) {
        if (box->buttonRole(b) == QMessageBox::AcceptRole)
            merge = qobject_cast<QPushButton *>(b);
    }
    QVERIFY(merge);
    QSignalSpy open(m_pane.get(), &TicketPane::openTicketRequested);
    merge->click();
    QVERIFY(QTest::qWaitFor([&] { return !open.isEmpty(); }, 15000));
    QCOMPARE(open.first().at(0).toString(), m_target);
    QVERIFY2(m_pane->messageLabel()->text().contains(targetNumber),
             qPrintable(m_pane->messageLabel()->text()));

    QVERIFY(m_lead->sync());
    m_pane->showTicket(m_source);
    QCOMPARE(m_pane->ticket()->status, TicketStatus::Closed);
    MergeBanner *banner = m_pane->mergeBanner();
    QVERIFY(banner->isVisible());
    QVERIFY(banner->message()->text().startsWith(u"Merged into "_s + targetNumber));
    QVERIFY(banner->mergeButton()->isHidden());
    m_pane->showTicket(m_target);
    QVERIFY(m_pane->mergeBanner()->isHidden());
    const QList<TicketEvent> events = TicketRepository(*m_db).events(m_target);
    QVERIFY(
        std::any_of(events.cbegin(), events.cend(), [&](const TicketEvent &e) { return e.id == m_reply; }));
    QVERIFY(std::any_of(events.cbegin(), events.cend(),
                        [](const TicketEvent &e) { return e.kind == EventKind::Merged; }));
    QVERIFY2(m_pane->customerHistory()->summary()->text().startsWith(u"1 complaint"_s),
             qPrintable(m_pane->customerHistory()->summary()->text()));
}

QTEST_MAIN(TestTicketPaneMerge)
#include "tst_ticketpane_merge.moc"
