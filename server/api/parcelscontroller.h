#pragma once

#include "router.h"
#include "server/importer/trackingingest.h"
#include "server/storage/documentstore.h"

#include "models/domain/clock.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace pd::server {

/**
 * @brief /parcels/{waybill} and /parcels/{waybill}/tracking (every signed-in role); POST /tracking, the
 * bulk ingest of scans and parcel records from an operations system (admins).
 */
class ParcelsController final
{
public:
    /// @p parsing checks POST /tracking batches off the event loop (a bounded pool of its own).
    ParcelsController(DocumentStore &docs, Clock &clock, HashingQueue &parsing);
    void registerRoutes(Router &router);
    /**
     * @brief Told of each ingested batch after it committed and was answered: while the next batch is being
     * checked on the worker (the event loop would wait for it), or kObserveLaterMs after the answer when none
     * comes (docs/server.md, "Reading, checking and observing in turn").
     */
    void setObserver(TrackingObserver observer) { m_observer = std::move(observer); }
    static constexpr int kObserveLaterMs = 20;

private:
    HttpResponse ingest(RequestContext &c);
    /// @brief Tells the observer of the batches written since it was last told, in their order.
    void observeWritten();
    /// @brief observeWritten() on the next turn of the event loop.
    void observeNextTurn();

    DocumentStore &m_docs;
    Clock &m_clock;
    HashingQueue &m_parsing;
    TrackingObserver m_observer;
    QObject m_receiver; ///< the observer's calls, on the event loop, are this object's
    QList<std::shared_ptr<TrackingIngest>> m_written; ///< committed batches the observer was not told of
    QTimer m_observeLater;                            ///< when no next batch is checked meanwhile
};

} // namespace pd::server
