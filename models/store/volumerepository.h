#pragma once

#include "models/domain/volume.h"

#include <QList>

namespace pd {

class Database;

/// @brief The parcel volume aggregates in the local cache (table parcel_volume, docs/architecture.md).
class VolumeRepository final
{
public:
    explicit VolumeRepository(const Database &db);

    /// @brief Writes rows as the server sent them; an older version never replaces a newer one.
    bool upsert(const QList<ParcelVolume> &rows, QString *error = nullptr);
    /// @brief Every row whose day starts in [from, to), by day, station and courier.
    [[nodiscard]] QList<ParcelVolume> between(qint64 from, qint64 to) const;

private:
    const Database &m_db;
};

} // namespace pd
