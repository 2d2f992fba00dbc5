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
    DirectoryController(DocumentStore &docs, UserStore &users, AuthService &auth, PositionService &positions,
                        HashingQueue &hashing)
        : m_docs(docs)
        , m_users(users)
        , m_auth(auth)
        , m_positions(positions)
        , m_hashing(hashing)
    {}
    void registerRoutes(Router &router);

private:
    [[nodiscard]] HttpResponse list(const QString &type);
    [[nodiscard]] HttpResponse reportPositions(RequestContext &c);
    [[nodiscard]] HttpResponse putRecord(RequestContext &c, const QString &type);
    [[nodiscard]] HttpResponse createUser(RequestContext &c);
    [[nodiscard]] HttpResponse updateUser(RequestContext &c);
    /// @brief The writes of updateUser; @p passwordHash is set when the body carries a new password.
    [[nodiscard]] HttpResponse saveUser(const QJsonObject &body, const QString &id, const QString &actorId,
                                        qint64 nowMs, const Passwords::Hash *passwordHash);
    [[nodiscard]] HttpResponse createTeam(RequestContext &c);

    DocumentStore &m_docs;
    UserStore &m_users;
    AuthService &m_auth;
    PositionService &m_positions;
    HashingQueue &m_hashing; ///< new passwords are hashed here, off the event loop
};

} // namespace pd::server
