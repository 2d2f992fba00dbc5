#pragma once

#include "server/storage/routingstore.h"

#include "models/routing/routingengine.h"

#include <memory>

namespace pd::server {

/**
 * @brief The routing policy in force and its engine: the stored policy (table routing_policy), or
 * RoutingPolicy::defaults() at version 1 while none is stored.
 *
 * engine() reads the stored version (one primary-key look-up) and parses the policy again only when it
 * changed, so a PUT on any instance is in force on every instance at its next decision.
 */
class RoutingPolicySource final
{
public:
    explicit RoutingPolicySource(RoutingStore &store)
        : m_store(store)
    {}

    /// @brief The engine of the policy in force now.
    [[nodiscard]] const routing::RoutingEngine &engine();
    /// @brief The policy in force now (its version() is the stored version; 1 for the defaults).
    [[nodiscard]] const routing::RoutingPolicy &policy() { return engine().policy(); }
    /// @brief The stored policy parsed, or the defaults at version 1 (also for a stored row that no longer
    /// parses, which PUT never stores).
    [[nodiscard]] static routing::RoutingPolicy stored(RoutingStore &store);

private:
    RoutingStore &m_store;
    qint64 m_loadedVersion = -1;
    std::unique_ptr<routing::RoutingEngine> m_engine;
};

} // namespace pd::server
