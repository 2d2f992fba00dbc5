#pragma once

#include "models/domain/entities.h"

#include <QTimeZone>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTimer;

namespace pd {

class AgentBoardModel;
class Clock;
class Database;
class ServerLink;
class UnassignedModel;

/**
 * @brief The team board (supervisors, managers): the agents live — status and time in it, open load against
 * capacity, at-risk and breached counts, the ticket in hand — beside the queue of unassigned tickets with
 * their deadlines. Drag tickets onto an agent (or select both and press Assign, Alt+G) to assign them: the
 * same edit the ticket pane makes (LocalEdits, then the outbox), so it works offline and shows at once.
 *
 * Agents come from GET /agents (on show, after ticket changes, every 30 s) and change at once with the live
 * feed's agent_status messages (applyAgentStatus); the queue reads the cache.
 */
class TeamBoardPage final : public QWidget
{
    Q_OBJECT
public:
    TeamBoardPage(const Database &db, Clock &clock, const QTimeZone &zone, QWidget *parent = nullptr);

    void setUser(const User &user);
    void setServerLink(ServerLink *link);
    [[nodiscard]] AgentBoardModel *agents() const { return m_agents; }
    [[nodiscard]] UnassignedModel *queue() const { return m_queue; }
    [[nodiscard]] QTableView *agentView() const { return m_agentView; }
    [[nodiscard]] QTableView *queueView() const { return m_queueView; }
    [[nodiscard]] QPushButton *assignButton() const { return m_assign; }
    [[nodiscard]] QString message() const;

public Q_SLOTS:
    /// @brief GET /agents again.
    void reloadAgents();
    /// @brief The cache changed: the queue follows at once, the agents' loads soon (one request a second).
    void onTicketsChanged(const QStringList &ids);
    void applyAgentStatus(const QJsonObject &message);
    /// @brief Assigns the selected tickets of the queue to the selected agent (the Assign button).
    void assignSelected();
    /// @brief Assigns @p ticketIds to @p userId through the outbox; false and a message when refused.
    bool assign(const QStringList &ticketIds, const QString &userId);

Q_SIGNALS:
    /// @brief A ticket was assigned here (queued in the outbox): send it.
    void edited(const QString &ticketId);
    void openTicketRequested(const QString &ticketId);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    Q_DISABLE_COPY_MOVE(TeamBoardPage)
    void retranslate();
    void showMessage(const QString &text, bool error);
    void updateAssignButton();

    const Database &m_db;
    Clock &m_clock;
    QTimeZone m_zone;
    User m_user;
    ServerLink *m_link = nullptr;
    AgentBoardModel *m_agents;
    UnassignedModel *m_queue;
    QTableView *m_agentView;
    QTableView *m_queueView;
    QLabel *m_agentsTitle;
    QLabel *m_queueTitle;
    QLabel *m_message;
    QPushButton *m_assign;
    QTimer *m_tick;
    QTimer *m_reloadSoon;
    QTimer *m_periodic;
    bool m_loading = false;
};

} // namespace pd
