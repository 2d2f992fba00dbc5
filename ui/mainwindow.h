#pragma once

#include "models/domain/entities.h"

#include <QMainWindow>
#include <QTimeZone>

class QLabel;
class QSystemTrayIcon;
class QTabWidget;

namespace pd {

class Clock;
class Database;
class SlaNotifier;
class SyncStatusWidget;
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
    [[nodiscard]] const User &currentUser() const { return m_user; }

    [[nodiscard]] WorkbenchPage *workbench() const { return m_workbench; }
    [[nodiscard]] SyncStatusWidget *syncStatus() const { return m_syncStatus; }
    [[nodiscard]] SlaNotifier *notifier() const { return m_notifier; }
    [[nodiscard]] QTabWidget *pages() const { return m_pages; }

public Q_SLOTS:
    /// @brief The cache changed (sync or local edit): every page follows.
    void onTicketsChanged(const QStringList &ids);
    void newTicket();
    void showShortcuts();

Q_SIGNALS:
    void syncRequested();
    /// @brief A local edit waits in the outbox: send it now.
    void pushRequested();
    void signOutRequested();

private:
    void buildMenus();
    void notify(const QString &title, const QString &message, const QString &ticketId);

    const Database &m_db;
    Clock &m_clock;
    QTimeZone m_zone;
    User m_user;
    QTabWidget *m_pages;
    WorkbenchPage *m_workbench;
    QLabel *m_countLabel;
    SyncStatusWidget *m_syncStatus;
    SlaNotifier *m_notifier;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastNotifiedTicket;
};

} // namespace pd
