#pragma once

#include "router.h"
#include "server/storage/documentstore.h"

namespace pd::server {

/// @brief /parcels/{waybill} and /parcels/{waybill}/tracking (every signed-in role).
class ParcelsController final
{
public:
    explicit ParcelsController(DocumentStore &docs)
        : m_docs(docs)
    {}
    void registerRoutes(Router &router);

private:
    DocumentStore &m_docs;
};

} // namespace pd::server
