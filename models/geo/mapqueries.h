#pragma once

#include "models/domain/entities.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace pd {

class Database;

namespace geo {

/// @brief What the map needs of a parcel: where it is best known, its state and its open complaints.
struct MapParcel
{
    QString waybillNo;
    ParcelStatus status = ParcelStatus::Created;
    GeoPoint point;             ///< last reported position, else the destination (WGS-84)
    bool atDestination = false; ///< point is the destination (no position reported yet)
    OptInstant pointAt;         ///< when the parcel record's position was reported
    std::optional<GeoPoint> destination;
    OptInstant promisedAt;
    OptInstant deliveredAt;
    QString courierId;
    QString stationId;
    int openTickets = 0;

    /// @brief Past its promised time and not delivered by then (at @p nowMs).
    [[nodiscard]] bool isLate(Instant nowMs) const
    {
        if (!promisedAt)
            return false;
        return deliveredAt ? *deliveredAt > *promisedAt : nowMs > *promisedAt;
    }
};

/// @brief A ticket as the parcel card lists it.
struct MapTicket
{
    QString id;
    QString number;
    TicketStatus status = TicketStatus::New;
    Category category = Category::Other;
    Instant createdAt = 0;
};

/**
 * @brief The map's read queries on the local cache, beside the repositories (bound SQL, read only).
 *
 * ParcelRepository reads one parcel by waybill; the map needs all parcels still under way (or with an open
 * complaint) with a point to show, in one statement, plus the open-ticket counts.
 */
class MapQueries final
{
public:
    explicit MapQueries(const Database &db);

    /// @brief Parcels not delivered or returned, and any parcel with an open ticket, that have a point.
    [[nodiscard]] QList<MapParcel> parcels() const;
    /// @brief One parcel as the map shows it (nullopt when unknown or without a point).
    [[nodiscard]] std::optional<MapParcel> parcel(const QString &waybillNo) const;
    /// @brief The tickets about a parcel, newest first.
    [[nodiscard]] QList<MapTicket> ticketsOf(const QString &waybillNo) const;
    /// @brief The waybill a ticket is about (by ticket id or number); empty when unknown.
    [[nodiscard]] QString waybillOfTicket(const QString &ticketIdOrNumber) const;
    /// @brief Current positions of the given couriers (those with one).
    [[nodiscard]] QHash<QString, CourierPosition> courierPositions(const QStringList &courierIds) const;

private:
    const Database &m_db;
};

/// @brief A rough ETA: delivered time, else now + distance from @p courier to the destination at 15 km/h
/// plus 5 minutes a stop; nullopt when neither is known.
[[nodiscard]] OptInstant estimateEta(const MapParcel &parcel, const std::optional<GeoPoint> &courier,
                                     Instant nowMs);

} // namespace geo
} // namespace pd
