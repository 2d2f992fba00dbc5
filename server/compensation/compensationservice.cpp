#include "compensationservice.h"

#include "server/storage/documentstore.h"

#include "models/domain/jsonreader.h"
#include "models/domain/validation.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
const QString kPending = u"pending"_s;
const QString kApproved = u"approved"_s;
const QString kRejected = u"rejected"_s;

/// A free text of a request body (explanation, reason): checked and normalised; 422 names the field.
QString text(const QJsonObject &body, const QString &field, bool required)
{
    const QJsonValue v = body.value(field);
    if (!v.isUndefined() && !v.isNull() && !v.isString())
        throw ApiError::invalid(field, CompensationService::tr("%1 must be a text").arg(field));
    const TextCheck c = Validation::checkText(v.toString(), 2000, required);
    if (!c.valid)
        throw ApiError::invalid(field, field + u": "_s + c.message);
    return c.normalized;
}

/// An amount in yuan (> 0, within the compensation maximum); nullopt when absent and not required.
std::optional<qint64> amount(const QJsonObject &body, const char *field, bool required)
{
    JsonReader r(body);
    const auto fen = r.optMoneyFen(field);
    const QString name = QString::fromLatin1(field);
    if (!r.ok())
        throw ApiError::invalid(name, name + u": "_s + r.error().message);
    if (!fen) {
        if (required)
            throw ApiError::invalid(name, CompensationService::tr("%1 (yuan) is required").arg(name));
        return std::nullopt;
    }
    if (*fen <= 0)
        throw ApiError::invalid(name, CompensationService::tr("%1 must be more than zero").arg(name));
    const TextCheck c = Validation::checkCompensation(*fen);
    if (!c.valid)
        throw ApiError::invalid(name, c.message);
    return fen;
}

QJsonObject stepData(const CompensationRow &row, const QString &reason)
{
    QJsonObject data{{u"compensation_id"_s, row.id}, {u"reason"_s, reason}};
    putMoney(data, "amount", row.amountFen);
    return data;
}
} // namespace

compensation::CompensationPolicy CompensationService::stored(CompensationStore &store)
{
    if (const auto row = store.policy()) {
        QStringList errors;
        auto p =
            compensation::CompensationPolicy::fromJson(QJsonDocument::fromJson(row->json).object(), &errors);
        if (p) {
            p->setVersion(int(row->version));
            return *p;
        }
        qCWarning(lcServerStore) << "stored compensation policy does not parse, using the defaults:"
                                 << errors;
    }
    compensation::CompensationPolicy d = compensation::CompensationPolicy::defaults();
    d.setVersion(1);
    return d;
}

const compensation::CompensationPolicy &CompensationService::policy()
{
    const qint64 version = m_store.policyVersion();
    if (version != m_loadedVersion) {
        m_policy = stored(m_store);
        m_loadedVersion = version;
    }
    return m_policy;
}

ApiError CompensationService::overLimit(qint64 amountFen, qint64 limitFen, const QString &advice,
                                        const QString &field)
{
    return ApiError(
        403, u"approval_required"_s,
        tr("%1 is above your approval limit of %2; %3")
            .arg(compensation::formatYuan(amountFen, true), compensation::formatYuan(limitFen, true), advice),
        field);
}

void CompensationService::guard(const Actor &actor, const Ticket &before, const Ticket &after)
{
    if (actor.system || !after.compensationFen)
        return;
    const bool amountChanged = after.compensationFen != before.compensationFen;
    const bool resolving = after.status == TicketStatus::Resolved &&
                           before.status != TicketStatus::Resolved &&
                           after.resolution == Resolution::Compensation;
    if (!amountChanged && !resolving)
        return;
    const qint64 fen = *after.compensationFen;
    const auto limit = policy().limitFor(actor.role);
    if (!limit || fen <= *limit || m_store.approvedMax(after.id) >= fen)
        return;
    throw overLimit(fen, *limit, tr("request approval"), u"compensation_amount"_s);
}

CompensationService::Outcome CompensationService::request(const Actor &actor, const QString &ticketId,
                                                          const QJsonObject &body)
{
    const qint64 fen = *amount(body, "amount", true);
    const auto proposed = amount(body, "proposed", false);
    const QString explanation = text(body, u"explanation"_s, false);
    const bool changed = proposed && *proposed != fen;
    const QString reason = text(body, u"reason"_s, changed);
    WriteTx tx(m_store.db());
    Ticket t = m_tickets.readable(actor, ticketId);
    if (actor.role == Role::Agent && !canWrite(actor, t.teamId))
        throw ApiError::forbidden(tr("Agents request compensation for their own team's tickets only."));
    if (t.status == TicketStatus::Closed)
        throw ApiError(409, u"ticket_closed"_s, tr("The ticket is closed."), u"status"_s);
    if (m_store.hasPending(t.id))
        throw ApiError::conflict(tr("A compensation request of this ticket is waiting for approval already."),
                                 u"amount"_s);
    const qint64 now = m_clock.nowMs();
    CompensationRow row;
    row.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    row.ticketId = t.id;
    row.teamId = t.teamId;
    row.category = toCode(t.category);
    row.stationId = stationOf(t.waybillNo);
    row.amountFen = fen;
    row.proposedFen = proposed;
    row.explanation = explanation;
    row.reason = reason;
    row.requestedBy = actor.userId;
    row.requestedMs = now;
    const auto limit = policy().limitFor(actor.role);
    CompensationStep step;
    step.data = stepData(row, reason);
    if (!limit || fen <= *limit) {
        // Within the requester's own limit: approved now, and the ticket resolved with it.
        row.state = kApproved;
        row.decidedBy = actor.userId;
        row.decidedMs = now;
        row.paidMs = now;
        step.kind = EventKind::CompensationApproved;
        step.resolveFen = fen;
    } else {
        row.state = kPending;
        step.kind = EventKind::CompensationRequested;
        step.pendingFen = fen;
    }
    m_store.put(tx, row);
    m_tickets.recordCompensation(tx, actor, t, step);
    return Outcome{row.state == kApproved ? 201 : 202, row, t};
}

CompensationRow CompensationService::decidable(const Actor &actor, const QString &id)
{
    auto row = m_store.byId(id);
    if (!row)
        throw ApiError::notFound(tr("No compensation request with id %1.").arg(id.left(100)));
    if (actor.role == Role::Supervisor && row->teamId != actor.teamId)
        throw ApiError::forbidden(tr("This compensation request belongs to another team."));
    if (row->state != kPending)
        throw ApiError::conflict(tr("This compensation request was %1 already.")
                                     .arg(row->state == kApproved ? tr("approved") : tr("rejected")),
                                 u"state"_s);
    if (row->requestedBy == actor.userId)
        throw ApiError::forbidden(tr("You cannot decide your own compensation request."));
    return *row;
}

CompensationService::Outcome CompensationService::approve(const Actor &actor, const QString &id,
                                                          const QJsonObject &body)
{
    const auto changedFen = amount(body, "amount", false);
    WriteTx tx(m_store.db());
    CompensationRow row = decidable(actor, id);
    const bool changed = changedFen && *changedFen != row.amountFen;
    const QString reason = text(body, u"reason"_s, changed);
    const qint64 fen = changedFen.value_or(row.amountFen);
    const auto limit = policy().limitFor(actor.role);
    if (limit && fen > *limit)
        throw overLimit(fen, *limit, tr("a manager must approve it"), u"amount"_s);
    Ticket t = m_tickets.readable(Actor::server(), row.ticketId);
    const qint64 now = m_clock.nowMs();
    row.state = kApproved;
    row.amountFen = fen;
    row.decidedBy = actor.userId;
    row.decidedMs = now;
    row.decisionReason = reason;
    row.paidMs = now;
    m_store.put(tx, row);
    CompensationStep step;
    step.kind = EventKind::CompensationApproved;
    step.data = stepData(row, reason);
    step.resolveFen = fen;
    m_tickets.recordCompensation(tx, actor, t, step);
    return Outcome{200, row, t};
}

CompensationService::Outcome CompensationService::reject(const Actor &actor, const QString &id,
                                                         const QJsonObject &body)
{
    const QString reason = text(body, u"reason"_s, true);
    WriteTx tx(m_store.db());
    CompensationRow row = decidable(actor, id);
    Ticket t = m_tickets.readable(Actor::server(), row.ticketId);
    row.state = kRejected;
    row.decidedBy = actor.userId;
    row.decidedMs = m_clock.nowMs();
    row.decisionReason = reason;
    m_store.put(tx, row);
    CompensationStep step;
    step.kind = EventKind::CompensationRejected;
    step.data = stepData(row, reason);
    m_tickets.recordCompensation(tx, actor, t, step);
    return Outcome{200, row, t};
}

QString CompensationService::stationOf(const QString &waybillNo)
{
    if (waybillNo.isEmpty())
        return {};
    const auto doc = m_tickets.store().docs().get(DocType::Parcel, waybillNo);
    if (!doc)
        return {};
    const auto parcel = Parcel::fromJson(QJsonDocument::fromJson(doc->data).object());
    return parcel ? parcel->stationId : QString();
}

QString CompensationService::userName(const QString &userId)
{
    const auto it = m_userNames.constFind(userId);
    if (it != m_userNames.cend())
        return *it;
    QString name;
    if (const auto doc = m_tickets.store().docs().get(DocType::User, userId)) {
        const QJsonObject o = QJsonDocument::fromJson(doc->data).object();
        name = o.value(u"name"_s).toString();
        if (name.isEmpty())
            name = o.value(u"login"_s).toString();
    }
    m_userNames.insert(userId, name);
    return name;
}

} // namespace pd::server
