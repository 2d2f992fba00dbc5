#include "workbenchpage.h"

#include "filterbar.h"
#include "models/domain/clock.h"
#include "models/itemmodels/ticketqueryworker.h"
#include "models/itemmodels/tickettablemodel.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/outboxrepository.h"
#include "models/store/ticketsearch.h"
#include "queuelist.h"
#include "ticketcolumns.h"
#include "ticketdelegate.h"
#include "ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "ticketpane/resolvedialog.h"
#include "ticketpane/ticketpane.h"
#include "waybillfinder.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace pd {

namespace {
constexpr int kSearchLimit = 200;
// v2: the customer column stretches and the others fit their texts (older states cut the last columns).
const QString kHeaderKey = QStringLiteral("workbench/ticketHeader.v2");
const QString kSplitterKey = QStringLiteral("workbench/splitter");
} // namespace

WorkbenchPage::WorkbenchPage(const Database &db, const Clock &clock, const QTimeZone &companyZone,
                             QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_zone(companyZone)
    , m_worker(new TicketQueryWorker(db.path()))
    , m_countWorker(new TicketQueryWorker(db.path()))
    , m_model(new TicketTableModel(clock, companyZone, this))
    , m_delegate(new TicketDelegate(TicketTableModel::Sla, this))
    , m_queues(new QueueList(this))
    , m_filters(new FilterBar(this))
    , m_title(new QLabel(this))
    , m_view(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_finder(new WaybillFinder(db, clock, this))
    , m_pane(new TicketPane(db, clock, companyZone, this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_countdown(new QTimer(this))
    , m_counts(new QTimer(this))
    , m_changes(new QTimer(this))
{
    startWorkers();
    setUpTable();
    layOut();
    connectPage();
}

// The two query threads (the table's pages and searches; the queue counts) and what they answer.
void WorkbenchPage::startWorkers()
{
    TicketQueryWorker::registerTypes();
    m_thread.setObjectName(QStringLiteral("workbench-queries"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
    m_countThread.setObjectName(QStringLiteral("workbench-counts"));
    m_countWorker->moveToThread(&m_countThread);
    connect(&m_countThread, &QThread::finished, m_countWorker, &QObject::deleteLater);
    m_countThread.start();
    connect(m_model, &TicketTableModel::countRequested, m_worker, &TicketQueryWorker::count);
    connect(m_model, &TicketTableModel::pageRequested, m_worker, &TicketQueryWorker::fetchPage);
    connect(m_worker, &TicketQueryWorker::counted, m_model, &TicketTableModel::countArrived);
    connect(m_worker, &TicketQueryWorker::pageFetched, m_model, &TicketTableModel::pageArrived);
    connect(m_countWorker, &TicketQueryWorker::queuesCounted, this, &WorkbenchPage::onQueuesCounted);
    connect(m_worker, &TicketQueryWorker::searched, this, &WorkbenchPage::onSearched);
    connect(m_model, &TicketTableModel::loaded, this, &WorkbenchPage::onLoaded);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &WorkbenchPage::updateEmptyText);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &WorkbenchPage::updateEmptyText);
}

// The ticket table: its model, delegate, header (restored as it was left) and what its selection follows.
void WorkbenchPage::setUpTable()
{
    // Read when a pending row's tooltip shows: a failed try moves the retry time without changing the row.
    m_model->setQueuedEditLookup([this](const QString &ticketId) -> std::optional<QueuedEditState> {
        const QList<OutboxItem> items = OutboxRepository(m_db).liveForTicket(ticketId);
        if (items.isEmpty())
            return std::nullopt;
        const OutboxItem &oldest = items.first(); // sent first: the others wait for it
        return QueuedEditState{int(items.size()), oldest.attempts, oldest.nextAttemptAt, oldest.lastError};
    });
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setAccessibleName(tr("Tickets"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    m_columns = new TicketColumns(m_view);
    if (header->restoreState(QSettings().value(kHeaderKey).toByteArray()))
        m_columns->adoptRestored(); // saved in another language, or before a column grew
    connect(header, &QHeaderView::customContextMenuRequested, this, &WorkbenchPage::showHeaderMenu);
    connect(header, &QHeaderView::sectionMoved, this, &WorkbenchPage::saveHeader);
    connect(header, &QHeaderView::sectionResized, this, &WorkbenchPage::saveHeader);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &WorkbenchPage::onCurrentRowChanged);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &WorkbenchPage::followPane);
    // Removing the current row makes the selection model pick a neighbour: the refresh's doing, not the
    // user's, so the pane stays and the selection follows it afterwards.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { m_rowsGoing = true; });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        m_rowsGoing = false;
        followPane();
    });
}

// Queues | title, filters and table | ticket pane, in a splitter restored as it was left.
void WorkbenchPage::layOut()
{
    const int em = m_view->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_title->setObjectName(QStringLiteral("queueTitle"));
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();

    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(m_title);
    middleLayout->addWidget(m_filters);
    middleLayout->addWidget(m_view, 1);
    middleLayout->addWidget(m_empty, 1);
    middleLayout->addWidget(m_finder);

    m_splitter->addWidget(m_queues);
    m_splitter->addWidget(middle);
    m_splitter->addWidget(m_pane);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    m_splitter->setSizes({em * 14, em * 62, em * 38}); // the table's columns fit at 1600 px (TicketColumns)
    m_splitter->setChildrenCollapsible(false);
    m_splitter->restoreState(QSettings().value(kSplitterKey).toByteArray());
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(kSplitterKey, m_splitter->saveState()); });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);
}

// Queues, filters and pane drive the table; timers tick the countdowns, refresh the counts and gather
// changes.
void WorkbenchPage::connectPage()
{
    connect(m_finder, &WaybillFinder::newTicketRequested, this, &WorkbenchPage::newTicketRequested);
    connect(m_queues, &QueueList::queueChosen, this, &WorkbenchPage::showQueue);
    connect(m_filters, &FilterBar::filterChanged, this, &WorkbenchPage::applyQuery);
    connect(m_filters, &FilterBar::searchChanged, this, [this](const QString &text) {
        m_startAtTop = true;
        onSearch(text);
    });
    connect(m_pane, &TicketPane::openTicketRequested, this, &WorkbenchPage::openTicket);
    connect(m_pane, &TicketPane::edited, this, [this](const QString &id) {
        Q_EMIT edited(id);
        onTicketsChanged({id});
    });

    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &WorkbenchPage::tickVisibleRows);
    m_countdown->start();
    m_counts->setInterval(kCountsEveryMs);
    connect(m_counts, &QTimer::timeout, this, &WorkbenchPage::refreshCounts);
    m_counts->start();
    m_changes->setSingleShot(true);
    m_changes->setInterval(kChangeDebounceMs);
    connect(m_changes, &QTimer::timeout, this, [this] {
        if (m_filters->searchText().isEmpty())
            m_model->refresh();
        else
            onSearch(m_filters->searchText());
        refreshCounts();
        m_pane->reload();
        loadDirectory();
    });
    // Before anyone signs in (offline, first start) the page shows every cached ticket.
    QTimer::singleShot(0, this, [this] {
        if (m_user.id.isEmpty() && !m_model->isPaged())
            showQueue(Queue::All);
    });
}

WorkbenchPage::~WorkbenchPage()
{
    m_thread.quit();
    m_countThread.quit();
    m_thread.wait();
    m_countThread.wait();
}

void WorkbenchPage::setCurrentUser(const User &user)
{
    m_user = user;
    m_pane->setCurrentUser(user);
    m_userNames.clear();
    loadDirectory();
    // Agents start in their own tickets; the others in the team's unassigned work.
    m_queues->setCurrentQueue(user.role == Role::Agent ? Queue::Mine : Queue::Unassigned);
    applyQuery();
    refreshCounts();
}

void WorkbenchPage::loadDirectory()
{
    // The directory arrives with the first sync, after sign-in: read again whenever the cache changed.
    const QList<User> users = DirectoryRepository(m_db).users();
    QHash<QString, QString> names;
    QList<User> team;
    for (const User &u : users) {
        names.insert(u.id, u.displayName.isEmpty() ? u.login : u.displayName);
        if (m_user.teamId.isEmpty() || u.teamId == m_user.teamId)
            team.append(u);
    }
    if (names == m_userNames && !names.isEmpty())
        return;
    m_userNames = names;
    m_model->setUserNames(names);
    m_filters->setUsers(team);
    m_columns->setAssigneeNames(names.values());
}

QString WorkbenchPage::currentTicketId() const
{
    return m_pane->ticketId();
}

QString WorkbenchPage::currentRowId() const
{
    return m_view->currentIndex().data(TicketTableModel::TicketIdRole).toString();
}

void WorkbenchPage::showQueue(Queue queue)
{
    m_drillDown.reset();
    if (m_queues->currentQueue() != queue) {
        m_queues->setCurrentQueue(queue); // emits queueChosen, which lands here again
        return;
    }
    if (!m_filters->searchText().isEmpty()) {
        const QSignalBlocker block(m_filters->searchField());
        m_filters->searchField()->clear();
    }
    applyQuery();
}

void WorkbenchPage::showQuery(const TicketQuery &query, const QString &title)
{
    m_startAtTop = true;
    m_drillDown = query;
    m_title->setText(title);
    m_columns->setMatchShown(false);
    {
        const QSignalBlocker block(m_queues);
        m_queues->clearSelection();
    }
    m_model->setQuery(query);
}

void WorkbenchPage::applyQuery()
{
    m_startAtTop = true;
    if (!m_filters->searchText().isEmpty()) {
        onSearch(m_filters->searchText());
        return;
    }
    if (m_drillDown) {
        m_columns->setMatchShown(false);
        m_model->setQuery(*m_drillDown);
        return;
    }
    const Queue queue = m_queues->currentQueue();
    m_title->setText(Queues::title(queue));
    m_columns->setMatchShown(false);
    m_model->setQuery(Queues::query(queue, m_user, m_clock.nowMs(), m_zone, m_filters->filter()));
}

void WorkbenchPage::onSearch(const QString &text)
{
    m_delegate->setHighlightTerms(text.isEmpty() ? QStringList() : TicketSearch::highlightTerms(text));
    if (text.isEmpty()) {
        applyQuery();
        return;
    }
    m_title->setText(tr("Search: %1").arg(text));
    QMetaObject::invokeMethod(m_worker, "search", Qt::QueuedConnection, Q_ARG(int, ++m_searchGeneration),
                              Q_ARG(QString, text), Q_ARG(int, kSearchLimit));
}

void WorkbenchPage::onSearched(int generation, const QList<TicketRow> &rows, const QList<SearchHit> &,
                               const QStringList &matches)
{
    if (generation != m_searchGeneration || m_filters->searchText().isEmpty())
        return;
    m_model->setRows(rows, matches);
    m_columns->setMatchShown(true);
    onLoaded(int(rows.size()));
}

void WorkbenchPage::onLoaded(int)
{
    restoreSelection();
    updateEmptyText();
}

void WorkbenchPage::setServerLink(ServerLink *link)
{
    m_finder->setServerLink(link);
}

void WorkbenchPage::updateEmptyText()
{
    const bool empty = m_model->rowCount() == 0;
    m_view->setVisible(!empty);
    m_empty->setVisible(empty);
    const QString search = m_filters->searchText();
    if (empty) {
        m_empty->setText(m_totalTickets == 0
                             ? tr("The local cache holds no tickets yet. They arrive with the first sync "
                                  "from the server.")
                         : search.isEmpty() ? tr("No ticket in this queue. Well done.")
                                            : tr("No ticket matches “%1”.").arg(search));
    }
    // A search for a waybill no ticket is about: its parcel, and a new ticket for it.
    if (empty && !search.isEmpty())
        m_finder->lookUp(search);
    else
        m_finder->clear();
    Q_EMIT countChanged(m_model->rowCount(), m_totalTickets);
}

void WorkbenchPage::refreshCounts()
{
    QList<TicketQuery> queries;
    const Instant now = m_clock.nowMs();
    for (Queue q : Queues::all())
        queries.append(Queues::query(q, m_user, now, m_zone));
    QMetaObject::invokeMethod(m_countWorker, "countQueues", Qt::QueuedConnection,
                              Q_ARG(int, ++m_countGeneration), Q_ARG(QList<pd::TicketQuery>, queries));
}

void WorkbenchPage::onQueuesCounted(int generation, const QList<int> &counts)
{
    if (generation != m_countGeneration)
        return;
    m_queues->setCounts(counts);
    m_totalTickets = counts.value(int(Queues::all().indexOf(Queue::All)), -1);
    Q_EMIT countChanged(m_model->rowCount(), m_totalTickets);
}

void WorkbenchPage::onTicketsChanged(const QStringList &)
{
    m_changes->start();
}

void WorkbenchPage::onCurrentRowChanged()
{
    const QString id = currentRowId();
    if (id.isEmpty() || m_rowsGoing)
        return;
    m_anchorRow = -1;
    if (id == m_selectedId)
        return;
    m_selectedId = id;
    m_pane->showTicket(id);
    Q_EMIT currentTicketChanged(id);
}

void WorkbenchPage::restoreSelection()
{
    const bool startAtTop = std::exchange(m_startAtTop, false);
    const int kept = m_selectedId.isEmpty() ? -1 : m_model->rowOf(m_selectedId);
    if (kept >= 0)
        return selectQuietly(kept);
    if (m_model->rowCount() == 0)
        return;
    const bool paneShowsTicket = !m_pane->ticketId().isEmpty();
    if (!startAtTop && paneShowsTicket) // a refresh: the pane keeps its ticket (see the class comment)
        return detachSelection(m_anchorRow);
    if (!m_selectedId.isEmpty() && !paneShowsTicket)
        return;
    // Another queue, filter or search, or the first load: start at its top.
    m_selectedId.clear();
    selectQuietly(0);
    onCurrentRowChanged();
}

void WorkbenchPage::followPane()
{
    const QString shown = m_pane->ticketId();
    if (shown.isEmpty() || shown != m_selectedId)
        return;
    const QModelIndex current = m_view->currentIndex();
    if (current.isValid() && currentRowId() == shown)
        return;
    const int row = m_model->rowOf(shown);
    if (row >= 0 && row < m_model->rowCount()) // a page may keep rows past a shrunk count until it arrives
        selectQuietly(row);                    // moved within the list, or back in it
    else if (current.isValid())
        detachSelection(current.row()); // its row now holds the next ticket
}

void WorkbenchPage::selectQuietly(int row)
{
    m_anchorRow = -1;
    const QSignalBlocker block(m_view->selectionModel());
    m_view->selectionModel()->setCurrentIndex(m_model->index(row, TicketTableModel::Number),
                                              QItemSelectionModel::ClearAndSelect |
                                                  QItemSelectionModel::Rows);
    m_view->viewport()->update();
}

void WorkbenchPage::detachSelection(int anchorRow)
{
    m_anchorRow = anchorRow;
    {
        const QSignalBlocker block(m_view->selectionModel());
        m_view->selectionModel()->clear();
    }
    m_view->viewport()->update();
}

void WorkbenchPage::openTicket(const QString &ticketId)
{
    m_selectedId.clear();
    const int row = m_model->rowOf(ticketId);
    if (row >= 0) {
        m_view->selectionModel()->setCurrentIndex(m_model->index(row, TicketTableModel::Number),
                                                  QItemSelectionModel::ClearAndSelect |
                                                      QItemSelectionModel::Rows);
        m_view->scrollTo(m_model->index(row, 0));
    } else {
        detachSelection(-1); // not in this list (a new ticket beside a search): J starts at the top
        m_selectedId = ticketId;
        m_pane->showTicket(ticketId);
        Q_EMIT currentTicketChanged(ticketId);
    }
}

void WorkbenchPage::tickVisibleRows()
{
    const int first = m_view->rowAt(0);
    if (first < 0)
        return;
    int last = m_view->rowAt(m_view->viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;
    m_model->tick(first, last);
}

void WorkbenchPage::moveSelection(int delta)
{
    const int rows = m_model->rowCount();
    if (rows == 0)
        return;
    const int current = m_view->currentIndex().isValid() ? m_view->currentIndex().row() : -1;
    // Nothing selected because the pane's ticket left the list: its old row holds the next ticket.
    const int from = current < 0 && m_anchorRow >= 0 ? m_anchorRow - (delta > 0 ? 1 : 0) : current;
    const int next = std::clamp(from + delta, 0, rows - 1);
    const QModelIndex index = m_model->index(next, TicketTableModel::Number);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index);
}

void WorkbenchPage::nextTicket()
{
    moveSelection(1);
}

void WorkbenchPage::previousTicket()
{
    moveSelection(-1);
}

void WorkbenchPage::focusSearch()
{
    m_filters->searchField()->setFocus(Qt::ShortcutFocusReason);
    m_filters->searchField()->selectAll();
}

void WorkbenchPage::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_view->horizontalHeader();
    QMenu menu(this);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        if (c == TicketTableModel::Match)
            continue; // shown with search results only
        QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(c != TicketTableModel::Number); // one column always stays to click on
        connect(a, &QAction::toggled, this, [this, header, c](bool shown) {
            header->setSectionHidden(c, !shown);
            saveHeader();
        });
    }
    menu.exec(header->mapToGlobal(pos));
}

void WorkbenchPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_view->setAccessibleName(tr("Tickets"));
        const QString search = m_filters->searchText();
        if (!search.isEmpty())
            m_title->setText(tr("Search: %1").arg(search));
        else if (!m_drillDown)
            m_title->setText(Queues::title(m_queues->currentQueue()));
        const int columns = m_model->columnCount();
        const int rows = m_model->rowCount();
        m_columns->fit(); // the texts' widths changed
        // The model names its headers and cells when asked: ask again (nothing is re-read).
        Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, columns - 1);
        if (rows > 0)
            Q_EMIT m_model->dataChanged(m_model->index(0, 0), m_model->index(rows - 1, columns - 1));
        updateEmptyText();
    }
    QWidget::changeEvent(event);
}

void WorkbenchPage::saveHeader() const
{
    QSettings().setValue(kHeaderKey, m_view->horizontalHeader()->saveState());
}

} // namespace pd
