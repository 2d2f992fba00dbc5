#pragma once

#include "routingpolicy.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <array>
#include <memory>
#include <optional>

/**
 * @file
 * @brief The routing engine (docs/routing.md): who may take a ticket, who gets it, which ticket "Next
 * ticket" hands out, and which assigned tickets must move. Pure: no clock, no database, no I/O — the caller
 * passes the state and the time, and stores the decisions.
 */

namespace pd::routing {

class UnassignedQueue;

/// @brief One agent as the engine sees it at a moment.
struct AgentState
{
    QString userId;
    QString teamId;
    AgentStatus status = AgentStatus::Offline;
    Instant statusSince = 0;
    int open = 0;                                  ///< open tickets assigned to the agent
    std::array<int, 4> openByPriority{0, 0, 0, 0}; ///< the same by priority (P1…P4)
    Instant lastAssignedAt = 0;                    ///< 0 = never
};

/// @brief One ticket as the engine sees it.
struct RoutableTicket
{
    QString id;
    QString teamId; ///< empty = any team
    Category category = Category::Other;
    Channel channel = Channel::Phone;
    QString language;  ///< empty = no language requirement
    QString stationId; ///< empty = no station requirement
    Priority priority = Priority::P3;
    bool keyAccount = false;
    Instant createdAt = 0;
    Instant deadline = 0; ///< first-response due, or resolution due once answered; 0 = none
    QString assigneeId;   ///< empty = unassigned
    Instant assignedAt = 0;
    bool opened = false; ///< the assignee opened (or worked on) it since it was assigned
    bool pushed = true;  ///< assigned by the engine; a supervisor's or the agent's own pick never times out
};

/// @brief Why an agent does not qualify for a ticket (the first rule that fails, in this order).
enum class Refusal
{
    Status,           ///< not Online (push) or on break / offline (pull)
    Team,             ///< another team
    Category,         ///< category not among the agent's skills
    Channel,          ///< channel not among the agent's skills
    Language,         ///< language not among the agent's skills
    Station,          ///< station not among the agent's skills
    KeyAccount,       ///< key-account ticket, agent without the key-account skill
    Capacity,         ///< open ≥ maxOpen
    PriorityCapacity, ///< open of the ticket's priority ≥ the team's cap for it
    Shift             ///< outside the agent's shift (push only)
};

/// @brief How a decision came about.
enum class DecisionKind
{
    Push, ///< assign(): the engine chose the agent
    Pull  ///< next(): the agent asked for work
};

/// @brief Where round-robin continues: the last user id served per team (the server stores it per team).
struct RoundRobinCursor
{
    QHash<QString, QString> lastByTeam;
};

/// @brief Why an assigned ticket must move.
enum class RerouteCause
{
    AcceptanceTimeout, ///< pushed, not opened within the team's acceptance timeout
    AssigneeOffline    ///< assignee offline longer than the grace period, ticket not opened
};

/// @brief One routing decision and why; becomes an Assignment event in the ticket's timeline.
struct Decision
{
    Q_DECLARE_TR_FUNCTIONS(pd::routing::Decision)
public:
    QString ticketId;
    QString agentId;
    QString previousAgentId; ///< the agent the ticket was taken from (re-routing), else empty
    std::optional<RerouteCause> rerouteCause; ///< set by the caller when re-routing; named in reason()
    DecisionKind kind = DecisionKind::Push;
    Strategy strategy = Strategy::EarliestDeadline;
    int qualified = 0; ///< qualified agents (push); 1 for a pull
    int agentLoad = 0; ///< the chosen agent's open tickets before this one
    bool keyAccount = false;
    Instant deadline = 0;
    Instant decidedAt = 0;
    QTimeZone zone; ///< the company time zone, for reason()

    /// @brief "least loaded of 4 qualified agents; deadline 10:42" (translated; the deadline in the company
    /// zone, with the date when it is not the day of the decision); a re-routed ticket adds "taken from u-b"
    /// and, with rerouteCause, why ("not opened in time", "assignee offline").
    [[nodiscard]] QString reason() const;
    /// @brief {"ticket_id", "agent_id", "previous_agent_id"?, "reroute_cause"?, "kind", "strategy",
    /// "qualified", "agent_load", "key_account", "deadline"?, "decided_at", "reason"}: the Assignment event's
    /// data.
    [[nodiscard]] QJsonObject toJson() const;
};

struct Reroute
{
    QString ticketId;
    QString fromAgentId;
    RerouteCause cause = RerouteCause::AcceptanceTimeout;
};

/**
 * @brief Routing decisions over a snapshot of agents and tickets.
 *
 * Ties are deterministic: among qualified agents the fewest open tickets wins, then the longest since the
 * last assignment, then the smaller user id. Tickets are ordered key accounts first (when the team says so),
 * then earliest deadline (none = last), then oldest, then id. Shifts come from the policy's named business
 * calendars (the agent's own, else the team's; none = always on shift) and apply to pushed work only.
 */
class RoutingEngine final
{
    Q_DECLARE_TR_FUNCTIONS(pd::routing::RoutingEngine)
public:
    explicit RoutingEngine(RoutingPolicy policy,
                           QTimeZone zone = QTimeZone(QByteArrayLiteral("Asia/Shanghai")));

    [[nodiscard]] const RoutingPolicy &policy() const { return m_policy; }
    [[nodiscard]] const QTimeZone &zone() const { return m_zone; }

    /// @brief The first rule that keeps @p agent from taking @p ticket, or nullopt when it qualifies.
    [[nodiscard]] std::optional<Refusal> whyNot(const AgentState &agent, const RoutableTicket &ticket,
                                                Instant now, DecisionKind kind = DecisionKind::Push) const;
    /// @brief Status, team, skills, capacity and shift all allow a push of @p ticket to @p agent.
    [[nodiscard]] bool qualifies(const AgentState &agent, const RoutableTicket &ticket, Instant now) const;
    /// @brief Whether any ticket at all could be pushed to @p agent: online and below the team's max_open (a
    /// necessary condition of qualifies(), whatever the ticket). A push pass skips a team where nobody is.
    [[nodiscard]] bool mayReceivePush(const AgentState &agent) const;
    /// @brief True when the agent is inside their shift at @p now (no calendar = always).
    [[nodiscard]] bool onShift(const AgentState &agent, Instant now) const;

    /// @brief Chooses the agent for one ticket by its team's push strategy and advances @p cursor for
    /// round-robin. Never the ticket's current assignee (a re-routed ticket goes to another agent).
    /// nullopt for a pull-only team or when nobody qualifies.
    [[nodiscard]] std::optional<Decision> assign(const RoutableTicket &ticket,
                                                 const QList<AgentState> &agents, Instant now,
                                                 RoundRobinCursor &cursor) const;
    /// @brief Assigns a queue in urgency order, counting each decision into the agents' loads as it goes.
    [[nodiscard]] QList<Decision> assignAll(QList<RoutableTicket> unassigned, QList<AgentState> agents,
                                            Instant now, RoundRobinCursor &cursor) const;
    /// @brief "Next ticket": the most urgent of @p unassigned the agent qualifies for (pull rules: any status
    /// but break and offline, no shift check); nullopt when none. A linear scan, no sort.
    [[nodiscard]] std::optional<Decision> next(const AgentState &agent,
                                               const QList<RoutableTicket> &unassigned, Instant now) const;
    /// @brief The same from a queue kept in urgency order: reads the agent's team (and the teamless tickets)
    /// from the front and stops at the first ticket the agent qualifies for. Same answer as the scan.
    [[nodiscard]] std::optional<Decision> next(const AgentState &agent, const UnassignedQueue &unassigned,
                                               Instant now) const;

    /// @brief Ids of the assigned tickets that must move now (see reroutes()).
    [[nodiscard]] QList<QString> toReroute(const QList<RoutableTicket> &assigned,
                                           const QList<AgentState> &agents, Instant now) const;
    /// @brief The same with the agent and the cause: a pushed ticket not opened within the acceptance
    /// timeout; or an unopened ticket whose assignee has been offline longer than the grace period.
    [[nodiscard]] QList<Reroute> reroutes(const QList<RoutableTicket> &assigned,
                                          const QList<AgentState> &agents, Instant now) const;

    /// @brief Away when an Online agent has been idle for the team's idleAwayMinutes, else the status.
    [[nodiscard]] AgentStatus idleStatus(const AgentState &agent, Instant lastActivity, Instant now) const;

    /// @brief True when @p a goes before @p b in the queue of a team with that keyAccountsFirst setting.
    [[nodiscard]] static bool moreUrgent(const RoutableTicket &a, const RoutableTicket &b,
                                         bool keyAccountsFirst);
    /// @brief True when @p a is preferred over @p b for a push (fewest open, longest idle, smaller id).
    [[nodiscard]] static bool lessLoaded(const AgentState &a, const AgentState &b);

private:
    // An agent's skills prepared for the hot loop: categories and channels as bit masks (all bits = any).
    struct Compiled
    {
        quint32 categories = ~0u;
        quint32 channels = ~0u;
        QStringList languages;
        QStringList stations;
        bool keyAccounts = true;
        std::shared_ptr<const BusinessCalendar> shift; ///< the agent's own calendar, else null
    };
    [[nodiscard]] const Compiled &compiledFor(const QString &userId) const;
    /// @brief The agent's team when the agent may take a ticket now (not on a break or offline, below
    /// capacity).
    [[nodiscard]] const TeamRouting *teamToPull(const AgentState &agent) const;
    [[nodiscard]] std::optional<Refusal> skillRefusal(const Compiled &skills,
                                                      const RoutableTicket &ticket) const;
    [[nodiscard]] std::optional<Refusal>
    capacityRefusal(const AgentState &agent, const RoutableTicket &ticket, const TeamRouting &team) const;
    [[nodiscard]] Decision decide(const RoutableTicket &ticket, const AgentState &agent, DecisionKind kind,
                                  Strategy strategy, int qualified, Instant now) const;

    RoutingPolicy m_policy;
    QTimeZone m_zone;
    QHash<QString, Compiled> m_compiled; // per listed agent
    Compiled m_anyone;                   // an agent the policy does not list
};

} // namespace pd::routing
