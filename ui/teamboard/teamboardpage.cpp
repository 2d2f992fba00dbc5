#include "teamboardpage.h"

#include "agentboardmodel.h"
#include "unassignedmodel.h"

#include "models/domain/clock.h"
#include "models/store/localedits.h"
#include "sync/api/agentsapi.h"
#include "ui/common/serverlink.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr int kTickMs = 1000;
constexpr int kReloadSoonMs = 1000;
constexpr int kPeriodicMs = 30 * 1000;

QTableView *boardView(QAbstractItemModel *model, QWidget *parent)
{
    auto *v = new QTableView(parent);
    v->setModel(model);
    v->setSelectionBehavior(QAbstractItemView::SelectRows);
    v->setEditTriggers(QAbstractItemView::NoEditTriggers);
    v->verticalHeader()->hide();
    // Names and statuses whole in every language (a few hundred rows at most: the sizing is cheap).
    v->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    v->horizontalHeader()->setStretchLastSection(true);
    v->setAlternatingRowColors(true);
    return v;
}
} // namespace

TeamBoardPage::TeamBoardPage(const Database &db, Clock &clock, const QTimeZone &zone, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_zone(zone)
    , m_agents(new AgentBoardModel(clock, this))
    , m_queue(new UnassignedModel(db, clock, zone, this))
    , m_agentView(boardView(m_agents, this))
    , m_queueView(boardView(m_queue, this))
    , m_agentsTitle(new QLabel(this))
    , m_queueTitle(new QLabel(this))
    , m_message(new QLabel(this))
    , m_assign(new QPushButton(this))
    , m_tick(new QTimer(this))
    , m_reloadSoon(new QTimer(this))
    , m_periodic(new QTimer(this))
{
    // The queue drags tickets; the agents' rows take them (AgentBoardModel::dropMimeData).
    m_agentView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_agentView->setDragDropMode(QAbstractItemView::DropOnly);
    m_agentView->setAcceptDrops(true);
    m_agentView->setDropIndicatorShown(true);
    m_agentView->setDragDropOverwriteMode(true);
    m_queueView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_queueView->setDragDropMode(QAbstractItemView::DragOnly);
    m_queueView->setDragEnabled(true);
    m_queueView->setDefaultDropAction(Qt::MoveAction);
    m_message->setWordWrap(true);
    m_agentsTitle->setBuddy(m_agentView);
    m_queueTitle->setBuddy(m_queueView);

    auto *left = new QWidget(this);
    auto *l = new QVBoxLayout(left);
    l->setContentsMargins(0, 0, 0, 0);
    l->addWidget(m_agentsTitle);
    l->addWidget(m_agentView);
    auto *right = new QWidget(this);
    auto *r = new QVBoxLayout(right);
    r->setContentsMargins(0, 0, 0, 0);
    r->addWidget(m_queueTitle);
    r->addWidget(m_queueView);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_message, 1);
    buttons->addWidget(m_assign);
    r->addLayout(buttons);
    auto *split = new QSplitter(this);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(m_agents, &AgentBoardModel::assignRequested, this, &TeamBoardPage::assign);
    connect(m_assign, &QPushButton::clicked, this, &TeamBoardPage::assignSelected);
    connect(m_agentView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TeamBoardPage::updateAssignButton);
    connect(m_queueView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TeamBoardPage::updateAssignButton);
    connect(m_queueView, &QTableView::activated, this,
            [this](const QModelIndex &index) { Q_EMIT openTicketRequested(m_queue->ticketId(index.row())); });
    connect(m_tick, &QTimer::timeout, this, [this] {
        m_agents->tick();
        m_queue->tick();
    });
    m_tick->start(kTickMs);
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(kReloadSoonMs);
    connect(m_reloadSoon, &QTimer::timeout, this, &TeamBoardPage::reloadAgents);
    connect(m_periodic, &QTimer::timeout, this, &TeamBoardPage::reloadAgents);
    m_periodic->start(kPeriodicMs);
    retranslate();
    updateAssignButton();
}

void TeamBoardPage::setUser(const User &user)
{
    m_user = user;
    m_queue->setUser(user);
    reloadAgents();
}

void TeamBoardPage::setServerLink(ServerLink *link)
{
    m_link = link;
    reloadAgents();
}

void TeamBoardPage::reloadAgents()
{
    if (!m_link || m_user.id.isEmpty() || m_loading)
        return;
    m_loading = true;
    m_link->call([](ApiClient *c) { return AgentsApi(c).list(); }, this,
                 [this](const ApiResult &result) {
                     m_loading = false;
                     if (!result.ok()) {
                         showMessage(result.status == 0 ? tr("Offline: the agents' loads are not current.")
                                                        : result.errorMessage,
                                     true);
                         return;
                     }
                     m_agents->setAgents(result.object().value(u"items"_s).toArray());
                 });
}

void TeamBoardPage::onTicketsChanged(const QStringList &ids)
{
    Q_UNUSED(ids)
    m_queue->reload();
    if (!m_reloadSoon->isActive())
        m_reloadSoon->start();
}

void TeamBoardPage::applyAgentStatus(const QJsonObject &message)
{
    m_agents->applyStatus(message);
}

void TeamBoardPage::assignSelected()
{
    const QModelIndexList agents = m_agentView->selectionModel()->selectedRows();
    const QModelIndexList tickets = m_queueView->selectionModel()->selectedRows();
    if (agents.isEmpty() || tickets.isEmpty()) {
        showMessage(tr("Select one or more tickets in the queue and an agent first."), true);
        return;
    }
    QStringList ids;
    for (const QModelIndex &i : tickets)
        ids.append(m_queue->ticketId(i.row()));
    assign(ids, m_agents->agent(agents.first().row()).userId);
}

bool TeamBoardPage::assign(const QStringList &ticketIds, const QString &userId)
{
    const int row = m_agents->rowOf(userId);
    if (row < 0 || ticketIds.isEmpty())
        return false;
    LocalEdits edits(m_db, m_clock);
    int done = 0;
    for (const QString &id : ticketIds) {
        QString error;
        if (!edits.updateTicket(id, {{u"assignee_id"_s, userId}}, &error)) {
            showMessage(error, true);
            continue;
        }
        ++done;
        Q_EMIT edited(id);
    }
    m_queue->reload();
    if (done > 0)
        showMessage(tr("%n ticket(s) assigned to %1.", nullptr, done).arg(m_agents->agent(row).name), false);
    return done == ticketIds.size();
}

QString TeamBoardPage::message() const
{
    return m_message->text();
}

void TeamBoardPage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #b00020"_s : QString());
}

void TeamBoardPage::updateAssignButton()
{
    m_assign->setEnabled(m_agentView->selectionModel()->hasSelection() &&
                         m_queueView->selectionModel()->hasSelection());
}

void TeamBoardPage::showEvent(QShowEvent *event)
{
    m_queue->reload();
    reloadAgents();
    QWidget::showEvent(event);
}

void TeamBoardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TeamBoardPage::retranslate()
{
    m_agentsTitle->setText(tr("&Agents (drop tickets on an agent to assign them)"));
    m_queueTitle->setText(tr("&Unassigned tickets"));
    m_assign->setText(tr("Assign to selected a&gent"));
    m_agentView->setAccessibleName(tr("Agents"));
    m_queueView->setAccessibleName(tr("Unassigned tickets"));
    m_assign->setAccessibleName(tr("Assign the selected tickets to the selected agent"));
}

} // namespace pd
