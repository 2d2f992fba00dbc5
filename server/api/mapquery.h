#pragma once

#include "router.h"

namespace pd::server {

class GeoIndex;

/// Below this zoom the map gets clusters (counts per screen cell); from it on, the parcels themselves.
inline constexpr int kMapDetailZoom = 14;
/// The most parcels one detail answer lists ("truncated": true beyond).
inline constexpr int kMapDetailLimit = 5000;

/**
 * @brief GET /api/v1/map/parcels?bbox=<west>,<south>,<east>,<north>&zoom=<z>[&station=<id>][&late=1] (every
 * signed-in role; docs/api.md): the parcels under way in a viewport — below kMapDetailZoom as clusters about
 * 60 pixels apart (count and mean point, from the per-cell counts), from it on each parcel (waybill, point,
 * status, station, courier, promise). No customer data is in either.
 */
[[nodiscard]] HttpResponse mapParcels(const RequestContext &c, GeoIndex &index, qint64 nowMs);

} // namespace pd::server
