#pragma once

#include "entities.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace pd {

/**
 * @brief Parcel volume counts of one company-time day, one station and one courier (docs/server.md, "Volume
 * aggregates"): what the parcel rates of the KPIs are divided by, without holding the parcels.
 *
 * The server keeps them (from its parcels and tracking events, and from volume reported as counts) and sends
 * them through the change feed as "parcel_volume" items. An empty courier id counts the station's parcels
 * that no listed courier delivered (pickup points, lockers, couriers the directory does not list).
 */
struct ParcelVolume
{
    QDate day;            ///< company-time day
    Instant dayStart = 0; ///< UTC ms of the day's company-time midnight
    Instant dayEnd = 0;   ///< UTC ms of the next midnight (23 or 25 hours later across a clock change)
    QString stationId;
    QString courierId;          ///< empty: not delivered by a listed courier
    qint64 pickedUp = 0;        ///< first picked_up scan on this day
    qint64 delivered = 0;       ///< delivered_at on this day
    qint64 deliveredOnTime = 0; ///< of those, delivered_at <= promised_at or no promise
    qint64 damaged = 0;         ///< first exception scan with reason "damaged" on this day
    qint64 lost = 0;            ///< first exception scan with reason "lost" on this day
    qint64 exceptions = 0;      ///< first exception scan (any reason) on this day
    qint64 version = 0;

    /// @brief The feed id: "<day>|<station>|<courier>".
    [[nodiscard]] QString id() const;
    [[nodiscard]] QJsonObject toJson() const;
    [[nodiscard]] static std::optional<ParcelVolume> fromJson(const QJsonObject &o,
                                                              JsonError *error = nullptr);
    friend bool operator==(const ParcelVolume &, const ParcelVolume &) = default;
};

} // namespace pd
