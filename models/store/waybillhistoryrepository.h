#pragma once

#include "models/domain/entities.h"

#include <QString>

namespace pd {

class Database;

/**
 * @brief What earlier tickets on a waybill tell a new one (the new-ticket dialog prefills from it).
 *
 * Runs on the GUI thread while a person types a waybill: one lookup through the `tickets_waybill` index,
 * at most 20 rows, so it stays well under a frame.
 */
class WaybillHistoryRepository final
{
public:
    explicit WaybillHistoryRepository(const Database &db);

    /**
     * @brief The customer name of the newest earlier ticket on @p waybillNo that @p reader may read
     * (TicketRules::canRead) and that has a name; empty when there is none or the cache is locked.
     *
     * Only the 20 newest tickets on the waybill are looked at. A phone is never offered this way.
     */
    [[nodiscard]] QString earlierCustomerName(const QString &waybillNo, const User &reader) const;

private:
    const Database &m_db;
};

} // namespace pd
