#pragma once

#include "server/storage/database.h"

#include <QJsonObject>

namespace pd::server {

/**
 * @brief The effect of proactive notices (docs/proactive.md, "The effect"): for the parcels with an
 * exception detected in a period, the complaint rate and CSAT of those whose customer was told before any
 * complaint against those who were not; the share told before the customer called; the median time from
 * detection to the notice.
 *
 * A parcel counts as *notified first* when a notice about it was sent before its first complaint (or it has
 * no complaint). A complaint is a ticket about the waybill created at or after the exception was detected
 * (a merged ticket counts once, at its target).
 */
class ProactiveEffect final
{
public:
    explicit ProactiveEffect(Database &db)
        : m_db(db)
    {}

    /// @brief The figures of the exceptions detected in [@p fromMs, @p toMs) as served by
    /// GET /proactive/effect.
    [[nodiscard]] QJsonObject figures(qint64 fromMs, qint64 toMs);

private:
    Database &m_db;
};

} // namespace pd::server
