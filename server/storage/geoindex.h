#pragma once

#include "models/domain/entities.h"
#include "models/geo/quadkey.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace pd::server {

class Database;
struct Doc;

/// @brief A parcel as the map index holds it: under way (not delivered or returned) and with a point.
struct GeoEntry
{
    QString waybillNo;
    quint64 qk = 0; ///< zoom-20 quadkey of the point
    GeoPoint point; ///< last reported position, else the destination
    bool atDestination = false;
    QString status;
    QString stationId;
    QString courierId;
    qint64 promisedMs = 0; ///< 0: no promise
    friend bool operator==(const GeoEntry &, const GeoEntry &) = default;
};

/// @brief An entry as a viewport query reads it: the texts as UTF-8 bytes, valid during the callback.
struct GeoRow
{
    QByteArrayView waybillNo;
    GeoPoint point;
    bool atDestination = false;
    QByteArrayView status;
    QByteArrayView stationId;
    QByteArrayView courierId;
    qint64 promisedMs = 0;
};

/// @brief A group of index entries: how many, and their mean point.
struct GeoCount
{
    quint64 cell = 0; ///< the group's key (a zoom-15 cell, or the caller's own grouping)
    qint64 count = 0;
    double sumLat = 0;
    double sumLng = 0;
    [[nodiscard]] GeoPoint centre() const { return {sumLat / double(count), sumLng / double(count)}; }
};

/// @brief What a viewport query reads: key ranges (geo::coveringRanges) and the filters.
struct GeoFilter
{
    QList<geo::KeyRange> ranges; ///< zoom-20 quadkey ranges
    QString stationId;           ///< empty: every station
    qint64 lateAtMs = 0;         ///< > 0: only parcels whose promise is before this time
    /// forEachEntry: only the points in this box (degrees, borders included), so that its limit counts
    /// parcels in view, not those of the ranges' tiles around it.
    double west = -180, south = -90, east = 180, north = 90;
};

/**
 * @brief The map's index of parcels under way on the server (docs/server.md, "The map's parcels"): one row
 * per parcel with a point in parcel_geo (keyed and indexed by quadkey) and counts per zoom-15 cell and
 * station in parcel_cells, kept in the writer's transaction by DocumentStore whenever a parcel is written.
 * Delivered and returned parcels leave it, so it holds today's parcels however long the retention window.
 */
class GeoIndex final
{
public:
    explicit GeoIndex(Database &db)
        : m_db(db)
    {}

    /// @brief The index entry of a parcel record (nullopt: deleted, delivered, returned or without a point).
    [[nodiscard]] static std::optional<GeoEntry> entryOf(const Doc &parcel);
    /// @brief Brings the index up to date with these parcel records (in the caller's write transaction).
    void parcelsChanged(const QList<const Doc *> &parcels);
    /// @brief Builds the index again from every stored parcel (schema version 7; `check` tools).
    void rebuild();

    /// @brief Counts per zoom-15 cell in the ranges (from parcel_cells, or from the rows when filtering
    /// late).
    [[nodiscard]] QList<GeoCount> cells(const GeoFilter &filter);
    /**
     * @brief Calls @p row for the entries in the ranges, at most @p limit, in no particular order (ORDER BY
     * would let PostgreSQL walk the whole index in key order instead of scanning the ranges); returns how
     * many. On PostgreSQL the ranges are two arrays joined to the index and the rows read with libpq, as
     * they arrive (a street view lists thousands).
     */
    int forEachEntry(const GeoFilter &filter, int limit, const std::function<void(const GeoRow &)> &row);
    /// @brief Entries in the whole index (tests, the `check` tool).
    [[nodiscard]] qint64 size();

private:
    [[nodiscard]] QHash<QString, GeoEntry> stored(const QStringList &waybills);
    void writeEntries(const QList<GeoEntry> &entries);
    void removeEntries(const QStringList &waybills);
    void addToCells(const QHash<QPair<quint64, QString>, GeoCount> &deltas);

    Database &m_db;
};

} // namespace pd::server
