#pragma once

#include "businesscalendar.h"
#include "policy.h"
#include "slahistory.h"

#include <QList>
#include <QVarLengthArray>

#include <limits>

namespace pd {

/// @brief Where a clock will cross its warning and target, independent of "now".
struct SlaClockPlan
{
    enum class Phase : quint8
    {
        Running,
        Paused,
        Stopped
    };
    Phase phase = Phase::Running; ///< after the last history entry
    OptInstant warningAt;         ///< when the time left reaches the warning window (past, or projected)
    OptInstant deadline;          ///< when the time left reaches zero (past, or projected; none while paused)
    friend bool operator==(const SlaClockPlan &, const SlaClockPlan &) = default;
};

/// @brief One clock as a person sees it at a given instant.
struct SlaClockStatus
{
    SlaClock clock = SlaClock::FirstResponse;
    SlaState state = SlaState::OnTrack;
    qint64 targetMs = 0;
    qint64 elapsedMs = 0;   ///< clock time used (business time on a calendar, pauses excluded)
    qint64 remainingMs = 0; ///< clock time left, 0 once breached
    qint64 overdueMs = 0;   ///< breached: wall time from the deadline to now (or to the stop)
    OptInstant warningAt;
    OptInstant deadline;
    OptInstant stoppedAt; ///< met or breached-and-stopped: when the clock stopped
    friend bool operator==(const SlaClockStatus &, const SlaClockStatus &) = default;
};

/// @brief A stretch of a clock's timeline, for explanations ("why did this breach?").
struct SlaSegment
{
    Instant start = 0;
    Instant end = 0;
    SlaSegmentKind kind = SlaSegmentKind::Running;
    qint64 elapsedAtEndMs = 0; ///< clock time used when the segment ends
    friend bool operator==(const SlaSegment &, const SlaSegment &) = default;
};

/**
 * @brief One clock of one ticket, derived from its history: when it ran and when it was paused.
 *
 * First response runs from creation to the first response and never pauses. Resolution runs from creation,
 * pauses between entering and leaving pending, stops at resolve and runs again from a reopen. Entries earlier
 * than the creation count as happening at creation. On a calendar only business time inside running phases
 * counts; a null calendar means 24/7.
 *
 * A running clock is breached from its deadline on (elapsed ≥ target); a stopped one is met when it stopped
 * at or before the deadline.
 */
class SlaClockTimeline final
{
public:
    static constexpr Instant kOpenEnd = std::numeric_limits<Instant>::max();

    struct Phase
    {
        Instant start = 0;
        Instant end = kOpenEnd; ///< kOpenEnd for the last phase while the clock has not stopped
        bool running = true;
    };

    SlaClockTimeline(const SlaHistory &history, SlaClock clock);

    [[nodiscard]] SlaClock clock() const { return m_clock; }
    [[nodiscard]] const QVarLengthArray<Phase, 4> &phases() const { return m_phases; }
    [[nodiscard]] OptInstant stoppedAt() const { return m_stoppedAt; }

    /// @brief Clock time used up to @p now.
    [[nodiscard]] qint64 elapsedMs(const BusinessCalendar *calendar, Instant now) const;
    /**
     * @brief When the clock reaches @p elapsed ms: in the past, or projected from the last phase if running,
     * or from the stop if stopped (the deadline a met clock had); nullopt while paused short of it.
     */
    [[nodiscard]] OptInstant instantAtElapsed(qint64 elapsed, const BusinessCalendar *calendar) const;

    [[nodiscard]] SlaClockPlan plan(const SlaTarget &target, const BusinessCalendar *calendar) const;
    [[nodiscard]] SlaClockStatus status(const SlaTarget &target, const BusinessCalendar *calendar,
                                        Instant now) const;
    /// @brief The timeline from creation up to @p now (or the stop): running, paused, outside business hours.
    [[nodiscard]] QList<SlaSegment> explain(const BusinessCalendar *calendar, Instant now) const;

private:
    QVarLengthArray<Phase, 4> m_phases;
    OptInstant m_stoppedAt;
    SlaClock m_clock;
};

/// @brief Status of one clock of a ticket under a policy.
[[nodiscard]] SlaClockStatus slaStatus(const SlaPolicy &policy, Priority priority, Category category,
                                       const SlaHistory &history, SlaClock clock, Instant now);
/// @brief Where a ticket stands in the queues: the running clock with the earliest deadline (first response
/// until answered, then resolution; or a legal clock — statutory, appeal answer, appeal redo — due earlier),
/// its deadline and when it enters the warning window. Empty once closed; on a customer ticket (not an
/// appeal) also while its service clock is paused or stopped, as before the legal clocks.
struct SlaQueueTimes
{
    SlaClock clock = SlaClock::FirstResponse;
    OptInstant due;
    OptInstant warnAt;
};
[[nodiscard]] SlaQueueTimes slaQueueTimes(const SlaPolicy &policy, const Ticket &ticket,
                                          const QList<TicketEvent> &events = {});

/// @brief Explanation segments of one clock of a ticket under a policy.
[[nodiscard]] QList<SlaSegment> slaExplanation(const SlaPolicy &policy, Priority priority, Category category,
                                               const SlaHistory &history, SlaClock clock, Instant now);

} // namespace pd
