// MainWindow: the pages other than the workbench, built when first shown, and how they talk to each other.
#include "approvals/approvalspage.h"
#include "audit/accesslogmodel.h"
#include "audit/accesslogpage.h"
#include "common/serverlink.h"
#include "dashboard/dashboardpage.h"
#include "mainwindow.h"
#include "map/mappage.h"
#include "map/parcelminimap.h"
#include "models/domain/clock.h"
#include "models/store/ticketrepository.h"
#include "models/store/trendalertrepository.h"
#include "proactive/proactivepage.h"
#include "reports/reportspage.h"
#include "teamboard/teamboardpage.h"
#include "workbench/ticketpane/calldialog.h" // complete types for the pane's QPointer members
#include "workbench/ticketpane/resolvedialog.h"
#include "workbench/ticketpane/ticketpane.h"
#include "workbench/workbenchpage.h"

#include <QAction>
#include <QComboBox>
#include <QLocale>
#include <QTabWidget>

namespace pd {

void MainWindow::arrangePages()
{
    // Everyone works tickets and sees the map; supervisors and managers steer with the dashboard; managers
    // (and supervisors, for their own team) export the weekly report.
    const Role role = m_user.role;
    const bool steers = role == Role::Supervisor || role == Role::Manager || role == Role::Admin;
    const bool reports = role == Role::Supervisor || role == Role::Manager;
    // Who revealed or exported customer data: for managers and administrators only.
    const bool audits = role == Role::Manager || role == Role::Admin;
    if (!m_accessLogSlot)
        m_accessLogSlot = new QWidget(this);
    if (!m_teamBoardSlot)
        m_teamBoardSlot = new QWidget(this);
    if (!m_approvalsSlot)
        m_approvalsSlot = new QWidget(this);
    if (!m_proactiveSlot)
        m_proactiveSlot = new QWidget(this);
    QWidget *current = m_pages->currentWidget();
    const QSignalBlocker block(m_pages);
    m_pages->clear();
    m_pages->addTab(m_workbench, tr("&Workbench"));
    m_pages->addTab(m_map ? static_cast<QWidget *>(m_map) : m_mapSlot, tr("&Map"));
    // Parcels in trouble before their customers call: everyone works the cases, supervisors notify.
    m_pages->addTab(m_proactive ? static_cast<QWidget *>(m_proactive) : m_proactiveSlot, tr("Pro&active"));
    if (steers)
        m_pages->addTab(m_dashboard ? static_cast<QWidget *>(m_dashboard) : m_dashboardSlot,
                        tr("&Dashboard"));
    if (steers) // who is free and who is overloaded, live; drag tickets to agents
        m_pages->addTab(m_teamBoard ? static_cast<QWidget *>(m_teamBoard) : m_teamBoardSlot,
                        tr("Team &board"));
    if (steers) // compensation above the requesters' limits
        m_pages->addTab(m_approvals ? static_cast<QWidget *>(m_approvals) : m_approvalsSlot,
                        tr("Appro&vals"));
    if (reports)
        m_pages->addTab(m_reports ? static_cast<QWidget *>(m_reports) : m_reportsSlot, tr("&Reports"));
    if (audits)
        m_pages->addTab(m_accessLog ? static_cast<QWidget *>(m_accessLog) : m_accessLogSlot,
                        tr("Access &log"));
    for (QWidget *page : std::initializer_list<QWidget *>{m_mapSlot, m_dashboardSlot, m_reportsSlot,
                                                          m_accessLogSlot, m_teamBoardSlot, m_approvalsSlot,
                                                          m_proactiveSlot, m_map, m_dashboard, m_reports,
                                                          m_accessLog, m_teamBoard, m_approvals, m_proactive})
        if (page && m_pages->indexOf(page) < 0)
            page->hide();
    if (current && m_pages->indexOf(current) >= 0)
        m_pages->setCurrentWidget(current);
    for (int i = 0; i < m_pageActions.size(); ++i) {
        m_pageActions[i]->setText(i < m_pages->count() ? m_pages->tabText(i) : QString());
        m_pageActions[i]->setVisible(i < m_pages->count());
    }
}

void MainWindow::buildPageAt(int index)
{
    QWidget *w = m_pages->widget(index);
    if (w == m_mapSlot)
        ensureMap();
    else if (w == m_dashboardSlot)
        ensureDashboard();
    else if (w == m_reportsSlot)
        ensureReports();
    else if (w == m_accessLogSlot)
        ensureAccessLog();
    else if (w == m_teamBoardSlot)
        ensureTeamBoard();
    else if (w == m_approvalsSlot)
        ensureApprovals();
    else if (w == m_proactiveSlot)
        ensureProactive();
    else
        return;
    arrangePages(); // the real page takes the placeholder's tab
    m_pages->setCurrentIndex(index);
}

MapPage *MainWindow::ensureMap()
{
    if (m_map)
        return m_map;
    m_map = new MapPage(m_db, m_zone, this);
    m_map->hide();
    m_map->setClock(&m_clock);
    m_map->setServerLink(serverLink());
    connect(m_map, &MapPage::liveViewportChanged, this, &MainWindow::liveViewportChanged);
    connect(m_map, &MapPage::openTicketRequested, this, [this](const QString &ticketId) {
        m_pages->setCurrentWidget(m_workbench);
        m_workbench->openTicket(ticketId);
    });
    connect(m_map, &MapPage::incidentRequested, this, &MainWindow::showIncident);
    updateTrendHighlights();
    if (!m_currentWaybill.isEmpty())
        m_map->centreOnParcel(m_currentWaybill);
    return m_map;
}

ParcelMiniMap *MainWindow::ensureMiniMap()
{
    if (m_miniMap)
        return m_miniMap;
    m_miniMap = new ParcelMiniMap(m_db, m_zone);
    m_workbench->pane()->setMiniMap(m_miniMap); // the pane owns it
    connect(m_miniMap, &ParcelMiniMap::openMapRequested, this, [this](const QString &waybill) {
        MapPage *map = ensureMap();
        arrangePages();
        m_pages->setCurrentWidget(map);
        map->centreOnParcel(waybill);
    });
    return m_miniMap;
}

DashboardPage *MainWindow::ensureDashboard()
{
    if (m_dashboard)
        return m_dashboard;
    m_dashboard = new DashboardPage(m_db, m_zone, m_clock, this);
    m_dashboard->hide();
    m_dashboard->setServerLink(serverLink());
    connect(m_dashboard, &DashboardPage::showStationRequested, this, &MainWindow::showStationOnMap);
    if (m_user.role == Role::Supervisor)
        m_dashboard->setTeam(m_user.teamId);
    connect(m_dashboard, &DashboardPage::openTicketRequested, this, [this](const QString &ticketId) {
        m_pages->setCurrentWidget(m_workbench);
        m_workbench->openTicket(ticketId);
    });
    connect(m_dashboard, &DashboardPage::drillDownRequested, this,
            [this](const TicketQuery &query, const QString &title) {
                m_pages->setCurrentWidget(m_workbench);
                m_workbench->showQuery(query, title);
            });
    return m_dashboard;
}

ReportsPage *MainWindow::ensureReports()
{
    if (m_reports)
        return m_reports;
    m_reports = new ReportsPage(m_db, m_zone, m_clock, this);
    m_reports->hide();
    if (m_user.role == Role::Supervisor)
        m_reports->lockTeam(m_user.teamId);
    // Full customer data in a report: managers only, fetched through the server's logged export.
    m_reports->setServerLink(serverLink());
    m_reports->setFullDataAllowed(m_user.role == Role::Manager);
    return m_reports;
}

AccessLogPage *MainWindow::ensureAccessLog()
{
    if (m_accessLog)
        return m_accessLog;
    m_accessLog = new AccessLogPage(serverLink(), m_zone, m_clock, this);
    m_accessLog->hide();
    // Tickets by number where this cache has them (a manager's holds every team's).
    m_accessLog->model()->setTicketLabel([this](const QString &ticketId) {
        const auto row = TicketRepository(m_db).byId(ticketId);
        return row ? row->ticket.number : QString();
    });
    return m_accessLog;
}

ApprovalsPage *MainWindow::ensureApprovals()
{
    if (m_approvals)
        return m_approvals;
    m_approvals = new ApprovalsPage(m_clock, m_zone, this);
    m_approvals->hide();
    m_approvals->setServerLink(serverLink());
    connect(m_approvals, &ApprovalsPage::openTicketRequested, this, [this](const QString &ticketId) {
        m_pages->setCurrentWidget(m_workbench);
        m_workbench->openTicket(ticketId);
    });
    return m_approvals;
}

ProactivePage *MainWindow::ensureProactive()
{
    if (m_proactive)
        return m_proactive;
    m_proactive = new ProactivePage(m_db, m_clock, m_zone, this);
    m_proactive->hide();
    m_proactive->setServerLink(serverLink());
    m_proactive->setCurrentUser(m_user);
    connect(m_proactive, &ProactivePage::openTicketRequested, this, [this](const QString &ticketId) {
        m_pages->setCurrentWidget(m_workbench);
        m_workbench->openTicket(ticketId);
    });
    return m_proactive;
}

void MainWindow::showIncident(const QString &incidentId)
{
    ProactivePage *page = ensureProactive();
    arrangePages();
    m_pages->setCurrentWidget(page);
    page->showIncident(incidentId);
}

ServerLink *MainWindow::serverLink()
{
    if (!m_link)
        m_link = new ServerLink(this);
    return m_link;
}

void MainWindow::setApiClient(ApiClient *client)
{
    serverLink()->setClient(client);
    m_workbench->pane()->setServerLink(m_link);
    m_workbench->setServerLink(m_link);
}

void MainWindow::onCouriersMoved(const QStringList &courierIds)
{
    if (m_map)
        m_map->couriersMoved(courierIds);
}

void MainWindow::onPulled()
{
    if (m_map)
        m_map->reloadFromCache();
    if (m_dashboard)
        m_dashboard->reloadTrendAlerts();
    updateTrendHighlights();
}

void MainWindow::updateTrendHighlights()
{
    if (!m_map)
        return;
    QHash<QString, QString> labels;
    for (const TrendAlert &a : TrendAlertRepository(m_db).open()) {
        if (a.dimension == u"station" && !labels.contains(a.key))
            labels.insert(a.key, tr("Complaint spike ×%1").arg(QLocale().toString(a.ratio, 'f', 1)));
    }
    m_map->setHighlightedStations(labels);
}

void MainWindow::showStationOnMap(const QString &stationId)
{
    MapPage *map = ensureMap();
    arrangePages();
    m_pages->setCurrentWidget(map);
    QComboBox *stations = map->stationFilter();
    if (const int i = stations->findData(stationId); i >= 0)
        stations->setCurrentIndex(i);
}

} // namespace pd
