#include "routingcontroller.h"

#include "server/api/policyversion.h"
#include "server/api/requestparsing.h"
#include "server/api/ticketservice.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace pd::server {

void RoutingController::registerRoutes(Router &router)
{
    router.add("PUT", u"/api/v1/agents/me/status"_s, Access::only({Role::Agent}), [this](RequestContext &c) {
        const QJsonObject body = parseJsonObject(c.request.body);
        const QJsonValue status = body.value(u"status"_s);
        if (!status.isString())
            throw ApiError(400, u"invalid_status"_s, AgentStatusService::refusal(status.toString()),
                           u"status"_s);
        const AgentStatusRow row = m_s.status.set(c.user(), status.toString(), false);
        return jsonResponse(200, QJsonObject{{u"user_id"_s, row.userId},
                                             {u"team_id"_s, row.teamId},
                                             {u"status"_s, row.status},
                                             {u"since_ms"_s, row.sinceMs}});
    });
    router.add("GET", u"/api/v1/agents"_s, Access::signedIn(),
               [this](RequestContext &c) { return agents(c); });
    router.add("POST", u"/api/v1/agents/me/next"_s, Access::only({Role::Agent}),
               [this](RequestContext &c) { return next(c); });
    router.add("GET", u"/api/v1/routing-policy"_s, Access::only({Role::Manager}), [this](RequestContext &) {
        const routing::RoutingPolicy p = RoutingPolicySource::stored(m_s.store);
        return withETag(jsonResponse(200, p.toJson()), p.version());
    });
    router.add("PUT", u"/api/v1/routing-policy"_s, Access::only({Role::Manager}),
               [this](RequestContext &c) { return putPolicy(c); });
}

HttpResponse RoutingController::agents(RequestContext &c)
{
    // Agents see themselves, supervisors their team, managers and admins everyone.
    QList<User> users;
    if (c.role() == Role::Agent)
        users.append(c.user());
    else
        users = m_s.store.users(c.role() == Role::Supervisor ? QStringList{c.user().teamId} : QStringList());
    users.removeIf([](const User &u) { return u.role != Role::Agent; });
    const QJsonArray rows = m_s.board.rows(users, m_s.slaPolicy(), m_s.presence(), c.nowMs);
    return jsonResponse(200, QJsonObject{{u"items"_s, rows}, {u"server_time_ms"_s, c.nowMs}});
}

HttpResponse RoutingController::next(RequestContext &c)
{
    const auto pulled = m_s.assignment.next(c.user());
    if (!pulled) {
        HttpResponse r;
        r.status = 204;
        r.contentType.clear();
        return r;
    }
    const Actor actor = Actor::of(c.user());
    return withETag(jsonResponse(200, QJsonObject{{u"ticket"_s, TicketService::viewOf(actor, pulled->ticket)},
                                                  {u"event"_s, TicketService::viewOf(actor, pulled->ticket,
                                                                                     pulled->event)}}),
                    pulled->ticket.version);
}

HttpResponse RoutingController::putPolicy(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    QStringList errors;
    auto policy = routing::RoutingPolicy::fromJson(body, &errors);
    if (!policy)
        throw ApiError::invalidPolicy(errors, tr("The routing policy is not valid."));
    const auto ifMatch = parseIfMatch(c.request.header("if-match"));
    WriteTx tx(m_s.store.db());
    const routing::RoutingPolicy current = RoutingPolicySource::stored(m_s.store);
    // The version a manager edited: If-Match when sent, and the policy's own "version" always.
    requireStoredVersion(ifMatch, policy->version(), current.version(), compactJson(current.toJson()),
                         tr("The routing policy changed since the version you edited (it is at version %1).")
                             .arg(current.version()));
    policy->setVersion(current.version() + 1);
    const QByteArray json = compactJson(policy->toJson());
    m_s.store.putPolicy(tx, StoredRoutingPolicy{json, policy->version(), c.nowMs, c.user().id});
    m_s.docs.audit(tx, c.nowMs, c.user().id, u"routing_policy.update"_s, u"routing_policy"_s, u"default"_s,
                   u"version %1"_s.arg(policy->version()));
    tx.publish(QJsonObject{{u"kind"_s, u"routing_policy"_s}, {u"version"_s, policy->version()}});
    tx.commit();
    return withETag(jsonResponse(200, json), policy->version());
}

} // namespace pd::server
