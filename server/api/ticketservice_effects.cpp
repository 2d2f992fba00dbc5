// What events and patches do to a ticket: the state machine, first response, assignment, satisfaction.
#include "eventdata.h"
#include "ticketservice.h"

#include "server/appeals/appealservice.h"

#include "models/domain/jsonreader.h"
#include "models/domain/masking.h"
#include "models/domain/validation.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
const QStringList kPatchable{QStringLiteral("description"),    QStringLiteral("customer_name"),
                             QStringLiteral("customer_phone"), QStringLiteral("channel"),
                             QStringLiteral("category"),       QStringLiteral("priority"),
                             QStringLiteral("waybill_no"),     QStringLiteral("status"),
                             QStringLiteral("resolution"),     QStringLiteral("compensation_amount"),
                             QStringLiteral("team_id"),        QStringLiteral("assignee_id"),
                             QStringLiteral("follow_up_at"),   QStringLiteral("follow_up_done_at"),
                             QStringLiteral("csat"),           QStringLiteral("nps"),
                             QStringLiteral("language"),       QStringLiteral("appeal")};

void checkReader(const JsonReader &r)
{
    if (!r.ok())
        throw ApiError::invalid(r.error().field, r.error().message);
}

/**
 * A console that was sent a masked value may send it back with an edit. The masked form of what the server
 * holds is taken as "unchanged" (false: skip the field); any other value with the mask character is refused,
 * so a masked value is never stored over the real one.
 */
bool changesCustomerField(const QString &field, const QString &value, const QString &current,
                          QString (*mask)(QStringView))
{
    if (!Masking::looksMasked(value))
        return true;
    if (value == mask(current))
        return false;
    throw ApiError::invalid(field, QStringLiteral("%1 looks masked (it contains *): send the full value, or "
                                                  "leave the field out to keep it.")
                                       .arg(field));
}

/// A description sent back with the masked phone numbers it was served with: unchanged, or refused when a
/// masked number in it stands for a full one the server holds.
bool changesDescription(const QString &value, const QString &current)
{
    static const QRegularExpression maskedPhone(QStringLiteral("[0-9]*\\*{3,4}[0-9]{4}"));
    const QString served = Masking::maskPhonesIn(current);
    if (served == current || value == current)
        return true;
    if (value == served)
        return false;
    auto it = maskedPhone.globalMatch(value);
    while (it.hasNext()) {
        const QString m = it.next().captured();
        if (served.contains(m) && !current.contains(m))
            throw ApiError::invalid(
                QStringLiteral("description"),
                QStringLiteral("description holds a phone number as it was masked for "
                               "you: edit it from the full text, or leave the field out."));
    }
    return true;
}

bool isFirstResponse(const TicketEvent &e)
{
    return e.kind == EventKind::Reply ||
           (e.kind == EventKind::Call &&
            e.data.value(QStringLiteral("direction")).toString() == toCode(CallDirection::Outbound));
}
} // namespace

TicketEvent TicketService::systemEvent(const Actor &actor, const Ticket &t, EventKind kind, qint64 now,
                                       const QJsonObject &data) const
{
    TicketEvent e;
    e.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    e.ticketId = t.id;
    e.kind = kind;
    e.at = now;
    e.authorId = actor.userId;
    e.data = data;
    e.version = 1;
    return e;
}

void TicketService::transition(const Actor &actor, Ticket &t, TicketStatus to, QList<TicketEvent> &events,
                               qint64 now, const QJsonObject &extraData)
{
    if (!TicketRules::canTransition(t.status, to))
        throw ApiError(409, QStringLiteral("illegal_transition"), TicketRules::refusal(t.status, to),
                       QStringLiteral("status"));
    if (to == TicketStatus::Resolved && !t.resolution)
        throw ApiError(409, QStringLiteral("resolution_required"),
                       QStringLiteral("A ticket is resolved with a resolution (one of: %1).")
                           .arg(allCodes<Resolution>().join(QStringLiteral(", "))),
                       QStringLiteral("resolution"));
    if (to == TicketStatus::Resolved && t.resolution == Resolution::Compensation && !t.compensationFen)
        throw ApiError(409, QStringLiteral("resolution_required"),
                       QStringLiteral("Compensation needs compensation_amount (yuan)."),
                       QStringLiteral("compensation_amount"));
    QJsonObject data = extraData;
    data.insert(QStringLiteral("from"), toCode(t.status));
    data.insert(QStringLiteral("to"), toCode(to));
    if (to == TicketStatus::Resolved)
        data.insert(QStringLiteral("resolution"), toCode(*t.resolution));
    const TicketStatus from = t.status;
    t.status = to;
    if (to == TicketStatus::Resolved)
        t.resolvedAt = now;
    if (to == TicketStatus::Closed)
        t.closedAt = now;
    if (to == TicketStatus::Reopened || (from == TicketStatus::Reopened && to == TicketStatus::Open)) {
        t.closedAt.reset();
        if (to == TicketStatus::Reopened)
            t.resolvedAt.reset();
    }
    events.append(systemEvent(actor, t, EventKind::StatusChange, now, data));
}

void TicketService::assign(const Actor &actor, Ticket &t, const QString &assigneeId, const QString &teamId,
                           QList<TicketEvent> &events, qint64 now)
{
    const QString newTeam = teamId.isEmpty() ? t.teamId : teamId;
    if (!actor.system && actor.role == Role::Agent) {
        if (newTeam != t.teamId)
            throw ApiError::forbidden(QStringLiteral("Only supervisors move tickets to another team."));
        const bool take = assigneeId == actor.userId;
        const bool release = assigneeId.isEmpty() && t.assigneeId == actor.userId;
        if (!take && !release)
            throw ApiError::forbidden(
                QStringLiteral("Agents take tickets for themselves or release their own."));
    }
    if (newTeam != t.teamId && !m_store.docs().get(DocType::Team, newTeam))
        throw ApiError::invalid(QStringLiteral("team_id"), QStringLiteral("No team with that id."));
    if (!assigneeId.isEmpty()) {
        const auto doc = m_store.docs().get(DocType::User, assigneeId);
        if (!doc)
            throw ApiError::invalid(QStringLiteral("assignee_id"), QStringLiteral("No user with that id."));
    }
    if (assigneeId == t.assigneeId && newTeam == t.teamId)
        return;
    QJsonObject data{{QStringLiteral("from"), t.assigneeId}, {QStringLiteral("to"), assigneeId}};
    if (newTeam != t.teamId)
        data.insert(QStringLiteral("team_id"), newTeam);
    t.assigneeId = assigneeId;
    t.teamId = newTeam;
    events.append(systemEvent(actor, t, EventKind::Assignment, now, data));
}

void TicketService::applyEvent(const Actor &actor, Ticket &t, TicketEvent &e, QList<TicketEvent> &extra,
                               qint64 now)
{
    if (t.status == TicketStatus::Closed && e.kind != EventKind::Note)
        throw ApiError(409, u"ticket_closed"_s, u"The ticket is closed; only internal notes can be added."_s,
                       u"kind"_s);
    // Only the fields the kind defines are kept, each checked (eventdata.h); the text of every kind is
    // free text with the same rules as the console's.
    e.data = sanitizeEventData(e.kind, e.data);
    const bool needsText = e.kind == EventKind::Reply || e.kind == EventKind::Note;
    const TextCheck text = Validation::checkText(e.text, 20000, needsText);
    if (!text.valid)
        throw ApiError::invalid(QStringLiteral("text"), text.message);
    e.text = text.normalized;
    JsonReader r(e.data);
    switch (e.kind) {
    case EventKind::Reply:
    case EventKind::Note:
    case EventKind::Call:
        break;
    case EventKind::StatusChange: {
        const auto to = r.enumValue("to", TicketStatus::Open, true);
        const auto resolution = r.optEnum<Resolution>("resolution");
        const auto compensation = r.optMoneyFen("compensation_amount");
        checkReader(r);
        if (resolution)
            t.resolution = resolution;
        if (compensation)
            t.compensationFen = compensation;
        QList<TicketEvent> produced;
        transition(actor, t, to, produced, now);
        e.data = produced.first().data; // the event the client sent is the transition itself
        break;
    }
    case EventKind::Assignment: {
        const QString assignee = r.string("assignee_id", false, 100);
        const QString team = r.string("team_id", false, 100);
        checkReader(r);
        QList<TicketEvent> produced;
        assign(actor, t, assignee, team, produced, now);
        e.data = produced.isEmpty() ? QJsonObject{{QStringLiteral("from"), t.assigneeId},
                                                  {QStringLiteral("to"), t.assigneeId}}
                                    : produced.first().data;
        break;
    }
    case EventKind::Escalation: {
        const auto priority = r.optEnum<Priority>("priority");
        checkReader(r);
        if (priority)
            t.priority = *priority;
        break;
    }
    case EventKind::CsatRecorded: {
        const auto csat = r.optIntInRange("csat", 1, 5);
        const auto nps = r.optIntInRange("nps", 0, 10);
        checkReader(r);
        if (csat)
            t.csat = csat;
        if (nps)
            t.nps = nps;
        t.followUpDoneAt = now;
        break;
    }
    case EventKind::SlaBreach:
    case EventKind::CompensationRequested:
    case EventKind::CompensationApproved:
    case EventKind::CompensationRejected:
    case EventKind::AppealAnswered:
    case EventKind::AppealRejected:
    case EventKind::Merged:
        throw ApiError::invalid(QStringLiteral("kind"),
                                toCode(e.kind) + QStringLiteral(" events are written by the server."));
    }
    if (isFirstResponse(e)) {
        if (!t.firstResponseAt)
            t.firstResponseAt = now;
        if (t.status == TicketStatus::New || t.status == TicketStatus::Reopened)
            transition(actor, t, TicketStatus::Open, extra, now);
    }
}

namespace {

/// PATCH of the texts: the description, the customer's name and phone and the waybill, checked and
/// normalised; a masked value sent back unchanged leaves the stored one as it is.
void patchCustomerTexts(JsonReader &r, const QJsonObject &body, Ticket &t)
{
    if (body.contains(QStringLiteral("description"))) {
        const TextCheck text = Validation::checkText(r.string("description", false, 20000), 20000, true);
        if (!text.valid)
            throw ApiError::invalid(QStringLiteral("description"), text.message);
        if (changesDescription(text.normalized, t.description))
            t.description = text.normalized;
    }
    if (body.contains(QStringLiteral("customer_name"))) {
        const TextCheck name = Validation::checkText(r.string("customer_name", false, 100), 100, false);
        if (!name.valid)
            throw ApiError::invalid(QStringLiteral("customer_name"), name.message);
        if (changesCustomerField(QStringLiteral("customer_name"), name.normalized, t.customerName,
                                 &Masking::maskName))
            t.customerName = name.normalized;
    }
    if (body.contains(QStringLiteral("customer_phone")) &&
        changesCustomerField(QStringLiteral("customer_phone"), r.string("customer_phone", false, 40),
                             t.customerPhone, &Masking::maskPhone)) {
        const QString phone = r.string("customer_phone", false, 40);
        const PhoneCheck p = Validation::checkPhone(phone);
        if (!phone.isEmpty() && !p.valid)
            throw ApiError::invalid(QStringLiteral("customer_phone"), p.message);
        t.customerPhone = phone.isEmpty() ? QString() : p.normalized;
    }
    if (body.contains(QStringLiteral("waybill_no"))) {
        const QString waybill = r.string("waybill_no", false, 64);
        const WaybillCheck w = Validation::checkWaybill(waybill);
        if (!waybill.isEmpty() && !w.valid)
            throw ApiError::invalid(QStringLiteral("waybill_no"), w.message);
        t.waybillNo = waybill.isEmpty() ? QString() : w.normalized;
    }
}

/// PATCH of the plain fields: channel, category, priority, resolution, compensation and follow-up times.
void patchFields(JsonReader &r, const QJsonObject &body, Ticket &t)
{
    if (body.contains(QStringLiteral("channel")))
        t.channel = r.enumValue("channel", t.channel, true);
    if (body.contains(QStringLiteral("category")))
        t.category = r.enumValue("category", t.category, true);
    if (body.contains(QStringLiteral("priority")))
        t.priority = r.enumValue("priority", t.priority, true);
    if (body.contains(QStringLiteral("resolution")))
        t.resolution = r.optEnum<Resolution>("resolution");
    if (body.contains(QStringLiteral("compensation_amount"))) {
        t.compensationFen = r.optMoneyFen("compensation_amount");
        checkReader(r);
        if (t.compensationFen) {
            const TextCheck c = Validation::checkCompensation(*t.compensationFen);
            if (!c.valid)
                throw ApiError::invalid(QStringLiteral("compensation_amount"), c.message);
        }
    }
    if (body.contains(QStringLiteral("follow_up_at")))
        t.followUpAt = r.optInstant("follow_up_at");
    if (body.contains(QStringLiteral("follow_up_done_at")))
        t.followUpDoneAt = r.optInstant("follow_up_done_at");
    if (body.contains(QStringLiteral("language")))
        t.language = TicketService::checkedLanguage(body.value(QStringLiteral("language")));
}

} // namespace

void TicketService::applyPatch(const Actor &actor, Ticket &t, const QJsonObject &body,
                               QList<TicketEvent> &events, qint64 now)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (!kPatchable.contains(it.key()))
            throw ApiError::invalid(
                it.key(), QStringLiteral("%1 cannot be changed with PATCH.").arg(it.key().left(60)));
    }
    if (body.isEmpty())
        throw ApiError::badRequest(QStringLiteral("Nothing to change."));
    JsonReader r(body);
    patchCustomerTexts(r, body, t);
    patchFields(r, body, t);
    if (body.contains(QStringLiteral("appeal")))
        patchAppealFinding(body.value(QStringLiteral("appeal")), t); // docs/appeals.md, "Fault finding"
    const auto csat = r.optIntInRange("csat", 1, 5);
    const auto nps = r.optIntInRange("nps", 0, 10);
    checkReader(r);
    if (csat || nps) {
        if (csat)
            t.csat = csat;
        if (nps)
            t.nps = nps;
        QJsonObject data;
        if (csat)
            data.insert(QStringLiteral("csat"), *csat);
        if (nps)
            data.insert(QStringLiteral("nps"), *nps);
        events.append(systemEvent(actor, t, EventKind::CsatRecorded, now, data));
    }
    if (body.contains(QStringLiteral("assignee_id")) || body.contains(QStringLiteral("team_id"))) {
        const QString assignee = body.contains(QStringLiteral("assignee_id"))
                                     ? body.value(QStringLiteral("assignee_id")).toString()
                                     : t.assigneeId;
        assign(actor, t, assignee, body.value(QStringLiteral("team_id")).toString(), events, now);
    }
    if (body.contains(QStringLiteral("status"))) {
        JsonReader sr(body);
        const auto to = sr.enumValue("status", t.status, true);
        checkReader(sr);
        transition(actor, t, to, events, now);
    }
}

} // namespace pd::server
