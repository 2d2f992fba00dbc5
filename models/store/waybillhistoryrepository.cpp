#include "waybillhistoryrepository.h"

#include "cachecipher.h"
#include "database.h"
#include "models/domain/ticketrules.h"

#include <QSqlQuery>

namespace pd {

WaybillHistoryRepository::WaybillHistoryRepository(const Database &db)
    : m_db(db)
{}

QString WaybillHistoryRepository::earlierCustomerName(const QString &waybillNo, const User &reader) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(QStringLiteral("SELECT customer_name, team_id FROM tickets WHERE waybill_no = ? "
                             "ORDER BY created_at DESC LIMIT 20"));
    q.addBindValue(waybillNo);
    const auto cipher = m_db.cipher(); // names are sealed in the cache; a locked cache suggests none
    if (!cipher || !q.exec())
        return {};
    while (q.next()) {
        if (!TicketRules::canRead(reader.role, reader.teamId, q.value(1).toString()))
            continue;
        if (const QString name = cipher->open(q.value(0), SealedField::CustomerName); !name.isEmpty())
            return name;
    }
    return {};
}

} // namespace pd
