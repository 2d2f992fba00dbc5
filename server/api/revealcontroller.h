#pragma once

#include "router.h"
#include "server/storage/accesslog.h"
#include "ticketservice.h"

namespace pd::server {

/**
 * @brief POST /tickets/{id}/reveal — a customer's full phone, name or addresses, on purpose, logged.
 *
 * Agents of the ticket's team and supervisors may reveal (the people who contact customers); managers and
 * administrators take customer data out only through the logged export. Every reveal is an access log entry
 * (who, what, which ticket, when by the server clock, why, the customer's phone as a keyed hash). When one
 * user reveals more than the alert limit of distinct customers within an hour, the supervisors of their team
 * get a "reveal_alert" on the live feed (once an hour per user) and the log gets a reveal_alert entry.
 */
class RevealController final
{
public:
    static constexpr int kDefaultAlertPerHour = 60;
    static constexpr qint64 kAlertWindowMs = 3600 * 1000;

    RevealController(TicketService &tickets, AccessLog &log, int alertPerHour)
        : m_tickets(tickets)
        , m_log(log)
        , m_alertPerHour(alertPerHour)
    {}
    void registerRoutes(Router &router);

private:
    [[nodiscard]] HttpResponse reveal(RequestContext &c);
    /// @brief Logs and publishes the alert in @p tx when the user crossed the limit (once per window).
    void checkAlert(WriteTx &tx, const RequestContext &c);

    TicketService &m_tickets;
    AccessLog &m_log;
    int m_alertPerHour;
};

} // namespace pd::server
