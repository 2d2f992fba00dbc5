#include "changeapplier.h"

#include "models/proactive/trendcomplaint.h"
#include "models/store/attachmentrepository.h"
#include "models/store/database.h"
#include "models/store/directoryrepository.h"
#include "models/store/incidentrepository.h"
#include "models/store/orphanevents.h"
#include "models/store/parcelrepository.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketconflicts.h"
#include "models/store/ticketrepository.h"
#include "models/store/trendalertrepository.h"
#include "models/store/volumerepository.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApply, "pd.sync.apply", QtInfoMsg)

namespace pd {

namespace {
QStringList ticketIds(const QList<Ticket> &tickets)
{
    QStringList ids;
    ids.reserve(tickets.size());
    for (const Ticket &t : tickets)
        ids.append(t.id);
    return ids;
}

/// The records of one page of the change feed, by type; an item that cannot be read is skipped (and counted
/// in the log).
struct PageRecords
{
    QList<Ticket> tickets;
    QStringList deletedTickets;
    QStringList deletedEvents;
    QList<TicketEvent> events;
    QList<Parcel> parcels;
    QList<TrackingEvent> tracking;
    QList<Courier> couriers;
    QList<Station> stations;
    QList<User> users;
    QList<Team> teams;
    QList<ParcelVolume> volume;
    QList<Attachment> attachments;
    QStringList deletedAttachments;
    QList<IncidentRecord> incidents;
    QList<QJsonObject> trendAlerts;
    QString policy;
};

PageRecords recordsOf(const ChangePage &page)
{
    PageRecords r;
    int unreadable = 0;
    const auto take = [&unreadable](auto parsed, auto &into) {
        if (parsed)
            into.append(*parsed);
        else
            ++unreadable;
    };
    for (const ChangeItem &item : page.items) {
        if (item.type == u"ticket"_s) {
            if (item.deleted)
                r.deletedTickets.append(item.id);
            else
                take(Ticket::fromJson(item.data), r.tickets);
        } else if (item.deleted) {
            if (item.type == u"ticket_event"_s)
                r.deletedEvents.append(item.id);
            else if (item.type == u"attachment"_s)
                r.deletedAttachments.append(item.id);
            continue; // other record types are only ever replaced in the cache, never shown deleted
        } else if (item.type == u"ticket_event"_s) {
            take(TicketEvent::fromJson(item.data), r.events);
        } else if (item.type == u"parcel"_s) {
            take(Parcel::fromJson(item.data), r.parcels);
        } else if (item.type == u"tracking_event"_s) {
            take(TrackingEvent::fromJson(item.data), r.tracking);
        } else if (item.type == u"courier"_s) {
            take(Courier::fromJson(item.data), r.couriers);
        } else if (item.type == u"station"_s) {
            take(Station::fromJson(item.data), r.stations);
        } else if (item.type == u"user"_s) {
            take(User::fromJson(item.data), r.users);
        } else if (item.type == u"team"_s) {
            take(Team::fromJson(item.data), r.teams);
        } else if (item.type == u"parcel_volume"_s) {
            take(ParcelVolume::fromJson(item.data), r.volume);
        } else if (item.type == u"attachment"_s) {
            take(Attachment::fromJson(item.data), r.attachments);
        } else if (item.type == u"incident"_s) {
            take(IncidentRecord::fromJson(item.data), r.incidents);
        } else if (item.type == u"trend_alert"_s) {
            take(trendAlertFromJson(item.data) ? std::optional(item.data) : std::nullopt, r.trendAlerts);
        } else if (item.type == u"sla_policy"_s) {
            r.policy = QString::fromUtf8(QJsonDocument(item.data).toJson(QJsonDocument::Compact));
        }
    }
    if (unreadable > 0)
        qCWarning(lcApply) << unreadable << "change item(s) could not be read and were skipped";
    return r;
}

} // namespace

ChangeApplier::ChangeApplier(const Database &db)
    : m_db(db)
{}

bool ChangeApplier::apply(const ChangePage &page, QStringList *changedTickets, QString *error)
{
    const PageRecords r = recordsOf(page);
    TicketRepository ticketRepo(m_db);
    ParcelRepository parcelRepo(m_db);
    DirectoryRepository directory(m_db);
    SyncStateRepository state(m_db);
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.commit(error);
    OrphanEvents orphans(m_db);
    AttachmentRepository attachments(m_db);
    QStringList adopted;
    QStringList dropped;
    const bool ok =
        (!page.reset || dropForReset(&dropped, error)) && directory.upsertTeams(r.teams, error) &&
        directory.upsertUsers(r.users, error) && directory.upsertStations(r.stations, error) &&
        directory.upsertCouriers(r.couriers, error) && parcelRepo.upsert(r.parcels, error) &&
        parcelRepo.upsertTracking(r.tracking, error) && VolumeRepository(m_db).upsert(r.volume, error) &&
        IncidentRepository(m_db).upsert(r.incidents, error) &&
        TrendAlertRepository(m_db).upsert(r.trendAlerts, error) &&
        ticketRepo.applyServerCopies(r.tickets, error) && refreshConflicts(r.tickets, error) &&
        ticketRepo.remove(r.deletedTickets, error) && orphans.drop(r.deletedTickets, error) &&
        orphans.adopt(ticketIds(r.tickets), &adopted, error) && applyEvents(r.events, error) &&
        ticketRepo.removeEvents(r.deletedEvents, error) && orphans.dropEvents(r.deletedEvents, error) &&
        applyAttachments(r.attachments, r.deletedAttachments, r.deletedTickets, error) &&
        (r.policy.isEmpty() || state.setValue(u"sla_policy"_s, r.policy, error)) &&
        state.setCursor(page.nextCursor, error);
    if (!ok || !tx.commit(error))
        return false;
    attachments.purgeFiles(); // the files of attachments dropped with this page, now that it is committed
    if (changedTickets) {
        *changedTickets += dropped;
        *changedTickets += adopted;
        for (const Ticket &t : std::as_const(r.tickets))
            changedTickets->append(t.id);
        *changedTickets += r.deletedTickets;
        for (const TicketEvent &e : std::as_const(r.events))
            changedTickets->append(e.ticketId);
        for (const Attachment &a : std::as_const(r.attachments))
            changedTickets->append(a.ticketId);
        changedTickets->removeDuplicates();
    }
    return true;
}

bool ChangeApplier::applyEvents(const QList<TicketEvent> &events, QString *error)
{
    if (events.isEmpty())
        return true;
    // An event can arrive before its ticket (the feed orders by last change, and the ticket changed after the
    // event was written): it waits in orphan_events until the ticket arrives, never dropped.
    QSet<QString> ticketIds;
    for (const TicketEvent &e : events)
        ticketIds.insert(e.ticketId);
    QSet<QString> known;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT 1 FROM tickets WHERE id = ?"_s)) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    for (const QString &id : std::as_const(ticketIds)) {
        q.bindValue(0, id);
        if (q.exec() && q.next())
            known.insert(id);
    }
    QList<TicketEvent> kept;
    QList<TicketEvent> waiting;
    kept.reserve(events.size());
    for (const TicketEvent &e : events)
        (known.contains(e.ticketId) ? kept : waiting).append(e);
    if (!waiting.isEmpty())
        qCDebug(lcApply) << waiting.size() << "event(s) wait for their ticket";
    return TicketRepository(m_db).upsertEvents(kept, error) && OrphanEvents(m_db).keep(waiting, error);
}

bool ChangeApplier::dropForReset(QStringList *dropped, QString *error)
{
    // The feed starts again for this user's scope (new team or role): tickets of the old scope go, except
    // rows holding the person's own unsent edit — the push's answer settles those (a refusal reverts them).
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id FROM tickets WHERE local_state = 0 AND id NOT IN "
                "(SELECT ticket_id FROM outbox WHERE ticket_id IS NOT NULL)"_s)) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    QStringList ids;
    while (q.next())
        ids.append(q.value(0).toString());
    q.finish();
    qCInfo(lcApply) << "the server restarted the feed for a new scope;" << ids.size()
                    << "ticket(s) of the old scope dropped";
    if (dropped)
        *dropped += ids;
    // The tickets' attachments go with them (a trigger); those waiting for a ticket of the old scope too.
    return TicketRepository(m_db).remove(ids, error) && OrphanEvents(m_db).clear(error) &&
           AttachmentRepository(m_db).dropOrphans(error);
}

bool ChangeApplier::applyAttachments(const QList<Attachment> &attachments, const QStringList &deleted,
                                     const QStringList &deletedTickets, QString *error)
{
    // A record may come before its ticket (like an event): it is kept as it is, keyed by its ticket, and
    // shown once the ticket is here. Those of a deleted or withdrawn ticket go, whether the cache had the
    // ticket or not (a trigger takes those of tickets in the cache).
    AttachmentRepository repo(m_db);
    return repo.upsert(attachments, error) && repo.remove(deleted, error) &&
           repo.dropForTickets(deletedTickets, error);
}

bool ChangeApplier::refreshConflicts(const QList<Ticket> &tickets, QString *error)
{
    // A newer server copy of a ticket in conflict replaces the copy shown beside the person's edit.
    return TicketConflicts(m_db).refreshServerCopies(tickets, error);
}

} // namespace pd
