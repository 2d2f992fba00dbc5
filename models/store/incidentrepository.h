#pragma once

#include "models/proactive/incidentrecord.h"

#include <QList>

namespace pd {

class Database;

/// @brief The incidents of the proactive service in the cache (schema 13), as the change feed brings them.
class IncidentRepository final
{
public:
    explicit IncidentRepository(const Database &db)
        : m_db(db)
    {}

    /// @brief Stores incidents; an older version never replaces a newer one.
    bool upsert(const QList<IncidentRecord> &incidents, QString *error = nullptr);
    [[nodiscard]] std::optional<IncidentRecord> byId(const QString &id) const;
    /// @brief Incidents in @p state ("open", "resolved"; empty = all), newest window first.
    [[nodiscard]] QList<IncidentRecord> list(const QString &state, int limit = 500) const;

private:
    const Database &m_db;
};

} // namespace pd
