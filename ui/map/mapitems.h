#pragma once

#include "mapview.h"
#include "models/geo/mapqueries.h"

#include <QTimeZone>

namespace pd::map {

/// @brief The glyph of a parcel: exception, late, then its status (delivered, out for delivery, at station).
[[nodiscard]] Glyph glyphFor(const geo::MapParcel &parcel, Instant nowMs);
/// @brief A parcel as a marker, with its tooltip (times in @p zone).
[[nodiscard]] MapItem parcelItem(const geo::MapParcel &parcel, Instant nowMs, const QTimeZone &zone);
[[nodiscard]] MapItem courierItem(const Courier &courier, const QTimeZone &zone);
[[nodiscard]] MapItem stationItem(const Station &station);
/// @brief The tracking events with a position as markers (oldest first).
[[nodiscard]] QList<MapItem> trackItems(const QList<TrackingEvent> &events, const QTimeZone &zone);
/// @brief The route line: tracking positions, then where the parcel is now, then its destination.
[[nodiscard]] QList<GeoPoint> routeOf(const QList<TrackingEvent> &events, const geo::MapParcel &parcel);
/// @brief "2026-11-30 14:05" in @p zone; an em dash when unset.
[[nodiscard]] QString formatInstant(OptInstant ms, const QTimeZone &zone);

} // namespace pd::map
