#include "customeraccess.h"

#include "models/domain/masking.h"

namespace pd::server {

CustomerAccess CustomerAccess::server()
{
    CustomerAccess a;
    a.m_server = true;
    return a;
}

CustomerAccess CustomerAccess::of(Role role, const QString &userId, const QString &teamId)
{
    CustomerAccess a;
    a.m_role = role;
    a.m_userId = userId;
    a.m_teamId = teamId;
    return a;
}

bool CustomerAccess::seesTicket(const QString &ticketTeamId, const QString &assigneeId,
                                TicketStatus status) const
{
    return m_server ||
           CustomerDataRule::seesInFull(m_role, m_userId, m_teamId, ticketTeamId, assigneeId, status);
}

QString CustomerAccess::ticketCondition(const QString &alias, QVariantList &binds) const
{
    // CustomerDataRule::seesInFull in SQL: only agents and supervisors with a team see anything in full.
    binds.append(m_teamId);
    if (m_role == Role::Supervisor)
        return QStringLiteral("(%1.team_id = ?)").arg(alias);
    binds.append(m_userId);
    return QStringLiteral("(%1.team_id = ? AND %1.holder = ? AND %1.status <> 'closed')").arg(alias);
}

QString CustomerAccess::dataExpression(QVariantList &binds) const
{
    if (m_server)
        return QStringLiteral("docs.data");
    const bool mayHaveFull =
        !m_teamId.isEmpty() && (m_role == Role::Supervisor || (m_role == Role::Agent && !m_userId.isEmpty()));
    if (!mayHaveFull)
        return QStringLiteral("CASE WHEN docs.masked = '' THEN docs.data ELSE docs.masked END");
    // The ticket a record is about: itself, its parent (events), or any live ticket naming its waybill
    // (parcels by id, tracking events by parent). The EXISTS lookups use the (type, id) and (type, parent)
    // indexes and run only for rows that have a masked copy.
    QString sql = QStringLiteral("CASE WHEN docs.masked = '' THEN docs.data");
    sql += QStringLiteral(" WHEN docs.type = 'ticket' AND ") +
           ticketCondition(QStringLiteral("docs"), binds) + QStringLiteral(" THEN docs.data");
    const struct
    {
        const char *type;
        const char *match;
    } related[] = {{"ticket_event", "x.id = docs.parent"},
                   {"parcel", "x.parent = docs.id"},
                   {"tracking_event", "x.parent = docs.parent"}};
    for (const auto &r : related) {
        sql +=
            QStringLiteral(" WHEN docs.type = '%1' AND EXISTS (SELECT 1 FROM docs x WHERE x.type = 'ticket'"
                           " AND %2 AND x.deleted = 0 AND ")
                .arg(QLatin1StringView(r.type), QLatin1StringView(r.match)) +
            ticketCondition(QStringLiteral("x"), binds) + QStringLiteral(") THEN docs.data");
    }
    sql += QStringLiteral(" ELSE docs.masked END");
    return sql;
}

} // namespace pd::server
