#include "routingengine.h"

namespace pd::routing {

RoutingEngine::RoutingEngine(RoutingPolicy policy, QTimeZone zone)
    : m_policy(std::move(policy))
    , m_zone(std::move(zone))
{}

} // namespace pd::routing
