// TicketService: merging a duplicate into the ticket it repeats (docs/api.md, "Merge").
#include "requestparsing.h"
#include "ticketservice.h"

#include "models/domain/jsonreader.h"

#include <QJsonDocument>

namespace pd::server {

namespace {

ApiError refused(const QString &message)
{
    return ApiError(409, QStringLiteral("merge_refused"), message, QStringLiteral("into"));
}

/// The conversation moves; the merged ticket's own life (status changes, assignments, SLA breaches,
/// compensation and appeal steps) stays with it: on the target it would move that ticket's clocks.
bool movesWithMerge(EventKind kind)
{
    return kind == EventKind::Reply || kind == EventKind::Note || kind == EventKind::Call;
}

void checkMergeable(const Actor &actor, const Ticket &source, const Ticket &target)
{
    if (!actor.system && actor.role != Role::Supervisor)
        throw ApiError::forbidden(QStringLiteral("Only supervisors merge tickets."));
    if (source.id == target.id)
        throw refused(QStringLiteral("A ticket cannot be merged into itself."));
    if (source.isMerged())
        throw refused(QStringLiteral("This ticket was merged into %1 already.").arg(source.mergedIntoNumber));
    if (target.isMerged())
        throw refused(QStringLiteral("%1 was itself merged into %2: merge into that one.")
                          .arg(target.number, target.mergedIntoNumber));
    if (target.status == TicketStatus::Closed)
        throw refused(QStringLiteral("%1 is closed: merge it into this one instead, or reopen it first.")
                          .arg(target.number));
    if (source.teamId != target.teamId)
        throw refused(QStringLiteral("%1 belongs to another team: move one of the tickets to the other's "
                                     "team first.")
                          .arg(target.number));
}

} // namespace

WriteResult TicketService::merge(const Actor &actor, const QString &id, const QJsonObject &body,
                                 std::optional<qint64> ifMatch)
{
    JsonReader r(body);
    const QString into = r.string("into", true, 100);
    if (!r.ok())
        throw ApiError::invalid(r.error().field, r.error().message);
    WriteTx tx(m_store.docs().db());
    Ticket source = readable(actor, id);
    Ticket target = readable(actor, into);
    if (source.mergedInto == target.id) // a retried request: the merge is done
        return WriteResult{200, mergeResponse(actor, source, target, 0, 0)};
    checkMergeable(actor, source, target);
    if (ifMatch && *ifMatch != source.version)
        throw ApiError(412, QStringLiteral("version_mismatch"),
                       QStringLiteral("The ticket changed since version you sent (it is at version %1).")
                           .arg(source.version),
                       QStringLiteral("If-Match"));
    const qint64 now = m_clock.nowMs();
    const auto sourceBefore = m_store.docs().get(DocType::Ticket, source.id);

    int moved = 0;
    const QList<TicketEvent> events = m_store.events(source.id);
    for (TicketEvent e : events) {
        if (!movesWithMerge(e.kind))
            continue;
        e.ticketId = target.id;
        e.version += 1;
        m_store.putEvent(tx, e, target.teamId);
        ++moved;
    }
    const int files = m_mergeHook ? m_mergeHook(tx, source.id, target) : 0;

    QList<TicketEvent> sourceEvents{
        systemEvent(actor, source, EventKind::Merged, now,
                    {{QStringLiteral("into"), target.id}, {QStringLiteral("into_number"), target.number}})};
    if (source.status != TicketStatus::Closed) {
        // Closed by the merge, whatever its state: not a transition of the state machine.
        sourceEvents.append(systemEvent(actor, source, EventKind::StatusChange, now,
                                        {{QStringLiteral("from"), toCode(source.status)},
                                         {QStringLiteral("to"), toCode(TicketStatus::Closed)},
                                         {QStringLiteral("merged_into"), target.id}}));
        source.status = TicketStatus::Closed;
        source.closedAt = now;
    }
    source.mergedInto = target.id;
    source.mergedIntoNumber = target.number;
    source.version += 1;
    source.updatedAt = now;
    const TicketEvent targetEvent = systemEvent(actor, target, EventKind::Merged, now,
                                                {{QStringLiteral("from"), source.id},
                                                 {QStringLiteral("from_number"), source.number},
                                                 {QStringLiteral("events"), moved},
                                                 {QStringLiteral("attachments"), files}});
    if (target.duplicateOf == source.id) {
        target.duplicateOf.clear();
        target.duplicateOfNumber.clear();
    }
    target.version += 1;
    target.updatedAt = now;

    m_store.putTicket(tx, source);
    m_store.putTicket(tx, target);
    for (const TicketEvent &e : std::as_const(sourceEvents))
        m_store.putEvent(tx, e, source.teamId);
    m_store.putEvent(tx, targetEvent, target.teamId);
    reshareCustomerData(tx, sourceBefore, &source); // closed: its assignee no longer reads it in full
    m_store.docs().audit(tx, now, actor.userId, QStringLiteral("ticket.merge"), DocType::Ticket, source.id,
                         QStringLiteral("into %1, %2 events, %3 files").arg(target.id).arg(moved).arg(files));
    tx.publish(changedHint(source, tx.lastSeq()));
    tx.publish(changedHint(target, tx.lastSeq()));
    tx.commit();
    return WriteResult{200, mergeResponse(actor, source, target, moved, files)};
}

QByteArray TicketService::mergeResponse(const Actor &actor, const Ticket &source, const Ticket &target,
                                        int movedEvents, int movedFiles)
{
    const QJsonObject o{{QStringLiteral("ticket"), viewOf(actor, source)},
                        {QStringLiteral("target"), viewOf(actor, target)},
                        {QStringLiteral("moved_events"), movedEvents},
                        {QStringLiteral("moved_attachments"), movedFiles}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

} // namespace pd::server
