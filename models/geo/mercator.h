#pragma once

#include "models/domain/entities.h"

#include <QPointF>
#include <QRectF>
#include <QString>

/**
 * @file
 * @brief Web Mercator (EPSG:3857) and the tile maths of XYZ and TMS tile sets.
 *
 * "World" coordinates are the unit square: x from 0 (180° W) to 1 (180° E), y from 0 (85.0511° N) to 1
 * (85.0511° S), so a point's pixel position at zoom z with 256-pixel tiles is world × 256 × 2^z. Zoom may be
 * fractional.
 */

namespace pd::geo {

inline constexpr double kMaxLatitude = 85.05112878;
inline constexpr double kEarthRadiusM = 6378137.0;
inline constexpr int kTileSize = 256;
inline constexpr int kMaxZoom = 19;

/// @brief The unit-square world coordinates of a WGS-84 (or GCJ-02) point; latitude clamped to ±85.0511°.
[[nodiscard]] QPointF project(const GeoPoint &p);
/// @brief The point at world coordinates (x wrapped into [0, 1), y clamped).
[[nodiscard]] GeoPoint unproject(QPointF world);
/// @brief World size in pixels at @p zoom (256 × 2^zoom).
[[nodiscard]] double worldPixels(double zoom);
/// @brief Metres on the ground per pixel at @p lat and @p zoom.
[[nodiscard]] double metresPerPixel(double lat, double zoom);
/// @brief Great-circle distance in metres (haversine on the WGS-84 equatorial radius).
[[nodiscard]] double distanceMetres(const GeoPoint &a, const GeoPoint &b);

/// @brief One tile of an XYZ pyramid (row 0 at the north).
struct TileId
{
    int z = 0;
    int x = 0;
    int y = 0;
    friend bool operator==(const TileId &, const TileId &) = default;
    /// @brief A key unique among tiles up to zoom 24.
    [[nodiscard]] quint64 key() const
    {
        return (quint64(z) << 58) | (quint64(quint32(x)) << 29) | quint64(quint32(y));
    }
    [[nodiscard]] bool isValid() const { return z >= 0 && x >= 0 && y >= 0 && x < (1 << z) && y < (1 << z); }
    /// @brief The tile one level up that contains this one (itself at zoom 0).
    [[nodiscard]] TileId parent() const { return z == 0 ? *this : TileId{z - 1, x / 2, y / 2}; }
};

/// @brief The XYZ tile containing @p p at integer zoom @p z.
[[nodiscard]] TileId tileAt(const GeoPoint &p, int z);
/// @brief The TMS row of an XYZ row (and back: the flip is its own inverse): 2^z − 1 − y.
[[nodiscard]] constexpr int flipRow(int z, int y)
{
    return (1 << z) - 1 - y;
}
/// @brief The world rectangle of a tile.
[[nodiscard]] QRectF tileWorldRect(const TileId &t);
/// @brief The north-west corner of a tile as a geographic point.
[[nodiscard]] GeoPoint tileNorthWest(const TileId &t);
/**
 * @brief Fills an XYZ URL template: {z}, {x}, {y}, {-y} (TMS row) and {s} (a subdomain from @p subdomains
 * chosen by the tile, so one tile always goes to the same host).
 */
[[nodiscard]] QString tileUrl(const QString &urlTemplate, const TileId &t, const QString &subdomains = {});

} // namespace pd::geo
