// MainWindow: routing — the agent's status in the status bar, Take next waiting ticket, the team board.
#include "common/agentstatuswidget.h"
#include "common/serverlink.h"
#include "mainwindow.h"
#include "models/store/ticketrepository.h"
#include "sync/api/agentsapi.h"
#include "teamboard/teamboardpage.h"
#include "workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "workbench/ticketpane/resolvedialog.h"
#include "workbench/ticketpane/ticketpane.h"
#include "workbench/workbenchpage.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonObject>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr int kMessageMs = 10000;
}

void MainWindow::setRoutingUser()
{
    const bool agent = m_user.role == Role::Agent && !m_user.id.isEmpty();
    for (QAction *a : std::as_const(m_agentActions))
        a->setVisible(agent);
    m_agentStatus->setActive(agent);
    if (agent && serverLink()->hasClient()) {
        // The team's idle time before "away" (the routing policy's idle_away_minutes) when the agent's row
        // carries it; the policy's default (10) otherwise.
        serverLink()->call(
            [](ApiClient *c) { return AgentsApi(c).list(); }, this,
            [this](const ApiResult &r) {
                for (const QJsonValue &v : r.object().value(u"items"_s).toArray()) {
                    const QJsonObject o = v.toObject();
                    if (o.value(u"user_id"_s).toString() == m_user.id && o.contains(u"idle_away_minutes"_s))
                        m_agentStatus->setIdleAwayMinutes(o.value(u"idle_away_minutes"_s).toInt());
                }
            });
    }
    if (m_teamBoard)
        m_teamBoard->setUser(m_user);
}

TeamBoardPage *MainWindow::ensureTeamBoard()
{
    if (m_teamBoard)
        return m_teamBoard;
    m_teamBoard = new TeamBoardPage(m_db, m_clock, m_zone, this);
    m_teamBoard->hide();
    m_teamBoard->setServerLink(serverLink());
    m_teamBoard->setUser(m_user);
    connect(m_teamBoard, &TeamBoardPage::edited, this, [this] {
        Q_EMIT pushRequested();
        m_workbench->onTicketsChanged({});
    });
    connect(m_teamBoard, &TeamBoardPage::openTicketRequested, this, [this](const QString &ticketId) {
        m_pages->setCurrentWidget(m_workbench);
        m_workbench->openTicket(ticketId);
    });
    return m_teamBoard;
}

void MainWindow::takeNextWaiting()
{
    if (m_user.role != Role::Agent)
        return;
    if (!serverLink()->hasClient()) {
        statusBar()->showMessage(tr("Offline: Next ticket needs the server. Nothing was changed."),
                                 kMessageMs);
        return;
    }
    statusBar()->showMessage(tr("Asking the server for the next ticket…"), kMessageMs);
    serverLink()->call(
        [](ApiClient *c) { return AgentsApi(c).next(); }, this,
        [this](const ApiResult &r) {
            if (r.status == 204) {
                statusBar()->showMessage(tr("No ticket waiting that you can take."), kMessageMs);
                return;
            }
            if (r.status == 0) {
                statusBar()->showMessage(tr("Offline: Next ticket needs the server. Nothing was changed."),
                                         kMessageMs);
                return;
            }
            if (!r.ok()) {
                statusBar()->showMessage(tr("Next ticket: %1").arg(r.errorMessage), kMessageMs);
                return;
            }
            const QJsonObject ticket = r.object().value(u"ticket"_s).toObject();
            m_pendingNext = ticket.value(u"id"_s).toString();
            statusBar()->showMessage(
                tr("Ticket %1 is yours: opening it…").arg(ticket.value(u"number"_s).toString()), kMessageMs);
            // The change feed brings the ticket (with its new assignee) into the cache; it opens once it is
            // there.
            Q_EMIT syncRequested();
            openPendingNext();
        });
}

void MainWindow::openPendingNext()
{
    const auto row = TicketRepository(m_db).byId(m_pendingNext);
    if (!row || row->ticket.assigneeId != m_user.id)
        return; // not in the cache yet (or still the old copy): onTicketsChanged calls again
    const QString id = m_pendingNext;
    m_pendingNext.clear();
    m_pages->setCurrentWidget(m_workbench);
    m_workbench->onTicketsChanged({id});
    m_workbench->openTicket(id);
    statusBar()->showMessage(tr("Ticket %1 is yours.").arg(row->ticket.number), kMessageMs);
}

void MainWindow::onAgentStatus(const QJsonObject &message)
{
    if (message.value(u"user_id"_s).toString() == m_user.id && m_user.role == Role::Agent)
        m_agentStatus->setConfirmed(message.value(u"status"_s).toString(),
                                    message.value(u"since_ms"_s).toInteger());
    if (m_teamBoard)
        m_teamBoard->applyAgentStatus(message);
}

void MainWindow::onStatusRefused(const QJsonObject &message)
{
    const QString status = message.value(u"status"_s).toString();
    const QString why = message.value(u"error"_s).toObject().value(u"message"_s).toString();
    m_agentStatus->setRefused(status, why);
    statusBar()->showMessage(tr("Your status was not changed: %1").arg(why), kMessageMs);
}

} // namespace pd
