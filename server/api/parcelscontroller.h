#pragma once

#include "router.h"
#include "server/importer/trackingingest.h"
#include "server/storage/documentstore.h"

#include "models/domain/clock.h"

#include <QObject>

namespace pd::server {

/**
 * @brief /parcels/{waybill} and /parcels/{waybill}/tracking (every signed-in role); POST /tracking, the
 * bulk ingest of scans and parcel records from an operations system (admins).
 */
class ParcelsController final
{
public:
    /// @p parsing checks POST /tracking batches off the event loop (a bounded pool of its own).
    ParcelsController(DocumentStore &docs, Clock &clock, HashingQueue &parsing)
        : m_docs(docs)
        , m_clock(clock)
        , m_parsing(parsing)
    {}
    void registerRoutes(Router &router);
    /// @brief Told of each ingested batch after it committed, on a later turn of the event loop than the
    /// answer: the event loop may first read the sender's next batch, which is then checked meanwhile.
    void setObserver(TrackingObserver observer) { m_observer = std::move(observer); }

private:
    HttpResponse ingest(RequestContext &c);

    DocumentStore &m_docs;
    Clock &m_clock;
    HashingQueue &m_parsing;
    TrackingObserver m_observer;
    QObject m_receiver; ///< the observer's calls, on the event loop, are this object's
};

} // namespace pd::server
