#pragma once

#include "routingpolicysource.h"

#include "server/api/ticketservice.h"
#include "server/storage/routingstore.h"

#include "models/domain/clock.h"
#include "models/routing/routingengine.h"
#include "models/sla/policy.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

namespace pd::server {

/**
 * @brief The server's assignment service (docs/server.md, "Routing"): asks pd::routing::RoutingEngine who
 * gets a ticket, which ticket "Next ticket" hands out and which pushed tickets must move, and writes each
 * decision once.
 *
 * One decision per ticket, whatever the number of instances: every decision is written in a WriteTx (the
 * writer lock of every instance) after RoutingStore::claim, a conditional UPDATE of the ticket's holder
 * from the holder and version the decision was made on; a claim that changes no row (another instance or
 * request decided first) writes nothing. Each decision is the ticket at version + 1 with its assignee and an
 * assignment event whose data is Decision::toJson() and whose text is Decision::reason(), in the same
 * transaction, so consoles pull them like any change.
 *
 * Pushes happen when a ticket changes (created, released, any instance's live hint), when an agent comes
 * online or a held ticket is resolved, and in the periodic check (every kCheckIntervalMs, on the server
 * clock), which also moves pushed tickets not opened within the acceptance timeout and the unopened tickets
 * of agents offline past the grace period (RoutingEngine::reroutes).
 */
class AssignmentService final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kCheckIntervalMs = 1000;
    /// "Next ticket" tries this many of the most urgent tickets in one transaction before looking again.
    static constexpr int kPullCandidates = 8;
    /// Tickets pushed in one pass (the rest follow at the next).
    static constexpr int kPushesPerPass = 500;

    AssignmentService(TicketService &tickets, RoutingStore &store, RoutingPolicySource &policy,
                      std::function<SlaPolicy()> slaPolicy, const Clock &clock, QObject *parent = nullptr);

    void start();

    /// @brief A ticket changed (the live hint of any instance): pushed soon if it waits in a push team.
    void ticketChanged(const QString &ticketId);
    /// @brief An agent of @p teamId came online, or capacity freed up: the team's waiting tickets are pushed.
    void teamChanged(const QString &teamId);
    /// @brief The routing or SLA policy changed: every team's waiting tickets are looked at again.
    void policyChanged();
    /// @brief The assignee opened the ticket (presence view or edit): its push is accepted.
    void opened(const QString &ticketId, const QString &userId);

    /// @brief What "Next ticket" gave an agent.
    struct Pulled
    {
        Ticket ticket;
        TicketEvent event;
    };
    /**
     * @brief "Next ticket" for @p user: the most urgent unassigned ticket of their team they qualify for,
     * claimed for them; nullopt when there is none. ApiError 409 not_available when the agent is on break
     * or offline.
     */
    [[nodiscard]] std::optional<Pulled> next(const User &user);

    /// @brief One pass: waiting tickets of push teams, then the tickets that must move. Returns decisions.
    int check();

private:
    bool push(const QString &ticketId);
    int pushTeams(const QStringList &teams);
    int reroute();
    bool move(const routing::Reroute &r);
    void flush();
    /// @brief Writes @p d for @p t (claimed already) and commits: offer, cursor, agent's last assignment.
    void write(WriteTx &tx, Ticket &t, const routing::Decision &d, bool pushed, TicketEvent *event = nullptr);
    /// @brief The unassigned tickets of @p teams as the engine sees them (parsed once per version).
    [[nodiscard]] QList<routing::RoutableTicket> waiting(const QStringList &teams);
    [[nodiscard]] routing::RoutableTicket routable(const Ticket &t);

    TicketService &m_tickets;
    RoutingStore &m_store;
    RoutingPolicySource &m_policy;
    std::function<SlaPolicy()> m_slaPolicy;
    const Clock &m_clock;
    struct Cached
    {
        qint64 version = 0;
        routing::RoutableTicket ticket;
    };
    QHash<QString, Cached> m_waiting;
    QSet<QString> m_queuedTickets;
    QSet<QString> m_queuedTeams;
    QTimer m_flush;
    QTimer m_check;
    int m_checks = 0;

    Q_DISABLE_COPY_MOVE(AssignmentService)
};

} // namespace pd::server
