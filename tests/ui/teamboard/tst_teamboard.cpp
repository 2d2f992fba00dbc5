// The team board and the agent's status end to end: two consoles in one process against the real
// parceldesk-server — an agent (agent1) and a supervisor (lead1). A status chosen on the agent's console
// shows on the supervisor's team board within a second; a ticket dragged from the unassigned queue onto an
// agent (the model's drop with the real mime data), or assigned from the keyboard, ends assigned on the
// server; Next ticket opens the ticket it was given and says so when none waits; an idle agent becomes "away"
// on the injected clock and online again at the next input; F1 lists the new shortcuts.
#include "../../../app/session.h"
#include "../../integration/serverfixture.h"
#include "../signedinconsole.h"
#include "models/domain/clock.h"
#include "models/store/database.h"
#include "models/store/ticketrepository.h"
#include "sync/cachekeychain.h"
#include "sync/serverclock.h"
#include "ui/common/agentstatuswidget.h"
#include "ui/common/shortcutsdialog.h"
#include "ui/mainwindow.h"
#include "ui/teamboard/agentboardmodel.h"
#include "ui/teamboard/teamboardpage.h"
#include "ui/teamboard/unassignedmodel.h"
#include "ui/workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ui/workbench/ticketpane/resolvedialog.h"
#include "ui/workbench/ticketpane/ticketpane.h"
#include "ui/workbench/workbenchpage.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <memory>

using namespace Qt::StringLiterals;
using namespace pd;
using namespace pd::test;

namespace {

using Console = SignedInConsole;

QString assigneeInCache(const Console &console, const QString &ticketId)
{
    const auto row = TicketRepository(*console.db).byId(ticketId);
    return row ? row->ticket.assigneeId : u"(not in the cache)"_s;
}

} // namespace

class TestTeamBoard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void statusShowsOnTheBoardWithinOneSecond();
    void dragToAssign();
    void keyboardAssign();
    void nextTicketOpensOrSaysNone();
    void idleAgentBecomesAway();
    void shortcutsListed();

private:
    QString waitingTicket();
    QString assigneeOnServer(const QString &ticketId);
    bool waitBoardStatus(const QString &status, int ms);
    int boardRowOfAgent() const;

    ServerFixture m_server;
    QTemporaryDir m_config;
    Console m_agent;
    Console m_lead;
    QString m_agentId;
    TeamBoardPage *m_board = nullptr;
};

void TestTeamBoard::initTestCase()
{
    qputenv("XDG_CONFIG_HOME", m_config.filePath(u"config"_s).toUtf8());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_config.filePath(u"config"_s));
    QApplication::setOrganizationName(u"ParcelDeskTeamBoardTest"_s);
    QVERIFY(m_server.prepare());
    QVERIFY(m_server.start() >= 0);
    QVERIFY(m_agent.open(m_server, u"agent1"_s));
    QVERIFY(m_lead.open(m_server, u"lead1"_s));
    m_agentId = m_agent.window->currentUser().id;

    // The agent's console went online by itself, and the server confirmed it over the live feed.
    AgentStatusWidget *status = m_agent.window->agentStatus();
    QVERIFY(status->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(status->confirmed(), u"online"_s, 15000);
    QVERIFY(!m_lead.window->agentStatus()->isVisible()); // a supervisor has no agent status

    // The supervisor's team board lists the agent, online.
    m_board = m_lead.window->teamBoard();
    QVERIFY(m_board);
    m_lead.window->pages()->setCurrentWidget(m_board);
    QVERIFY(waitBoardStatus(u"online"_s, 15000));
}

void TestTeamBoard::cleanupTestCase()
{
    m_agent.close();
    m_lead.close();
}

int TestTeamBoard::boardRowOfAgent() const
{
    return m_board->agents()->rowOf(m_agentId);
}

bool TestTeamBoard::waitBoardStatus(const QString &status, int ms)
{
    return QTest::qWaitFor(
        [&] {
            const int row = boardRowOfAgent();
            return row >= 0 && m_board->agents()->agent(row).status == status;
        },
        ms);
}

QString TestTeamBoard::assigneeOnServer(const QString &ticketId)
{
    return m_server.request("GET", u"/api/v1/tickets/"_s + ticketId, m_server.token(u"lead1"_s))
        .json()
        .value(u"assignee_id"_s)
        .toString();
}

/// A new team-a ticket that nobody takes on its own (the only agent online is not free), once it is in the
/// supervisor's queue.
QString TestTeamBoard::waitingTicket()
{
    const QString id = m_server.createTicket(u"lead1"_s);
    if (id.isEmpty())
        return {};
    if (!QTest::qWaitFor([&] { return m_board->queue()->rowOf(id) >= 0; }, 15000))
        return {};
    return id;
}

void TestTeamBoard::statusShowsOnTheBoardWithinOneSecond()
{
    const int row = boardRowOfAgent();
    QVERIFY(row >= 0);
    const QModelIndex statusCell = m_board->agents()->index(row, AgentBoardModel::Status);
    QCOMPARE(statusCell.data().toString(), AgentStatusWidget::title(u"online"_s));

    // The agent picks "On a break" from the status menu.
    AgentStatusWidget *status = m_agent.window->agentStatus();
    QAction *breakAction = nullptr;
    for (QAction *a : status->menu()->actions())
        if (a->data().toString() == u"break"_s)
            breakAction = a;
    QVERIFY(breakAction);
    QElapsedTimer timer;
    timer.start();
    breakAction->trigger();
    QVERIFY(waitBoardStatus(u"break"_s, 5000));
    const qint64 elapsed = timer.elapsed();
    qInfo("status change on the agent's console shown on the supervisor's board after %lld ms", elapsed);
    QVERIFY2(elapsed < 1000, qPrintable(u"%1 ms"_s.arg(elapsed)));
    QCOMPARE(m_board->agents()->index(row, AgentBoardModel::Status).data().toString(),
             AgentStatusWidget::title(u"break"_s));
    QTRY_COMPARE(status->confirmed(), u"break"_s);
    QVERIFY(status->text().contains(AgentStatusWidget::title(u"break"_s)));
    // The server keeps it.
    const QJsonObject agents =
        m_server.request("GET", u"/api/v1/agents"_s, m_server.token(u"lead1"_s)).json();
    bool kept = false;
    for (const QJsonValue &v : agents.value(u"items"_s).toArray())
        kept |= v[u"user_id"_s].toString() == m_agentId && v[u"status"_s].toString() == u"break"_s;
    QVERIFY(kept);
}

void TestTeamBoard::dragToAssign()
{
    // The agent is on a break: the ticket waits in the queue for the supervisor.
    const QString id = waitingTicket();
    QVERIFY(!id.isEmpty());
    UnassignedModel *queue = m_board->queue();
    const int ticketRow = queue->rowOf(id);
    std::unique_ptr<QMimeData> mime(
        queue->mimeData({queue->index(ticketRow, 0), queue->index(ticketRow, 1)}));
    QVERIFY(mime->hasFormat(QString::fromLatin1(AgentBoardModel::kTicketMime)));
    AgentBoardModel *agents = m_board->agents();
    const QModelIndex target = agents->index(boardRowOfAgent(), AgentBoardModel::Agent);
    QVERIFY(agents->canDropMimeData(mime.get(), Qt::MoveAction, -1, -1, target));
    // Between rows names nobody: refused.
    QVERIFY(!agents->canDropMimeData(mime.get(), Qt::MoveAction, -1, -1, QModelIndex()));
    agents->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, target);

    // At once in the supervisor's cache (the ticket leaves the queue), then on the server.
    QCOMPARE(assigneeInCache(m_lead, id), m_agentId);
    QCOMPARE(queue->rowOf(id), -1);
    QTRY_COMPARE_WITH_TIMEOUT(assigneeOnServer(id), m_agentId, 15000);
}

void TestTeamBoard::keyboardAssign()
{
    const QString id = waitingTicket();
    QVERIFY(!id.isEmpty());
    QTableView *queueView = m_board->queueView();
    QTableView *agentView = m_board->agentView();
    QPushButton *assign = m_board->assignButton();
    QVERIFY(!assign->isEnabled()); // nothing chosen yet
    // Into the queue, pick the ticket; into the agents, pick the agent; then the Assign button.
    queueView->setFocus();
    queueView->selectionModel()->setCurrentIndex(queueView->model()->index(m_board->queue()->rowOf(id), 0),
                                                 QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    agentView->setFocus();
    agentView->selectionModel()->setCurrentIndex(agentView->model()->index(boardRowOfAgent(), 0),
                                                 QItemSelectionModel::ClearAndSelect |
                                                     QItemSelectionModel::Rows);
    QVERIFY(assign->isEnabled());
    // Tab on to the button and press it with the space bar (its Alt+G mnemonic needs an active window,
    // which the offscreen platform does not give two windows at once).
    assign->setFocus(Qt::TabFocusReason);
    QTest::keyClick(assign, Qt::Key_Space);
    QTRY_COMPARE(assigneeInCache(m_lead, id), m_agentId);
    QVERIFY(m_board->message().contains(m_agent.window->currentUser().displayName));
    QTRY_COMPARE_WITH_TIMEOUT(assigneeOnServer(id), m_agentId, 15000);
}

void TestTeamBoard::nextTicketOpensOrSaysNone()
{
    // Busy (on a call): nothing is pushed, but the agent may pull.
    m_agent.window->agentStatus()->request(u"busy"_s);
    QVERIFY(waitBoardStatus(u"busy"_s, 5000));
    const QString id = waitingTicket();
    QVERIFY(!id.isEmpty());

    QStatusBar *bar = m_agent.window->statusBar();
    QAction *next = nullptr;
    for (QAction *a : m_agent.window->findChildren<QAction *>())
        if (a->shortcut() == QKeySequence(Qt::Key_F6))
            next = a;
    QVERIFY(next);
    QVERIFY(next->isVisible());
    next->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_agent.window->workbench()->pane()->ticketId(), id, 15000);
    QCOMPARE(assigneeOnServer(id), m_agentId);
    QVERIFY(m_agent.window->pendingNextTicket().isEmpty());

    // Nothing else waits: said, nothing opens.
    next->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(bar->currentMessage(), u"No ticket waiting that you can take."_s, 10000);
    QCOMPARE(m_agent.window->workbench()->pane()->ticketId(), id);
}

void TestTeamBoard::idleAgentBecomesAway()
{
    AgentStatusWidget *status = m_agent.window->agentStatus();
    status->request(u"online"_s);
    QVERIFY(waitBoardStatus(u"online"_s, 5000));
    status->setIdleAwayMinutes(10);
    // Nine idle minutes: still online.
    m_agent.local->advance(9 * 60 * 1000);
    status->checkIdle();
    QCOMPARE(status->requested(), u"online"_s);
    // Ten: away, on the server and on the board.
    m_agent.local->advance(61 * 1000);
    status->checkIdle();
    QCOMPARE(status->requested(), u"away"_s);
    QVERIFY(waitBoardStatus(u"away"_s, 5000));
    // A key in the agent's window: online again.
    QTest::keyClick(m_agent.window->workbench(), Qt::Key_Shift);
    QCOMPARE(status->requested(), u"online"_s);
    QVERIFY(waitBoardStatus(u"online"_s, 5000));
    // A status chosen by hand is not idleness's to change back.
    status->request(u"break"_s);
    m_agent.local->advance(30 * 60 * 1000);
    status->checkIdle();
    QCOMPARE(status->requested(), u"break"_s);
}

void TestTeamBoard::shortcutsListed()
{
    const auto rows = [](QWidget *window) {
        ShortcutsDialog dialog(window, window);
        auto *table = dialog.findChild<QTableWidget *>();
        QHash<QString, QString> keys;
        for (int r = 0; r < table->rowCount(); ++r)
            keys.insert(table->item(r, 2)->text(), table->item(r, 1)->text());
        return keys;
    };
    const QHash<QString, QString> agent = rows(m_agent.window.get());
    QVERIFY(agent.contains(QKeySequence(Qt::Key_F6).toString(QKeySequence::NativeText)));
    QVERIFY(agent.contains(QKeySequence(Qt::Key_F8).toString(QKeySequence::NativeText)));
    // A supervisor has neither (the entries are hidden, so their keys do nothing).
    const QHash<QString, QString> lead = rows(m_lead.window.get());
    QVERIFY(!lead.contains(QKeySequence(Qt::Key_F6).toString(QKeySequence::NativeText)));
    QVERIFY(!lead.contains(QKeySequence(Qt::Key_F8).toString(QKeySequence::NativeText)));
}

QTEST_MAIN(TestTeamBoard)
#include "tst_teamboard.moc"
