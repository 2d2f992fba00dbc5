#pragma once

#include "models/domain/entities.h"
#include "models/store/ticketrepository.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace pd {

/// @brief The workbench's queues, in the order the queue list shows them (Alt+1 … Alt+8).
enum class Queue
{
    Mine,
    Unassigned,
    AtRisk,
    Breached,
    Pending,
    ResolvedToday,
    All,
    Appeals ///< open appeals forwarded by the postal regulator, every team the reader may see
};

/// @brief The filters above the ticket table; empty fields mean "any".
struct QueueFilter
{
    std::optional<Category> category;
    std::optional<Priority> priority;
    std::optional<Channel> channel;
    std::optional<TicketStatus> status;
    QString assigneeId;
    bool evidenceIncomplete = false; ///< damage and loss complaints still missing asked-for evidence
};

/**
 * @brief Turns a queue, the signed-in user and the filters into a cache query.
 *
 * Open means new, open, pending or reopened. "At risk" and "Breached" read the deadline of the clock that
 * runs now (sla_due, sla_warn_at in the cache) against server time, so the counts move as time passes.
 * "Resolved today" starts at midnight in the company's time zone, not UTC's.
 */
class Queues final
{
    Q_DECLARE_TR_FUNCTIONS(pd::Queues)
public:
    static constexpr int kCount = 8;
    [[nodiscard]] static QList<Queue> all();
    [[nodiscard]] static QString title(Queue queue);
    [[nodiscard]] static TicketQuery query(Queue queue, const User &user, Instant now, const QTimeZone &zone,
                                           const QueueFilter &filter = {});
    /// @brief Midnight of @p now's day in @p zone, as UTC ms.
    [[nodiscard]] static Instant startOfDay(Instant now, const QTimeZone &zone);
};

} // namespace pd
