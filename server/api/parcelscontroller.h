#pragma once

#include "router.h"
#include "server/storage/documentstore.h"

#include "models/domain/clock.h"

namespace pd::server {

/**
 * @brief /parcels/{waybill} and /parcels/{waybill}/tracking (every signed-in role); POST /tracking, the
 * bulk ingest of scans and parcel records from an operations system (admins).
 */
class ParcelsController final
{
public:
    ParcelsController(DocumentStore &docs, Clock &clock)
        : m_docs(docs)
        , m_clock(clock)
    {}
    void registerRoutes(Router &router);

private:
    HttpResponse ingest(RequestContext &c);

    DocumentStore &m_docs;
    Clock &m_clock;
};

} // namespace pd::server
