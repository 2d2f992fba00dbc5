#include "workloadrepository.h"

#include "database.h"
#include "models/domain/enums.h"
#include "sqlhelpers.h"

#include <QSqlQuery>

namespace pd {

WorkloadRepository::WorkloadRepository(const Database &db)
    : m_db(db)
{}

QHash<QString, int> WorkloadRepository::openTicketsByAssignee() const
{
    QHash<QString, int> counts;
    QSqlQuery q(m_db.connection());
    // tickets_assignee (assignee_id, status) covers the statement.
    if (!sql::prepare(q,
                      QStringLiteral("SELECT assignee_id, COUNT(*) FROM tickets "
                                     "WHERE assignee_id IS NOT NULL AND assignee_id <> '' "
                                     "AND status IN (?, ?, ?, ?) GROUP BY assignee_id"),
                      nullptr))
        return counts;
    int i = 0;
    for (TicketStatus s :
         {TicketStatus::New, TicketStatus::Open, TicketStatus::Pending, TicketStatus::Reopened})
        q.bindValue(i++, toCode(s));
    if (!sql::exec(q, nullptr))
        return counts;
    while (q.next())
        counts.insert(q.value(0).toString(), q.value(1).toInt());
    return counts;
}

} // namespace pd
