#include "appealscontroller.h"

#include "server/api/requestparsing.h"
#include "server/api/ticketservice.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace pd::server {

namespace {

QJsonObject itemJson(const AppealService::Imported &r)
{
    return {{u"appeal_no"_s, r.ticket.appeal ? r.ticket.appeal->number : QString()},
            {u"ticket_id"_s, r.ticket.id},
            {u"number"_s, r.ticket.number},
            {u"created"_s, r.created}};
}

} // namespace

HttpResponse AppealsController::importAppeals(RequestContext &c)
{
    const QJsonObject body = parseJsonObject(c.request.body);
    const Actor actor = Actor::of(c.user());
    if (!body.contains("appeals"_L1)) {
        const auto r = m_service.importAppeal(actor, m_service.parse(body));
        QJsonObject out{{u"ticket"_s, TicketService::viewOf(actor, r.ticket)}, {u"created"_s, r.created}};
        return jsonResponse(r.created ? 201 : 200, out);
    }
    const QJsonArray list = body.value("appeals"_L1).toArray();
    if (list.isEmpty() || list.size() > AppealService::kMaxBatch)
        throw ApiError::invalid(u"appeals"_s,
                                AppealService::tr("Send 1 to %1 appeals.").arg(AppealService::kMaxBatch));
    // Every appeal is checked before any is written.
    QList<AppealInput> inputs;
    for (qsizetype i = 0; i < list.size(); ++i)
        inputs.append(m_service.parse(list.at(i).toObject(), u"appeals[%1]."_s.arg(i)));
    QJsonArray items;
    int created = 0;
    for (const AppealInput &in : std::as_const(inputs)) {
        const auto r = m_service.importAppeal(actor, in);
        created += r.created ? 1 : 0;
        items.append(itemJson(r));
    }
    return jsonResponse(200, QJsonObject{{u"items"_s, items},
                                         {u"created"_s, created},
                                         {u"existing"_s, int(inputs.size()) - created}});
}

void AppealsController::registerRoutes(Router &router)
{
    const Access importers = Access::only({Role::Supervisor, Role::Manager, Role::Admin});
    router.add("POST", u"/api/v1/appeals"_s, importers,
               [this](RequestContext &c) { return importAppeals(c); });
    router.add("POST", u"/api/v1/tickets/{id}/appeal/answer"_s, Access::signedIn(),
               [this](RequestContext &c) {
                   const Actor actor = Actor::of(c.user());
                   const Ticket t = m_service.answer(actor, c.param(u"id"_s), parseJsonObject(c.request.body),
                                                     parseIfMatch(c.request.header("if-match")));
                   return jsonResponse(200, TicketService::viewOf(actor, t));
               });
    router.add("POST", u"/api/v1/tickets/{id}/appeal/rejection"_s, Access::signedIn(),
               [this](RequestContext &c) {
                   const Actor actor = Actor::of(c.user());
                   const Ticket t = m_service.reject(actor, c.param(u"id"_s), parseJsonObject(c.request.body),
                                                     parseIfMatch(c.request.header("if-match")));
                   return jsonResponse(200, TicketService::viewOf(actor, t));
               });
    router.add("GET", u"/api/v1/appeals/settings"_s, importers, [this](RequestContext &) {
        return jsonResponse(200, QJsonObject{{u"team_id"_s, m_service.appealsTeam()}});
    });
    router.add("PUT", u"/api/v1/appeals/settings"_s, Access::only({Role::Manager, Role::Admin}),
               [this](RequestContext &c) {
                   const QJsonObject body = parseJsonObject(c.request.body);
                   const QJsonValue team = body.value("team_id"_L1);
                   if (!team.isString() && !team.isNull())
                       throw ApiError::invalid(u"team_id"_s,
                                               AppealService::tr("must be a team id, or empty"));
                   m_service.setAppealsTeam(Actor::of(c.user()), team.toString());
                   return jsonResponse(200, QJsonObject{{u"team_id"_s, team.toString()}});
               });
}

} // namespace pd::server
