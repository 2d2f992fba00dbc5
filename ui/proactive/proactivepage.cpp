#include "proactivepage.h"

#include "incidentsmodel.h"
#include "incidenttext.h"
#include "notifydialog.h"

#include "models/domain/clock.h"
#include "models/store/incidentrepository.h"
#include "sync/api/proactiveapi.h"
#include "ui/common/serverlink.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace pd {

namespace {
constexpr int kReloadSoonMs = 1000;
constexpr int kPeriodicMs = 30 * 1000;

void tableLook(QAbstractItemView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
}
} // namespace

ProactivePage::ProactivePage(const Database &db, Clock &clock, const QTimeZone &zone, QWidget *parent)
    : QWidget(parent)
    , m_db(db)
    , m_clock(clock)
    , m_zone(zone)
    , m_model(new IncidentsModel(zone, this))
    , m_view(new QTableView(this))
    , m_cases(new QTableWidget(0, 5, this))
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
    , m_casesTitle(new QLabel(this))
    , m_message(new QLabel(this))
    , m_notify(new QPushButton(this))
    , m_explain(new QPushButton(this))
    , m_resolve(new QPushButton(this))
    , m_dismiss(new QPushButton(this))
    , m_ticket(new QPushButton(this))
    , m_refresh(new QPushButton(this))
    , m_reloadSoon(new QTimer(this))
    , m_periodic(new QTimer(this))
{
    buildLayout();
    connect(m_notify, &QPushButton::clicked, this, &ProactivePage::notifySelected);
    connect(m_explain, &QPushButton::clicked, this, &ProactivePage::explainSelected);
    connect(m_resolve, &QPushButton::clicked, this, &ProactivePage::resolveSelected);
    connect(m_dismiss, &QPushButton::clicked, this, &ProactivePage::dismissSelectedCase);
    connect(m_ticket, &QPushButton::clicked, this, &ProactivePage::ticketFromSelectedCase);
    connect(m_refresh, &QPushButton::clicked, this, &ProactivePage::reload);
    auto *f5 = new QShortcut(QKeySequence::Refresh, this, this, &ProactivePage::reload);
    f5->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateButtons();
        loadCases();
    });
    connect(m_cases, &QTableWidget::itemSelectionChanged, this, &ProactivePage::updateButtons);
    connect(m_cases, &QTableWidget::cellActivated, this, [this](int row, int) {
        const QString ticket = m_cases->item(row, 0)->data(Qt::UserRole + 1).toString();
        if (!ticket.isEmpty())
            Q_EMIT openTicketRequested(ticket);
    });
    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(kReloadSoonMs);
    connect(m_reloadSoon, &QTimer::timeout, this, &ProactivePage::reload);
    connect(m_periodic, &QTimer::timeout, this, [this] {
        if (isVisible())
            reload();
    });
    m_periodic->start(kPeriodicMs);
    retranslate();
    updateButtons();
}

void ProactivePage::buildLayout()
{
    m_view->setModel(m_model);
    tableLook(m_view);
    tableLook(m_cases);
    m_view->verticalHeader()->hide();
    m_cases->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_cases->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_cases->horizontalHeader()->setStretchLastSection(true);
    m_title->setBuddy(m_view);
    m_casesTitle->setBuddy(m_cases);
    for (QLabel *l : {m_detail, m_message}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::PlainText);
    }
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *incidentButtons = new QHBoxLayout;
    incidentButtons->addWidget(m_detail, 1);
    incidentButtons->addWidget(m_explain);
    incidentButtons->addWidget(m_resolve);
    incidentButtons->addWidget(m_notify);
    auto *caseButtons = new QHBoxLayout;
    caseButtons->addWidget(m_message, 1);
    caseButtons->addWidget(m_refresh);
    caseButtons->addWidget(m_dismiss);
    caseButtons->addWidget(m_ticket);
    auto *top = new QWidget(this);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_title);
    topLayout->addWidget(m_view, 1);
    topLayout->addLayout(incidentButtons);
    auto *bottom = new QWidget(this);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_casesTitle);
    bottomLayout->addWidget(m_cases, 1);
    bottomLayout->addLayout(caseButtons);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(top);
    split->addWidget(bottom);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
}

void ProactivePage::setServerLink(ServerLink *link)
{
    m_link = link;
}

void ProactivePage::setCurrentUser(const User &user)
{
    m_user = user;
    updateButtons();
}

NotifyDialog *ProactivePage::openDialog() const
{
    return m_dialog;
}

QString ProactivePage::message() const
{
    return m_message->text();
}

void ProactivePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
}

void ProactivePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ProactivePage::retranslate()
{
    m_title->setText(tr("Open &incidents (largest first): parcels with one cause"));
    m_casesTitle->setText(tr("&Cases of the selected incident: one per parcel and exception"));
    m_notify->setText(tr("&Notify customers…"));
    m_explain->setText(tr("&Explain…"));
    m_resolve->setText(tr("Re&solve"));
    m_dismiss->setText(tr("&Dismiss case…"));
    m_ticket->setText(tr("Create &ticket"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("Load the incidents and cases again (F5)"));
    m_cases->setHorizontalHeaderLabels(
        {tr("Waybill"), tr("What happened"), tr("Recommended"), tr("Detected"), tr("State")});
    const int row = selectedRow();
    m_detail->setText(row >= 0 ? IncidentText::summary(m_model->incident(row), m_zone) : QString());
}

void ProactivePage::onTicketsChanged()
{
    if (isVisible())
        m_reloadSoon->start();
}

bool ProactivePage::online()
{
    return m_link && m_link->hasClient();
}

int ProactivePage::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.first().row();
}

QString ProactivePage::selectedIncident() const
{
    const int row = selectedRow();
    return row < 0 ? QString() : m_model->incident(row).id;
}

QString ProactivePage::selectedCase() const
{
    const QList<QTableWidgetItem *> items = m_cases->selectedItems();
    return items.isEmpty() ? QString()
                           : m_cases->item(items.first()->row(), 0)->data(Qt::UserRole).toString();
}

void ProactivePage::reload()
{
    const QString selected = selectedIncident();
    // The largest first: a supervisor's triage; among equals the newest.
    QList<IncidentRecord> open = IncidentRepository(m_db).list(u"open"_s);
    std::stable_sort(open.begin(), open.end(),
                     [](const IncidentRecord &a, const IncidentRecord &b) { return a.parcels > b.parcels; });
    m_model->setIncidents(open);
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_view->selectRow(row);
    else if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    if (!online()) {
        showMessage(tr("Offline: the incidents are the ones last synced; cases and notices need the server."),
                    false);
        return;
    }
    loadTallies();
    loadCases();
}

void ProactivePage::showIncident(const QString &incidentId)
{
    reload();
    const int row = m_model->rowOf(incidentId);
    if (row < 0) {
        // A resolved incident is not listed: show it alone.
        if (const auto r = IncidentRepository(m_db).byId(incidentId)) {
            m_model->setIncidents({*r});
            m_view->selectRow(0);
        }
        return;
    }
    m_view->selectRow(row);
}

void ProactivePage::loadTallies()
{
    m_link->call([](ApiClient *c) { return ProactiveApi(c).incidents(u"all"_s); }, this,
                 [this](const ApiResult &r) {
                     if (!r.ok())
                         return showMessage(tr("The notices could not be counted: %1").arg(r.errorMessage),
                                            true);
                     QHash<QString, NoticeTally> tallies;
                     for (const QJsonValue &v : r.object().value(u"items"_s).toArray()) {
                         const QJsonObject n = v.toObject().value(u"notices"_s).toObject();
                         tallies.insert(v.toObject().value(u"id"_s).toString(),
                                        NoticeTally{n.value(u"queued"_s).toInt(), n.value(u"sent"_s).toInt(),
                                                    n.value(u"failed"_s).toInt()});
                     }
                     m_model->setTallies(tallies);
                 });
}

void ProactivePage::loadCases()
{
    const int row = selectedRow();
    m_detail->setText(row >= 0 ? IncidentText::summary(m_model->incident(row), m_zone) : QString());
    const QString id = selectedIncident();
    if (id != m_casesOf) {
        m_cases->setRowCount(0);
        m_casesOf = id;
    }
    if (id.isEmpty() || !online())
        return;
    m_link->call([id](ApiClient *c) { return ProactiveApi(c).cases({}, id); }, this,
                 [this, id](const ApiResult &r) {
                     if (id != m_casesOf)
                         return; // another incident was selected meanwhile
                     if (!r.ok())
                         return showMessage(tr("The cases could not be loaded: %1").arg(r.errorMessage),
                                            true);
                     showCases(r.object().value(u"items"_s).toArray());
                 });
}

void ProactivePage::showCases(const QJsonArray &items)
{
    const QString selected = selectedCase();
    m_cases->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const QJsonObject c = items.at(row).toObject();
        const OptInstant detected = instantFromIso(c.value(u"detected_at"_s).toString());
        const QStringList cells{
            c.value(u"waybill_no"_s).toString(), IncidentText::kind(c.value(u"kind"_s).toString()),
            IncidentText::action(c.value(u"action"_s).toString()),
            detected ? QDateTime::fromMSecsSinceEpoch(*detected, m_zone).toString(u"MM-dd HH:mm"_s)
                     : QString(),
            IncidentText::caseState(c.value(u"state"_s).toString())};
        for (int col = 0; col < cells.size(); ++col)
            m_cases->setItem(row, col, new QTableWidgetItem(cells.at(col)));
        m_cases->item(row, 0)->setData(Qt::UserRole, c.value(u"id"_s).toString());
        m_cases->item(row, 0)->setData(Qt::UserRole + 1, c.value(u"ticket_id"_s).toString());
        if (c.value(u"id"_s).toString() == selected)
            m_cases->selectRow(row);
    }
    showMessage(tr("%n case(s).", nullptr, int(items.size())), false);
    updateButtons();
}

void ProactivePage::updateButtons()
{
    const bool steers =
        m_user.role == Role::Supervisor || m_user.role == Role::Manager || m_user.role == Role::Admin;
    const bool incident = selectedRow() >= 0;
    for (QPushButton *b : {m_notify, m_explain, m_resolve}) {
        b->setEnabled(incident && steers);
        b->setToolTip(steers ? QString() : tr("Supervisors tell an incident's customers and explain it."));
    }
    const bool aCase = !selectedCase().isEmpty();
    m_dismiss->setEnabled(aCase);
    m_ticket->setEnabled(aCase);
}

void ProactivePage::showMessage(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setStyleSheet(error ? u"color: #c0262d"_s : QString());
}

} // namespace pd
