#pragma once

#include "models/sla/policy.h"
#include "models/sla/slatypes.h"
#include "models/store/ticketrepository.h"

#include <QCoreApplication>

namespace pd {

/// @brief What the queue's SLA column shows for one ticket at one instant.
struct SlaBadge
{
    SlaState state = SlaState::OnTrack;
    qint64 remainingMs = 0; ///< to the deadline of the running clock; negative once breached
    QString text; ///< reads without colour: a word and the time ("At risk 08:12", "Breached +03:10")
};

/**
 * @brief The live countdown of the queues: the clock that runs now (first response until answered, then
 * resolution), counted down to its deadline in server time, then counted up as overdue time.
 *
 * Pure: the deadline comes from the cache row (sla_due, sla_warn_at), "now" from the caller's clock, so the
 * same row gives the same badge on every machine whatever its PC clock says.
 */
class SlaCountdown final
{
    Q_DECLARE_TR_FUNCTIONS(pd::SlaCountdown)
public:
    explicit SlaCountdown(SlaPolicy policy = {})
        : m_policy(std::move(policy))
    {}
    [[nodiscard]] SlaBadge badge(const TicketRow &row, Instant now) const;
    /// @brief mm:ss below an hour, h:mm:ss above, days and hours from two days on.
    [[nodiscard]] static QString clockText(qint64 ms);
    /// @brief The state's word, translated ("On track", "At risk", …).
    [[nodiscard]] static QString stateName(SlaState state);
    /// @brief The widest texts a badge shows in the current language (each state with its longest time),
    /// so a column can be made wide enough for every one of them.
    [[nodiscard]] static QStringList widestTexts();

private:
    SlaPolicy m_policy;
};

} // namespace pd
