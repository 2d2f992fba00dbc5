// The notify and ticket routes of ProactiveController (docs/api.md, "Proactive service").
#include "noticetemplate.h"
#include "proactivecontroller.h"

#include "server/api/requestparsing.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pd::server {

ProactiveController::NotifyRequest ProactiveController::notifyRequest(const QJsonObject &body)
{
    NotifyRequest r;
    r.language = body.value(u"language"_s).toString(u"zh_CN"_s);
    if (!NoticeTemplate::knownLanguage(r.language))
        throw ApiError::invalid(
            u"language"_s, tr("language must be one of: %1.").arg(NoticeTemplate::languages().join(u", "_s)));
    r.text = body.contains(u"template"_s) ? body.value(u"template"_s).toString()
                                          : NoticeTemplate::defaultTemplate(r.language);
    if (const QString problem = NoticeTemplate::check(r.text); !problem.isEmpty())
        throw ApiError::invalid(u"template"_s, problem);
    r.compensation = body.value(u"compensation"_s).toString().trimmed();
    if (r.compensation.size() > 200)
        throw ApiError::invalid(u"compensation"_s, tr("The compensation offer is at most 200 characters."));
    r.urgent = body.value(u"urgent"_s).toBool(false);
    return r;
}

void ProactiveController::queueNotice(WriteTx &tx, const RequestContext &c, const NotifyRequest &r,
                                      const QString &waybill, const QString &cause, const QString &incidentId,
                                      const QString &caseId, const QString &causeWords, const OptInstant &eta,
                                      Queued *q)
{
    if (m_outbox.recipientOf(waybill).isEmpty()) {
        ++q->noRecipient;
        return;
    }
    const ProactivePolicy &policy = m_service.policy();
    const QHash<QString, QString> values{
        {u"waybill"_s, waybill},
        {u"cause"_s, causeWords},
        {u"eta"_s, NoticeTemplate::etaText(r.language, eta, policy.timeZone())},
        {u"station"_s, causeWords},
        {u"compensation"_s, r.compensation.isEmpty() ? QString() : r.compensation + u' '}};
    NoticeRow row;
    row.waybillNo = waybill;
    row.cause = cause;
    row.incidentId = incidentId;
    row.caseId = caseId;
    row.language = r.language;
    row.text = NoticeTemplate::render(r.text, values).trimmed().left(NoticeTemplate::kMaxLength);
    row.urgent = r.urgent;
    row.nextMs = c.nowMs;
    row.createdMs = c.nowMs;
    row.createdBy = c.user().id;
    // At most max_per_parcel_and_cause notices: their ids are numbered, so a second request queues nothing
    // once every number of the parcel and cause exists.
    for (int n = 1; n <= policy.maxNoticesPerParcelAndCause(); ++n) {
        row.id = NoticeOutbox::noticeId(waybill, cause, n);
        if (m_store.enqueue(tx, row)) {
            ++q->queued;
            return;
        }
    }
    ++q->already;
}

QJsonObject ProactiveController::queuedJson(const Queued &q)
{
    return QJsonObject{
        {u"queued"_s, q.queued}, {u"already_notified"_s, q.already}, {u"no_recipient"_s, q.noRecipient}};
}

HttpResponse ProactiveController::notifyIncident(RequestContext &c)
{
    const NotifyRequest r = notifyRequest(parseJsonObject(c.request.body));
    WriteTx tx(m_store.db());
    const QJsonObject incident = incidentOrThrow(c.param(u"id"_s));
    const QString id = incident.value(u"id"_s).toString();
    if (incident.value(u"state"_s).toString() != u"open"_s)
        throw ApiError::conflict(tr("The incident is resolved; open it again to notify its customers."),
                                 u"state"_s);
    const QString words = incident.value(u"explanation"_s).toString().isEmpty()
                              ? NoticeTemplate::causeText(r.language, incident.value(u"cause"_s).toString(),
                                                          incident.value(u"place"_s).toString())
                              : incident.value(u"explanation"_s).toString();
    const OptInstant recovery = instantFromIso(incident.value(u"expected_recovery_at"_s).toString());
    Queued q;
    for (const QString &waybill : m_store.incidentParcels(id)) {
        const OptInstant eta = m_service.etaOf(waybill);
        queueNotice(tx, c, r, waybill, id, id, {}, words, eta ? eta : recovery, &q);
    }
    m_docs.audit(tx, c.nowMs, c.user().id, u"incident.notify"_s, kIncidentDocType, id,
                 u"%1 queued, %2 already notified, %3 without a phone"_s.arg(q.queued).arg(q.already).arg(
                     q.noRecipient));
    tx.commit();
    m_outbox.kick();
    return jsonResponse(200, queuedJson(q));
}

HttpResponse ProactiveController::notifyCase(RequestContext &c)
{
    const NotifyRequest r = notifyRequest(parseJsonObject(c.request.body));
    WriteTx tx(m_store.db());
    const ProactiveCaseRow row = caseOrThrow(c.param(u"id"_s));
    if (row.state == u"dismissed"_s)
        throw ApiError::conflict(tr("The case was dismissed."), u"state"_s);
    // A case of an incident is the incident's cause: one notice per parcel whichever way it was asked for.
    const QString cause = row.incidentId.isEmpty() ? row.waybillNo + u':' + row.kind : row.incidentId;
    const QString place =
        m_service.incident(row.incidentId).value_or(QJsonObject()).value(u"place"_s).toString();
    const QString words =
        NoticeTemplate::causeText(r.language, row.kind, place.isEmpty() ? row.stationId : place);
    Queued q;
    queueNotice(tx, c, r, row.waybillNo, cause, row.incidentId, row.id, words, m_service.etaOf(row.waybillNo),
                &q);
    m_docs.audit(tx, c.nowMs, c.user().id, u"proactive_case.notify"_s, u"proactive_case"_s, row.id,
                 u"%1 queued"_s.arg(q.queued));
    tx.commit();
    m_outbox.kick();
    return jsonResponse(200, queuedJson(q));
}

HttpResponse ProactiveController::ticketFromCase(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    ProactiveCaseRow row = caseOrThrow(c.param(u"id"_s));
    if (row.state == u"ticketed"_s)
        throw ApiError::conflict(tr("The case became ticket %1 already.").arg(row.ticketId), u"state"_s);
    const auto kind = exceptionKindFromCode(row.kind);
    const QString category = !kind                                ? u"other"_s
                             : *kind == ExceptionKind::DamageScan ? u"damage"_s
                             : *kind == ExceptionKind::LossScan   ? u"loss"_s
                             : *kind == ExceptionKind::Stalled || *kind == ExceptionKind::WillMissPromise
                                 ? u"delay"_s
                                 : u"other"_s;
    QJsonObject ticket{
        {u"waybill_no"_s, row.waybillNo},
        {u"category"_s, category},
        {u"channel"_s, u"other"_s},
        {u"customer_phone"_s, m_outbox.recipientOf(row.waybillNo)},
        {u"description"_s, body.value(u"description"_s)
                               .toString(tr("Proactive case %1: %2 detected at %3.")
                                             .arg(row.id, row.kind, instantToIso(row.detectedMs)))}};
    for (const QString &key : {u"team_id"_s, u"assignee_id"_s, u"priority"_s, u"language"_s}) {
        if (body.contains(key))
            ticket.insert(key, body.value(key));
    }
    const WriteResult created = m_tickets.create(Actor::of(c.user()), ticket, u"proactive:"_s + row.id);
    const QJsonObject answer = QJsonDocument::fromJson(created.body).object();
    WriteTx tx(m_store.db());
    row.state = u"ticketed"_s;
    row.ticketId = answer.value(u"id"_s).toString();
    row.updatedMs = c.nowMs;
    row.updatedBy = c.user().id;
    m_store.updateCase(tx, row);
    tx.commit();
    return jsonResponse(created.status, QJsonObject{{u"case"_s, caseJson(row)}, {u"ticket"_s, answer}});
}

} // namespace pd::server
