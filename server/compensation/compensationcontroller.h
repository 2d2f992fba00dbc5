#pragma once

#include "compensationservice.h"

#include "server/api/router.h"
#include "server/storage/documentstore.h"

#include <QCoreApplication>

namespace pd::server {

/**
 * @brief The compensation routes (docs/api.md, "Compensation"): GET/PUT /compensation-policy, POST
 * /tickets/{id}/compensations, GET /compensations (the approvals queue), POST /compensations/{id}/approve and
 * /reject, GET /compensations/summary (the ledger).
 */
class CompensationController final
{
    Q_DECLARE_TR_FUNCTIONS(pd::server::CompensationController)
public:
    CompensationController(DocumentStore &docs, CompensationStore &store, CompensationService &service)
        : m_docs(docs)
        , m_store(store)
        , m_service(service)
    {}
    void registerRoutes(Router &router);

private:
    [[nodiscard]] HttpResponse putPolicy(RequestContext &c);
    [[nodiscard]] HttpResponse list(RequestContext &c);
    [[nodiscard]] HttpResponse outcome(RequestContext &c, const CompensationService::Outcome &o);

    DocumentStore &m_docs;
    CompensationStore &m_store;
    CompensationService &m_service;
};

} // namespace pd::server
