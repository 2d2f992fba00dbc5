#pragma once

#include "router.h"
#include "ticketservice.h"

namespace pd::server {

/// @brief /tickets, /tickets/{id}, /tickets/{id}/events.
class TicketsController final
{
public:
    explicit TicketsController(TicketService &service)
        : m_service(service)
    {}
    void registerRoutes(Router &router);

private:
    TicketService &m_service;
};

} // namespace pd::server
