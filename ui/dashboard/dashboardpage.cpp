#include "dashboardpage.h"

#include "agenttablemodel.h"
#include "breachlistmodel.h"
#include "dashboardcharts.h"
#include "dashboardworker.h"
#include "effectpanel.h"
#include "kpitile.h"
#include "regulatorpanel.h"
#include "trendalertpanel.h"

#include "models/domain/clock.h"
#include "models/itemmodels/queues.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"

#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace pd {

namespace {

constexpr int kTileColumns = 7;

QTableView *makeTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    // Columns as wide as their texts (render() sizes them): a stretched last column would be squeezed below
    // its text when the others need more than the page has, and a scroll bar then shows the rest.
    view->horizontalHeader()->setStretchLastSection(false);
    view->setAlternatingRowColors(true);
    view->setMinimumHeight(160);
    return view;
}

} // namespace

DashboardPage::DashboardPage(const Database &db, const QTimeZone &companyZone, const Clock &clock,
                             QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_zone(companyZone)
    , m_clock(clock)
    , m_thread(new QThread(this))
    , m_worker(new DashboardWorker(db.path(), companyZone))
    , m_debounce(new QTimer(this))
{
    qRegisterMetaType<pd::KpiFilter>();
    qRegisterMetaType<pd::SlaPolicy>();
    qRegisterMetaType<pd::DashboardData>();
    qRegisterMetaType<pd::RegulatorFigures>();
    setObjectName(QStringLiteral("dashboardPage"));
    m_thread->setObjectName(QStringLiteral("dashboard-queries"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DashboardWorker::finished, this, &DashboardPage::onReadFinished);
    connect(m_worker, &DashboardWorker::failed, this, &DashboardPage::onReadFailed);
    connect(m_worker, &DashboardWorker::regulatorFinished, this,
            [this](const RegulatorFigures &figures) { m_regulator->setFigures(figures); });
    m_thread->start();

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &DashboardPage::startRead);

    buildUi();
    m_period = KpiPeriods::period(PeriodKind::Today, m_clock.nowMs(), m_zone);
    reloadTeams();
    setTexts();
}

DashboardPage::~DashboardPage()
{
    // The worker closes its connection on its own thread, then the thread ends and deletes it.
    QMetaObject::invokeMethod(m_worker, &DashboardWorker::close, Qt::QueuedConnection);
    m_thread->quit();
    m_thread->wait();
}

void DashboardPage::buildUi()
{
    // Built in this order, which is also the Tab order.
    QLayout *bar = buildFilterBar();
    QLayout *tiles = buildTiles();
    QLayout *charts = buildCharts();
    QLayout *tables = buildTables();
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(buildTrendAlerts());
    layout->addLayout(tiles);
    auto *panels = new QHBoxLayout;
    panels->addWidget(buildRegulator(), 1);
    panels->addWidget(m_effect, 1);
    layout->addLayout(panels);
    layout->addLayout(charts, 3);
    layout->addLayout(tables, 2);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->addLayout(bar);
    outer->addWidget(scroll, 1);
}

QLayout *DashboardPage::buildFilterBar()
{
    m_periodBox = new QComboBox(this);
    m_periodBox->setObjectName(QStringLiteral("periodBox"));
    for (PeriodKind k : {PeriodKind::Today, PeriodKind::Yesterday, PeriodKind::ThisWeek, PeriodKind::LastWeek,
                         PeriodKind::Last30Days, PeriodKind::Custom})
        m_periodBox->addItem(QString(), int(k));
    m_fromEdit = new QDateEdit(this);
    m_toEdit = new QDateEdit(this);
    for (QDateEdit *e : {m_fromEdit, m_toEdit}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        e->setDate(KpiPeriods::localDate(m_clock.nowMs(), m_zone));
        e->setEnabled(false);
        connect(e, &QDateEdit::dateChanged, this, &DashboardPage::onPeriodChanged);
    }
    m_teamBox = new QComboBox(this);
    m_teamBox->setObjectName(QStringLiteral("teamBox"));
    m_teamBox->setMinimumContentsLength(12);
    m_categoryBox = new QComboBox(this);
    m_categoryBox->setObjectName(QStringLiteral("categoryBox"));
    m_categoryBox->addItem(QString());
    for (int c = 0; c <= int(Category::Other); ++c)
        m_categoryBox->addItem(QString(), c);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_refreshButton = new QPushButton(this);
    m_saveButton = new QPushButton(this);
    m_saveButton->setObjectName(QStringLiteral("savePngButton"));
    connect(m_periodBox, &QComboBox::currentIndexChanged, this, &DashboardPage::onPeriodChanged);
    connect(m_teamBox, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(m_categoryBox, &QComboBox::currentIndexChanged, this, &DashboardPage::refresh);
    connect(m_refreshButton, &QPushButton::clicked, this, &DashboardPage::refresh);
    connect(m_saveButton, &QPushButton::clicked, this, &DashboardPage::saveAsPngInteractive);

    auto *bar = new QHBoxLayout;
    m_periodLabel = new QLabel(this);
    m_teamLabel = new QLabel(this);
    m_categoryLabel = new QLabel(this);
    bar->addWidget(m_periodLabel);
    bar->addWidget(m_periodBox);
    bar->addWidget(m_fromEdit);
    bar->addWidget(new QLabel(QStringLiteral("–"), this));
    bar->addWidget(m_toEdit);
    bar->addSpacing(12);
    bar->addWidget(m_teamLabel);
    bar->addWidget(m_teamBox);
    bar->addWidget(m_categoryLabel);
    bar->addWidget(m_categoryBox);
    bar->addStretch(1);
    bar->addWidget(m_status);
    bar->addWidget(m_refreshButton);
    bar->addWidget(m_saveButton);
    return bar;
}

QLayout *DashboardPage::buildTiles()
{
    auto *tiles = new QGridLayout;
    tiles->setSpacing(6);
    for (int k = 0; k < kKpiCount; ++k) {
        auto *tile = new KpiTile(Kpi(k), this);
        m_tiles[std::size_t(k)] = tile;
        tiles->addWidget(tile, k / kTileColumns, k % kTileColumns);
        connect(tile, &KpiTile::clicked, this, &DashboardPage::drillKpi);
    }
    return tiles;
}

QWidget *DashboardPage::buildTrendAlerts()
{
    m_trends = new TrendAlertPanel(m_db, m_zone, this);
    connect(m_trends, &TrendAlertPanel::drillDownRequested, this, &DashboardPage::drillDownRequested);
    connect(m_trends, &TrendAlertPanel::showStationRequested, this, &DashboardPage::showStationRequested);
    m_effect = new EffectPanel(m_clock, this);
    return m_trends;
}

void DashboardPage::setServerLink(ServerLink *link)
{
    m_effect->setServerLink(link);
}

void DashboardPage::reloadTrendAlerts()
{
    m_trends->reload();
}

QWidget *DashboardPage::buildRegulator()
{
    m_regulator = new RegulatorPanel(this);
    connect(m_regulator, &RegulatorPanel::showAppealsRequested, this, [this] {
        TicketQuery q = Queues::query(Queue::Appeals, {}, m_clock.nowMs(), m_zone);
        if (!currentFilter().teamId.isEmpty())
            q.teamId = currentFilter().teamId;
        Q_EMIT drillDownRequested(q, Queues::title(Queue::Appeals));
    });
    return m_regulator;
}

QLayout *DashboardPage::buildCharts()
{
    m_charts = new DashboardCharts(this);
    connect(m_charts, &DashboardCharts::categoryClicked, this, &DashboardPage::drillCategory);
    auto *charts = new QGridLayout;
    charts->addWidget(m_charts->categories(), 0, 0);
    charts->addWidget(m_charts->hourly(), 0, 1);
    charts->addWidget(m_charts->daily(), 1, 0);
    charts->addWidget(m_charts->backlog(), 1, 1);
    return charts;
}

QLayout *DashboardPage::buildTables()
{
    m_breaches = new BreachListModel(this);
    m_breachView = makeTable(m_breaches, QStringLiteral("breachList"), this);
    m_agents = new AgentTableModel(this);
    m_agentProxy = new QSortFilterProxyModel(this);
    m_agentProxy->setSourceModel(m_agents);
    m_agentProxy->setSortRole(kSortRole);
    m_agentView = makeTable(m_agentProxy, QStringLiteral("agentTable"), this);
    m_agentView->setSortingEnabled(true);
    m_agentView->sortByColumn(AgentTableModel::Handled, Qt::DescendingOrder);
    connect(m_agentView, &QTableView::clicked, this, [this](const QModelIndex &i) { drillAgent(i.row()); });
    connect(m_agentView, &QTableView::activated, this, [this](const QModelIndex &i) { drillAgent(i.row()); });
    // A breach is one ticket: double-click or Enter opens it (activated covers both).
    connect(m_breachView, &QTableView::activated, this, [this](const QModelIndex &i) {
        if (i.isValid() && i.row() < m_breaches->rowCount())
            Q_EMIT openTicketRequested(m_breaches->row(i.row()).ticketId);
    });
    auto *breachBox = new QVBoxLayout;
    m_breachTitle = new QLabel(this);
    m_breachTitle->setStyleSheet(QStringLiteral("font-weight: bold;"));
    breachBox->addWidget(m_breachTitle);
    breachBox->addWidget(m_breachView);
    auto *agentBox = new QVBoxLayout;
    m_agentTitle = new QLabel(this);
    m_agentTitle->setStyleSheet(QStringLiteral("font-weight: bold;"));
    agentBox->addWidget(m_agentTitle);
    agentBox->addWidget(m_agentView);
    auto *tables = new QHBoxLayout;
    tables->addLayout(breachBox, 1);
    tables->addLayout(agentBox, 1);
    return tables;
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void DashboardPage::retranslate()
{
    setTexts();
    render(); // tiles' targets and changes, chart series, table headers and cells, the status line
}

void DashboardPage::setTexts()
{
    for (int i = 0; i < m_periodBox->count(); ++i)
        m_periodBox->setItemText(i, KpiPeriods::displayName(PeriodKind(m_periodBox->itemData(i).toInt())));
    m_categoryBox->setItemText(0, tr("All categories"));
    for (int i = 1; i < m_categoryBox->count(); ++i)
        m_categoryBox->setItemText(i, displayName(Category(m_categoryBox->itemData(i).toInt())));
    if (m_teamBox->count() > 0)
        m_teamBox->setItemText(0, tr("All teams"));
    m_periodLabel->setText(tr("Period:"));
    m_teamLabel->setText(tr("Team:"));
    m_categoryLabel->setText(tr("Category:"));
    m_refreshButton->setText(tr("Refresh"));
    m_saveButton->setText(tr("Save as PNG…"));
    m_agentView->setToolTip(tr("Click an agent to open their tickets in the workbench"));
    m_breachTitle->setText(tr("Breaches now"));
    m_agentTitle->setText(tr("Agents"));
    // The column titles in full from the start (the tables are empty until the first read) and in every
    // language.
    m_breachView->resizeColumnsToContents();
    m_agentView->resizeColumnsToContents();
    for (KpiTile *tile : m_tiles)
        tile->retranslate();
    m_charts->retranslate();
}

void DashboardPage::reloadTeams()
{
    const QString current = m_teamBox->currentData().toString();
    const QSignalBlocker block(m_teamBox);
    m_teamBox->clear();
    m_teamBox->addItem(tr("All teams"), QString());
    for (const Team &team : DirectoryRepository(m_db).teams())
        m_teamBox->addItem(team.name.isEmpty() ? team.id : team.name, team.id);
    const int i = m_teamBox->findData(current);
    m_teamBox->setCurrentIndex(i < 0 ? 0 : i);
}

KpiFilter DashboardPage::currentFilter() const
{
    KpiFilter f;
    f.from = m_period.from;
    f.to = m_period.to;
    f.teamId = m_teamBox->currentData().toString();
    if (m_categoryBox->currentIndex() > 0)
        f.category = Category(m_categoryBox->currentData().toInt());
    return f;
}

void DashboardPage::onPeriodChanged()
{
    const auto kind = PeriodKind(m_periodBox->currentData().toInt());
    const bool custom = kind == PeriodKind::Custom;
    m_fromEdit->setEnabled(custom);
    m_toEdit->setEnabled(custom);
    m_period = KpiPeriods::period(kind, m_clock.nowMs(), m_zone, m_fromEdit->date(), m_toEdit->date());
    if (!custom) {
        const QSignalBlocker a(m_fromEdit);
        const QSignalBlocker b(m_toEdit);
        m_fromEdit->setDate(m_period.firstDay);
        m_toEdit->setDate(m_period.lastDay);
    }
    refresh();
}

void DashboardPage::setPeriod(PeriodKind kind, QDate customFirst, QDate customLast)
{
    {
        const QSignalBlocker a(m_fromEdit);
        const QSignalBlocker b(m_toEdit);
        if (customFirst.isValid())
            m_fromEdit->setDate(customFirst);
        if (customLast.isValid())
            m_toEdit->setDate(customLast);
    }
    const int i = m_periodBox->findData(int(kind));
    if (i == m_periodBox->currentIndex())
        onPeriodChanged();
    else
        m_periodBox->setCurrentIndex(i); // → onPeriodChanged()
}

void DashboardPage::setTeam(const QString &teamId)
{
    const int i = m_teamBox->findData(teamId);
    if (i >= 0 && i != m_teamBox->currentIndex())
        m_teamBox->setCurrentIndex(i);
    else
        refresh();
}

void DashboardPage::setCategory(std::optional<Category> category)
{
    const int i = category ? m_categoryBox->findData(int(*category)) : 0;
    if (i >= 0 && i != m_categoryBox->currentIndex())
        m_categoryBox->setCurrentIndex(i);
    else
        refresh();
}

void DashboardPage::setSlaPolicy(const SlaPolicy &policy)
{
    m_policy = policy;
    refresh();
}

void DashboardPage::setTargets(const KpiTargets &targets)
{
    m_targets = targets;
    render(); // the same figures against the new targets; no read needed
}

void DashboardPage::refresh()
{
    m_debounce->stop();
    // Named periods move with the clock (today becomes yesterday at midnight).
    const auto kind = PeriodKind(m_periodBox->currentData().toInt());
    if (kind != PeriodKind::Custom)
        m_period = KpiPeriods::period(kind, m_clock.nowMs(), m_zone);
    m_trends->reload();
    m_effect->load(m_period);
    startRead();
}

void DashboardPage::onTicketsChanged(const QStringList &ticketIds)
{
    Q_UNUSED(ticketIds) // any change may move any figure; the worker re-reads only what its change log names
    if (!m_debounce->isActive())
        m_debounce->start();
}

void DashboardPage::startRead()
{
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    const quint64 ticket = ++m_ticket;
    m_status->setText(tr("Updating…"));
    QMetaObject::invokeMethod(m_worker, "run", Qt::QueuedConnection, Q_ARG(pd::KpiFilter, currentFilter()),
                              Q_ARG(qint64, m_clock.nowMs()), Q_ARG(pd::SlaPolicy, m_policy),
                              Q_ARG(quint64, ticket));
}

void DashboardPage::onReadFailed(const QString &message, quint64 ticket)
{
    Q_UNUSED(ticket)
    m_running = false;
    m_status->setText(tr("Could not read the figures: %1").arg(message));
    Q_EMIT refreshFailed(message);
    if (m_again)
        startRead();
}

void DashboardPage::onReadFinished(const DashboardData &data, quint64 ticket)
{
    Q_UNUSED(ticket) // one read at a time: it is always the last one asked for
    m_running = false;
    m_data = data;
    render();
    if (m_again)
        startRead(); // the selection or the cache changed while this read ran: one more read
    else if (m_data.now > 0)
        Q_EMIT refreshed();
}

void DashboardPage::render()
{
    const DashboardData &data = m_data;
    for (int k = 0; k < kKpiCount; ++k)
        m_tiles[std::size_t(k)]->setValues(data.current.value(Kpi(k)), m_targets.target(Kpi(k)),
                                           data.previous.value(Kpi(k)));
    const int hour = data.now > 0 ? QDateTime::fromMSecsSinceEpoch(data.now, m_zone).time().hour() : 23;
    m_charts->setCategories(data.categories);
    m_charts->setHourly(data.hourly, hour);
    m_charts->setDaily(data.daily, m_targets.target(Kpi::FirstResponseCompliance));
    m_charts->setBacklog(data.backlogAges);
    QHash<QString, QString> names;
    for (const AgentRow &a : data.agents)
        names.insert(a.assigneeId, a.displayName);
    m_breaches->setRows(data.breaches, names);
    m_agents->setRows(data.agents);
    // Every title and name in full (a scroll bar when the page is narrow).
    m_breachView->resizeColumnsToContents();
    m_agentView->resizeColumnsToContents();
    if (data.now > 0) {
        m_status->setText(
            tr("%1 · updated %2")
                .arg(periodText(),
                     QDateTime::fromMSecsSinceEpoch(data.now, m_zone).toString(QStringLiteral("HH:mm:ss"))));
    }
}

QString DashboardPage::periodText() const
{
    if (m_period.firstDay == m_period.lastDay)
        return m_period.firstDay.toString(Qt::ISODate);
    return tr("%1 – %2").arg(m_period.firstDay.toString(Qt::ISODate), m_period.lastDay.toString(Qt::ISODate));
}

TicketQuery DashboardPage::baseQuery() const
{
    const KpiFilter f = currentFilter();
    TicketQuery q;
    q.teamId = f.teamId;
    q.category = f.category;
    q.createdFrom = f.from;
    q.createdTo = f.to;
    q.order = TicketQuery::Order::CreatedDesc;
    return q;
}

TicketQuery DashboardPage::queryForKpi(Kpi kpi) const
{
    TicketQuery q = baseQuery();
    if (kpi == Kpi::Backlog) {
        q.createdFrom.reset();
        q.createdTo.reset();
        q.statuses = {TicketStatus::New, TicketStatus::Open, TicketStatus::Pending, TicketStatus::Reopened};
        q.order = TicketQuery::Order::SlaUrgency;
    } else if (kpi == Kpi::DamageRate) {
        q.category = Category::Damage;
    } else if (kpi == Kpi::LossRate) {
        q.category = Category::Loss;
    } else if (kpi == Kpi::ReopenRate) {
        q.statuses = {TicketStatus::Reopened};
    }
    return q;
}

void DashboardPage::drillCategory(Category category)
{
    TicketQuery q = baseQuery();
    q.category = category;
    Q_EMIT drillDownRequested(q, tr("%1 · %2").arg(displayName(category), periodText()));
}

void DashboardPage::drillKpi(Kpi kpi)
{
    Q_EMIT drillDownRequested(queryForKpi(kpi), tr("%1 · %2").arg(KpiInfo::label(kpi), periodText()));
}

void DashboardPage::drillAgent(int proxyRow)
{
    const QModelIndex source = m_agentProxy->mapToSource(m_agentProxy->index(proxyRow, 0));
    if (!source.isValid())
        return;
    const AgentRow &row = m_agents->row(source.row());
    TicketQuery q = baseQuery();
    q.assigneeId = row.assigneeId;
    Q_EMIT drillDownRequested(q, tr("%1 · %2").arg(row.displayName, periodText()));
}

bool DashboardPage::saveAsPng(const QString &path)
{
    return grab().save(path, "PNG");
}

void DashboardPage::saveAsPngInteractive()
{
    const QString suggested = QStringLiteral("dashboard-%1.png").arg(m_period.firstDay.toString(Qt::ISODate));
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save dashboard as PNG"), suggested, tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!saveAsPng(path))
        QMessageBox::warning(this, tr("Save as PNG"), tr("Could not write %1.").arg(path));
}

} // namespace pd
