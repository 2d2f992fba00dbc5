#pragma once

#include "models/domain/entities.h"

#include <QJsonValue>
#include <QMainWindow>
#include <QTimeZone>

#include <functional>

class QAction;
class QLabel;
class QSystemTrayIcon;
class QTabWidget;

namespace pd {

class AccessLogPage;
class AgentStatusWidget;
class ApiClient;
class Clock;
class Database;
class DashboardPage;
class MapPage;
class ParcelMiniMap;
class ReportsPage;
class ServerLink;
class SlaNotifier;
class SyncStatusWidget;
class TeamBoardPage;
class ApprovalsPage;
class ProactivePage;
class WorkbenchPage;

/**
 * @brief The console's main window. It arranges the pages (workbench for everyone; map, dashboard and reports
 * as the role allows), the menus with every keyboard shortcut, the status bar and the tray notifications.
 * Each page owns its widgets and models.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const Database &db, Clock &clock, const QTimeZone &companyZone, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// @brief Who is signed in: pages, queues and what the ticket pane allows follow the role.
    void setCurrentUser(const User &user);
    /// @brief How customer data is kept on this PC, when the person should know (no keychain, encryption
    /// turned off, a lost key); shown in the status bar, the whole text as its tooltip. Empty hides it.
    void setCacheNotice(const QString &notice);
    [[nodiscard]] const User &currentUser() const { return m_user; }
    /// @brief The session's API client (on the sync thread): reveals, the access log and exports with full
    /// customer data go through it (ServerLink). Null: offline.
    void setApiClient(ApiClient *client);

    [[nodiscard]] WorkbenchPage *workbench() const { return m_workbench; }
    [[nodiscard]] SyncStatusWidget *syncStatus() const { return m_syncStatus; }
    [[nodiscard]] SlaNotifier *notifier() const { return m_notifier; }
    /// @brief The signed-in agent's status in the status bar (hidden for other roles).
    [[nodiscard]] AgentStatusWidget *agentStatus() const { return m_agentStatus; }
    [[nodiscard]] QTabWidget *pages() const { return m_pages; }
    /// @name Pages other than the workbench, built on first use
    ///@{
    [[nodiscard]] MapPage *mapPage() { return ensureMap(); }
    [[nodiscard]] DashboardPage *dashboard() { return ensureDashboard(); }
    [[nodiscard]] ReportsPage *reports() { return ensureReports(); }
    /// @brief Managers and administrators only (the tab is not shown to others).
    [[nodiscard]] AccessLogPage *accessLog() { return ensureAccessLog(); }
    /// @brief Supervisors, managers and administrators only.
    [[nodiscard]] TeamBoardPage *teamBoard() { return ensureTeamBoard(); }
    /// @brief Supervisors, managers and administrators only: compensation waiting for their approval.
    [[nodiscard]] ApprovalsPage *approvals() { return ensureApprovals(); }
    /// @brief Everyone: the incidents and cases the server found in the tracking.
    [[nodiscard]] ProactivePage *proactive() { return ensureProactive(); }
    ///@}
    /// @brief The ticket Next ticket brought, until it is in the cache and opened (empty: none waiting).
    [[nodiscard]] const QString &pendingNextTicket() const { return m_pendingNext; }

public Q_SLOTS:
    /// @brief The cache changed (sync or local edit): every page follows.
    void onTicketsChanged(const QStringList &ids);
    void newTicket();
    /// @brief The new-ticket dialog with @p waybill filled in (the workbench's "New ticket for SF…").
    void newTicketFor(const QString &waybill);
    void showShortcuts();
    /// @brief Edit › Preferences (language): switching keeps the pages, their state and typed text.
    void showPreferences();
    /// @brief The live feed moved couriers (their positions are in the cache).
    void onCouriersMoved(const QStringList &courierIds);
    /// @brief A pull brought changes: parcels and couriers on the map may have moved.
    void onPulled();
    /// @brief The previous user's tickets left the cache (sign-out, or another user signed in): nothing of
    /// them stays on screen — the open ticket, the search, who views what, the dashboard and reports pages
    /// (rebuilt when next shown) — and the queues read the cache again.
    void onCacheCleared();
    /// @brief File › Sign out: asks first when unresolved conflicts would be lost, then signOutRequested().
    void confirmSignOut();
    /// @brief Someone else views or left a ticket: the pane's "also viewing" line follows.
    void onPresence(const QString &ticketId, const QString &userId, const QString &userName,
                    const QString &mode);
    /// @brief The server's alert to a supervisor: someone of the team revealed unusually many customers.
    void onRevealAlert(const QString &userName, int customers, int limit, int minutes);
    /// @brief The sync layer moved a file of @p ticketId on (upload progress, stored, refused): the ticket
    /// pane shows it.
    void onAttachmentsChanged(const QString &ticketId);
    /// @brief A file asked for by attachmentDownloadRequested() arrived (or could not be fetched).
    void onAttachmentDownloaded(const QString &attachmentId);
    /// @brief Ticket › Take next waiting ticket (agents): POST /agents/me/next; the ticket opens as soon as
    /// the change feed has brought it into the cache; "none waiting" and offline are said in the status bar.
    void takeNextWaiting();
    /// @brief The live feed's agent_status: this agent's own acknowledgement, and the team board's rows.
    void onAgentStatus(const QJsonObject &message);
    /// @brief The server refused this console's status ("status_refused").
    void onStatusRefused(const QJsonObject &message);

Q_SIGNALS:
    void syncRequested();
    /// @brief A local edit waits in the outbox: send it now.
    void pushRequested();
    /// @brief The ticket pane wants a file on this PC (a visible photo, or one the person opened).
    void attachmentDownloadRequested(const QString &attachmentId);
    void signOutRequested();
    /// @brief This person now views (or left) a ticket: tell the others.
    void presenceReported(const QString &ticketId, const QString &mode);
    /// @brief MapPage::liveViewportChanged: the couriers whose positions the console wants live.
    void liveViewportChanged(const QJsonValue &bbox);
    /// @brief The agent chose a status (or idleness did): send it over the live feed.
    void agentStatusRequested(const QString &status);

protected:
    /// @brief QEvent::LanguageChange: menus, tab titles, window title and status bar in the new language.
    void changeEvent(QEvent *event) override;

private:
    void buildMenus();
    void buildFileAndEditMenus();
    void buildTicketMenu();
    void buildViewMenu();
    /// @brief Registers @p action's text with retranslate(); returns the action.
    QAction *named(QAction *action, std::function<QString()> text);
    /// @brief A menu of the menu bar (@p parent null) or a submenu, its title set by retranslate().
    QMenu *textMenu(QMenu *parent, std::function<QString()> title);
    void retranslate();
    void setCurrentUserTitle();
    void showCount();
    /// @brief Tabs for the role; pages other than the workbench are placeholders until first shown.
    void arrangePages();
    void buildPageAt(int index);
    MapPage *ensureMap();
    ParcelMiniMap *ensureMiniMap();
    DashboardPage *ensureDashboard();
    ReportsPage *ensureReports();
    AccessLogPage *ensureAccessLog();
    TeamBoardPage *ensureTeamBoard();
    ApprovalsPage *ensureApprovals();
    ProactivePage *ensureProactive();
    void showIncident(const QString &incidentId);
    /// Rings the stations with an open trend alert on the map (docs/proactive.md, "Trend alerts").
    void updateTrendHighlights();
    void showStationOnMap(const QString &stationId);
    void setRoutingUser();
    void openPendingNext();
    ServerLink *serverLink();
    void notify(const QString &title, const QString &message, const QString &ticketId);

    const Database &m_db;
    Clock &m_clock;
    QTimeZone m_zone;
    User m_user;
    QTabWidget *m_pages;
    WorkbenchPage *m_workbench;
    // Built on first use, so a start shows the workbench without waiting for the basemap or the charts.
    MapPage *m_map = nullptr;
    ParcelMiniMap *m_miniMap = nullptr;
    DashboardPage *m_dashboard = nullptr;
    ReportsPage *m_reports = nullptr;
    QWidget *m_mapSlot;
    QWidget *m_dashboardSlot;
    QWidget *m_reportsSlot;
    AccessLogPage *m_accessLog = nullptr;
    TeamBoardPage *m_teamBoard = nullptr;
    QWidget *m_teamBoardSlot = nullptr;
    ApprovalsPage *m_approvals = nullptr;
    QWidget *m_approvalsSlot = nullptr;
    ProactivePage *m_proactive = nullptr;
    QWidget *m_proactiveSlot = nullptr;
    QList<QAction *> m_agentActions; ///< Next ticket and My status: agents only
    QString m_pendingNext;
    QWidget *m_accessLogSlot = nullptr;
    ServerLink *m_link = nullptr;
    QString m_currentWaybill;
    QLabel *m_countLabel;
    QLabel *m_cacheNotice = nullptr;
    AgentStatusWidget *m_agentStatus;
    SyncStatusWidget *m_syncStatus;
    SlaNotifier *m_notifier;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastNotifiedTicket;
    QString m_viewedTicket;
    QHash<QString, QMap<QString, QString>> m_viewers;              ///< ticket id → user id → name
    QList<std::pair<QAction *, std::function<QString()>>> m_texts; ///< menu entries and how to name them
    QList<QAction *> m_pageActions; ///< View › Pages, named after the pages (arrangePages())
    int m_shown = -1;
    int m_total = -1;
};

} // namespace pd
