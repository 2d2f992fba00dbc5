#pragma once

#include "kpifacts.h"

#include <QHash>
#include <QString>

#include <optional>
#include <vector>

namespace pd {

class Database;

/**
 * @brief The KPI facts of every ticket in a window, kept in memory and brought up to date from the cache's
 * change log instead of being read again for every dashboard refresh.
 *
 * The first update() reads every ticket created, resolved or closed since the window's start and every ticket
 * open now (KpiFacts::load, about 0.5 s for 1,000,000 tickets), with the timeline facts of the resolved ones.
 * Each later update() reads the ticket_changes log (schema 6: its triggers append a ticket's pk whenever a
 * field a KPI reads, or one of its timeline events, is written) past the last seq it read and re-reads only
 * those tickets. It reads everything again when the window starts earlier than the one held, when the log
 * was pruned past its seq or started over (a replaced cache), or when more than kMaxChanges tickets changed.
 * Every read runs in one read transaction, so the facts and the seq always belong to the same snapshot.
 * Rows are kept in pk order. The connection should not map the file (PRAGMA mmap_size): a map is re-made at
 * the first read after each write that grows the file (~50 ms at 1,000,000 tickets, bench/kpi).
 * Not thread-safe: use it on the thread of the Database passed in.
 */
class KpiFactCache final
{
public:
    /// @brief Above this many changed tickets a full read is cheaper than reading them one list at a time.
    static constexpr std::size_t kMaxChanges = 50000;

    /// @brief How the last update() went.
    struct Update
    {
        bool fullRead = false;
        std::size_t changedTickets = 0;
    };

    /// @brief Brings the facts up to date for a window starting at @p since; false with @p error on a
    /// database error (the facts held stay as they were).
    bool update(const Database &db, qint64 since, QString *error);
    /// @brief Drops everything: the next update() reads everything.
    void clear();

    /// @brief Writes the facts held to @p file (atomically: a crash leaves the old file), so that the next
    /// session starts from them instead of reading every ticket. Nothing is written before the first
    /// update().
    bool save(const QString &file, QString *error) const;
    /// @brief Takes the facts from a file written by save(). The next update() checks them against the cache:
    /// the change-log entry at their seq must name the same ticket (another or a rebuilt cache does not), the
    /// log must not have been pruned past it; otherwise it reads everything. A missing, damaged or
    /// older-format file is refused with @p error and leaves the facts held as they were.
    bool load(const QString &file, QString *error);

    [[nodiscard]] const KpiFacts &facts() const { return m_facts; }
    /// @brief Timeline facts of the tickets held, by pk (tickets without replies, calls or status changes
    /// are absent).
    [[nodiscard]] const QHash<qint64, TicketEventFacts> &events() const { return m_events; }
    [[nodiscard]] const Update &lastUpdate() const { return m_last; }
    /// @brief The change-log seq the facts are current to (-1 before the first update).
    [[nodiscard]] qint64 seq() const { return m_seq; }

private:
    bool readAll(const Database &db, qint64 since, QString *error);
    bool readChanges(const Database &db, const std::vector<qint64> &pks, QString *error);
    void apply(std::vector<TicketFact> &&changed, const std::vector<qint64> &pks);

    KpiFacts m_facts;
    QHash<qint64, TicketEventFacts> m_events;
    std::optional<qint64> m_since;
    qint64 m_seq = -1;
    QString m_cacheId; ///< sync_state "cache_id" of the cache the facts were read from
    Update m_last;
};

} // namespace pd
