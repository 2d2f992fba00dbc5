// The workbench end to end: the real console widgets (offscreen) against the real parceldesk-server.
// An agent signs in through the dialog, takes a ticket from the Unassigned queue with the keyboard, replies
// and sees the first-response SLA met, resolves with a resolution and records CSAT and NPS; bad input is
// refused at the field; a stale edit meets the server's newer version and the conflict choice decides.
#include "../../integration/liveclient.h"
#include "../liveconsole.h"
#include "models/itemmodels/tickettablemodel.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "sync/serverclock.h"
#include "ui/common/agentstatuswidget.h"
#include "ui/common/shortcutsdialog.h"
#include "ui/login/signindialog.h"
#include "ui/mainwindow.h"
#include "ui/workbench/queuelist.h"
#include "ui/workbench/ticketpane/calldialog.h"
#include "ui/workbench/ticketpane/composer.h"
#include "ui/workbench/ticketpane/conflictbanner.h"
#include "ui/workbench/ticketpane/followuppanel.h"
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/slapanel.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace pd;
using namespace pd::test;

class TestWorkbenchE2E : public QObject, private LiveConsole
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void signInTakeReplyResolveSurvey();
    void shortcutsOverview();
    void collisionNotice();
    void staleEditShowsTheConflictChoice();

private:
    QJsonObject serverTicket(const QString &id);
    QString createOnServer(int n);
    bool waitServer(const QString &id, const std::function<bool(const QJsonObject &)> &pred, int ms = 15000);
    void openTicket(const QString &id);

    int m_counter = 0;
};

QString TestWorkbenchE2E::createOnServer(int n)
{
    return LiveConsole::createOnServer(
        QJsonObject{{u"waybill_no"_s, u"SF15000000%1"_s.arg(n, 5, 10, QLatin1Char('0'))},
                    {u"description"_s, u"包裹延迟三天，客户很着急 %1"_s.arg(n)},
                    {u"customer_name"_s, u"王芳"_s},
                    {u"customer_phone"_s, u"13812345678"_s},
                    {u"category"_s, u"delay"_s},
                    {u"team_id"_s, u"team-a"_s}});
}

QJsonObject TestWorkbenchE2E::serverTicket(const QString &id)
{
    return m_server.request("GET", u"/api/v1/tickets/"_s + id, m_server.token(u"lead1"_s)).json();
}

bool TestWorkbenchE2E::waitServer(const QString &id, const std::function<bool(const QJsonObject &)> &pred,
                                  int ms)
{
    return QTest::qWaitFor([&] { return pred(serverTicket(id)); }, ms);
}

void TestWorkbenchE2E::initTestCase()
{
    // No login remembered: the sign-in dialog opens.
    SignInDialog *dialog = openConsole(u"ParcelDeskTest"_s);
    QVERIFY(dialog);

    // A wrong password is refused with a message; the right one signs in.
    dialog->setLogin(u"agent1"_s);
    dialog->setPassword(u"wrong-password"_s);
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QLabel *errorLabel = nullptr;
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (QLabel *l : dialog->findChildren<QLabel *>())
                if (l->isVisible() && !l->text().isEmpty() &&
                    l->text() != dialog->findChild<QLabel *>()->text())
                    errorLabel = l;
            return buttons->button(QDialogButtonBox::Ok)->isEnabled() && errorLabel;
        },
        10000));
    QCOMPARE(m_window->currentUser().id, QString());
    dialog->setPassword(ServerFixture::kPassword);
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(QTest::qWaitFor([&] { return !m_window->currentUser().id.isEmpty(); }, 15000));
    QCOMPARE(m_window->currentUser().login, u"agent1"_s);
    // Signed in, the agent is online and the server would push new tickets to them; on a call (busy) they
    // wait in Unassigned for the agent to take them, as this test does.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->agentStatus()->confirmed(), u"online"_s, 15000);
    m_window->agentStatus()->request(u"busy"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->agentStatus()->confirmed(), u"busy"_s, 15000);
}

void TestWorkbenchE2E::cleanupTestCase()
{
    closeConsole();
}

void TestWorkbenchE2E::openTicket(const QString &id)
{
    WorkbenchPage *wb = m_window->workbench();
    QVERIFY(QTest::qWaitFor([&] { return TicketRepository(*m_db).byId(id).has_value(); }, 15000));
    wb->openTicket(id);
    QTRY_COMPARE(wb->pane()->ticketId(), id);
}

void TestWorkbenchE2E::signInTakeReplyResolveSurvey()
{
    const QString id = createOnServer(++m_counter);
    QVERIFY(!id.isEmpty());
    WorkbenchPage *wb = m_window->workbench();
    TicketPane *pane = wb->pane();
    QVERIFY(QTest::qWaitFor([&] { return TicketRepository(*m_db).byId(id).has_value(); }, 15000));

    // Alt+2: the Unassigned queue, with the new ticket counted and listed; J selects the first row.
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(m_window.get(), Qt::Key_2, Qt::AltModifier);
    QTRY_COMPARE(wb->queues()->currentQueue(), Queue::Unassigned);
    QTRY_VERIFY(wb->queues()->countOf(Queue::Unassigned) >= 1);
    QTRY_VERIFY(wb->model()->rowOf(id) >= 0);
    wb->view()->setFocus();
    wb->openTicket(id);
    QTRY_COMPARE(pane->ticketId(), id);
    QCOMPARE(wb->currentTicketId(), id);
    QCOMPARE(pane->slaPanel()->state(SlaClock::FirstResponse), SlaState::OnTrack);

    // Ctrl+T takes it: assigned here at once (pending), then on the server.
    QTest::keyClick(m_window.get(), Qt::Key_T, Qt::ControlModifier);
    QTRY_COMPARE(TicketRepository(*m_db).byId(id)->ticket.assigneeId, m_window->currentUser().id);
    QVERIFY(waitServer(id, [&](const QJsonObject &t) {
        return t.value(u"assignee_id"_s).toString() == m_window->currentUser().id;
    }));

    // Ctrl+R puts the cursor in the reply box; sending it is the first response.
    QTest::keyClick(m_window.get(), Qt::Key_R, Qt::ControlModifier);
    QPlainTextEdit *reply = pane->composer()->editor(Composer::Box::Reply);
    QTRY_VERIFY(reply->hasFocus());
    reply->setPlainText(u"您好，已为您联系网点加急派送，今天18点前送达。"_s);
    QTest::mouseClick(pane->composer()->sendButton(Composer::Box::Reply), Qt::LeftButton);
    QTRY_COMPARE(pane->slaPanel()->state(SlaClock::FirstResponse), SlaState::Met);
    QVERIFY(reply->toPlainText().isEmpty());
    QVERIFY(waitServer(id, [](const QJsonObject &t) {
        return t.value(u"first_response_at"_s).isString() || t.value(u"first_response_at"_s).isDouble();
    }));

    // Resolve: compensation needs a valid amount; the dialog says so at the field and writes nothing.
    pane->resolve();
    ResolveDialog *resolve = nullptr;
    QTRY_VERIFY((resolve = pane->resolveDialog()) != nullptr);
    resolve->resolutionBox()->setCurrentIndex(resolve->resolutionBox()->findData(u"compensation"_s));
    resolve->amountField()->setText(u"-5"_s);
    QVERIFY(!resolve->canSubmit());
    QVERIFY(!resolve->amountMessage()->text().isEmpty());
    QCOMPARE(TicketRepository(*m_db).byId(id)->ticket.status, TicketStatus::Open);
    resolve->amountField()->setText(u"20.50"_s);
    QVERIFY(resolve->canSubmit());
    resolve->accept();
    QTRY_COMPARE(TicketRepository(*m_db).byId(id)->ticket.status, TicketStatus::Resolved);
    // The resolution and its amount reach the server through the outbox (30 s: a loaded CI machine runs two
    // suites at once, and a push that meets a busy server waits its back-off).
    QVERIFY(waitServer(
        id,
        [](const QJsonObject &t) {
            return t.value(u"status"_s).toString() == u"resolved"_s &&
                   t.value(u"resolution"_s).toString() == u"compensation"_s &&
                   qRound(t.value(u"compensation_amount"_s).toDouble() * 100) == 2050;
        },
        30000));

    // The follow-up (回访): NPS 11 is refused at the field, CSAT 5 and NPS 9 are recorded.
    QTRY_VERIFY(pane->followUp()->recordButton()->isEnabled());
    pane->followUp()->csatField()->setText(u"5"_s);
    pane->followUp()->npsField()->setText(u"11"_s);
    pane->followUp()->recordNow();
    QVERIFY(!pane->followUp()->messageLabel()->text().isEmpty());
    QVERIFY(!TicketRepository(*m_db).byId(id)->ticket.nps.has_value());
    pane->followUp()->npsField()->setText(u"9"_s);
    pane->followUp()->recordNow();
    QVERIFY(waitServer(id, [](const QJsonObject &t) {
        return t.value(u"csat"_s).toInt() == 5 && t.value(u"nps"_s).toInt() == 9;
    }));
}

void TestWorkbenchE2E::shortcutsOverview()
{
    ShortcutsDialog dialog(m_window.get());
    QStringList rows;
    for (int r = 0; r < dialog.table()->rowCount(); ++r)
        rows.append(dialog.table()->item(r, 1)->text() + u" = "_s + dialog.table()->item(r, 2)->text());
    const QString all = rows.join(u'\n');
    for (const char *expected :
         {"Take = Ctrl+T", "Reply = Ctrl+R", "Next ticket = J", "New ticket… = Ctrl+N",
          "Search tickets = Ctrl+F", "Keyboard shortcuts = F1", "Resolve… = Ctrl+Shift+R"})
        QVERIFY2(all.contains(QString::fromUtf8(expected)), qPrintable(all));
    QVERIFY(rows.size() >= 20);
}

void TestWorkbenchE2E::collisionNotice()
{
    const QString id = createOnServer(++m_counter);
    LiveClient lead;
    lead.open(m_server.port(0), m_server.token(u"lead1"_s));
    QVERIFY(QTest::qWaitFor([&] { return !lead.ofKind(u"hello"_s).isEmpty(); }, 10000));
    openTicket(id);
    TicketPane *pane = m_window->workbench()->pane();
    // The console tells the others that agent1 views the ticket…
    QVERIFY(QTest::qWaitFor(
        [&] {
            return !lead.ofKind(u"presence"_s,
                                [&](const QJsonObject &m) {
                                    return m.value(u"ticket_id"_s).toString() == id &&
                                           m.value(u"mode"_s).toString() == u"view"_s;
                                })
                        .isEmpty();
        },
        10000));
    QVERIFY(!pane->viewersBanner()->isVisible());
    // …and shows who else does.
    lead.send({{u"kind"_s, u"presence"_s}, {u"ticket_id"_s, id}, {u"mode"_s, u"view"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(pane->viewersBanner()->isVisible(), 10000);
    QVERIFY(!pane->viewersBanner()->text().isEmpty());
    lead.send({{u"kind"_s, u"presence"_s}, {u"ticket_id"_s, id}, {u"mode"_s, u"leave"_s}});
    QTRY_VERIFY_WITH_TIMEOUT(!pane->viewersBanner()->isVisible(), 10000);
}

void TestWorkbenchE2E::staleEditShowsTheConflictChoice()
{
    const QString id = createOnServer(++m_counter);
    openTicket(id);
    TicketPane *pane = m_window->workbench()->pane();
    pane->take();
    pane->composer()->editor(Composer::Box::Reply)->setPlainText(u"已收到，正在核实。"_s);
    QTest::mouseClick(pane->composer()->sendButton(Composer::Box::Reply), Qt::LeftButton);
    QVERIFY(
        waitServer(id, [](const QJsonObject &t) { return t.value(u"status"_s).toString() == u"open"_s; }));
    QTRY_COMPARE(TicketRepository(*m_db).byId(id)->localState, LocalState::Synced);
    // The pane shows the synced copy (open, the agent's) before the next action is judged on it.
    QTRY_COMPARE(TicketRepository(*m_db).byId(id)->ticket.status, TicketStatus::Open);
    pane->reload();
    QTRY_COMPARE(pane->ticket()->status, TicketStatus::Open);

    // The server goes away; the agent sets the ticket pending (queued here, on the version the agent saw).
    const quint16 port = m_server.port(0);
    m_server.stop(0);
    pane->setPending();
    QTRY_COMPARE(TicketRepository(*m_db).byId(id)->localState, LocalState::Pending);
    QCOMPARE(TicketRepository(*m_db).byId(id)->ticket.status, TicketStatus::Pending);

    // It comes back on the same address, and the lead changes the category first.
    const int index = m_server.start({u"--listen"_s, u"127.0.0.1:%1"_s.arg(port)});
    QVERIFY(index > 0);
    QCOMPARE(m_server.port(index), port);
    m_server.forgetTokens();
    const QJsonObject before =
        m_server.request("GET", u"/api/v1/tickets/"_s + id, m_server.token(u"lead1"_s, index), {}, {}, index)
            .json();
    const Reply patched =
        m_server.request("PATCH", u"/api/v1/tickets/"_s + id, m_server.token(u"lead1"_s, index),
                         QJsonObject{{u"category"_s, u"damage"_s}},
                         {{"If-Match", QByteArray::number(before.value(u"version"_s).toInteger())}}, index);
    QCOMPARE(patched.status, 200);

    // The agent's edit meets the newer version: a conflict, kept beside the server copy, with both choices.
    QTest::keyClick(m_window.get(), Qt::Key_F5);
    QTRY_VERIFY_WITH_TIMEOUT(TicketRepository(*m_db).byId(id)->localState == LocalState::Conflict, 20000);
    pane->reload();
    QTRY_VERIFY(pane->conflictBanner()->isVisible());
    QVERIFY(pane->conflictBanner()->keepMineButton()->isEnabled());
    QVERIFY(pane->conflictBanner()->takeTheirsButton()->isEnabled());
    QTest::mouseClick(pane->conflictBanner()->keepMineButton(), Qt::LeftButton);
    const auto onServer = [&](const QJsonObject &t) {
        return t.value(u"status"_s).toString() == u"pending"_s &&
               t.value(u"category"_s).toString() == u"damage"_s;
    };
    QVERIFY(QTest::qWaitFor(
        [&] {
            return onServer(m_server
                                .request("GET", u"/api/v1/tickets/"_s + id, m_server.token(u"lead1"_s, index),
                                         {}, {}, index)
                                .json());
        },
        20000));
    QTRY_COMPARE_WITH_TIMEOUT(TicketRepository(*m_db).byId(id)->localState, LocalState::Synced, 20000);
    QTRY_VERIFY(!pane->conflictBanner()->isVisible());
}

QTEST_MAIN(TestWorkbenchE2E)
#include "tst_workbench_e2e.moc"
