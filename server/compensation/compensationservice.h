#pragma once

#include "compensationstore.h"

#include "server/api/ticketservice.h"

#include "models/compensation/compensationpolicy.h"
#include "models/domain/clock.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace pd::server {

/**
 * @brief Compensation requests, approvals and the ledger (docs/compensation.md).
 *
 * A request within the actor's approval limit is approved at once and resolves the ticket; above it the
 * request waits (pending) and the ticket shows pending_compensation. Approve and reject are for another
 * person whose own limit covers the amount. Every step is a ticket event, written with the ledger row in one
 * transaction. guard() is the limit check of the ticket paths (PATCH, status_change to resolved).
 */
class CompensationService final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::CompensationService)
public:
    CompensationService(CompensationStore &store, TicketService &tickets, const Clock &clock)
        : m_store(store)
        , m_tickets(tickets)
        , m_clock(clock)
    {}

    /// @brief The stored policy parsed, or the defaults at version 1 while none is stored.
    [[nodiscard]] static compensation::CompensationPolicy stored(CompensationStore &store);
    /// @brief The policy in force (parsed again only when its stored version changed).
    [[nodiscard]] const compensation::CompensationPolicy &policy();

    /// @brief What a request or decision answers: the HTTP status, the ledger row and the ticket after it.
    struct Outcome
    {
        int status = 200;
        CompensationRow row;
        Ticket ticket;
    };
    [[nodiscard]] Outcome request(const Actor &actor, const QString &ticketId, const QJsonObject &body);
    [[nodiscard]] Outcome approve(const Actor &actor, const QString &id, const QJsonObject &body);
    [[nodiscard]] Outcome reject(const Actor &actor, const QString &id, const QJsonObject &body);

    /// @brief Refuses (ApiError 403) a compensation above the actor's limit that no approval covers.
    void guard(const Actor &actor, const Ticket &before, const Ticket &after);

    /// @brief The approvals queue as @p actor may see it: agents their own requests, supervisors their
    /// team's, managers and admins all.
    [[nodiscard]] QJsonArray list(const Actor &actor, CompensationFilter filter);
    /// @brief Paid (tickets resolved with a compensation amount in [fromMs, toMs)) and pending totals by
    /// category, station and resolution.
    [[nodiscard]] QJsonObject summary(qint64 fromMs, qint64 toMs);
    /// @brief A ledger row as the API shows it (amounts in yuan).
    [[nodiscard]] QJsonObject rowJson(const CompensationRow &row, const Ticket *ticket);

    /// @brief "¥500.00 is above your approval limit of ¥200.00; …".
    [[nodiscard]] static ApiError overLimit(qint64 amountFen, qint64 limitFen, const QString &advice,
                                            const QString &field);

private:
    /// @brief The pending row @p id that @p actor may decide: 404, 403 (own request, another team), 409.
    [[nodiscard]] CompensationRow decidable(const Actor &actor, const QString &id);
    [[nodiscard]] QString stationOf(const QString &waybillNo);
    [[nodiscard]] QString userName(const QString &userId);

    CompensationStore &m_store;
    TicketService &m_tickets;
    const Clock &m_clock;
    qint64 m_loadedVersion = -1;
    compensation::CompensationPolicy m_policy;
    QHash<QString, QString> m_userNames;
};

} // namespace pd::server
