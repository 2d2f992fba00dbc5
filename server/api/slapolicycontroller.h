#pragma once

#include "router.h"
#include "server/sla/slaservice.h"

namespace pd::server {

/// @brief GET /sla/policy (everyone signed in), PUT /sla/policy (manager, admin).
class SlaPolicyController final
{
public:
    explicit SlaPolicyController(DocumentStore &docs)
        : m_docs(docs)
    {}
    void registerRoutes(Router &router);

private:
    DocumentStore &m_docs;
};

} // namespace pd::server
