#include "ticketservice.h"

#include "requestparsing.h"
#include "server/storage/customerdata.h"

#include "models/domain/jsonreader.h"
#include "models/domain/masking.h"
#include "models/domain/validation.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

namespace pd::server {

namespace {
QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// The kinds a client may post; everything else (sla_breach, and any kind added for the server) is
// written by the server only.
const QStringList kClientKinds{QStringLiteral("reply"),        QStringLiteral("note"),
                               QStringLiteral("call"),         QStringLiteral("status_change"),
                               QStringLiteral("assignment"),   QStringLiteral("escalation"),
                               QStringLiteral("csat_recorded")};

void checkClientKind(const QJsonValue &kind)
{
    if (kind.isString() && kClientKinds.contains(kind.toString()))
        return;
    if (kind.isString() && fromCode<EventKind>(kind.toString()).has_value())
        throw ApiError::invalid(
            QStringLiteral("kind"),
            QStringLiteral("%1 events are written by the server only.").arg(kind.toString()));
    throw ApiError::invalid(
        QStringLiteral("kind"),
        QStringLiteral("kind must be one of: %1.").arg(kClientKinds.join(QStringLiteral(", "))));
}

ApiError preconditionFailed(const Actor &actor, const Ticket &current)
{
    ApiError e(412, QStringLiteral("version_mismatch"),
               QStringLiteral("The ticket changed since version you sent (it is at version %1). "
                              "The current copy is in \"current\".")
                   .arg(current.version),
               QStringLiteral("If-Match"));
    e.currentJson = compact(TicketService::viewOf(actor, current));
    return e;
}

bool isClosed(const QString &status)
{
    return status == toCode(TicketStatus::Closed);
}
} // namespace

QJsonObject TicketService::viewOf(const Actor &actor, const Ticket &t)
{
    const QJsonObject full = t.toJson();
    return customerAccess(actor).seesTicket(t.teamId, t.assigneeId, t.status)
               ? full
               : CustomerData::maskTicket(full);
}

QJsonObject TicketService::viewOf(const Actor &actor, const Ticket &t, const TicketEvent &e)
{
    const QJsonObject full = e.toJson();
    return customerAccess(actor).seesTicket(t.teamId, t.assigneeId, t.status) ? full
                                                                              : CustomerData::maskEvent(full);
}

void TicketService::reshareCustomerData(WriteTx &tx, const std::optional<Doc> &before, const Ticket *after)
{
    // Who gets the customer data of this ticket, its events and its parcel in full depends on the ticket's
    // team, assignee, closed state, waybill and existence. When one of them changes, the records that have a
    // masked copy get a new seq, so every console pulls them again as it may now see them (the ticket itself
    // was just written with a new version); so do its parcel and tracking, which the feed serves only to
    // readers of a ticket about them.
    const bool existed = before && !before->deleted;
    const bool same = existed && after && before->teamId == after->teamId &&
                      before->holder == after->assigneeId && before->parent == after->waybillNo &&
                      isClosed(before->status) == (after->status == TicketStatus::Closed);
    if (same || (!existed && !after))
        return;
    const QString ticketId = after ? after->id : before->id;
    const bool moved = existed && after && before->teamId != after->teamId; // followTeam re-stamped them
    QStringList waybills;
    if (existed && !before->parent.isEmpty())
        waybills.append(before->parent);
    if (after && !after->waybillNo.isEmpty() && !waybills.contains(after->waybillNo))
        waybills.append(after->waybillNo);
    m_store.docs().restampAbout(tx, ticketId, waybills, !moved);
}

TicketService::TicketService(TicketStore &store, const Clock &clock)
    : m_store(store)
    , m_clock(clock)
    , m_keys(store.docs().db())
{}

QString TicketService::checkedLanguage(const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return {};
    const QString code = v.toString();
    if (!v.isString() || (!code.isEmpty() && code != QLatin1StringView("zh") &&
                          code != QLatin1StringView("yue") && code != QLatin1StringView("en")))
        throw ApiError::invalid(QStringLiteral("language"),
                                QStringLiteral("language must be \"zh\" (Mandarin), \"yue\" (Cantonese), "
                                               "\"en\" (English) or empty for the company's language."));
    return code;
}

QJsonObject TicketService::changedHint(const Ticket &t, qint64 seq)
{
    return QJsonObject{{QStringLiteral("kind"), QStringLiteral("changed")},
                       {QStringLiteral("type"), DocType::Ticket},
                       {QStringLiteral("id"), t.id},
                       {QStringLiteral("version"), t.version},
                       {QStringLiteral("team_id"), t.teamId},
                       {QStringLiteral("change_seq"), seq}};
}

Ticket TicketService::readable(const Actor &actor, const QString &id)
{
    auto t = m_store.ticket(id);
    if (!t)
        throw ApiError::notFound(QStringLiteral("No ticket with id %1.").arg(id.left(100)));
    if (!canRead(actor, t->teamId))
        throw ApiError::forbidden(QStringLiteral("This ticket belongs to another team."));
    return *t;
}

std::optional<WriteResult> TicketService::replay(const QString &key, const Actor &actor)
{
    if (key.isEmpty())
        return std::nullopt;
    const auto stored = m_store.docs().idempotentResponse(key);
    if (!stored)
        return std::nullopt;
    if (stored->userId != actor.userId)
        throw ApiError::conflict(QStringLiteral("This Idempotency-Key was already used by another user."),
                                 QStringLiteral("Idempotency-Key"));
    return WriteResult{stored->status, stored->body};
}

WriteResult TicketService::commit(WriteTx &tx, const Actor &actor, const Ticket &t,
                                  const QList<TicketEvent> &events, int status, const QByteArray &body,
                                  const QString &idempotencyKey, const QString &action)
{
    const auto before = m_store.docs().get(DocType::Ticket, t.id);
    m_store.putTicket(tx, t);
    const bool moved = before && !before->deleted && before->teamId != t.teamId;
    if (moved)
        followTeam(tx, t, before->teamId);
    for (const TicketEvent &e : events)
        m_store.putEvent(tx, e, t.teamId);
    reshareCustomerData(tx, before, &t);
    if (!idempotencyKey.isEmpty())
        m_store.docs().storeIdempotentResponse(tx, idempotencyKey, actor.userId, status, body,
                                               m_clock.nowMs());
    m_store.docs().audit(tx, m_clock.nowMs(), actor.userId, action, DocType::Ticket, t.id,
                         QStringLiteral("version %1").arg(t.version));
    tx.publish(changedHint(t, tx.lastSeq()));
    if (moved) {
        // The old team's consoles pull the withdrawal.
        QJsonObject hint = changedHint(t, tx.lastSeq());
        hint.insert(QStringLiteral("team_id"), before->teamId);
        hint.insert(QStringLiteral("withdrawn"), true);
        tx.publish(hint);
    }
    tx.commit();
    return WriteResult{status, body};
}

void TicketService::followTeam(WriteTx &tx, const Ticket &t, const QString &oldTeam)
{
    // Every event the ticket has so far goes to the new team with a new seq, whatever cursor its consoles
    // hold; the old team gets a withdrawal. A withdrawal left from an earlier move away from the new team
    // is superseded by the ticket itself (written above with a higher seq) and removed.
    m_store.docs().restampChildren(tx, DocType::TicketEvent, t.id, t.teamId, false);
    m_store.docs().restampChildren(tx, DocType::Attachment, t.id, t.teamId, false);
    m_store.docs().remove(tx, DocType::TicketWithdrawn, t.id + QLatin1Char('|') + t.teamId);
    Doc w;
    w.type = DocType::TicketWithdrawn;
    w.id = t.id + QLatin1Char('|') + oldTeam;
    w.version = t.version;
    w.teamId = oldTeam;
    w.parent = t.id;
    w.updatedMs = m_clock.nowMs();
    w.data = QByteArrayLiteral("{}");
    m_store.docs().put(tx, w);
}

WriteResult TicketService::remove(const Actor &actor, const QString &id, std::optional<qint64> ifMatch)
{
    if (!ifMatch)
        throw ApiError(428, QStringLiteral("precondition_required"),
                       QStringLiteral("DELETE needs If-Match with the version you saw."),
                       QStringLiteral("If-Match"));
    WriteTx tx(m_store.docs().db());
    Ticket t = readable(actor, id);
    if (!actor.system && actor.role != Role::Supervisor && actor.role != Role::Admin)
        throw ApiError::forbidden(QStringLiteral("Only supervisors and administrators delete tickets."));
    if (*ifMatch != t.version)
        throw preconditionFailed(actor, t);
    const auto before = m_store.docs().get(DocType::Ticket, t.id);
    // A tombstone: the record stays (for the audit trail) but is served as deleted, with data null, under a
    // new seq; so do its events.
    Doc d = TicketStore::ticketDoc(t);
    d.version = t.version + 1;
    d.deleted = true;
    d.updatedMs = m_clock.nowMs();
    m_store.docs().put(tx, d);
    const int events = m_store.docs().restampChildren(tx, DocType::TicketEvent, t.id, t.teamId, true);
    if (m_removalInTx)
        m_removalInTx(tx, t.id);
    reshareCustomerData(tx, before, nullptr);
    m_store.docs().audit(tx, m_clock.nowMs(), actor.userId, QStringLiteral("ticket.delete"), DocType::Ticket,
                         t.id, QStringLiteral("version %1, %2 events").arg(t.version).arg(events));
    QJsonObject hint = changedHint(t, tx.lastSeq());
    hint.insert(QStringLiteral("version"), d.version);
    hint.insert(QStringLiteral("deleted"), true);
    tx.publish(hint);
    tx.commit();
    if (m_removalCommitted)
        m_removalCommitted(t.id);
    return WriteResult{204, {}};
}

namespace {

/// A new ticket's fields as the body gives them, read, checked and normalised (ApiError 400 otherwise); the
/// priority it asks for, if any, in @p priority.
Ticket newTicketFrom(const QJsonObject &body, const QString &id, std::optional<Priority> *priority)
{
    JsonReader r(body);
    Ticket t;
    t.id = id;
    const QString waybill = r.string("waybill_no", false, 64);
    const QString description = r.string("description", false, 20000);
    t.customerName = r.string("customer_name", false, 100);
    const QString phone = r.string("customer_phone", false, 40);
    t.channel = r.enumValue("channel", Channel::Phone);
    t.category = r.enumValue("category", Category::Other, true);
    *priority = r.optEnum<Priority>("priority");
    t.teamId = r.string("team_id", false, 100);
    t.assigneeId = r.string("assignee_id", false, 100);
    t.followUpAt = r.optInstant("follow_up_at");
    if (!r.ok())
        throw ApiError::invalid(r.error().field, r.error().message);
    t.language = TicketService::checkedLanguage(body.value(QStringLiteral("language")));
    const TextCheck text = Validation::checkText(description, 20000, true);
    if (!text.valid)
        throw ApiError::invalid(QStringLiteral("description"), text.message);
    t.description = text.normalized;
    const TextCheck name = Validation::checkText(t.customerName, 100, false);
    if (!name.valid)
        throw ApiError::invalid(QStringLiteral("customer_name"), name.message);
    t.customerName = name.normalized;
    // '*' is the mask character: a masked name or phone must never be stored as if it were the real one.
    if (Masking::looksMasked(t.customerName))
        throw ApiError::invalid(QStringLiteral("customer_name"),
                                QStringLiteral("customer_name cannot contain *, the mask character."));
    if (Masking::looksMasked(phone))
        throw ApiError::invalid(QStringLiteral("customer_phone"),
                                QStringLiteral("customer_phone looks masked (it contains *): send the full "
                                               "number."));
    if (!waybill.isEmpty()) {
        const WaybillCheck w = Validation::checkWaybill(waybill);
        if (!w.valid)
            throw ApiError::invalid(QStringLiteral("waybill_no"), w.message);
        t.waybillNo = w.normalized;
    }
    if (!phone.isEmpty()) {
        const PhoneCheck p = Validation::checkPhone(phone);
        if (!p.valid)
            throw ApiError::invalid(QStringLiteral("customer_phone"), p.message);
        t.customerPhone = p.normalized;
    }
    return t;
}

} // namespace

/// Whose and where a new ticket is: an agent's own team (and only themselves as assignee), a team, an
/// assignee and an id that exist (ApiError otherwise).
void TicketService::placeNewTicket(const Actor &actor, Ticket &t)
{
    if (actor.role == Role::Agent && !actor.system) {
        if (t.teamId.isEmpty())
            t.teamId = actor.teamId;
        if (t.teamId != actor.teamId)
            throw ApiError::forbidden(QStringLiteral("Agents open tickets for their own team only."));
        if (!t.assigneeId.isEmpty() && t.assigneeId != actor.userId)
            throw ApiError::forbidden(QStringLiteral("Agents may assign a new ticket only to themselves."));
    }
    if (t.teamId.isEmpty())
        throw ApiError::invalid(QStringLiteral("team_id"), QStringLiteral("team_id is required."));
    if (!m_store.docs().get(DocType::Team, t.teamId))
        throw ApiError::invalid(QStringLiteral("team_id"), QStringLiteral("No team with that id."));
    if (!t.assigneeId.isEmpty() && !m_store.docs().get(DocType::User, t.assigneeId))
        throw ApiError::invalid(QStringLiteral("assignee_id"), QStringLiteral("No user with that id."));
    if (m_store.docs().get(DocType::Ticket, t.id))
        throw ApiError::conflict(QStringLiteral("A ticket with this id exists already."),
                                 QStringLiteral("id"));
}

WriteResult TicketService::create(const Actor &actor, const QJsonObject &body, const QString &idempotencyKey)
{
    const QString bodyId = body.value(QStringLiteral("id")).toString();
    const QString key = !idempotencyKey.isEmpty() ? idempotencyKey
                        : bodyId.isEmpty()        ? QString()
                                                  : QStringLiteral("ticket-create:") + bodyId;
    // The whole request runs under the writer lock, so checks and writes see the same state on every
    // instance.
    WriteTx tx(m_store.docs().db());
    if (auto r = replay(key, actor))
        return *r;
    if (!bodyId.isEmpty() && !isUuid(bodyId))
        throw ApiError::invalid(QStringLiteral("id"),
                                QStringLiteral("A ticket id chosen by the client must be a UUID "
                                               "(8-4-4-4-12 hexadecimal digits)."));
    const qint64 now = m_clock.nowMs();
    std::optional<Priority> priority;
    Ticket t = newTicketFrom(body, bodyId.isEmpty() ? newId() : bodyId, &priority);
    placeNewTicket(actor, t);
    qint64 declared = 0;
    if (!t.waybillNo.isEmpty()) {
        if (const auto p = m_store.docs().get(DocType::Parcel, t.waybillNo)) {
            if (const auto parcel = Parcel::fromJson(QJsonDocument::fromJson(p->data).object()))
                declared = parcel->declaredValueFen;
        }
    }
    t.priority = priority.value_or(TicketRules::defaultPriority(t.category, declared));
    t.status = TicketStatus::New;
    t.createdAt = now;
    t.updatedAt = now;
    t.version = 1;
    flagKeyAccount(t);
    m_store.flagDuplicate(t);
    if (m_incidentOf && !t.waybillNo.isEmpty())
        t.incidentId = m_incidentOf(t.waybillNo);

    const QDateTime local = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).addSecs(8 * 3600);
    t.number = QStringLiteral("C%1-%2")
                   .arg(local.toString(QStringLiteral("yyMM")))
                   .arg(tx.nextCounter(QStringLiteral("ticket_number")), 6, 10, QLatin1Char('0'));
    QList<TicketEvent> events;
    if (!t.assigneeId.isEmpty())
        events.append(
            systemEvent(actor, t, EventKind::Assignment, now,
                        {{QStringLiteral("to"), t.assigneeId}, {QStringLiteral("team_id"), t.teamId}}));
    return commit(tx, actor, t, events, 201, compact(viewOf(actor, t)), key, QStringLiteral("ticket.create"));
}

WriteResult TicketService::patch(const Actor &actor, const QString &id, const QJsonObject &body,
                                 std::optional<qint64> ifMatch)
{
    if (!ifMatch)
        throw ApiError(428, QStringLiteral("precondition_required"),
                       QStringLiteral("PATCH needs If-Match with the version you edited."),
                       QStringLiteral("If-Match"));
    WriteTx tx(m_store.docs().db());
    Ticket t = readable(actor, id);
    if (!canWrite(actor, t.teamId))
        throw ApiError::forbidden(QStringLiteral("Your role may not change tickets of this team."));
    if (*ifMatch != t.version)
        throw preconditionFailed(actor, t);
    const qint64 now = m_clock.nowMs();
    QList<TicketEvent> events;
    const Ticket before = t;
    applyPatch(actor, t, body, events, now);
    if (m_compensationGuard && !actor.system)
        m_compensationGuard(actor, before, t);
    flagKeyAccount(t);
    t.version += 1;
    t.updatedAt = now;
    return commit(tx, actor, t, events, 200, compact(viewOf(actor, t)), {}, QStringLiteral("ticket.patch"));
}

WriteResult TicketService::addEvent(const Actor &actor, const QString &ticketId, const QJsonObject &body,
                                    const QString &idempotencyKey, std::optional<qint64> ifMatch)
{
    const QString bodyId = body.value(QStringLiteral("id")).toString();
    if (idempotencyKey.isEmpty() && bodyId.isEmpty())
        throw ApiError::badRequest(QStringLiteral("Send the event's UUID as Idempotency-Key (and as id)."),
                                   QStringLiteral("Idempotency-Key"));
    if (!idempotencyKey.isEmpty() && !bodyId.isEmpty() && idempotencyKey != bodyId)
        throw ApiError::badRequest(QStringLiteral("Idempotency-Key and the event id differ."),
                                   QStringLiteral("Idempotency-Key"));
    const QString eventId = bodyId.isEmpty() ? idempotencyKey : bodyId;
    const QString key = QStringLiteral("event:") + eventId;
    WriteTx tx(m_store.docs().db());
    if (auto r = replay(key, actor))
        return *r;
    // Ids of the server's own events (sla-<clock>-<ticket>, …) are never UUIDs, so a client cannot take
    // one first; kinds only the server writes are refused outright.
    if (!isUuid(eventId))
        throw ApiError::invalid(QStringLiteral("id"),
                                QStringLiteral("An event id (id or Idempotency-Key) must be a UUID "
                                               "(8-4-4-4-12 hexadecimal digits)."));
    checkClientKind(body.value(QStringLiteral("kind")));
    Ticket t = readable(actor, ticketId);
    if (!canWrite(actor, t.teamId))
        throw ApiError::forbidden(QStringLiteral("Your role may not change tickets of this team."));
    if (ifMatch && *ifMatch != t.version)
        throw preconditionFailed(actor, t);
    if (m_store.docs().get(DocType::TicketEvent, eventId))
        throw ApiError::conflict(QStringLiteral("An event with this id exists already."),
                                 QStringLiteral("id"));
    QJsonObject withDefaults = body;
    withDefaults.insert(QStringLiteral("id"), eventId);
    JsonError jerr;
    auto parsed = TicketEvent::fromJson(withDefaults, &jerr);
    if (!parsed)
        throw ApiError::invalid(jerr.field, jerr.message);
    const qint64 now = m_clock.nowMs();
    TicketEvent e = *parsed;
    e.ticketId = t.id;
    e.at = now;
    e.authorId = actor.userId;
    e.version = 1;
    QList<TicketEvent> events;
    const Ticket before = t;
    applyEvent(actor, t, e, events, now);
    if (m_compensationGuard && !actor.system)
        m_compensationGuard(actor, before, t);
    events.prepend(e);
    const qint64 previousVersion = t.version;
    t.version += 1;
    t.updatedAt = now;
    const QJsonObject out{{QStringLiteral("event"), viewOf(actor, t, e)},
                          {QStringLiteral("ticket"), viewOf(actor, t)},
                          {QStringLiteral("previous_version"), previousVersion}};
    return commit(tx, actor, t, events, 201, compact(out), key,
                  QStringLiteral("ticket.event.") + toCode(e.kind));
}

int TicketService::recordBreaches(const QList<QPair<QString, SlaClock>> &breaches)
{
    WriteTx tx(m_store.docs().db());
    int written = 0;
    for (const auto &[ticketId, clock] : breaches) {
        const auto t = m_store.ticket(ticketId);
        const QString id = QStringLiteral("sla-%1-%2").arg(toCode(clock), ticketId);
        if (!t || m_store.docs().get(DocType::TicketEvent, id))
            continue;
        TicketEvent e;
        e.id = id;
        e.ticketId = ticketId;
        e.kind = EventKind::SlaBreach;
        e.at = m_clock.nowMs();
        e.authorId = QStringLiteral("system");
        e.data = QJsonObject{{QStringLiteral("clock"), toCode(clock)}};
        e.version = 1;
        m_store.putEvent(tx, e, t->teamId);
        tx.publish(QJsonObject{{QStringLiteral("kind"), QStringLiteral("sla_breach")},
                               {QStringLiteral("ticket_id"), ticketId},
                               {QStringLiteral("clock"), toCode(clock)},
                               {QStringLiteral("team_id"), t->teamId},
                               {QStringLiteral("number"), t->number},
                               {QStringLiteral("change_seq"), tx.lastSeq()}});
        ++written;
    }
    tx.commit();
    return written;
}

int TicketService::closeExpiredResolved(qint64 resolvedBeforeMs)
{
    // One transaction for the whole pass: after a large import thousands may be due at once.
    WriteTx tx(m_store.docs().db());
    int closed = 0;
    const auto docs = m_store.docs().byStatus(DocType::Ticket, {toCode(TicketStatus::Resolved)});
    const Actor system = Actor::server();
    for (const Doc &d : docs) {
        auto t = Ticket::fromJson(QJsonDocument::fromJson(d.data).object());
        if (!t || !t->resolvedAt || *t->resolvedAt > resolvedBeforeMs)
            continue;
        const qint64 now = m_clock.nowMs();
        QList<TicketEvent> events;
        transition(system, *t, TicketStatus::Closed, events, now,
                   {{QStringLiteral("reason"), QStringLiteral("follow_up_window_passed")}});
        t->version += 1;
        t->updatedAt = now;
        m_store.putTicket(tx, *t);
        for (const TicketEvent &e : events)
            m_store.putEvent(tx, e, t->teamId);
        reshareCustomerData(tx, d, &*t);
        tx.publish(changedHint(*t, tx.lastSeq()));
        ++closed;
    }
    if (closed > 0)
        m_store.docs().audit(tx, m_clock.nowMs(), system.userId, QStringLiteral("ticket.autoclose"),
                             DocType::Ticket, {}, QStringLiteral("%1 tickets").arg(closed));
    tx.commit();
    return closed;
}

} // namespace pd::server
