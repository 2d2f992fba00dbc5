#include "compensationcontroller.h"

#include "server/api/policyversion.h"
#include "server/api/requestparsing.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {
qint64 instantParam(const RequestContext &c, const QString &name)
{
    const QString text = c.request.query.queryItemValue(name, QUrl::FullyDecoded);
    if (text.isEmpty())
        return 0;
    const OptInstant at = instantFromIso(text);
    if (!at)
        throw ApiError::badRequest(
            CompensationController::tr(
                "%1 must be an ISO 8601 instant with an offset, e.g. 2026-11-23T00:00:00Z.")
                .arg(name),
            name);
    return *at;
}

const QList<Role> kDeciders{Role::Supervisor, Role::Manager, Role::Admin};
} // namespace

void CompensationController::registerRoutes(Router &router)
{
    // Every console reads the rules: the resolve dialog's calculator proposes amounts with them.
    router.add("GET", u"/api/v1/compensation-policy"_s, Access::signedIn(), [this](RequestContext &) {
        const compensation::CompensationPolicy p = CompensationService::stored(m_store);
        return withETag(jsonResponse(200, p.toJson()), p.version());
    });
    router.add("PUT", u"/api/v1/compensation-policy"_s, Access::only({Role::Manager, Role::Admin}),
               [this](RequestContext &c) { return putPolicy(c); });
    router.add("POST", u"/api/v1/tickets/{id}/compensations"_s, Access::signedIn(),
               [this](RequestContext &c) {
                   return outcome(c, m_service.request(Actor::of(c.user()), c.param(u"id"_s),
                                                       parseJsonObject(c.request.body)));
               });
    router.add("GET", u"/api/v1/compensations"_s, Access::signedIn(),
               [this](RequestContext &c) { return list(c); });
    router.add("GET", u"/api/v1/compensations/summary"_s, Access::only(kDeciders), [this](RequestContext &c) {
        return jsonResponse(200, m_service.summary(instantParam(c, u"from"_s), instantParam(c, u"to"_s)));
    });
    router.add("POST", u"/api/v1/compensations/{id}/approve"_s, Access::only(kDeciders),
               [this](RequestContext &c) {
                   return outcome(c, m_service.approve(Actor::of(c.user()), c.param(u"id"_s),
                                                       parseJsonObject(c.request.body)));
               });
    router.add("POST", u"/api/v1/compensations/{id}/reject"_s, Access::only(kDeciders),
               [this](RequestContext &c) {
                   return outcome(c, m_service.reject(Actor::of(c.user()), c.param(u"id"_s),
                                                      parseJsonObject(c.request.body)));
               });
}

HttpResponse CompensationController::outcome(RequestContext &c, const CompensationService::Outcome &o)
{
    const Actor actor = Actor::of(c.user());
    return withETag(
        jsonResponse(o.status, QJsonObject{{u"compensation"_s, m_service.rowJson(o.row, &o.ticket)},
                                           {u"ticket"_s, TicketService::viewOf(actor, o.ticket)}}),
        o.ticket.version);
}

HttpResponse CompensationController::list(RequestContext &c)
{
    CompensationFilter f;
    f.state = c.request.query.queryItemValue(u"state"_s, QUrl::FullyDecoded);
    if (!f.state.isEmpty() && f.state != u"pending"_s && f.state != u"approved"_s && f.state != u"rejected"_s)
        throw ApiError::badRequest(tr("state must be one of: pending, approved, rejected."), u"state"_s);
    f.fromMs = instantParam(c, u"from"_s);
    f.toMs = instantParam(c, u"to"_s);
    return jsonResponse(200, QJsonObject{{u"items"_s, m_service.list(Actor::of(c.user()), f)},
                                         {u"server_time_ms"_s, c.nowMs}});
}

HttpResponse CompensationController::putPolicy(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    QStringList errors;
    auto policy = compensation::CompensationPolicy::fromJson(body, &errors);
    if (!policy)
        throw ApiError::invalidPolicy(errors, tr("The compensation policy is not valid."));
    const auto ifMatch = parseIfMatch(c.request.header("if-match"));
    WriteTx tx(m_store.db());
    const compensation::CompensationPolicy current = CompensationService::stored(m_store);
    // The version a manager edited: If-Match when sent, and the policy's own "version" always.
    requireStoredVersion(
        ifMatch, policy->version(), current.version(), compactJson(current.toJson()),
        tr("The compensation policy changed since the version you edited (it is at version %1).")
            .arg(current.version()));
    policy->setVersion(current.version() + 1);
    const QByteArray json = compactJson(policy->toJson());
    m_store.putPolicy(tx, StoredCompensationPolicy{json, policy->version(), c.nowMs, c.user().id});
    m_docs.audit(tx, c.nowMs, c.user().id, u"compensation_policy.update"_s, u"compensation_policy"_s,
                 u"default"_s, u"version %1"_s.arg(policy->version()));
    tx.publish(QJsonObject{{u"kind"_s, u"compensation_policy"_s}, {u"version"_s, policy->version()}});
    tx.commit();
    return withETag(jsonResponse(200, json), policy->version());
}

} // namespace pd::server
