#pragma once

#include "agentboard.h"
#include "agentstatusservice.h"
#include "assignmentservice.h"
#include "routingpolicysource.h"

#include "server/api/router.h"
#include "server/storage/documentstore.h"

#include <QCoreApplication>

#include <functional>

namespace pd::server {

/**
 * @brief The routing routes (docs/api.md, "Routing"): PUT /agents/me/status and POST /agents/me/next
 * (agents), GET /agents (agents: themselves; supervisors: their team; managers and admins: everyone),
 * GET and PUT /routing-policy (managers).
 */
class RoutingController final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::RoutingController)
public:
    struct Services
    {
        DocumentStore &docs;
        RoutingStore &store;
        RoutingPolicySource &policy;
        AgentStatusService &status;
        AssignmentService &assignment;
        AgentBoard &board;
        std::function<SlaPolicy()> slaPolicy;
        std::function<QJsonArray()> presence;
    };

    explicit RoutingController(Services services)
        : m_s(std::move(services))
    {}
    void registerRoutes(Router &router);

private:
    [[nodiscard]] HttpResponse putPolicy(RequestContext &c);
    [[nodiscard]] HttpResponse agents(RequestContext &c);
    [[nodiscard]] HttpResponse next(RequestContext &c);

    Services m_s;
};

} // namespace pd::server
