#pragma once

#include "models/domain/entities.h"

#include <QJsonObject>
#include <QMap>
#include <QString>

#include <optional>

namespace pd {

/**
 * @brief An incident as the server serves it (docs/api.md, "Incidents"): many parcels with one cause — a
 * station or route, a family of exceptions, a time window — with the explanation agents and customers get.
 * Consoles receive every incident through the change feed and keep it in their cache.
 */
struct IncidentRecord
{
    QString id;
    QString cause;     ///< "<dimension>_<family>", e.g. "station_delay"
    QString dimension; ///< "station" or "route"
    QString key;       ///< the station id or the route's place
    QString place;     ///< the station's name or the route's place
    QString family;    ///< "delay", "damage", "loss" or "delivery"
    Instant windowStart = 0;
    Instant windowEnd = 0;
    int parcels = 0;
    QMap<QString, int> kinds; ///< exceptions per kind code
    OptInstant expectedRecoveryAt;
    QString state; ///< "open" or "resolved"
    /// A supervisor's words for agents and customers; empty: the console words the cause itself.
    QString explanation;
    qint64 version = 0;
    QJsonObject json; ///< the record as received

    [[nodiscard]] bool isOpen() const { return state == QLatin1StringView("open"); }
    /// @brief nullopt when @p o has no id or no window.
    [[nodiscard]] static std::optional<IncidentRecord> fromJson(const QJsonObject &o);
};

} // namespace pd
