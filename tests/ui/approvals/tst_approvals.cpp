// Compensation above an agent's limit, end to end (issue 21): two consoles in one process against the real
// parceldesk-server — an agent (agent1) and a supervisor (lead1). The agent's resolve dialog proposes the
// amount, and ¥500 (above the agent's ¥200) becomes an approval request, not a resolution: the ticket stays
// open on the server. The supervisor's approvals queue shows it with the reason; approving resolves the
// ticket with the amount on the server and in the agent's cache. A second request is rejected from the queue,
// which needs a reason, and the ticket records the rejection.
#include "../../integration/serverfixture.h"
#include "../signedinconsole.h"
#include "models/store/ticketrepository.h"
#include "ui/approvals/approvalsmodel.h"
#include "ui/approvals/approvalspage.h"
#include "ui/approvals/decisiondialog.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QTableView>

using namespace Qt::StringLiterals;
using namespace pd;
using namespace pd::test;

class TestApprovals : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void agentAsksForApprovalFromTheResolveDialog();
    void supervisorApprovesFromTheQueue();
    void supervisorRejectsWithAReason();

private:
    QString newTicket();
    [[nodiscard]] QJsonObject onServer(const QString &ticketId);
    [[nodiscard]] QJsonArray eventsOnServer(const QString &ticketId);
    bool waitQueued(const QString &ticketId, int ms);
    [[nodiscard]] int rowOf(const QString &ticketId) const;

    ServerFixture m_server;
    QTemporaryDir m_config;
    SignedInConsole m_agent;
    SignedInConsole m_lead;
    ApprovalsPage *m_page = nullptr;
    QString m_requested; ///< the ticket the agent asked approval for
};

void TestApprovals::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_config.filePath(u"config"_s).toUtf8());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.filePath(u"config"_s));
    QApplication::setOrganizationName(u"ParcelDeskApprovalsTest"_s);
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start() >= 0);
    QVERIFY(m_agent.open(m_server, u"agent1"_s));
    QVERIFY(m_lead.open(m_server, u"lead1"_s));
    m_page = m_lead.window->approvals();
    QVERIFY(m_page);
}

void TestApprovals::cleanupTestCase()
{
    m_agent.close();
    m_lead.close();
}

QString TestApprovals::newTicket()
{
    QJsonObject body = ServerFixture::ticketBody();
    body.insert(u"category"_s, u"loss"_s);
    const QString id = m_server.createTicket(u"lead1"_s, body);
    if (id.isEmpty())
        return {};
    if (!QTest::qWaitFor([&] { return TicketRepository(*m_agent.db).byId(id).has_value(); }, 15000))
        return {};
    return id;
}

QJsonObject TestApprovals::onServer(const QString &ticketId)
{
    return m_server.request("GET", u"/api/v1/tickets/"_s + ticketId, m_server.token(u"lead1"_s)).json();
}

QJsonArray TestApprovals::eventsOnServer(const QString &ticketId)
{
    const QJsonObject o =
        m_server.request("GET", u"/api/v1/tickets/%1/events"_s.arg(ticketId), m_server.token(u"lead1"_s))
            .json();
    return o.value(u"items"_s).toArray();
}

int TestApprovals::rowOf(const QString &ticketId) const
{
    for (int row = 0; row < m_page->model()->rowCount(); ++row)
        if (m_page->model()->request(row).ticketId == ticketId)
            return row;
    return -1;
}

bool TestApprovals::waitQueued(const QString &ticketId, int ms)
{
    return QTest::qWaitFor(
        [&] {
            if (rowOf(ticketId) >= 0)
                return true;
            m_page->reload();
            return false;
        },
        ms);
}

void TestApprovals::agentAsksForApprovalFromTheResolveDialog()
{
    m_requested = newTicket();
    QVERIFY(!m_requested.isEmpty());
    m_agent.window->workbench()->openTicket(m_requested);
    TicketPane *pane = m_agent.window->workbench()->pane();
    pane->resolve();
    ResolveDialog *d = pane->resolveDialog();
    QVERIFY(d);
    d->resolutionBox()->setCurrentIndex(d->resolutionBox()->findData(u"compensation"_s));
    d->amountField()->setText(u"500"_s);
    QVERIFY(d->requestsApproval());
    QVERIFY(d->reasonField()->isVisible());
    QVERIFY(!d->canSubmit()); // the approver decides on a reason
    d->reasonField()->setText(u"客户提供了购物发票"_s);
    QVERIFY(d->canSubmit());
    const QPointer<ResolveDialog> dialog(d);
    d->accept();
    QTRY_VERIFY2_WITH_TIMEOUT(!dialog, qPrintable(dialog ? dialog->errorLabel()->text() : QString()), 10000);
    // A request, not a resolution: the ticket is still open on the server, with the amount pending.
    const QJsonObject t = onServer(m_requested);
    QVERIFY2(t.value(u"status"_s).toString() != u"resolved"_s, qPrintable(t.value(u"status"_s).toString()));
    QCOMPARE(t.value(u"pending_compensation"_s).toDouble(), 500.0);
}

void TestApprovals::supervisorApprovesFromTheQueue()
{
    QVERIFY(!m_requested.isEmpty());
    m_lead.window->pages()->setCurrentWidget(m_page);
    QVERIFY(waitQueued(m_requested, 15000));
    const int row = rowOf(m_requested);
    QVERIFY(row >= 0);
    QCOMPARE(m_page->model()->request(row).amountFen, 50000);
    QCOMPARE(m_page->model()->request(row).reason, u"客户提供了购物发票"_s);
    m_page->view()->selectRow(row);
    QVERIFY(m_page->approveButton()->isEnabled());
    m_page->approveSelected();
    DecisionDialog *d = m_page->openDialog();
    QVERIFY(d);
    QVERIFY(d->canDecide()); // the requested amount unchanged needs no reason
    d->accept();
    QTRY_COMPARE_WITH_TIMEOUT(onServer(m_requested).value(u"status"_s).toString(), u"resolved"_s, 10000);
    const QJsonObject t = onServer(m_requested);
    QCOMPARE(t.value(u"resolution"_s).toString(), u"compensation"_s);
    QCOMPARE(t.value(u"compensation_amount"_s).toDouble(), 500.0);
    // The agent's console follows.
    QTRY_VERIFY_WITH_TIMEOUT(TicketRepository(*m_agent.db).byId(m_requested)->ticket.compensationFen ==
                                 std::optional<qint64>(50000),
                             15000);
    // The queue no longer lists it.
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(m_requested) < 0, 10000);
}

void TestApprovals::supervisorRejectsWithAReason()
{
    const QString id = newTicket();
    QVERIFY(!id.isEmpty());
    const Reply asked =
        m_server.request("POST", u"/api/v1/tickets/%1/compensations"_s.arg(id), m_server.token(u"agent1"_s),
                         QJsonObject{{u"amount"_s, 800}, {u"reason"_s, u"客户要求按申报价值赔偿"_s}});
    QCOMPARE(asked.status, 202);
    QVERIFY(waitQueued(id, 15000));
    const int row = rowOf(id);
    QVERIFY(row >= 0);
    m_page->view()->selectRow(row);
    m_page->rejectSelected();
    DecisionDialog *d = m_page->openDialog();
    QVERIFY(d);
    QVERIFY(!d->canDecide()); // a rejection needs its reason
    d->reasonField()->setPlainText(u"未保价，按运费三倍赔付"_s);
    QVERIFY(d->canDecide());
    d->accept();
    QTRY_VERIFY_WITH_TIMEOUT(!onServer(id).contains(u"pending_compensation"_s), 10000);
    QVERIFY(onServer(id).value(u"status"_s).toString() != u"resolved"_s);
    bool recorded = false;
    for (const QJsonValue &v : eventsOnServer(id)) {
        const QJsonObject e = v.toObject();
        recorded = recorded || (e.value(u"kind"_s).toString() == u"compensation_rejected"_s &&
                                QJsonDocument(e).toJson().contains("未保价"));
    }
    QVERIFY(recorded);
}

QTEST_MAIN(TestApprovals)
#include "tst_approvals.moc"
