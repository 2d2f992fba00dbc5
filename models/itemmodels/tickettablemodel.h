#pragma once

#include "models/domain/clock.h"
#include "slacountdown.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QTimeZone>

#include <functional>

namespace pd {

/// @brief Where a ticket's oldest queued edit stands: when it is tried next (server-clock UTC ms; 0 at the
/// next sync) and why the last try failed.
struct QueuedEditState
{
    int edits = 0; ///< edits of the ticket waiting to be sent
    int attempts = 0;
    Instant nextAttemptAt = 0;
    QString lastError;
};

/**
 * @brief The queue's tickets as table rows, paged from the cache: never the whole queue in memory.
 *
 * rowCount() is the queue's size (one COUNT query); rows arrive in pages of kPageSize as the view asks for
 * them. A page next to a loaded one continues it with a keyset query (after the neighbour's last sort value
 * and pk, or before its first, read backwards); the first and the last page are the two ends of the order;
 * only a jump far into the middle uses an OFFSET, counted from the nearer end. Queries run elsewhere: the
 * model asks through countRequested()/pageRequested() and is answered through countArrived()/pageArrived(),
 * each tagged with a generation so late answers to an old question are dropped. At most kMaxPages stay
 * loaded; the farthest from the last page asked for go first.
 *
 * Display text is for people (translated labels, masked phones, times in the company's time zone); RawRole
 * gives the stored value; SlaStateRole the countdown's state for the delegate's colour and icon. A row not
 * yet loaded shows an ellipsis. A pending row's tooltip says when its queued edit is tried next (company
 * time) and the last error, asked for when the tooltip shows (setQueuedEditLookup()). setRows() shows a fixed
 * list instead (search results).
 */
class TicketTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Sla,
        Number,
        Waybill,
        Category,
        Priority,
        Customer,
        Status,
        Assignee,
        Age,
        Match, ///< why a search result matched (SearchSnippets); empty outside a search
        ColumnCount
    };
    enum Role
    {
        RawRole = Qt::UserRole + 1, ///< the stored value: code for enums, UTC ms for times, text otherwise
        TicketIdRole,               ///< QString id of the row's ticket
        LocalStateRole,             ///< int LocalState: pending and conflicted rows are marked
        SlaStateRole,               ///< int SlaState of the countdown
        LoadedRole,                 ///< bool: the row's page is here
    };
    Q_ENUM(Column)
    static constexpr int kPageSize = 200;
    static constexpr int kMaxPages = 40;

    TicketTableModel(const Clock &clock, QTimeZone companyZone, QObject *parent = nullptr);

    /// @brief Shows @p query's tickets: asks for the count and the first page; the old rows stay until both
    /// arrive.
    void setQuery(const TicketQuery &query);
    /// @brief Asks again for the count and every loaded page (the cache changed); rows keep their places.
    void refresh();
    /// @brief Shows a fixed list (search results); no paging. @p matches: why each row matched, row by row.
    void setRows(QList<TicketRow> rows, QStringList matches = {});
    /// @brief Display names of user ids, for the assignee column.
    void setUserNames(QHash<QString, QString> names);
    void setSlaPolicy(const SlaPolicy &policy) { m_countdown = SlaCountdown(policy); }
    using QueuedEditLookup = std::function<std::optional<QueuedEditState>(const QString &ticketId)>;
    /// @brief How a pending row's queued edit is found when its tooltip is asked for (the outbox changes
    /// without the row changing: a failed try only moves its retry time).
    void setQueuedEditLookup(QueuedEditLookup lookup) { m_queuedEdits = std::move(lookup); }

    /// @brief The age column's text for a ticket @p minutes old ("12 min", "5 h 03 min", "3 d").
    [[nodiscard]] static QString ageText(qint64 minutes);
    /// @brief The number column without the chase-up mark: "(new)" before the server numbered it, ⇡ while an
    /// edit waits to be sent, ⚠ when it needs attention.
    [[nodiscard]] static QString numberText(const TicketRow &row);
    /// @brief The widest texts a column shows in the current language, whatever the rows (for its width); for
    /// the customer a usual name and masked phone; names of the directory are not known here.
    [[nodiscard]] static QStringList widestTexts(int column);

    [[nodiscard]] const TicketRow *rowAt(int row) const;
    /// @brief The row of a loaded ticket, or -1.
    [[nodiscard]] int rowOf(const QString &ticketId) const;
    [[nodiscard]] bool isPaged() const { return m_paged; }
    [[nodiscard]] int loadedPageCount() const { return int(m_pages.size()); }
    [[nodiscard]] const TicketQuery &query() const { return m_query; }

    /// @brief Repaints the time columns of rows @p first … @p last (the visible ones), once a second.
    void tick(int first, int last);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

public Q_SLOTS:
    void countArrived(int generation, int total);
    void pageArrived(int generation, int page, const QList<pd::TicketRow> &rows);

Q_SIGNALS:
    void countRequested(int generation, const pd::TicketQuery &query);
    void pageRequested(int generation, int page, const pd::TicketQuery &query);
    /// @brief The count and the first page of a new query are in (the view may restore its selection).
    void loaded(int total);

private:
    Q_DISABLE_COPY_MOVE(TicketTableModel)
    struct InFlight
    {
        int generation = 0;
        bool reversed = false;
    };
    void requestPage(int page, bool preferNeighbours = true) const;
    [[nodiscard]] TicketQuery pageQuery(int page, bool preferNeighbours, bool *reversed) const;
    void evictFarFrom(int page);
    void applyReset();
    [[nodiscard]] QString displayText(const TicketRow &row, int column) const;
    [[nodiscard]] QVariant rawValue(const TicketRow &row, int column) const;
    [[nodiscard]] QVariant toolTip(const TicketRow &row, int column) const;
    /// @brief Flagged by the server as a likely duplicate and still open: "⧉" after the number.
    [[nodiscard]] static bool isFlaggedDuplicate(const Ticket &t);
    [[nodiscard]] QString pendingToolTip(const TicketRow &row) const;

    const Clock &m_clock;
    QTimeZone m_zone;
    SlaCountdown m_countdown;
    QHash<QString, QString> m_userNames;
    QHash<QString, QString> m_matches; ///< ticket id → why it matched the search shown
    QueuedEditLookup m_queuedEdits;
    TicketQuery m_query;
    bool m_paged = false;
    int m_total = 0;
    int m_generation = 0;
    // A new query's answers wait here until both are in, so the table never flashes empty.
    std::optional<int> m_pendingTotal;
    std::optional<QList<TicketRow>> m_pendingFirst;
    bool m_resetPending = false;
    bool m_refreshPending = false;
    QHash<int, QList<TicketRow>> m_pages;
    mutable QHash<int, InFlight> m_inFlight;
};

} // namespace pd
