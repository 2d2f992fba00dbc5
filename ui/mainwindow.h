#pragma once

#include <QMainWindow>
#include <QTimeZone>

class QLabel;

namespace pd {

class Database;
class SyncStatusWidget;
class TicketListPage;

/// @brief The console's main window. It only arranges the pages; each page owns its widgets and models.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(const Database &db, const QTimeZone &companyZone, QWidget *parent = nullptr);

    [[nodiscard]] TicketListPage *ticketList() const { return m_tickets; }
    [[nodiscard]] SyncStatusWidget *syncStatus() const { return m_syncStatus; }

Q_SIGNALS:
    void syncRequested();
    void signOutRequested();

private:
    Q_DISABLE_COPY_MOVE(MainWindow)
    TicketListPage *m_tickets;
    QLabel *m_cacheLabel;
    SyncStatusWidget *m_syncStatus;
};

} // namespace pd
