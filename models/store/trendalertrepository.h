#pragma once

#include "models/proactive/trendalerts.h"
#include "models/store/ticketrepository.h"

#include <QJsonObject>
#include <QList>

namespace pd {

class Database;

/**
 * @brief The trend alerts of the server (docs/proactive.md, "Trend alerts") in the cache (schema 14), as the
 * change feed brings them, and the complaints behind each.
 */
class TrendAlertRepository final
{
public:
    explicit TrendAlertRepository(const Database &db)
        : m_db(db)
    {}

    /// @brief Stores alert records (trendAlertToJson's shape); an older version never replaces a newer one;
    /// unreadable records are skipped.
    bool upsert(const QList<QJsonObject> &records, QString *error = nullptr);
    [[nodiscard]] std::optional<TrendAlert> byId(const QString &id) const;
    /// @brief The open alerts: "alert" before "warning", then the highest ratio first.
    [[nodiscard]] QList<TrendAlert> open() const;

    /**
     * @brief The complaints behind @p alert in the cache: tickets created in its window whose key in its
     * dimension (trendComplaintOf, with their parcel) is the alert's, newest first. A console holds the
     * tickets it may read, so a team's agent may see fewer than the server counted.
     */
    [[nodiscard]] QStringList complaintIds(const TrendAlert &alert) const;

    /// @brief The workbench query of those complaints.
    [[nodiscard]] TicketQuery complaintsQuery(const TrendAlert &alert) const;

private:
    const Database &m_db;
};

} // namespace pd
