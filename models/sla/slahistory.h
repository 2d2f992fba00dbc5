#pragma once

#include "models/domain/entities.h"
#include "slatypes.h"

#include <QList>

#include <array>

namespace pd {

/// @brief One clock-moving event of a ticket.
struct SlaHistoryEntry
{
    Instant at = 0;
    SlaTransition transition = SlaTransition::FirstResponse;
    friend bool operator==(const SlaHistoryEntry &, const SlaHistoryEntry &) = default;
};

/**
 * @brief The input of the SLA engine: when a ticket was created and what moved its clocks since.
 *
 * Entries are kept in ascending order of instant (append() inserts in place; equal instants keep their
 * order). breachRecorded says that the server already wrote an sla_breach event for a clock, so a monitor
 * started later does not report that breach a second time.
 */
struct SlaHistory
{
    Instant createdAt = 0;
    QList<SlaHistoryEntry> entries;
    std::array<bool, 2> breachRecorded{}; ///< indexed by clockIndex()

    void append(Instant at, SlaTransition transition);

    /**
     * @brief Builds the history from a ticket and its timeline events (any order).
     *
     * reply events and call events with data {"direction": "outbound"} are first responses;
     * status_change events with data {"from": …, "to": …} give pending enter/leave ("to"/"from" pending),
     * resolve ("to" resolved or closed) and reopen ("to" reopened, or from resolved/closed to open);
     * sla_breach events with data {"clock": "first_response"|"resolution"} set breachRecorded.
     * The ticket's first_response_at and resolved_at stand in when the events do not cover them.
     */
    [[nodiscard]] static SlaHistory fromTicket(const Ticket &ticket, const QList<TicketEvent> &events = {});

    friend bool operator==(const SlaHistory &, const SlaHistory &) = default;
};

} // namespace pd
