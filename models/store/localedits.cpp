#include "localedits.h"

#include "database.h"
#include "models/domain/ticketrules.h"
#include "models/domain/validation.h"
#include "outboxrepository.h"
#include "sqlhelpers.h"
#include "ticketrepository.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace pd {

namespace {

constexpr int kMaxText = 20000;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString ticketPath(const QString &id)
{
    return u"/api/v1/tickets/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

QJsonObject overlay(QJsonObject base, const QJsonObject &fields)
{
    for (auto it = fields.begin(); it != fields.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// The effect of a reply or an outbound call on the ticket, as the server applies it: the first one is the
// first response, and a new or reopened ticket becomes open.
void applyFirstResponse(Ticket &t, EventKind kind, const QJsonObject &data, Instant at)
{
    const bool responds = kind == EventKind::Reply ||
                          (kind == EventKind::Call && data.value(u"direction"_s).toString() == u"outbound"_s);
    if (!responds)
        return;
    if (!t.firstResponseAt)
        t.firstResponseAt = at;
    if (t.status == TicketStatus::New || t.status == TicketStatus::Reopened)
        t.status = TicketStatus::Open;
}

// What an escalation and a survey answer change on the ticket, as the server applies them, so the list, the
// SLA clocks and the KPIs show it before the server confirms (values the server would refuse change nothing).
void applyFieldEffects(Ticket &t, EventKind kind, const QJsonObject &data, Instant at)
{
    if (kind == EventKind::Escalation) {
        if (const auto priority = fromCode<Priority>(data.value(u"priority"_s).toString()))
            t.priority = *priority;
        return;
    }
    if (kind != EventKind::CsatRecorded)
        return;
    const int csat = data.value(u"csat"_s).toInt(-1);
    const int nps = data.value(u"nps"_s).toInt(-1);
    const bool csatOk = csat >= 1 && csat <= 5;
    const bool npsOk = nps >= 0 && nps <= 10;
    if (csatOk)
        t.csat = csat;
    if (npsOk)
        t.nps = nps;
    if (csatOk || npsOk)
        t.followUpDoneAt = at;
}

// The status_change entry the server will write for a status edit, written here at once with the edit's
// idempotency key as its id, so the timeline, the SLA clocks (pending pauses them) and the KPIs see it before
// the next sync; confirm() swaps it for the server's own entry, a refusal removes it.
TicketEvent localStatusChange(const QString &key, const Ticket &before, const Ticket &after, Instant at)
{
    TicketEvent e;
    e.id = key;
    e.ticketId = after.id;
    e.kind = EventKind::StatusChange;
    e.at = at;
    e.data = {{u"from"_s, toCode(before.status)}, {u"to"_s, toCode(after.status)}};
    if (after.status == TicketStatus::Resolved && after.resolution)
        e.data.insert(u"resolution"_s, toCode(*after.resolution));
    return e;
}

} // namespace

LocalEdits::LocalEdits(const Database &db, const Clock &clock)
    : m_db(db)
    , m_clock(clock)
{}

const QStringList &LocalEdits::editableFields()
{
    static const QStringList fields{
        u"status"_s,      u"priority"_s,      u"category"_s,       u"channel"_s,
        u"assignee_id"_s, u"team_id"_s,       u"resolution"_s,     u"compensation_amount"_s,
        u"csat"_s,        u"nps"_s,           u"follow_up_at"_s,   u"follow_up_done_at"_s,
        u"description"_s, u"customer_name"_s, u"customer_phone"_s, u"waybill_no"_s};
    return fields;
}

bool LocalEdits::enqueue(const QString &ticketId, const char *method, const QString &path,
                         const QJsonObject &payload, std::optional<qint64> baseVersion, const QString &key,
                         QString *error)
{
    OutboxItem item;
    item.idempotencyKey = key;
    item.ticketId = ticketId;
    item.method = QString::fromLatin1(method);
    item.path = path;
    item.payload = payload;
    item.baseVersion = baseVersion;
    item.createdAt = m_clock.nowMs();
    return OutboxRepository(m_db).enqueue(item, error);
}

std::optional<QString> LocalEdits::addEvent(const QString &ticketId, EventKind kind, const QString &text,
                                            const QJsonObject &data, const QString &authorId, QString *error)
{
    TicketRepository tickets(m_db);
    auto row = tickets.byId(ticketId);
    if (!row) {
        fail(error, tr("This ticket is not in the local cache."));
        return std::nullopt;
    }
    switch (kind) {
    case EventKind::Reply:
    case EventKind::Note:
    case EventKind::Call:
    case EventKind::Escalation:
    case EventKind::CsatRecorded:
        break;
    default:
        fail(error, tr("“%1” entries are made by the server, not typed in.").arg(displayName(kind)));
        return std::nullopt;
    }
    const TextCheck body =
        Validation::checkText(text, kMaxText, kind == EventKind::Reply || kind == EventKind::Note);
    if (!body.valid) {
        fail(error, body.message);
        return std::nullopt;
    }
    if (row->ticket.status == TicketStatus::Closed && kind != EventKind::Note) {
        fail(error, tr("The ticket is closed: only internal notes can be added."));
        return std::nullopt;
    }
    if (kind == EventKind::Call) {
        const QString direction = data.value(u"direction"_s).toString();
        const double seconds = data.value(u"duration_s"_s).toDouble(-1);
        if (!fromCode<CallDirection>(direction)) {
            fail(error, tr("Say whether the call was inbound or outbound."));
            return std::nullopt;
        }
        if (seconds < 0 || seconds > 24 * 3600) {
            fail(error, tr("The call duration must be between 0 seconds and 24 hours."));
            return std::nullopt;
        }
    }

    TicketEvent e;
    e.id = newId();
    e.ticketId = ticketId;
    e.kind = kind;
    e.at = m_clock.nowMs();
    e.authorId = authorId;
    e.text = body.normalized;
    e.data = data;
    Ticket t = row->ticket;
    applyFirstResponse(t, kind, data, e.at);
    applyFieldEffects(t, kind, data, e.at);

    Transaction tx(m_db);
    QJsonObject payload = e.toJson();
    payload.remove(u"version"_s);
    const bool ticketChanged = !(t == row->ticket);
    const LocalState state =
        row->localState == LocalState::Conflict ? LocalState::Conflict : LocalState::Pending;
    if (!tx.isActive() || !tickets.upsertEvents({e}, error, LocalState::Pending) ||
        !(ticketChanged ? tickets.upsert({t}, error, state)
                        : tickets.setLocalState(ticketId, state, error)) ||
        !enqueue(ticketId, "POST", ticketPath(ticketId) + u"/events"_s, payload, std::nullopt, e.id, error) ||
        !tx.commit(error))
        return std::nullopt;
    return e.id;
}

bool LocalEdits::updateTicket(const QString &ticketId, const QJsonObject &fields, QString *error)
{
    if (fields.isEmpty())
        return fail(error, tr("Nothing to change."));
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        if (!editableFields().contains(it.key()))
            return fail(error, tr("The field “%1” cannot be changed here.").arg(it.key()));
    }
    TicketRepository tickets(m_db);
    const auto row = tickets.byId(ticketId);
    if (!row)
        return fail(error, tr("This ticket is not in the local cache."));
    if (row->localState == LocalState::Conflict)
        return fail(
            error,
            tr("This ticket has a conflicting change to settle first: keep yours or take the server's."));

    JsonError jsonError;
    auto merged = Ticket::fromJson(overlay(row->ticket.toJson(), fields), &jsonError);
    if (!merged)
        return fail(error, tr("%1: %2").arg(jsonError.field, jsonError.message));
    if (fields.contains(u"customer_phone"_s) && !merged->customerPhone.isEmpty()) {
        const PhoneCheck phone = Validation::checkPhone(merged->customerPhone);
        if (!phone.valid)
            return fail(error, phone.message);
    }
    const TicketStatus from = row->ticket.status;
    if (merged->status != from) {
        if (!TicketRules::canTransition(from, merged->status))
            return fail(error, TicketRules::refusal(from, merged->status));
        if (merged->status == TicketStatus::Resolved) {
            if (!merged->resolution)
                return fail(error, tr("Choose how the complaint was resolved before resolving it."));
            if (*merged->resolution == Resolution::Compensation && merged->compensationFen.value_or(0) <= 0)
                return fail(error, tr("Enter the compensation amount."));
            merged->resolvedAt = m_clock.nowMs();
        }
    }

    const QString key = newId();
    const QList<TicketEvent> statusEvents{localStatusChange(key, row->ticket, *merged, m_clock.nowMs())};
    Transaction tx(m_db);
    return tx.isActive() && tickets.upsert({*merged}, error, LocalState::Pending) &&
           (merged->status == from || tickets.upsertEvents(statusEvents, error, LocalState::Pending)) &&
           enqueue(ticketId, "PATCH", ticketPath(ticketId), fields, row->ticket.version, key, error) &&
           tx.commit(error);
}

std::optional<QString> LocalEdits::createTicket(Ticket draft, QString *error)
{
    const WaybillCheck waybill = Validation::checkWaybill(draft.waybillNo);
    const PhoneCheck phone = Validation::checkPhone(draft.customerPhone);
    const TextCheck name = Validation::checkText(draft.customerName, 200, true);
    const TextCheck description = Validation::checkText(draft.description, kMaxText, true);
    for (const QString &message : {waybill.message, phone.message, name.message, description.message}) {
        if (!message.isEmpty()) {
            fail(error, message);
            return std::nullopt;
        }
    }
    draft.id = newId();
    draft.waybillNo = waybill.normalized;
    draft.customerPhone = phone.normalized;
    draft.customerName = name.normalized;
    draft.description = description.normalized;
    draft.status = TicketStatus::New;
    draft.createdAt = m_clock.nowMs();
    draft.updatedAt = draft.createdAt;
    draft.version = 0;
    QJsonObject payload = draft.toJson();
    for (const char *serverField : {"version", "updated_at", "number", "status"})
        payload.remove(QLatin1StringView(serverField));

    TicketRepository tickets(m_db);
    Transaction tx(m_db);
    if (!tx.isActive() || !tickets.upsert({draft}, error, LocalState::Pending) ||
        !enqueue(draft.id, "POST", u"/api/v1/tickets"_s, payload, std::nullopt, draft.id, error) ||
        !tx.commit(error))
        return std::nullopt;
    return draft.id;
}

bool LocalEdits::confirm(qint64 seq, const std::optional<Ticket> &serverTicket,
                         const QList<TicketEvent> &serverEvents, std::optional<qint64> previousVersion,
                         QString *error)
{
    OutboxRepository outbox(m_db);
    TicketRepository tickets(m_db);
    const auto item = outbox.item(seq);
    if (!item)
        return true; // confirmed before (a replay after a crash): nothing left to do
    Transaction tx(m_db);
    if (!tx.isActive())
        return tx.commit(error); // reports why the transaction could not start
    if (!outbox.remove(seq, error))
        return false;

    QString ticketId = item->ticketId;
    if (serverTicket && !ticketId.isEmpty() && serverTicket->id != ticketId) {
        // The server issued its own id for a ticket made here: move the row, its events and queued edits.
        QSqlQuery q(m_db.connection());
        for (const char *sql :
             {"UPDATE tickets SET id = ? WHERE id = ?", "UPDATE outbox SET ticket_id = ? WHERE ticket_id = ?",
              "UPDATE outbox SET path = replace(path, '/tickets/' || ?2, '/tickets/' || ?1) WHERE ticket_id "
              "= ?1"}) {
            if (!sql::prepare(q, QString::fromLatin1(sql), error))
                return false;
            q.bindValue(0, serverTicket->id);
            q.bindValue(1, ticketId);
            if (!sql::exec(q, error))
                return false;
        }
        ticketId = serverTicket->id;
    }
    if (!serverEvents.isEmpty() && !tickets.upsertEvents(serverEvents, error, LocalState::Synced))
        return false;
    // A status edit's own status_change entry gives way to the server's (among serverEvents).
    if (item->method == u"PATCH"_s && !tickets.removeEvents({item->idempotencyKey}, error))
        return false;
    if (item->method == u"POST"_s && item->path.endsWith(u"/events"_s)) {
        QSqlQuery q(m_db.connection());
        if (!sql::prepare(q, u"UPDATE ticket_events SET local_state = 0 WHERE id = ?"_s, error))
            return false;
        q.bindValue(0, item->idempotencyKey);
        if (!sql::exec(q, error))
            return false;
    }
    if (serverTicket) {
        if (outbox.liveForTicket(ticketId).isEmpty()) {
            if (!tickets.upsert({*serverTicket}, error, LocalState::Synced))
                return false;
        } else if (previousVersion) {
            // More local edits of this ticket are queued: keep them on screen. Only the edits made on the
            // version this write started from move to the new one (nothing else happened in between: the
            // person saw everything up to it); an edit made on an older version keeps it and meets a 412 —
            // never rebased over a change its author did not see.
            if (!outbox.rebasePatches(ticketId, *previousVersion, serverTicket->version, error))
                return false;
            const auto row = tickets.byId(ticketId);
            if (row && row->ticket.version == *previousVersion) {
                QSqlQuery q(m_db.connection());
                if (!sql::prepare(q, u"UPDATE tickets SET version = ? WHERE id = ?"_s, error))
                    return false;
                q.bindValue(0, serverTicket->version);
                q.bindValue(1, ticketId);
                if (!sql::exec(q, error))
                    return false;
            }
        }
    } else if (!ticketId.isEmpty() && outbox.liveForTicket(ticketId).isEmpty()) {
        if (!tickets.setLocalState(ticketId, LocalState::Synced, error))
            return false;
    }
    return tx.commit(error);
}

bool LocalEdits::conflict(qint64 seq, const Ticket &serverCopy, QString *error)
{
    OutboxRepository outbox(m_db);
    const auto item = outbox.item(seq);
    if (!item)
        return true;
    if (item->method != u"PATCH"_s)
        return reject(seq, tr("The server refused this change because the ticket changed meanwhile."), error);

    // This edit and every later field edit of the ticket become one conflict record.
    QJsonObject local = item->payload;
    QList<qint64> folded{seq};
    for (const OutboxItem &later : outbox.forTicket(item->ticketId)) {
        if (later.seq > seq && later.method == u"PATCH"_s) {
            local = overlay(local, later.payload);
            folded.append(later.seq);
        }
    }
    const auto existing = conflictFor(item->ticketId);
    if (existing)
        local = overlay(existing->localFields, local);
    const qint64 base = existing ? existing->baseVersion : item->baseVersion.value_or(0);

    auto shown = Ticket::fromJson(overlay(serverCopy.toJson(), local));
    if (!shown)
        shown =
            serverCopy; // the person's fields no longer fit the server's ticket: show the server's, keep both

    Transaction tx(m_db);
    if (!tx.isActive() ||
        !TicketConflicts(m_db).put({item->ticketId, local, base, serverCopy, m_clock.nowMs()}, error))
        return false;
    for (qint64 s : folded) {
        const auto edit = outbox.item(s);
        if (!outbox.remove(s, error) ||
            (edit && !TicketRepository(m_db).removeEvents({edit->idempotencyKey}, error)))
            return false;
    }
    return TicketRepository(m_db).upsert({*shown}, error, LocalState::Conflict) && tx.commit(error);
}

bool LocalEdits::reject(qint64 seq, const QString &reason, QString *error)
{
    OutboxRepository outbox(m_db);
    const auto item = outbox.item(seq);
    if (!item)
        return true;
    Transaction tx(m_db);
    if (!tx.isActive() || !outbox.park(seq, reason, error))
        return tx.commit(error);
    if ((item->method == u"POST"_s && item->path.endsWith(u"/events"_s)) || item->method == u"PATCH"_s) {
        // The refused entry (or a refused status edit's status_change) leaves the timeline (and the search);
        // the refused edit keeps its text.
        if (!TicketRepository(m_db).removeEvents({item->idempotencyKey}, error))
            return false;
    }
    return tx.commit(error);
}

bool LocalEdits::revert(const QString &ticketId, const std::optional<Ticket> &serverCopy, QString *error)
{
    OutboxRepository outbox(m_db);
    TicketRepository tickets(m_db);
    const auto row = tickets.byId(ticketId);
    if (!row || row->localState == LocalState::Conflict)
        return true; // gone, or waiting for the person's keep-mine / take-theirs
    const bool live = !outbox.liveForTicket(ticketId).isEmpty();
    if (serverCopy)
        return tickets.upsert({*serverCopy}, error, live ? LocalState::Pending : LocalState::Synced);
    // The server does not let this user read the ticket (any more) or does not know it. A ticket made here
    // and refused keeps its row: the refused create is all there is of it, shown with Discard.
    for (const OutboxItem &item : outbox.forTicket(ticketId)) {
        if (item.method == u"POST"_s && item.path == u"/api/v1/tickets"_s)
            return true;
    }
    return live || tickets.remove({ticketId}, error);
}

QStringList LocalEdits::staleRows() const
{
    // Rows marked as locally edited with nothing left to send for them: a refused edit left them so.
    QStringList out;
    QSqlQuery q(m_db.connection());
    if (!sql::prepare(q,
                      u"SELECT id FROM tickets t WHERE local_state = 1 AND NOT EXISTS (SELECT 1 FROM outbox "
                      "o WHERE o.ticket_id = t.id AND (o.next_attempt_at < ? OR o.method = 'POST' AND "
                      "o.path = '/api/v1/tickets'))"_s,
                      nullptr))
        return out;
    q.bindValue(0, OutboxRepository::kParked);
    if (!sql::exec(q, nullptr))
        return out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

QList<OutboxItem> LocalEdits::refused(const QString &ticketId) const
{
    QList<OutboxItem> out;
    for (const OutboxItem &item : OutboxRepository(m_db).forTicket(ticketId)) {
        if (item.nextAttemptAt == OutboxRepository::kParked)
            out.append(item);
    }
    return out;
}

bool LocalEdits::discardRefused(qint64 seq, QString *error)
{
    OutboxRepository outbox(m_db);
    const auto item = outbox.item(seq);
    if (!item || item->nextAttemptAt != OutboxRepository::kParked)
        return fail(error, tr("This refused change is no longer here."));
    Transaction tx(m_db);
    if (!tx.isActive() || !outbox.remove(seq, error))
        return false;
    if (item->method == u"POST"_s && item->path == u"/api/v1/tickets"_s &&
        outbox.forTicket(item->ticketId).isEmpty()) {
        // A ticket made here that the server refused: discarding the refusal discards the draft.
        if (!TicketRepository(m_db).remove({item->ticketId}, error))
            return false;
    }
    return tx.commit(error);
}

QList<TicketConflict> LocalEdits::conflicts() const
{
    return TicketConflicts(m_db).all();
}

std::optional<TicketConflict> LocalEdits::conflictFor(const QString &ticketId) const
{
    for (const TicketConflict &c : conflicts()) {
        if (c.ticketId == ticketId)
            return c;
    }
    return std::nullopt;
}

bool LocalEdits::keepMine(const QString &ticketId, QString *error)
{
    const auto c = conflictFor(ticketId);
    if (!c)
        return fail(error, tr("There is no conflict to settle for this ticket."));
    auto mine = Ticket::fromJson(overlay(c->serverCopy.toJson(), c->localFields));
    if (!mine)
        return fail(
            error, tr("Your change no longer fits the ticket as it is now; take the server's copy instead."));
    if (mine->status != c->serverCopy.status &&
        !TicketRules::canTransition(c->serverCopy.status, mine->status))
        return fail(error, TicketRules::refusal(c->serverCopy.status, mine->status));
    const QString key = newId();
    const QList<TicketEvent> statusEvents{localStatusChange(key, c->serverCopy, *mine, m_clock.nowMs())};
    Transaction tx(m_db);
    return tx.isActive() && TicketConflicts(m_db).remove(ticketId, error) &&
           TicketRepository(m_db).upsert({*mine}, error, LocalState::Pending) &&
           (mine->status == c->serverCopy.status ||
            TicketRepository(m_db).upsertEvents(statusEvents, error, LocalState::Pending)) &&
           enqueue(ticketId, "PATCH", ticketPath(ticketId), c->localFields, c->serverCopy.version, key,
                   error) &&
           tx.commit(error);
}

bool LocalEdits::takeTheirs(const QString &ticketId, QString *error)
{
    const auto c = conflictFor(ticketId);
    if (!c)
        return fail(error, tr("There is no conflict to settle for this ticket."));
    Transaction tx(m_db);
    const LocalState state =
        OutboxRepository(m_db).liveForTicket(ticketId).isEmpty() ? LocalState::Synced : LocalState::Pending;
    return tx.isActive() && TicketConflicts(m_db).remove(ticketId, error) &&
           TicketRepository(m_db).upsert({c->serverCopy}, error, state) && tx.commit(error);
}

} // namespace pd
