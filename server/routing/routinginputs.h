#pragma once

#include "server/storage/documentstore.h"
#include "server/storage/routingstore.h"

#include "models/routing/routingengine.h"
#include "models/sla/policy.h"

#include <QHash>
#include <QList>

#include <optional>

namespace pd::server {

/**
 * @brief The adapter between the server's records and the routing engine's inputs: AgentState from users,
 * stored statuses and the tickets they hold; RoutableTicket from a ticket, its SLA deadline (the clock that
 * runs now, models/sla), its parcel's station and its routing offer.
 *
 * The ticket's key_account (derived by the server from the register of key accounts when the ticket is
 * written) and its language (empty: the company's, no requirement) are passed on as they are stored.
 */
namespace RoutingInputs {

/// @brief An agent as the engine sees it: status (offline without a stored row), load by priority.
[[nodiscard]] routing::AgentState agentState(const User &user, const std::optional<AgentStatusRow> &row,
                                             const QList<Ticket> &held);
/// @brief The agents (role agent, not disabled) of @p teams with their stored status and open load.
[[nodiscard]] QList<routing::AgentState> agents(RoutingStore &store, const QStringList &teams);

/// @brief A ticket as the engine sees it. @p offer: the ticket's pending push, if any.
[[nodiscard]] routing::RoutableTicket routable(const Ticket &t, const SlaPolicy &sla,
                                               const QString &stationId,
                                               const std::optional<RoutingOffer> &offer = std::nullopt);
/// @brief Whether the assignee has worked on the ticket (answered it, or moved it on from new/reopened).
[[nodiscard]] bool workedOn(const Ticket &t);
/// @brief The station of each ticket's parcel (by waybill), read in one go.
[[nodiscard]] QHash<QString, QString> stations(DocumentStore &docs, const QList<Ticket> &tickets);

} // namespace RoutingInputs

} // namespace pd::server
