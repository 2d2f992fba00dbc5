#pragma once

#include "deadlines.h"
#include "legalclocks.h"
#include "policy.h"
#include "slahistory.h"

#include "models/domain/clock.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <array>
#include <optional>
#include <vector>

namespace pd {

/**
 * @brief Watches the SLA clocks of all open tickets and signals warnings and breaches as they happen.
 *
 * The next warning and breach instants of every ticket sit in one binary min-heap (16 bytes per item) served
 * by a single QTimer armed for the earliest. Updating or removing a ticket bumps its generation counter; heap
 * items of an older generation are dropped when they reach the top (lazy invalidation), and the heap is
 * rebuilt when stale items outnumber live ones. No QObject and no timer per ticket.
 *
 * atRisk() and breached() are emitted at most once per ticket and clock for as long as the ticket is held,
 * whatever updates or policy changes happen in between; a breach due at the same moment as its warning is
 * reported as breached only. A breach the history marks as recorded (an sla_breach event) is not reported.
 * Signals are emitted from the event loop, never from inside updateTicket().
 *
 * Tickets given as a Ticket (not only a history) also get the legal clocks (statutory, and on an appeal the
 * answer and redo clocks; models/sla/legalclocks.h) with the same signals. A redo clock is a new instance
 * after each rejection: its signals come again for the new one.
 *
 * Time comes from the injected Clock; when it jumps (offset re-measured) everything now due fires at once and
 * the timer is re-armed. The timer never sleeps longer than a minute, so a clock that drifts without
 * announcing it is caught up with.
 */
class SlaMonitor final : public QObject
{
    Q_OBJECT
public:
    /// @brief The longest the timer sleeps between checks.
    static constexpr int kMaxSleepMs = 60 * 1000;

    explicit SlaMonitor(Clock *clock, QObject *parent = nullptr);
    ~SlaMonitor() override;

    [[nodiscard]] const SlaPolicy &policy() const { return m_policy; }
    /// @brief Replaces the policy and recomputes the deadlines of every ticket held.
    void setPolicy(const SlaPolicy &policy);

    /// @brief Adds a ticket or replaces what is known about it.
    void updateTicket(const QString &ticketId, Priority priority, Category category,
                      const SlaHistory &history);
    /// @brief Same, from a ticket and its timeline (see SlaHistory::fromTicket()), with its legal clocks.
    void updateTicket(const Ticket &ticket, const QList<TicketEvent> &events = {});
    /// @brief Forgets a ticket (closed, deleted, left the user's scope); pending signals are cancelled.
    bool removeTicket(const QString &ticketId);
    void clear();

    [[nodiscard]] qsizetype ticketCount() const { return m_index.size(); }
    [[nodiscard]] bool contains(const QString &ticketId) const { return m_index.contains(ticketId); }
    /// @brief Warning and deadline instants of one clock of a held ticket.
    [[nodiscard]] std::optional<SlaClockPlan> plan(const QString &ticketId, SlaClock clock) const;
    /// @brief Display state of one clock of a held ticket at the clock's now.
    [[nodiscard]] std::optional<SlaClockStatus> status(const QString &ticketId, SlaClock clock) const;
    /// @brief The instant the timer is armed for (nullopt when nothing is pending).
    [[nodiscard]] OptInstant nextDueAt() const;
    /// @brief Items in the heap, stale ones included (for tests and the benchmark).
    [[nodiscard]] std::size_t queuedItems() const { return m_heap.size(); }

Q_SIGNALS:
    /// @brief The clock entered its warning window.
    void atRisk(const QString &ticketId, pd::SlaClock clock);
    /// @brief The clock passed its target.
    void breached(const QString &ticketId, pd::SlaClock clock);

private:
    // Bit i of `done`: signal i was emitted (or is not wanted); i = 2 * clockIndex + (breach ? 1 : 0).
    struct Entry
    {
        QString id;
        SlaHistory history;
        LegalClockInputs legal;
        quint32 generation = 0;
        Priority priority = Priority::P3;
        Category category = Category::Other;
        quint16 done = 0;
        quint8 queued = 0; ///< heap items of the current generation
        bool live = false;
        bool hasLegal = false; ///< given as a Ticket: the legal clocks run too
        int redoInstance = 0;
    };
    struct Item
    {
        Instant at;
        quint32 slotCode; ///< slot << 4 | signal bit index
        quint32 generation;
    };
    struct Later
    {
        bool operator()(const Item &a, const Item &b) const { return a.at > b.at; }
    };

    [[nodiscard]] const SlaTerms &termsFor(Priority priority, Category category) const;
    void rebuildTerms();
    void store(const QString &ticketId, Priority priority, Category category, const SlaHistory &history,
               const LegalClockInputs *legal);
    void scheduleLegal(quint32 slot);
    void schedule(quint32 slot);
    void invalidate(Entry &e);
    [[nodiscard]] bool isCurrent(const Item &item) const;
    void dropStaleTop();
    void compactIfNeeded();
    void processDue();
    void arm();

    QPointer<Clock> m_clock;
    SlaPolicy m_policy;
    std::vector<SlaTerms> m_terms; ///< by priority × category
    std::vector<Entry> m_entries;
    std::vector<quint32> m_freeSlots;
    QHash<QString, quint32> m_index;
    std::vector<Item> m_heap;
    std::size_t m_currentItems = 0;
    QTimer m_timer;
    Instant m_armedFor = SlaClockTimeline::kOpenEnd;
    bool m_processing = false;

    Q_DISABLE_COPY_MOVE(SlaMonitor)
};

} // namespace pd
