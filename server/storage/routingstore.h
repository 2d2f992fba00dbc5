#pragma once

#include "database.h"

#include "models/domain/entities.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace pd::server {

/// @brief One agent's status as the server keeps it (table agent_status).
struct AgentStatusRow
{
    QString userId;
    QString teamId;
    QString status; ///< "online", "busy", "break", "away", "offline"
    qint64 sinceMs = 0;
    qint64 updatedMs = 0;
    /// When the agent's last live socket (on any instance) closed; 0 while one is open, or when the agent
    /// never had one (a status set over REST only does not expire).
    qint64 disconnectedMs = 0;
    qint64 lastAssignedMs = 0; ///< when routing last gave the agent a ticket (ties go to the longest idle)
};

/// @brief A ticket pushed to an agent that the agent has not opened yet (table routing_offers).
struct RoutingOffer
{
    QString ticketId;
    QString agentId;
    qint64 offeredMs = 0;
    qint64 acceptedMs = 0;
};

/// @brief The stored routing policy: its JSON and version (table routing_policy, one row).
struct StoredRoutingPolicy
{
    QByteArray json;
    qint64 version = 0;
    qint64 updatedMs = 0;
    QString updatedBy;
};

/**
 * @brief The routing tables of schema 8 (docs/server.md, "Routing"): agent status, live links per instance,
 * the routing policy, pushed tickets waiting to be opened, each team's round-robin position, and the
 * conditional ticket claim that makes one decision per ticket.
 *
 * Writes that belong to a decision take the caller's WriteTx; the live links are single statements of their
 * own (they are per instance and change nothing another instance decides on alone).
 */
class RoutingStore final
{
public:
    explicit RoutingStore(Database &db)
        : m_db(db)
    {}

    [[nodiscard]] std::optional<AgentStatusRow> status(const QString &userId);
    /// @brief Every stored status, by user id.
    [[nodiscard]] QHash<QString, AgentStatusRow> statuses();
    void putStatus(WriteTx &tx, const AgentStatusRow &row);
    /// @brief Routing gave the agent a ticket now (a row is made for an agent that has none).
    void noteAssigned(WriteTx &tx, const QString &userId, const QString &teamId, qint64 nowMs);
    /// @brief Rows of agents not offline whose last socket closed at or before @p beforeMs.
    [[nodiscard]] QList<AgentStatusRow> disconnectedSince(qint64 beforeMs);
    /// @brief Deletes the links of instances not seen after @p aliveAfterWallMs; returns their users.
    [[nodiscard]] QStringList dropStaleLinks(qint64 aliveAfterWallMs);

    /// @brief This instance holds @p sockets live sockets of the user now (0: none; the row goes).
    void setLinks(const QString &userId, const QString &instanceId, int sockets, qint64 wallMs);
    /// @brief Marks every link of this instance as seen now (the instance is alive).
    void touchLinks(const QString &instanceId, qint64 wallMs);
    /// @brief Users with a live socket on an instance seen after @p aliveAfterWallMs.
    [[nodiscard]] QSet<QString> linkedUsers(qint64 aliveAfterWallMs);

    [[nodiscard]] std::optional<StoredRoutingPolicy> policy();
    [[nodiscard]] qint64 policyVersion();
    void putPolicy(WriteTx &tx, const StoredRoutingPolicy &p);

    [[nodiscard]] QString cursor(const QString &teamId);
    void setCursor(WriteTx &tx, const QString &teamId, const QString &agentId);

    [[nodiscard]] std::optional<RoutingOffer> offer(const QString &ticketId);
    /// @brief Offers not opened yet, oldest first.
    [[nodiscard]] QList<RoutingOffer> openOffers();
    void putOffer(WriteTx &tx, const RoutingOffer &o);
    void removeOffer(WriteTx &tx, const QString &ticketId);
    /// @brief Deletes the offers whose ticket is no longer open with that agent (resolved, closed, deleted,
    /// moved by hand); returns how many. Offers are kept only as long as they can matter.
    int pruneOffers();
    /// @brief The agent opened the ticket: its offer is accepted (once). True when this call accepted it.
    bool acceptOffer(const QString &ticketId, const QString &agentId, qint64 nowMs);

    /**
     * @brief The claim: sets the ticket's holder to @p to only if it is still at @p version and held by
     * @p from (empty: unassigned). True when this call changed the row — exactly one of several racing
     * claims (any instance) gets true; the caller then writes the ticket at version + 1.
     */
    [[nodiscard]] bool claim(WriteTx &tx, const QString &ticketId, qint64 version, const QString &from,
                             const QString &to);

    /// @brief Open tickets (new, open, pending, reopened) of @p teams with no assignee.
    [[nodiscard]] QList<Ticket> unassigned(const QStringList &teams);
    /// @brief The ids and versions of open tickets of @p teams with no assignee.
    [[nodiscard]] QList<QPair<QString, qint64>> unassignedIds(const QStringList &teams);
    /// @brief Teams with open tickets that have no assignee.
    [[nodiscard]] QStringList teamsWaiting();
    /// @brief Tickets held by any of @p agents in one of @p statuses (default: the open ones).
    [[nodiscard]] QList<Ticket> heldBy(const QStringList &agents, QStringList statuses = {});
    /// @brief Every user that is not disabled, of @p teams (empty: of every team).
    [[nodiscard]] QList<User> users(const QStringList &teams = {});

    [[nodiscard]] std::optional<User> user(const QString &id);

    [[nodiscard]] static QStringList openStatuses();
    [[nodiscard]] Database &db() { return m_db; }

private:
    [[nodiscard]] QList<Ticket> tickets(const QString &sql, const QVariantList &front,
                                        const QStringList &values);

    Database &m_db;
};

} // namespace pd::server
