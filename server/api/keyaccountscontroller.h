#pragma once

#include "keyaccountservice.h"
#include "router.h"

namespace pd::server {

/**
 * @brief The register of key-account customers, managers and administrators only:
 * GET /key-accounts (masked numbers), PUT /key-accounts {"phone","label"}, DELETE /key-accounts {"phone"}.
 */
class KeyAccountsController final
{
public:
    explicit KeyAccountsController(KeyAccountService &service)
        : m_service(service)
    {}
    void registerRoutes(Router &router);

private:
    KeyAccountService &m_service;
};

} // namespace pd::server
