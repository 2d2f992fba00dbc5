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
/// @brief Puts @p parcel where its newest tracking event with a position says when the record's own position
/// is older than that scan or missing (the parcel was shown at its destination); a record position reported
/// later, or without a time, stays.
void placeAtNewestScan(geo::MapParcel &parcel, const QList<TrackingEvent> &events);
/// @brief The route line: tracking positions, then where the parcel is now, then its destination.
[[nodiscard]] QList<GeoPoint> routeOf(const QList<TrackingEvent> &events, const geo::MapParcel &parcel);
/// @brief "2026-11-30 14:05" in @p zone; an em dash when unset.
[[nodiscard]] QString formatInstant(OptInstant ms, const QTimeZone &zone);

} // namespace pd::map
