#pragma once

#include "models/domain/entities.h"

#include <QList>
#include <QRectF>

/**
 * @file
 * @brief Quadkeys: a point's Web Mercator tile at zoom 20 as one integer whose bits interleave the tile's
 * column and row (Morton order), so every tile at a lower zoom is one contiguous range of keys. The server
 * indexes parcels by it (parcel_geo.qk) and keeps counts per zoom-15 cell (the key shifted right by 10): a
 * viewport becomes a few key ranges an ordinary B-tree index answers (docs/server.md, "The map's parcels").
 */

namespace pd::geo {

inline constexpr int kQuadkeyZoom = 20;
/// Zoom of the server's cluster cells (about 1.2 km at 30° N).
inline constexpr int kCellZoom = 15;

/// @brief The zoom-20 quadkey of a WGS-84 point.
[[nodiscard]] quint64 quadkeyOf(const GeoPoint &p);
/// @brief The zoom-@p z cell of a zoom-20 quadkey (z ≤ 20).
[[nodiscard]] constexpr quint64 quadkeyAt(quint64 qk, int z)
{
    return qk >> (2 * (kQuadkeyZoom - z));
}
/// @brief The world position (unit square) of the centre of a zoom-@p z quadkey cell.
[[nodiscard]] QPointF quadkeyCentre(quint64 key, int z);

/// @brief An inclusive range of keys at one zoom.
struct KeyRange
{
    quint64 first = 0;
    quint64 last = 0;
    friend bool operator==(const KeyRange &, const KeyRange &) = default;
};

/**
 * @brief The key ranges at zoom @p z that cover @p world (unit-square rectangle): the tiles of the deepest
 * zoom at which at most @p maxTiles cover it, each one range, sorted and merged. A few ranges may reach past
 * the rectangle (up to one such tile on each side): callers filter the rows.
 */
[[nodiscard]] QList<KeyRange> coveringRanges(const QRectF &world, int z, int maxTiles = 36);

} // namespace pd::geo
