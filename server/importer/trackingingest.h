#pragma once

#include "server/storage/documentstore.h"

#include "models/domain/entities.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace pd::server {

/// @brief Told of parcels and tracking events after their transaction committed (the proactive service's
/// detection, docs/proactive.md "On the server").
using TrackingObserver = std::function<void(const QList<Parcel> &, const QList<TrackingEvent> &)>;

/// @brief What one ingest batch wrote.
struct IngestResult
{
    qsizetype events = 0;     ///< tracking events written
    qsizetype duplicates = 0; ///< events already stored (same id), or twice in the batch: skipped
    qsizetype parcelsCreated = 0;
    qsizetype parcelsUpdated = 0;
};

/**
 * @brief Tracking events (scans) and parcel records from an operations system, written in bulk
 * (docs/server.md, "Parcels at volume"; POST /tracking and `parceldesk-server import --tracking`).
 *
 * A batch is checked whole before anything is written: one bad item refuses the batch with the item's path
 * ("events[3].status") and a message. Parcel records create parcels or replace their static fields
 * (addresses, promise, station, courier, declared value); a scan newer than the parcel's latest moves its
 * status and position. An event id is the operations system's, or "tr-<waybill>-<at ms>-<status>" when it
 * sends none, so sending a batch again writes nothing twice. The volume aggregates follow in the same
 * transaction, and only parcels a live ticket names enter the change feed.
 */
class TrackingIngest final
{
    Q_DECLARE_TR_FUNCTIONS(TrackingIngest)

public:
    /// Items (parcels and events together) in one batch; the API's body limit allows about this many.
    static constexpr qsizetype kMaxItems = 5000;
    /// A scan may be at most this far ahead of the server's clock (clock skew of the sender).
    static constexpr qint64 kFutureSlackMs = 10 * 60 * 1000;

    TrackingIngest(DocumentStore &docs, qint64 nowMs)
        : m_docs(docs)
        , m_nowMs(nowMs)
    {}

    /// @brief Checks and keeps one parcel record; false with @p error (field under @p path) when invalid.
    bool addParcel(const QJsonObject &o, const QString &path, JsonError *error);
    /// @brief Checks and keeps one scan; false with @p error when invalid.
    bool addEvent(const QJsonObject &o, const QString &path, JsonError *error);
    /**
     * @brief Puts the scans in time order and builds their rows (JSON, masked copy): work that needs no
     * storage, so POST /tracking does it on a worker thread. write() calls it when it was not called.
     */
    void prepare();
    [[nodiscard]] qsizetype size() const { return m_parcels.size() + m_events.size(); }
    /// @brief The batch's parcel records and scans, as checked (for a TrackingObserver after the commit).
    [[nodiscard]] QList<Parcel> parcels() const { return m_parcels.values(); }
    [[nodiscard]] QList<TrackingEvent> events() const;

    /**
     * @brief Writes the batch in @p tx (not committed here). False with @p error, and nothing written, when a
     * scan names a waybill that is neither stored nor in the batch. Throws StorageError.
     */
    bool write(WriteTx &tx, IngestResult *result, JsonError *error);

private:
    struct Incoming
    {
        TrackingEvent event;
        QString path;
    };
    /// @brief What write() works on, step by step.
    struct Batch
    {
        QStringList waybills;            ///< every waybill the batch names
        QHash<QString, Parcel> parcels;  ///< stored (live) ones, then the batch's records over them
        QHash<QString, qint64> versions; ///< stored versions
        QSet<QString> recorded;          ///< waybills with a parcel record in the batch
        QHash<QString, QList<TrackingEvent>> scans; ///< new scans by waybill, in time order
        QSet<QString> referenced;                   ///< the waybills a live ticket names
        QList<Doc> parcelDocs;
        QHash<QString, ParcelShare> sharesBefore;
        QHash<QString, std::optional<ParcelShare>> shares;
    };
    /// @brief The stored parcels the batch names, with the batch's parcel records applied.
    void loadParcels(Batch &b, IngestResult *result);
    /**
     * @brief Writes the scans not stored yet (once each) and keeps them by waybill for moveParcels(); false,
     * and nothing written, when one names an unknown parcel.
     */
    bool collectScans(WriteTx &tx, Batch &b, IngestResult *result, JsonError *error);
    /// @brief Moves each parcel by its scans; its record and volume share when it changed.
    void moveParcels(Batch &b);
    /// @brief Applies the batch's scans to @p parcel (newest scan wins); true when it changed.
    static bool applyScans(Parcel &parcel, const QList<TrackingEvent> &scans);

    DocumentStore &m_docs;
    qint64 m_nowMs = 0;
    QHash<QString, Parcel> m_parcels; ///< by waybill; a later record of the same waybill replaces it
    QList<Incoming> m_events;
    QList<Doc> m_scanRows; ///< prepare(): each scan id's first event in time order, as a row
    bool m_prepared = false;
};

} // namespace pd::server
