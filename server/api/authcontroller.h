#pragma once

#include "router.h"

namespace pd::server {

/// @brief /auth/login, /auth/refresh, /auth/logout, /auth/me.
class AuthController final
{
public:
    explicit AuthController(AuthService &auth)
        : m_auth(auth)
    {}
    void registerRoutes(Router &router);

private:
    AuthService &m_auth;
};

} // namespace pd::server
