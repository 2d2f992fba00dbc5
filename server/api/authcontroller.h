#pragma once

#include "router.h"

namespace pd::server {

/// @brief /auth/login, /auth/refresh, /auth/logout, /auth/me.
class AuthController final
{
public:
    AuthController(AuthService &auth, HashingQueue &hashing)
        : m_auth(auth)
        , m_hashing(hashing)
    {}
    void registerRoutes(Router &router);

private:
    AuthService &m_auth;
    HashingQueue &m_hashing; ///< password checks run here, off the event loop
};

} // namespace pd::server
