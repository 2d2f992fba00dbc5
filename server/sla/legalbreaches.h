#pragma once

#include "server/storage/ticketstore.h"

#include "models/domain/clock.h"
#include "models/sla/policy.h"

#include <QList>
#include <QPair>

namespace pd::server {

/**
 * @brief Writes the sla_breach events of the legal clocks (statutory, appeal_answer, appeal_redo), all in one
 * transaction, once per clock instance: the event id is derived from ticket, clock and (redo) the rejection
 * it answers, "sla-appeal_redo-2-<ticket>" for the redo after a second rejection. Data {"clock", "deadline",
 * "instance" (redo), "appeal_no" (appeals)}. A breach the ticket no longer has at @p clock's now (answered,
 * resolved in time meanwhile) is not written. Returns how many events were new.
 */
int recordLegalBreaches(TicketStore &store, const Clock &clock, const SlaPolicy &policy,
                        const QList<QPair<QString, SlaClock>> &breaches);

/// @brief The event id of a legal clock's breach (see recordLegalBreaches).
[[nodiscard]] QString legalBreachId(const QString &ticketId, SlaClock clock, int instance);

} // namespace pd::server
