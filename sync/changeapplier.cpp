#include "changeapplier.h"

#include "models/store/database.h"
#include "models/store/parcelrepository.h"
#include "models/store/syncstaterepository.h"
#include "models/store/ticketrepository.h"

#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcApply, "pd.sync.apply", QtInfoMsg)

namespace pd {

ChangeApplier::ChangeApplier(const Database &db)
    : m_db(db)
{}

bool ChangeApplier::apply(const ChangePage &page, QStringList *changedTickets, QString *error)
{
    QList<Ticket> tickets;
    QStringList deletedTickets;
    QList<TicketEvent> events;
    QList<Parcel> parcels;
    QList<TrackingEvent> tracking;
    QList<Courier> couriers;
    QList<Station> stations;
    QList<User> users;
    QList<Team> teams;
    QString policy;
    int unreadable = 0;

    const auto take = [&unreadable](auto parsed, auto &into) {
        if (parsed)
            into.append(*parsed);
        else
            ++unreadable;
    };
    for (const ChangeItem &item : page.items) {
        if (item.type == u"ticket"_qs) {
            if (item.deleted)
                deletedTickets.append(item.id);
            else
                take(Ticket::fromJson(item.data), tickets);
        } else if (item.deleted) {
            continue; // other record types are only ever replaced in the cache, never shown deleted
        } else if (item.type == u"ticket_event"_qs) {
            take(TicketEvent::fromJson(item.data), events);
        } else if (item.type == u"parcel"_qs) {
            take(Parcel::fromJson(item.data), parcels);
        } else if (item.type == u"tracking_event"_qs) {
            take(TrackingEvent::fromJson(item.data), tracking);
        } else if (item.type == u"courier"_qs) {
            take(Courier::fromJson(item.data), couriers);
        } else if (item.type == u"station"_qs) {
            take(Station::fromJson(item.data), stations);
        } else if (item.type == u"user"_qs) {
            take(User::fromJson(item.data), users);
        } else if (item.type == u"team"_qs) {
            take(Team::fromJson(item.data), teams);
        } else if (item.type == u"sla_policy"_qs) {
            policy = QString::fromUtf8(QJsonDocument(item.data).toJson(QJsonDocument::Compact));
        }
    }
    if (unreadable > 0)
        qCWarning(lcApply) << unreadable << "change item(s) could not be read and were skipped";

    TicketRepository ticketRepo(m_db);
    ParcelRepository parcelRepo(m_db);
    DirectoryRepository directory(m_db);
    SyncStateRepository state(m_db);
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.commit(error);
    const bool ok = directory.upsertTeams(teams, error) && directory.upsertUsers(users, error) &&
                    directory.upsertStations(stations, error) && directory.upsertCouriers(couriers, error) &&
                    parcelRepo.upsert(parcels, error) && parcelRepo.upsertTracking(tracking, error) &&
                    ticketRepo.applyServerCopies(tickets, error) && refreshConflicts(tickets, error) &&
                    ticketRepo.remove(deletedTickets, error) && applyEvents(events, error) &&
                    (policy.isEmpty() || state.setValue(u"sla_policy"_qs, policy, error)) &&
                    state.setCursor(page.nextCursor, error);
    if (!ok || !tx.commit(error))
        return false;
    if (changedTickets) {
        for (const Ticket &t : std::as_const(tickets))
            changedTickets->append(t.id);
        *changedTickets += deletedTickets;
        for (const TicketEvent &e : std::as_const(events))
            changedTickets->append(e.ticketId);
        changedTickets->removeDuplicates();
    }
    return true;
}

bool ChangeApplier::applyEvents(const QList<TicketEvent> &events, QString *error)
{
    if (events.isEmpty())
        return true;
    // Events of tickets the cache does not hold (no longer visible to this user) are skipped up front: the
    // foreign key would refuse the whole batch.
    QSet<QString> ticketIds;
    for (const TicketEvent &e : events)
        ticketIds.insert(e.ticketId);
    QSet<QString> known;
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT 1 FROM tickets WHERE id = ?"_qs)) {
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
    kept.reserve(events.size());
    for (const TicketEvent &e : events) {
        if (known.contains(e.ticketId))
            kept.append(e);
    }
    if (kept.size() < events.size())
        qCInfo(lcApply) << events.size() - kept.size() << "event(s) of tickets not in the cache skipped";
    return TicketRepository(m_db).upsertEvents(kept, error);
}

bool ChangeApplier::refreshConflicts(const QList<Ticket> &tickets, QString *error)
{
    // A newer server copy of a ticket in conflict replaces the copy shown beside the person's edit.
    QSqlQuery q(m_db.connection());
    if (tickets.isEmpty() || !q.exec(u"SELECT EXISTS (SELECT 1 FROM ticket_conflicts)"_qs) || !q.next() ||
        !q.value(0).toBool())
        return true;
    for (const Ticket &t : tickets) {
        q.prepare(u"UPDATE ticket_conflicts SET server_copy = ? WHERE ticket_id = ? AND "
                  "json_extract(server_copy, '$.version') < ?"_qs);
        q.bindValue(0, QString::fromUtf8(QJsonDocument(t.toJson()).toJson(QJsonDocument::Compact)));
        q.bindValue(1, t.id);
        q.bindValue(2, t.version);
        if (!q.exec()) {
            if (error)
                *error = q.lastError().text();
            return false;
        }
    }
    return true;
}

} // namespace pd
