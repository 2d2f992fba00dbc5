#include "revealcontroller.h"

#include "requestparsing.h"

#include "models/domain/jsonreader.h"
#include "models/domain/validation.h"

#include <QJsonDocument>

namespace pd::server {

namespace {
const QStringList kFields{QStringLiteral("phone"), QStringLiteral("name"), QStringLiteral("address")};
const QStringList kReasons{QStringLiteral("callback"), QStringLiteral("compensation"),
                           QStringLiteral("courier_contact"), QStringLiteral("other")};
constexpr int kNoteMax = 200;

QString oneOf(const QJsonObject &body, const QString &name, const QStringList &allowed)
{
    const QJsonValue v = body.value(name);
    if (!v.isString() || !allowed.contains(v.toString()))
        throw ApiError::invalid(
            name, QStringLiteral("%1 must be one of: %2.").arg(name, allowed.join(QStringLiteral(", "))));
    return v.toString();
}
} // namespace

void RevealController::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/api/v1/tickets/{id}/reveal"),
               Access::only({Role::Agent, Role::Supervisor}),
               [this](RequestContext &c) { return reveal(c); });
}

HttpResponse RevealController::reveal(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    const QString field = oneOf(body, QStringLiteral("field"), kFields);
    const QString reason = oneOf(body, QStringLiteral("reason"), kReasons);
    const QJsonValue noteValue = body.value(QStringLiteral("note"));
    if (!noteValue.isUndefined() && !noteValue.isNull() && !noteValue.isString())
        throw ApiError::invalid(QStringLiteral("note"), QStringLiteral("note must be text."));
    const TextCheck note = Validation::checkText(noteValue.toString(), kNoteMax, reason == kReasons.last());
    if (!note.valid)
        throw ApiError::invalid(QStringLiteral("note"),
                                reason == kReasons.last() && noteValue.toString().trimmed().isEmpty()
                                    ? QStringLiteral("A reveal for another reason needs a note saying why.")
                                    : note.message);

    const Actor actor = Actor::of(c.user());
    WriteTx tx(m_tickets.store().docs().db());
    const Ticket t = m_tickets.readable(actor, c.param(QStringLiteral("id")));
    QJsonObject values;
    if (field == QLatin1StringView("phone")) {
        values.insert(QStringLiteral("customer_phone"), t.customerPhone);
    } else if (field == QLatin1StringView("name")) {
        values.insert(QStringLiteral("customer_name"), t.customerName);
    } else {
        QJsonObject parcel;
        if (!t.waybillNo.isEmpty()) {
            if (const auto d = m_tickets.store().docs().get(DocType::Parcel, t.waybillNo); d && !d->deleted)
                parcel = QJsonDocument::fromJson(d->data).object();
        }
        values.insert(QStringLiteral("origin_address"),
                      parcel.value(QStringLiteral("origin_address")).toString());
        values.insert(QStringLiteral("destination_address"),
                      parcel.value(QStringLiteral("destination_address")).toString());
    }
    AccessEntry e;
    e.atMs = c.nowMs;
    e.userId = c.user().id;
    e.login = c.user().login;
    e.role = toCode(c.role());
    e.teamId = c.user().teamId;
    e.kind = QStringLiteral("reveal");
    e.ticketId = t.id;
    e.field = field;
    e.reason = reason;
    e.note = note.normalized;
    e.customerHash = m_log.customerHash(t.customerPhone);
    m_log.append(tx, e);
    checkAlert(tx, c);
    tx.commit();
    return jsonResponse(200, QJsonObject{{QStringLiteral("ticket_id"), t.id},
                                         {QStringLiteral("field"), field},
                                         {QStringLiteral("reason"), reason},
                                         {QStringLiteral("values"), values},
                                         {QStringLiteral("at"), instantToIso(c.nowMs)}});
}

void RevealController::checkAlert(WriteTx &tx, const RequestContext &c)
{
    const qint64 since = c.nowMs - kAlertWindowMs;
    const int customers = m_log.distinctRevealed(c.user().id, since);
    if (customers <= m_alertPerHour || m_log.hasEntry(c.user().id, QStringLiteral("reveal_alert"), since))
        return;
    AccessEntry alert;
    alert.atMs = c.nowMs;
    alert.userId = c.user().id;
    alert.login = c.user().login;
    alert.role = toCode(c.role());
    alert.teamId = c.user().teamId;
    alert.kind = QStringLiteral("reveal_alert");
    alert.records = customers;
    alert.detail = QStringLiteral("%1 distinct customers revealed within an hour (limit %2)")
                       .arg(customers)
                       .arg(m_alertPerHour);
    m_log.append(tx, alert);
    // Only the supervisors of the user's team receive it (LiveHub: "audience":"supervisors").
    tx.publish(QJsonObject{{QStringLiteral("kind"), QStringLiteral("reveal_alert")},
                           {QStringLiteral("audience"), QStringLiteral("supervisors")},
                           {QStringLiteral("team_id"), c.user().teamId},
                           {QStringLiteral("user_id"), c.user().id},
                           {QStringLiteral("login"), c.user().login},
                           {QStringLiteral("user_name"), c.user().displayName},
                           {QStringLiteral("customers"), customers},
                           {QStringLiteral("limit"), m_alertPerHour},
                           {QStringLiteral("window_minutes"), int(kAlertWindowMs / 60000)},
                           {QStringLiteral("server_time_ms"), c.nowMs}});
}

} // namespace pd::server
