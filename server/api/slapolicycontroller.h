#pragma once

#include "router.h"
#include "server/sla/slaservice.h"

namespace pd::server {

/// @brief GET /sla/policy (everyone signed in), PUT /sla/policy (manager, admin).
class SlaPolicyController final
{
public:
    SlaPolicyController(DocumentStore &docs, SlaService &sla)
        : m_docs(docs)
        , m_sla(sla)
    {}
    void registerRoutes(Router &router);

private:
    DocumentStore &m_docs;
    SlaService &m_sla;
};

} // namespace pd::server
