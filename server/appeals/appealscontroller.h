#pragma once

#include "appealservice.h"

#include "server/api/router.h"

namespace pd::server {

/**
 * @brief The appeal routes (docs/api.md, "Appeals"): POST /appeals (one or {"appeals": [...]}),
 * POST /tickets/{id}/appeal/answer, POST /tickets/{id}/appeal/rejection, GET and PUT /appeals/settings.
 */
class AppealsController final
{
public:
    explicit AppealsController(AppealService &service)
        : m_service(service)
    {}
    void registerRoutes(Router &router);

private:
    HttpResponse importAppeals(RequestContext &c);

    AppealService &m_service;
};

} // namespace pd::server
