#pragma once

#include "models/domain/entities.h"
#include "models/proactive/trendalerts.h"

#include <QJsonObject>

#include <optional>

/**
 * @file
 * @brief What the server and the console share about trend alerts (docs/proactive.md, "Trend alerts"): how a
 * complaint falls into series, and the alert record of the change feed (type "trend_alert").
 */

namespace pd {

/// @brief The route key of a parcel: "<origin city>→<destination city>", e.g. "武汉→杭州" (the city is the
/// address up to "市", or its place before "发货仓"/"仓"); empty without an origin address.
[[nodiscard]] QString routeKeyOf(const Parcel &parcel);

/// @brief The complaint @p ticket in the trend series: its category, and with its parcel (when known) the
/// parcel's station, courier and route.
[[nodiscard]] TrendComplaint trendComplaintOf(const Ticket &ticket, const Parcel *parcel);

/// @brief The key of @p complaint in @p dimension ("station", "courier", "route", "category").
[[nodiscard]] QString trendKeyOf(const TrendComplaint &complaint, const QString &dimension);

/// @brief The alert as the change feed carries it: the alert's fields, "state" ("open" or "closed") and
/// "version".
[[nodiscard]] QJsonObject trendAlertToJson(const TrendAlert &alert, qint64 version);
/// @brief nullopt without an id, dimension or window.
[[nodiscard]] std::optional<TrendAlert> trendAlertFromJson(const QJsonObject &o);

} // namespace pd
