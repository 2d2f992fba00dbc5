#include "ticketscontroller.h"

#include "requestparsing.h"

#include <QJsonArray>

namespace pd::server {

namespace {
const QList<Role> kWriters{Role::Agent, Role::Supervisor};
const QList<Role> kDeleters{Role::Supervisor, Role::Admin};

HttpResponse toResponse(const WriteResult &r)
{
    HttpResponse out = jsonResponse(r.status, r.body);
    if (r.status == 204)
        out.contentType.clear();
    return out;
}
} // namespace

void TicketsController::registerRoutes(Router &router)
{
    router.add("POST", QStringLiteral("/api/v1/tickets"), Access::only(kWriters), [this](RequestContext &c) {
        const auto key = parseIdempotencyKey(c.request.header("idempotency-key"));
        return toResponse(m_service.create(Actor::of(c.user()), parseJsonObject(c.request.body), key));
    });
    router.add("GET", QStringLiteral("/api/v1/tickets/{id}"), Access::signedIn(), [this](RequestContext &c) {
        const Actor actor = Actor::of(c.user());
        const Ticket t = m_service.readable(actor, c.param(QStringLiteral("id")));
        HttpResponse r = jsonResponse(200, TicketService::viewOf(actor, t));
        r.headers.append({QByteArrayLiteral("ETag"), '"' + QByteArray::number(t.version) + '"'});
        return r;
    });
    router.add("PATCH", QStringLiteral("/api/v1/tickets/{id}"), Access::only(kWriters),
               [this](RequestContext &c) {
                   const auto ifMatch = parseIfMatch(c.request.header("if-match"));
                   return toResponse(m_service.patch(Actor::of(c.user()), c.param(QStringLiteral("id")),
                                                     parseJsonObject(c.request.body), ifMatch));
               });
    router.add(
        "DELETE", QStringLiteral("/api/v1/tickets/{id}"), Access::only(kDeleters), [this](RequestContext &c) {
            const auto ifMatch = parseIfMatch(c.request.header("if-match"));
            return toResponse(m_service.remove(Actor::of(c.user()), c.param(QStringLiteral("id")), ifMatch));
        });
    router.add("POST", QStringLiteral("/api/v1/tickets/{id}/merge"), Access::only({Role::Supervisor}),
               [this](RequestContext &c) {
                   const auto ifMatch = parseIfMatch(c.request.header("if-match"));
                   return toResponse(m_service.merge(Actor::of(c.user()), c.param(QStringLiteral("id")),
                                                     parseJsonObject(c.request.body), ifMatch));
               });
    router.add("GET", QStringLiteral("/api/v1/tickets/{id}/events"), Access::signedIn(),
               [this](RequestContext &c) {
                   const Actor actor = Actor::of(c.user());
                   const Ticket t = m_service.readable(actor, c.param(QStringLiteral("id")));
                   QJsonArray items;
                   const auto events = m_service.store().events(t.id);
                   for (const TicketEvent &e : events)
                       items.append(TicketService::viewOf(actor, t, e));
                   return jsonResponse(200, QJsonObject{{QStringLiteral("items"), items}});
               });
    router.add("POST", QStringLiteral("/api/v1/tickets/{id}/events"), Access::only(kWriters),
               [this](RequestContext &c) {
                   const auto key = parseIdempotencyKey(c.request.header("idempotency-key"));
                   const auto ifMatch = parseIfMatch(c.request.header("if-match"));
                   return toResponse(m_service.addEvent(Actor::of(c.user()), c.param(QStringLiteral("id")),
                                                        parseJsonObject(c.request.body), key, ifMatch));
               });
}

} // namespace pd::server
