#pragma once

#include <QString>

namespace pd::server {

class DocumentStore;
class WriteTx;

/**
 * @brief Deletes parcels that nobody needs any more (docs/server.md, "Parcels at volume"): a parcel no live
 * ticket names (feed 0) whose record has not changed since the cut-off, with its scans, its share of the
 * volume aggregates' bookkeeping and its entry in the map's index. The volume aggregates keep their counts
 * (the KPIs of past weeks do not move); a parcel a ticket names stays with its tracking, whatever its age.
 *
 * A sweep walks the parcels in waybill order, one page per call, so a database of tens of millions is swept
 * in short steps between requests.
 */
class ParcelRetention final
{
public:
    /// Parcels looked at in one step.
    static constexpr int kPage = 2000;

    struct Step
    {
        int looked = 0;  ///< parcels of the page
        int deleted = 0; ///< of them deleted
        bool more = false;
    };

    explicit ParcelRetention(DocumentStore &docs)
        : m_docs(docs)
    {}

    /**
     * @brief One step of a sweep in @p tx (not committed here): the page after @p cursor (empty: from the
     * start); @p cursor moves to its last waybill. Throws StorageError.
     */
    Step step(WriteTx &tx, qint64 cutoffMs, QString *cursor);

private:
    DocumentStore &m_docs;
};

} // namespace pd::server
