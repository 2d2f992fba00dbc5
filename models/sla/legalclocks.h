#pragma once

#include "deadlines.h"
#include "policy.h"

#include <QList>

#include <array>
#include <optional>

namespace pd {

/**
 * @brief What the three legal clocks of a ticket run on (docs/appeals.md, "The clocks").
 *
 * - statutory: from creation to the first resolution (a reopening does not restart it); every ticket.
 * - appeal_answer: from the appeal's forwarding to the company's first answer after it.
 * - appeal_redo: from the regulator's latest rejection to an answer after it; instance = rejections, so a
 *   second rejection starts a new clock with its own breach.
 */
struct LegalClockInputs
{
    Instant createdAt = 0;
    OptInstant firstResolvedAt;
    bool appeal = false;
    Instant forwardedAt = 0;
    OptInstant firstAnsweredAt; ///< the first answer after forwarding
    OptInstant rejectedAt;
    OptInstant redoAnsweredAt; ///< an answer after the latest rejection
    int rejections = 0;
    std::array<bool, 3> breachRecorded{}; ///< by legalIndex(); redo: for the current instance only

    /**
     * @brief From a ticket and its timeline (any order): status_change events to resolved/closed give the
     * first resolution, appeal_answered events the answers, sla_breach events {"clock", "instance"} the
     * breaches already written. Without events the ticket's resolved_at and appeal fields stand in.
     */
    [[nodiscard]] static LegalClockInputs fromTicket(const Ticket &ticket,
                                                     const QList<TicketEvent> &events = {});
    friend bool operator==(const LegalClockInputs &, const LegalClockInputs &) = default;
};

/// @brief One run of a legal clock: its start, its stop (if stopped) and its instance (redo: the rejection).
struct LegalClockSpan
{
    Instant start = 0;
    OptInstant stop;
    int instance = 1;
};

/// @brief The run of @p clock, or nullopt when it does not apply (no appeal, no rejection).
[[nodiscard]] std::optional<LegalClockSpan> legalClockSpan(const LegalClockInputs &in, SlaClock clock);

/**
 * @brief 24:00 (local) of the @p days-th counted day after the local day of @p start: natural days in
 * Asia/Shanghai when @p calendar is null, else the calendar's days with business hours. nullopt when the
 * calendar has no such day within BusinessCalendar::kHorizonDays.
 */
[[nodiscard]] OptInstant legalDeadline(const BusinessCalendar *calendar, Instant start, int days);

/// @brief Warning and deadline of a legal clock (phase Running or Stopped); nullopt when it does not apply.
[[nodiscard]] std::optional<SlaClockPlan> legalClockPlan(const SlaPolicy &policy, const LegalClockInputs &in,
                                                         SlaClock clock);
/// @brief The clock as a person sees it at @p now; nullopt when it does not apply. Wall time throughout.
[[nodiscard]] std::optional<SlaClockStatus>
legalClockStatus(const SlaPolicy &policy, const LegalClockInputs &in, SlaClock clock, Instant now);

/**
 * @brief For display: the statutory clock and, on an appeal, its answer and redo clocks (those that apply,
 * in that order) of a ticket at @p now, with deadline and state.
 */
[[nodiscard]] QList<SlaClockStatus> legalClockStatuses(const SlaPolicy &policy, const Ticket &ticket,
                                                       const QList<TicketEvent> &events, Instant now);

} // namespace pd
