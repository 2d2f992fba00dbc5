#pragma once

#include "models/domain/entities.h"

/**
 * @file
 * @brief WGS-84 ⇄ GCJ-02, the datum Chinese map providers publish their tiles in.
 *
 * GCJ-02 is WGS-84 plus a published, deterministic offset of 40–700 m inside China (nothing outside it). The
 * forward conversion is the closed formula; the inverse has none, so it is iterated until the forward image
 * of the estimate is within 1 cm of the input (a few iterations; sub-metre is guaranteed).
 */

namespace pd::geo {

enum class Datum
{
    Wgs84,
    Gcj02
};

/// @brief Whether @p p lies outside the rectangle where the GCJ-02 offset applies.
[[nodiscard]] bool outsideChina(const GeoPoint &p);
[[nodiscard]] GeoPoint wgs84ToGcj02(const GeoPoint &p);
/// @brief The inverse of wgs84ToGcj02(), iterated; @p iterations (if given) receives how many it took.
[[nodiscard]] GeoPoint gcj02ToWgs84(const GeoPoint &p, int *iterations = nullptr);
/// @brief A WGS-84 point as shown on a map in @p datum.
[[nodiscard]] inline GeoPoint toDatum(const GeoPoint &wgs, Datum datum)
{
    return datum == Datum::Gcj02 ? wgs84ToGcj02(wgs) : wgs;
}
/// @brief A point of a map in @p datum back in WGS-84.
[[nodiscard]] inline GeoPoint fromDatum(const GeoPoint &p, Datum datum)
{
    return datum == Datum::Gcj02 ? gcj02ToWgs84(p) : p;
}

} // namespace pd::geo
