#include "proactivecontroller.h"

#include "proactiveeffect.h"

#include "server/api/policyversion.h"
#include "server/api/requestparsing.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
const QList<Role> kSupervisors{Role::Supervisor, Role::Manager, Role::Admin};
constexpr int kListLimit = 500;
constexpr int kParcelsShown = 2000;

QString queryValue(const RequestContext &c, const QString &name)
{
    return c.request.query.queryItemValue(name, QUrl::FullyDecoded);
}

/// An ISO 8601 instant of the query, @p fallback when absent; 422 naming it when malformed.
qint64 instantParam(const RequestContext &c, const QString &name, qint64 fallback)
{
    const QString text = queryValue(c, name);
    if (text.isEmpty())
        return fallback;
    const OptInstant at = instantFromIso(text);
    if (!at)
        throw ApiError::invalid(name,
                                ProactiveController::tr("%1 must be an ISO 8601 instant with an offset, e.g. "
                                                        "2026-12-01T00:00:00+08:00.")
                                    .arg(name));
    return *at;
}
} // namespace

void ProactiveController::registerRoutes(Router &router)
{
    // Every console reads the rules (the Proactive queue explains them); managers change them.
    router.add("GET", u"/api/v1/proactive-policy"_s, Access::signedIn(), [this](RequestContext &) {
        const ProactivePolicy p = m_service.policy();
        return withETag(jsonResponse(200, p.toJson()), p.version());
    });
    router.add("PUT", u"/api/v1/proactive-policy"_s, Access::only({Role::Manager, Role::Admin}),
               [this](RequestContext &c) { return putPolicy(c); });
    router.add("GET", u"/api/v1/incidents"_s, Access::signedIn(),
               [this](RequestContext &c) { return listIncidents(c); });
    router.add("GET", u"/api/v1/incidents/{id}"_s, Access::signedIn(),
               [this](RequestContext &c) { return getIncident(c); });
    router.add("PATCH", u"/api/v1/incidents/{id}"_s, Access::only(kSupervisors),
               [this](RequestContext &c) { return patchIncident(c); });
    router.add("POST", u"/api/v1/incidents/{id}/notify"_s, Access::only(kSupervisors),
               [this](RequestContext &c) { return notifyIncident(c); });
    router.add("GET", u"/api/v1/incidents/{id}/notices"_s, Access::signedIn(), [this](RequestContext &c) {
        const QJsonObject incident = incidentOrThrow(c.param(u"id"_s));
        QJsonArray items;
        for (const NoticeRow &n : m_store.notices(incident.value(u"id"_s).toString(), {}, 100000))
            items.append(noticeJson(n));
        return jsonResponse(200, QJsonObject{{u"items"_s, items}});
    });
    router.add("GET", u"/api/v1/proactive/effect"_s, Access::only(kSupervisors), [this](RequestContext &c) {
        constexpr qint64 kWeek = 7LL * 24 * 3600 * 1000;
        const qint64 to = instantParam(c, u"to"_s, c.nowMs);
        const qint64 from = instantParam(c, u"from"_s, to - kWeek);
        if (from >= to)
            throw ApiError::invalid(u"from"_s, tr("from must be before to."));
        return jsonResponse(200, ProactiveEffect(m_store.db()).figures(from, to));
    });
    router.add("GET", u"/api/v1/proactive/cases"_s, Access::signedIn(),
               [this](RequestContext &c) { return listCases(c); });
    router.add("POST", u"/api/v1/proactive/cases/{id}/dismiss"_s, Access::signedIn(),
               [this](RequestContext &c) { return dismissCase(c); });
    router.add("POST", u"/api/v1/proactive/cases/{id}/notify"_s, Access::signedIn(),
               [this](RequestContext &c) { return notifyCase(c); });
    router.add("POST", u"/api/v1/proactive/cases/{id}/ticket"_s, Access::signedIn(),
               [this](RequestContext &c) { return ticketFromCase(c); });
}

HttpResponse ProactiveController::putPolicy(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    QString error;
    auto policy = ProactivePolicy::fromJson(body, &error);
    if (!policy)
        throw ApiError::invalidPolicy(error.split(u'\n', Qt::SkipEmptyParts),
                                      tr("The proactive service policy is not valid."));
    WriteTx tx(m_store.db());
    const ProactivePolicy current = ProactiveService::storedPolicy(m_store);
    requireStoredVersion(
        parseIfMatch(c.request.header("if-match")), policy->version(), current.version(),
        compactJson(current.toJson()),
        tr("The proactive service policy changed since the version you edited (it is at version %1).")
            .arg(current.version()));
    policy->setVersion(current.version() + 1);
    const QByteArray json = compactJson(policy->toJson());
    m_store.putPolicy(tx, json, policy->version(), c.nowMs, c.user().id);
    m_docs.audit(tx, c.nowMs, c.user().id, u"proactive_policy.update"_s, u"proactive_policy"_s, u"default"_s,
                 u"version %1"_s.arg(policy->version()));
    tx.commit();
    m_service.setPolicy(*policy);
    m_outbox.setPolicy(*policy);
    return withETag(jsonResponse(200, json), policy->version());
}

HttpResponse ProactiveController::listIncidents(RequestContext &c)
{
    const QString state = queryValue(c, u"state"_s);
    if (!state.isEmpty() && state != u"open"_s && state != u"resolved"_s && state != u"all"_s)
        throw ApiError::badRequest(tr("state must be one of: open, resolved, all."), u"state"_s);
    const QStringList states = state == u"all"_s        ? QStringList{u"open"_s, u"resolved"_s}
                               : state == u"resolved"_s ? QStringList{u"resolved"_s}
                                                        : QStringList{u"open"_s};
    QList<QJsonObject> records;
    for (const Doc &d : m_docs.byStatus(kIncidentDocType, states))
        records.append(QJsonDocument::fromJson(d.data).object());
    std::sort(records.begin(), records.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(u"window_start"_s).toString() > b.value(u"window_start"_s).toString();
    });
    QJsonArray items;
    for (QJsonObject r : records.mid(0, kListLimit)) {
        const NoticeCounts n = m_store.noticeCounts(r.value(u"id"_s).toString());
        r.insert(
            u"notices"_s,
            QJsonObject{{u"queued"_s, n.queued + n.sending}, {u"sent"_s, n.sent}, {u"failed"_s, n.failed}});
        items.append(r);
    }
    return jsonResponse(200, QJsonObject{{u"items"_s, items}, {u"server_time_ms"_s, c.nowMs}});
}

HttpResponse ProactiveController::getIncident(RequestContext &c)
{
    QJsonObject r = incidentOrThrow(c.param(u"id"_s));
    const QString id = r.value(u"id"_s).toString();
    const QStringList waybills = m_store.incidentParcels(id).mid(0, kParcelsShown);
    const QHash<QString, Doc> parcels = m_docs.getMany(DocType::Parcel, waybills);
    QJsonArray list;
    for (const QString &w : waybills) {
        QJsonObject p{{u"waybill_no"_s, w}};
        if (const auto it = parcels.constFind(w); it != parcels.constEnd())
            p.insert(u"status"_s, it->status);
        if (const OptInstant eta = m_service.etaOf(w))
            p.insert(u"eta"_s, instantToIso(*eta));
        list.append(p);
    }
    r.insert(u"affected"_s, list);
    const NoticeCounts n = m_store.noticeCounts(id);
    r.insert(u"notices"_s,
             QJsonObject{{u"queued"_s, n.queued + n.sending}, {u"sent"_s, n.sent}, {u"failed"_s, n.failed}});
    return withETag(jsonResponse(200, r), r.value(u"version"_s).toInteger());
}

HttpResponse ProactiveController::patchIncident(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (it.key() != u"explanation"_s && it.key() != u"expected_recovery_at"_s && it.key() != u"state"_s)
            throw ApiError::invalid(it.key(), tr("%1 cannot be changed; send explanation, "
                                                 "expected_recovery_at or state.")
                                                  .arg(it.key()));
    }
    WriteTx tx(m_store.db());
    QJsonObject r = incidentOrThrow(c.param(u"id"_s));
    if (const auto ifMatch = parseIfMatch(c.request.header("if-match"));
        ifMatch && *ifMatch != r.value(u"version"_s).toInteger())
        throw ApiError(412, u"version_mismatch"_s, tr("The incident changed since you opened it."),
                       u"If-Match"_s);
    if (body.contains(u"explanation"_s)) {
        const QString text = body.value(u"explanation"_s).toString().trimmed();
        if (!body.value(u"explanation"_s).isString() || text.size() > 1000)
            throw ApiError::invalid(u"explanation"_s,
                                    tr("The explanation is text of at most 1000 characters."));
        r.insert(u"explanation"_s, text);
        r.insert(u"explanation_by"_s, c.user().id);
    }
    if (body.contains(u"expected_recovery_at"_s)) {
        const OptInstant at = instantFromIso(body.value(u"expected_recovery_at"_s).toString());
        if (!at)
            throw ApiError::invalid(u"expected_recovery_at"_s,
                                    tr("expected_recovery_at must be an ISO 8601 instant with an offset."));
        r.insert(u"expected_recovery_at"_s, instantToIso(*at));
        r.insert(u"recovery_set_by"_s, c.user().id);
    }
    if (body.contains(u"state"_s)) {
        const QString state = body.value(u"state"_s).toString();
        if (state != u"open"_s && state != u"resolved"_s)
            throw ApiError::invalid(u"state"_s, tr("state must be open or resolved."));
        r.insert(u"state"_s, state);
    }
    m_service.putIncident(tx, r);
    m_docs.audit(tx, c.nowMs, c.user().id, u"incident.update"_s, kIncidentDocType,
                 r.value(u"id"_s).toString(), QStringList(body.keys()).join(u", "_s));
    tx.commit();
    return getIncident(c);
}

HttpResponse ProactiveController::listCases(RequestContext &c)
{
    const QString state = queryValue(c, u"state"_s);
    static const QStringList kStates{u"open"_s, u"notified"_s, u"dismissed"_s, u"ticketed"_s};
    if (!state.isEmpty() && !kStates.contains(state))
        throw ApiError::badRequest(tr("state must be one of: open, notified, dismissed, ticketed."),
                                   u"state"_s);
    QJsonArray items;
    for (const ProactiveCaseRow &r : m_store.cases(state, queryValue(c, u"incident"_s), kListLimit))
        items.append(caseJson(r));
    return jsonResponse(200, QJsonObject{{u"items"_s, items}, {u"server_time_ms"_s, c.nowMs}});
}

HttpResponse ProactiveController::dismissCase(RequestContext &c)
{
    const QString reason = parseJsonObject(c.request.body).value(u"reason"_s).toString().trimmed();
    if (reason.isEmpty() || reason.size() > 500)
        throw ApiError::invalid(u"reason"_s, tr("Say why the case is dismissed (at most 500 characters)."));
    WriteTx tx(m_store.db());
    ProactiveCaseRow row = caseOrThrow(c.param(u"id"_s));
    if (row.state == u"dismissed"_s || row.state == u"ticketed"_s)
        throw ApiError::conflict(tr("The case is %1 already.").arg(row.state), u"state"_s);
    row.state = u"dismissed"_s;
    row.reason = reason;
    row.updatedMs = c.nowMs;
    row.updatedBy = c.user().id;
    m_store.updateCase(tx, row);
    m_docs.audit(tx, c.nowMs, c.user().id, u"proactive_case.dismiss"_s, u"proactive_case"_s, row.id, reason);
    tx.commit();
    return jsonResponse(200, caseJson(row));
}

QJsonObject ProactiveController::caseJson(const ProactiveCaseRow &r)
{
    QJsonObject o = QJsonDocument::fromJson(r.data).object();
    o.insert(u"id"_s, r.id);
    o.insert(u"waybill_no"_s, r.waybillNo);
    o.insert(u"kind"_s, r.kind);
    o.insert(u"cause_at"_s, instantToIso(r.causeMs));
    o.insert(u"detected_at"_s, instantToIso(r.detectedMs));
    o.insert(u"station_id"_s, r.stationId);
    o.insert(u"route"_s, r.route);
    o.insert(u"incident_id"_s, r.incidentId);
    o.insert(u"state"_s, r.state);
    if (!r.reason.isEmpty())
        o.insert(u"reason"_s, r.reason);
    if (!r.ticketId.isEmpty())
        o.insert(u"ticket_id"_s, r.ticketId);
    o.insert(u"updated_at"_s, instantToIso(r.updatedMs));
    return o;
}

QJsonObject ProactiveController::noticeJson(const NoticeRow &r)
{
    QJsonObject o{{u"id"_s, r.id},
                  {u"waybill_no"_s, r.waybillNo},
                  {u"cause"_s, r.cause},
                  {u"language"_s, r.language},
                  {u"text"_s, r.text},
                  {u"urgent"_s, r.urgent},
                  {u"state"_s, r.state},
                  {u"attempts"_s, r.attempts},
                  {u"created_at"_s, instantToIso(r.createdMs)}};
    if (!r.incidentId.isEmpty())
        o.insert(u"incident_id"_s, r.incidentId);
    if (!r.caseId.isEmpty())
        o.insert(u"case_id"_s, r.caseId);
    if (r.state == u"queued"_s)
        o.insert(u"next_attempt_at"_s, instantToIso(r.nextMs));
    if (r.sentMs > 0)
        o.insert(u"sent_at"_s, instantToIso(r.sentMs));
    if (r.httpStatus > 0)
        o.insert(u"http_status"_s, r.httpStatus);
    if (!r.lastError.isEmpty())
        o.insert(u"last_error"_s, r.lastError);
    return o;
}

QJsonObject ProactiveController::incidentOrThrow(const QString &id)
{
    const auto r = m_service.incident(id);
    if (!r)
        throw ApiError::notFound(tr("No incident %1.").arg(id));
    return *r;
}

ProactiveCaseRow ProactiveController::caseOrThrow(const QString &id)
{
    const auto r = m_store.caseById(id);
    if (!r)
        throw ApiError::notFound(tr("No proactive case %1.").arg(id));
    return *r;
}

} // namespace pd::server
