#pragma once

#include "server/storage/volumestore.h"

#include "models/domain/entities.h"

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <random>
#include <vector>

namespace pd::server {
class Database;
class ScanStore;
class WriteTx;
} // namespace pd::server

namespace pd::bench {

/// @brief A case the stream plants: the bench expects exactly this one (waybill, kind) in proactive_cases.
struct PlantedCase
{
    QString waybill;
    QString kind;     ///< exceptionKindCode(): damage_scan, failed_delivery, stalled
    qint64 dueMs = 0; ///< stalls: when the stall is due (last scan + stall hours); 0 for scan kinds
};

/// @brief What share of the stream's events plant a case (the rest are ordinary next scans).
struct StreamMix
{
    double damage = 0.005; ///< exception scans with reason "damaged" → damage_scan
    double failed = 0.005; ///< exception scans with reason "absent" → failed_delivery
    double stall =
        0.0025; ///< a late at_station scan of a parcel of the stall pool whose stall falls due soon
};

/**
 * @brief The parcels in flight of the end-to-end bench (bench_detection_e2e), and their next scans.
 *
 * Parcels travel picked_up → in_transit (origin sorting centre) → in_transit (杭州转运中心) → at_station →
 * out_for_delivery → delivered over 20 stations; each starts somewhere along that chain with its scans so far
 * (1–5, about 3 on average), its current scan within the last 5 hours (under every stall limit) and a
 * promise its ETA keeps by 1–24 hours (1 % already broken: the cases found at start). The first poolSize()
 * parcels are the stall pool: their last scan is an in_transit scan 20 hours old, and the stream sends one of
 * them an at_station scan 12 hours (the at_station stall limit) minus a few seconds old, so its stall falls
 * due a few seconds after it was sent: the timer path of detection.
 */
class E2eFleet final
{
public:
    E2eFleet(int parcels, int poolSize, quint32 seed);

    [[nodiscard]] int size() const { return int(m_status.size()); }
    [[nodiscard]] int poolSize() const { return m_pool; }
    [[nodiscard]] static QString waybill(int i);

    /**
     * @brief Writes every parcel with its scans into the server's database @p dbUrl (already migrated, e.g.
     * by `user add`): the rows POST /tracking would write (parcel records with their masked copies, scans,
     * the map's index and cell counts, the volume shares and totals), computed by the server's own code
     * (CustomerData::derive, GeoIndex::entryOf, VolumeStore::mergedShare and addMany) and inserted with one
     * prepared statement per table, in transactions of 50,000 parcels. Prints progress; returns the parcels
     * written.
     */
    qint64 populate(const QString &dbUrl, qint64 nowMs);

    /// @brief Brings the fleet to the state populate(@p nowMs) left it in, without writing (a kept database).
    void replay(qint64 nowMs);

    /// @brief The next event of the stream at @p nowMs; @p planted gets the case it plants (kind empty:
    /// none). Each parcel gets at most one event until every parcel had one.
    [[nodiscard]] TrackingEvent next(qint64 nowMs, const StreamMix &mix, PlantedCase *planted);

private:
    enum Stage : quint8
    {
        PickedUp,
        OriginHub,
        CityHub,
        AtStation,
        OutForDelivery,
        Delivered,
        Excepted
    };
    [[nodiscard]] QList<TrackingEvent> history(int i, qint64 nowMs, Parcel *parcel);
    void writeParcel(server::Database &db, server::WriteTx &tx, server::ScanStore &scans, int i, qint64 nowMs,
                     const QTimeZone &zone, QHash<server::VolumeKey, server::VolumeCounts> &volume);
    static void finishIndexes(server::Database &db, server::WriteTx &tx,
                              const QHash<server::VolumeKey, server::VolumeCounts> &volume, qint64 nowMs);
    [[nodiscard]] TrackingEvent scanAt(int i, Stage stage, qint64 at, int n) const;
    [[nodiscard]] qint64 promiseFor(const Parcel &p, int transits, qint64 nowMs);
    [[nodiscard]] int nextParcel();
    [[nodiscard]] GeoPoint placePoint(int i, Stage stage) const;

    int m_pool = 0;
    std::vector<quint8> m_status; ///< Stage
    std::vector<quint8> m_scans;  ///< scans written so far (the next event id)
    std::vector<bool> m_excepted; ///< had an exception scan of the stream: never planted twice
    std::vector<int> m_order;     ///< the stream's order of parcels (a permutation)
    std::size_t m_cursor = 0;
    int m_poolCursor = 0;
    std::mt19937 m_rng;
    QStringList m_stations;
    QStringList m_hubs;
};

} // namespace pd::bench
