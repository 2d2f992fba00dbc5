#pragma once

#include "api/resources.h"

#include <QStringList>

namespace pd {

class Database;

/**
 * @brief Writes one page of the change feed into the cache, with the page's cursor, in one transaction.
 *
 * Tickets go through TicketRepository::applyServerCopies (rows holding a local edit keep it); a ticket in
 * conflict gets its conflict record's server copy refreshed instead. Events whose ticket the cache does not
 * hold are skipped (they belong to a ticket this user cannot see any more). The SLA policy is kept as JSON in
 * the sync state. Either the whole page and its cursor are written, or nothing.
 */
class ChangeApplier final
{
public:
    explicit ChangeApplier(const Database &db);

    bool apply(const ChangePage &page, QStringList *changedTickets, QString *error);

private:
    bool applyEvents(const QList<TicketEvent> &events, QString *error);
    bool refreshConflicts(const QList<Ticket> &tickets, QString *error);

    const Database &m_db;
};

} // namespace pd
