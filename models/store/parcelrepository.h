#pragma once

#include "models/domain/entities.h"

#include <QList>

namespace pd {

class Database;

/// @brief Parcels and their tracking events (the parcel's timeline and route) in the local cache.
class ParcelRepository final
{
public:
    explicit ParcelRepository(const Database &db);

    bool upsert(const QList<Parcel> &parcels, QString *error = nullptr);
    bool upsertTracking(const QList<TrackingEvent> &events, QString *error = nullptr);

    [[nodiscard]] std::optional<Parcel> byWaybill(const QString &waybillNo) const;
    /// @brief The tracking events of a parcel, oldest first.
    [[nodiscard]] QList<TrackingEvent> tracking(const QString &waybillNo) const;
    [[nodiscard]] int count() const;

private:
    const Database &m_db;
};

} // namespace pd
