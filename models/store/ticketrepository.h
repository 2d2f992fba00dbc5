#pragma once

#include "models/domain/entities.h"
#include "models/sla/policy.h"

#include <QSqlDatabase>
#include <QStringList>

namespace pd {

class Database;

/// @brief Marks for rows changed in the console and not yet confirmed by the server.
enum class LocalState
{
    Synced = 0,
    Pending = 1,
    Conflict = 2
};

/// @brief What a queue shows: filters plus keyset paging (never OFFSET over a large table).
struct TicketQuery
{
    enum class Order
    {
        SlaUrgency,
        UpdatedDesc,
        CreatedDesc
    };

    QList<TicketStatus> statuses; ///< empty: any
    QString assigneeId;           ///< empty: any
    bool unassignedOnly = false;
    QString teamId; ///< empty: any
    std::optional<Category> category;
    std::optional<Priority> priority;
    std::optional<Channel> channel;
    std::optional<TicketSource> source; ///< only tickets from this source (regulator appeals)
    std::optional<qint64> slaDueBefore; ///< only tickets whose next SLA deadline is before this instant
    std::optional<qint64> createdFrom;  ///< only tickets created at or after this instant (UTC ms)
    std::optional<qint64> createdTo;    ///< only tickets created before this instant (UTC ms)
    std::optional<qint64> atRiskAt;     ///< only tickets inside their warning window at this instant
    std::optional<qint64> resolvedFrom; ///< only tickets resolved at or after this instant
    /// Only complaints whose category asks for evidence (pd::evidenceChecklist) and that lack a file of an
    /// asked-for kind (a subquery over the attachments table).
    bool evidenceIncomplete = false;
    /// Only these tickets (a drill-down computed elsewhere, e.g. a trend alert's complaints); an empty list
    /// matches none.
    std::optional<QStringList> ids;
    Order order = Order::SlaUrgency;
    int limit = 200;
    bool reverse = false; ///< the order turned around: the last rows first (a jump to the end)
    int offset = 0;       ///< rows skipped after the keyset (random access; cost grows with the offset)
    /// Keyset: continue after this row (its sort value and pk), as returned in TicketPage.
    std::optional<qint64> afterSortValue;
    std::optional<qint64> afterPk;
};

struct TicketRow
{
    qint64 pk = 0;
    Ticket ticket;
    std::optional<qint64> slaDue;    ///< deadline of the clock that runs now (none once resolved or paused)
    std::optional<qint64> slaWarnAt; ///< when that clock enters its warning window
    LocalState localState = LocalState::Synced;
    /// Calls of the customer chasing this ticket (催单: inbound, outcome `chase_up`; docs/ticketpane.md,
    /// "Repeats").
    int chaseUps = 0;
};

struct TicketPage
{
    QList<TicketRow> rows;
    bool hasMore = false;
};

/**
 * @brief Tickets and their timeline events in the local cache.
 *
 * Bulk writes run in one transaction with one prepared statement. Upserts keep the row's key (so the
 * full-text index stays put) and never replace a newer version with an older one.
 */
class TicketRepository final
{
public:
    explicit TicketRepository(const Database &db);

    /// @brief The policy that places written tickets in the queues (sla_due, sla_warn_at); default 30 min /
    /// 24 h.
    void setSlaPolicy(const SlaPolicy &policy) { m_policy = policy; }

    /// @brief Inserts or updates tickets in one transaction; false and a message when nothing was written.
    bool upsert(const QList<Ticket> &tickets, QString *error = nullptr,
                LocalState state = LocalState::Synced);
    /**
     * @brief Applies server copies from the change feed: like upsert(), but rows holding a local edit
     * (pending or in conflict) keep it — the push's answer or the conflict resolution brings the server copy
     * for those.
     */
    bool applyServerCopies(const QList<Ticket> &tickets, QString *error = nullptr);
    bool upsertEvents(const QList<TicketEvent> &events, QString *error = nullptr,
                      LocalState state = LocalState::Synced);
    bool remove(const QStringList &ids, QString *error = nullptr);
    /// @brief Removes timeline events (deleted on the server) and their search entries.
    bool removeEvents(const QStringList &eventIds, QString *error = nullptr);

    [[nodiscard]] std::optional<TicketRow> byId(const QString &id) const;
    [[nodiscard]] std::optional<TicketRow> byPk(qint64 pk) const;
    [[nodiscard]] QList<TicketRow> byPks(const QList<qint64> &pks) const;
    [[nodiscard]] QList<TicketEvent> events(const QString &ticketId) const;
    [[nodiscard]] TicketPage query(const TicketQuery &q) const;
    [[nodiscard]] int count(const TicketQuery &q) const;
    [[nodiscard]] int totalCount() const;

    /// @brief The upsert statement with its 26 positional parameters (benchmarks replay it through the C
    /// API).
    [[nodiscard]] static const char *upsertStatement();

    bool setSlaDue(const QString &id, std::optional<qint64> due, QString *error = nullptr);
    bool setLocalState(const QString &id, LocalState state, QString *error = nullptr);

private:
    bool write(const QList<Ticket> &tickets, const QString &statement, LocalState state, QString *error);
    bool removeById(const QString &statement, const QStringList &ids, QString *error);
    const Database &m_db;
    SlaPolicy m_policy;
};

} // namespace pd
