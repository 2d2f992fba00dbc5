#pragma once

#include "models/domain/entities.h"
#include "models/itemmodels/queues.h"

#include <QThread>
#include <QTimeZone>
#include <QWidget>

class QLabel;
class QSplitter;
class QTableView;
class QTimer;

namespace pd {

class Clock;
class Database;
class FilterBar;
class QueueList;
class ServerLink;
class TicketColumns;
class TicketDelegate;
class TicketPane;
class TicketQueryWorker;
class TicketTableModel;
class WaybillFinder;
struct SearchHit;

/**
 * @brief The agents' screen: queues with live counts, filters and search, the paged ticket table with live
 * SLA countdowns, and the ticket pane.
 *
 * Every cache query runs on the page's query thread (TicketQueryWorker with its own connection); the GUI
 * thread only paints. The countdown column is repainted once a second for the visible rows only. Queue
 * counts are asked for again when the cache changes (debounced) and every 30 s, since the at-risk and
 * breached queues move with time alone. Column order, widths and hidden columns are remembered.
 *
 * The list and the pane agree on one ticket, the one the keys act on (currentTicketId()): the pane's. Only
 * the user moves it (a click, J/K, another queue, filter or search, which start at the top). A refresh never
 * does: when the pane's ticket leaves the list (taken from Unassigned, resolved out of a queue, a new ticket
 * beside a search) the pane keeps it and the list selects nothing, rather than a row that would look chosen
 * while the keys still act on the pane; J then goes on with the ticket that took its place, K with the one
 * above. See docs/workbench.md.
 */
class WorkbenchPage final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kCountsEveryMs = 30000;
    static constexpr int kChangeDebounceMs = 300;

    WorkbenchPage(const Database &db, const Clock &clock, const QTimeZone &companyZone,
                  QWidget *parent = nullptr);
    ~WorkbenchPage() override;

    void setCurrentUser(const User &user);
    [[nodiscard]] const User &currentUser() const { return m_user; }

    [[nodiscard]] QueueList *queues() const { return m_queues; }
    [[nodiscard]] FilterBar *filters() const { return m_filters; }
    [[nodiscard]] QTableView *view() const { return m_view; }
    [[nodiscard]] TicketTableModel *model() const { return m_model; }
    [[nodiscard]] TicketPane *pane() const { return m_pane; }
    [[nodiscard]] WaybillFinder *waybillFinder() const { return m_finder; }
    /// @brief The server for looking up a searched waybill no ticket is about (WaybillFinder).
    void setServerLink(ServerLink *link);
    /// @brief The ticket the keys act on: the pane's (selected in the list when the list holds it).
    [[nodiscard]] QString currentTicketId() const;

public Q_SLOTS:
    void showQueue(pd::Queue queue);
    /// @brief Shows the tickets of a drill-down (dashboard): a query with a title, until another queue is
    /// chosen.
    void showQuery(const pd::TicketQuery &query, const QString &title);
    /// @brief Selects a ticket and shows it in the pane (from a notification, the map, a new ticket).
    void openTicket(const QString &ticketId);
    /// @brief The cache changed (sync, local edit): counts, rows and the pane follow, debounced.
    void onTicketsChanged(const QStringList &ids);
    void nextTicket();
    void previousTicket();
    void focusSearch();
    void refreshCounts();

protected:
    /// @brief QEvent::LanguageChange: the title, the empty text and the table's headers and cells follow.
    void changeEvent(QEvent *event) override;

Q_SIGNALS:
    void currentTicketChanged(const QString &ticketId);
    /// @brief A local write succeeded (push the outbox).
    void edited(const QString &ticketId);
    /// @brief "12 of 1,000,000 tickets" for the status bar.
    void countChanged(int shown, int total);
    /// @brief "New ticket for SF…" under a search that found no ticket.
    void newTicketRequested(const QString &waybill);

private:
    // The constructor's steps.
    void startWorkers();
    void setUpTable();
    void layOut();
    void connectPage();
    void applyQuery();
    void onSearch(const QString &text);
    void onSearched(int generation, const QList<pd::TicketRow> &rows, const QList<pd::SearchHit> &hits,
                    const QStringList &matches);
    void onLoaded(int total);
    void onQueuesCounted(int generation, const QList<int> &counts);
    void onCurrentRowChanged();
    void tickVisibleRows();
    void moveSelection(int delta);
    void restoreSelection();
    /// The rows changed under the selection (a refresh): the selection follows the pane's ticket.
    void followPane();
    void selectQuietly(int row);
    /// The pane's ticket is not in the list: nothing selected, J/K go on from where it was.
    void detachSelection(int anchorRow);
    [[nodiscard]] QString currentRowId() const;
    void showHeaderMenu(const QPoint &pos);
    void saveHeader() const;
    void updateEmptyText();
    /// Users' names for the assignee column and the filter, and the columns' widths for them.
    void loadDirectory();

    const Database &m_db;
    const Clock &m_clock;
    QTimeZone m_zone;
    User m_user;
    QHash<QString, QString> m_userNames;
    QThread m_thread;
    TicketQueryWorker *m_worker;
    // Queue counts scan more rows than a page does: their own thread, so they never delay a page.
    QThread m_countThread;
    TicketQueryWorker *m_countWorker;
    TicketTableModel *m_model;
    TicketDelegate *m_delegate;
    QueueList *m_queues;
    FilterBar *m_filters;
    QLabel *m_title;
    QTableView *m_view;
    TicketColumns *m_columns = nullptr;
    QLabel *m_empty;
    WaybillFinder *m_finder;
    TicketPane *m_pane;
    QSplitter *m_splitter;
    QTimer *m_countdown;
    QTimer *m_counts;
    QTimer *m_changes;
    QString m_selectedId;
    bool m_startAtTop =
        false;            ///< the user chose another queue, filter or search: its next load starts at the top
    int m_anchorRow = -1; ///< where the pane's ticket was when it left the list
    bool m_rowsGoing = false; ///< rows are being removed: a current row moved by the view is not a choice
    std::optional<TicketQuery> m_drillDown;
    int m_searchGeneration = 0;
    int m_countGeneration = 0;
    int m_totalTickets = -1;
};

} // namespace pd
