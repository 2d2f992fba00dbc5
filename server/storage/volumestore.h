#pragma once

#include "models/domain/volume.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace pd::server {

class Database;
class DocumentStore;
class WriteTx;

/// @brief One aggregate row: a company-time day, a station and a courier (empty: no listed courier).
struct VolumeKey
{
    QDate day;
    QString stationId;
    QString courierId;
    friend bool operator==(const VolumeKey &, const VolumeKey &) = default;
};
size_t qHash(const VolumeKey &key, size_t seed = 0);

/// @brief The six counts of an aggregate row (or a change to them).
struct VolumeCounts
{
    qint64 pickedUp = 0;
    qint64 delivered = 0;
    qint64 deliveredOnTime = 0;
    qint64 damaged = 0;
    qint64 lost = 0;
    qint64 exceptions = 0;
    [[nodiscard]] bool isZero() const
    {
        return !pickedUp && !delivered && !deliveredOnTime && !damaged && !lost && !exceptions;
    }
};

/// @brief What one parcel adds to the aggregates: the day of each count (invalid: not counted).
struct ParcelShare
{
    QString stationId;
    QString courierId;
    QDate picked;
    QDate delivered;
    bool onTime = false;
    QDate exception;
    QDate damaged;
    QDate lost;
    friend bool operator==(const ParcelShare &, const ParcelShare &) = default;
};

/**
 * @brief The volume aggregates (docs/server.md, "Volume aggregates"): parcels picked up, delivered, delivered
 * on time, damaged, lost and with exceptions per company-time day, station and courier.
 *
 * Totals are kept in the table parcel_volume and mirrored as "parcel_volume" records of the change feed, one
 * per row, written again whenever the row changes. A parcel's share is kept in volume_parcels: when a parcel
 * or one of its picked_up/exception scans is written, its share is computed again from the stored records and
 * only the difference is applied, so writing the same parcel twice, in any order, counts it once. Volume
 * known only as counts (the demo's city volume, an operations system's daily figures) is added with add().
 */
class VolumeStore final
{
public:
    VolumeStore(Database &db, DocumentStore &docs)
        : m_db(db)
        , m_docs(docs)
    {}

    /// @brief The company time zone of the days (meta "volume_time_zone", Asia/Shanghai by default).
    [[nodiscard]] const QTimeZone &zone();
    /// @brief Applies the change of one parcel's share after its parcel or tracking records were written.
    void parcelChanged(WriteTx &tx, const QString &waybill, qint64 updatedMs);
    /// @brief The stored shares of these parcels (those counted in nothing are left out).
    [[nodiscard]] QHash<QString, ParcelShare> storedShares(const QStringList &waybills);
    /**
     * @brief Bulk ingest: replaces the stored shares of the parcels in @p after (nullopt: counted in
     * nothing) and applies the difference to @p before to the aggregates, one write per changed row.
     */
    void applyShares(WriteTx &tx, const QHash<QString, ParcelShare> &before,
                     const QHash<QString, std::optional<ParcelShare>> &after, qint64 updatedMs);
    /**
     * @brief A parcel's share after new scans: @p stored (what its earlier scans counted) with the first
     * picked_up and exception scans among @p scans where they are earlier, delivery from @p parcel.
     */
    [[nodiscard]] static std::optional<ParcelShare> mergedShare(const std::optional<ParcelShare> &stored,
                                                                const Parcel &parcel,
                                                                const QList<TrackingEvent> &scans,
                                                                const QTimeZone &zone);
    /// @brief Adds counts to many rows in few statements, and writes their records of the feed.
    void addMany(WriteTx &tx, const QHash<VolumeKey, VolumeCounts> &delta, qint64 updatedMs);
    /// @brief Adds counts to one row (volume reported without parcel records).
    void add(WriteTx &tx, const VolumeKey &key, const VolumeCounts &counts, qint64 updatedMs);
    /// @brief The stored totals of one row (zero when there is none).
    [[nodiscard]] VolumeCounts totals(const VolumeKey &key);
    /// @brief Computes the share of every stored parcel once (databases that held parcels before the
    /// aggregates existed); marked in meta "volume_backfilled". Returns how many parcels were read.
    int backfillIfNeeded(qint64 nowMs);

    /// @brief A parcel's share as the aggregates count it, from its record and its tracking events.
    [[nodiscard]] static ParcelShare shareOf(const Parcel &parcel, const QList<TrackingEvent> &tracking,
                                             const QTimeZone &zone);

private:
    [[nodiscard]] std::optional<ParcelShare> storedShare(const QString &waybill);
    [[nodiscard]] std::optional<ParcelShare> currentShare(const QString &waybill);
    void storeShare(const QString &waybill, const std::optional<ParcelShare> &share);
    void writeDoc(WriteTx &tx, const VolumeKey &key, qint64 updatedMs);

    Database &m_db;
    DocumentStore &m_docs;
    std::optional<QTimeZone> m_zone;
};

} // namespace pd::server
