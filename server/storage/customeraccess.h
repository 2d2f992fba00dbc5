#pragma once

#include "models/domain/enums.h"

#include <QString>
#include <QVariantList>

namespace pd::server {

/**
 * @brief Whose view of customer data a read serves: the server itself (everything), or a signed-in user.
 *
 * The rule is models/domain's CustomerDataRule: a ticket's customer data in full to its assignee while it is
 * not closed and to the supervisors of its team; a parcel's addresses (and its tracking events at the sender
 * or recipient) in full to whoever gets a ticket about that parcel in full; an event's text in full to
 * whoever gets its ticket in full. Everybody else is served the masked copy kept beside each record
 * (CustomerData). dataExpression() is that rule in SQL, so a page of the change feed is still one query.
 */
class CustomerAccess final
{
public:
    /// @brief The server's own reads (SLA monitor, writes, erasure): full data.
    [[nodiscard]] static CustomerAccess server();
    [[nodiscard]] static CustomerAccess of(Role role, const QString &userId, const QString &teamId);

    /**
     * @brief An SQL expression over a row of docs (referenced as "docs") giving the JSON to serve; its
     * parameters are appended to @p binds in order.
     */
    [[nodiscard]] QString dataExpression(QVariantList &binds) const;
    /// @brief The rule for one ticket in memory (same as the SQL).
    [[nodiscard]] bool seesTicket(const QString &ticketTeamId, const QString &assigneeId,
                                  TicketStatus status) const;
    [[nodiscard]] bool isServer() const { return m_server; }

private:
    /// @brief "(alias.team_id = ? AND …)": the rows of tickets this reader sees in full.
    [[nodiscard]] QString ticketCondition(const QString &alias, QVariantList &binds) const;

    bool m_server = false;
    Role m_role = Role::Manager;
    QString m_userId;
    QString m_teamId;
};

} // namespace pd::server
