#pragma once

#include "api/changesapi.h"
#include "models/domain/attachment.h"
#include "models/domain/entities.h"

#include <QStringList>

namespace pd {

class Database;

/**
 * @brief Writes one page of the change feed into the cache, with the page's cursor, in one transaction.
 *
 * Tickets go through TicketRepository::applyServerCopies (rows holding a local edit keep it); a ticket in
 * conflict gets its conflict record's server copy refreshed instead. Events whose ticket the cache does not
 * hold yet wait in OrphanEvents until it arrives. A deleted or withdrawn ticket goes with its events; a page
 * marked reset (the feed restarted for a new scope) first drops the tickets of the old scope. The SLA policy
 * is kept as JSON in the sync state; volume aggregates go to parcel_volume; attachment records go to
 * AttachmentRepository (a record before its ticket waits there, and goes with a deleted or withdrawn ticket).
 * Either the whole page and its cursor are written, or nothing.
 */
class ChangeApplier final
{
public:
    explicit ChangeApplier(const Database &db);

    bool apply(const ChangePage &page, QStringList *changedTickets, QString *error);

private:
    bool applyEvents(const QList<TicketEvent> &events, QString *error);
    bool applyAttachments(const QList<Attachment> &attachments, const QStringList &deleted,
                          const QStringList &deletedTickets, QString *error);
    bool dropForReset(QStringList *dropped, QString *error);
    bool refreshConflicts(const QList<Ticket> &tickets, QString *error);

    const Database &m_db;
};

} // namespace pd
