#pragma once

#include "router.h"
#include "server/live/positionservice.h"
#include "server/storage/userstore.h"

namespace pd::server {

/**
 * @brief Couriers and their positions, stations (everyone signed in); users, teams, and creating couriers,
 * stations and positions (admin).
 */
class DirectoryController final
{
public:
    DirectoryController(DocumentStore &docs, UserStore &users, AuthService &auth, PositionService &positions)
        : m_docs(docs)
        , m_users(users)
        , m_auth(auth)
        , m_positions(positions)
    {}
    void registerRoutes(Router &router);

private:
    [[nodiscard]] HttpResponse list(const QString &type);
    [[nodiscard]] HttpResponse reportPositions(RequestContext &c);
    [[nodiscard]] HttpResponse putRecord(RequestContext &c, const QString &type);
    [[nodiscard]] HttpResponse createUser(RequestContext &c);
    [[nodiscard]] HttpResponse updateUser(RequestContext &c);
    [[nodiscard]] HttpResponse createTeam(RequestContext &c);

    DocumentStore &m_docs;
    UserStore &m_users;
    AuthService &m_auth;
    PositionService &m_positions;
};

} // namespace pd::server
