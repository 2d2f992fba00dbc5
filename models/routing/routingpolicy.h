#pragma once

#include "models/domain/entities.h"
#include "models/sla/businesscalendar.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>

/**
 * @file
 * @brief The routing policy (docs/routing.md): per-team rules, per-agent skills and the shift calendars.
 *
 * Like the SLA policy it is JSON that managers edit, validated field by field with translated messages that
 * name the field, and versioned. Copies are cheap: calendars are shared and immutable.
 */

namespace pd::routing {

/// @brief What an agent is doing; only Online agents receive pushed tickets.
enum class AgentStatus
{
    Online,
    Busy, ///< on a call
    Break,
    Away, ///< idle for the team's idleAwayMinutes
    Offline
};

/// @brief How a team's unassigned tickets reach agents.
enum class Strategy
{
    EarliestDeadline, ///< the most urgent ticket first, to the least-loaded qualified agent
    RoundRobin,       ///< to the next qualified agent in user-id order after the last one served
    PullOnly          ///< never pushed: agents take work with "Next ticket"
};

// toString(AgentStatus) and toString(Strategy) are declared in namespace pd at the end of this file.
/// @brief The status of a code; nullopt for an unknown one (codes are case-sensitive).
[[nodiscard]] std::optional<AgentStatus> agentStatusFromString(QStringView code);
/// @brief The strategy of a code; nullopt for an unknown one.
[[nodiscard]] std::optional<Strategy> strategyFromString(QStringView code);
/// @brief Every status code in declaration order.
[[nodiscard]] QStringList allAgentStatusCodes();
/// @brief Every strategy code in declaration order.
[[nodiscard]] QStringList allStrategyCodes();
/// @brief Translated label for people ("Online" / "在线").
[[nodiscard]] QString displayName(AgentStatus status);
/// @brief Translated label for people ("Earliest deadline first" / …).
[[nodiscard]] QString displayName(Strategy strategy);

/// @brief Index of a priority in per-priority arrays (P1 = 0 … P4 = 3).
[[nodiscard]] constexpr std::size_t priorityIndex(Priority p)
{
    return static_cast<std::size_t>(p);
}

/// @brief A per-priority cap that is not set.
inline constexpr int kNoCap = -1;

/**
 * @brief What one agent may handle. Every list holds codes; an empty list means "any".
 *
 * categories and channels hold the domain codes ("delay", "online_chat"); languages are free codes as the
 * tickets carry them ("zh", "en", "yue"); stations are station ids (the parcel's station).
 */
struct AgentSkills
{
    QStringList categories;
    QStringList channels;
    QStringList languages;
    QStringList stations;
    bool keyAccounts = true; ///< may take key-account (大客户/VIP) tickets
    QString shiftCalendar;   ///< the agent's own shift calendar; empty = the team's
    friend bool operator==(const AgentSkills &, const AgentSkills &) = default;
};

/**
 * @brief The routing rules of one team (or the default row when teamId is empty).
 */
struct TeamRouting
{
    QString teamId;
    Strategy strategy = Strategy::EarliestDeadline;
    int maxOpen = 8; ///< open tickets per agent, all priorities together
    /// At most this many open tickets of each priority (P1…P4) per agent; kNoCap = only maxOpen applies.
    std::array<int, 4> maxOpenByPriority{kNoCap, kNoCap, kNoCap, kNoCap};
    int acceptanceTimeoutMinutes = 5; ///< a pushed ticket not opened in this time goes to another agent
    int offlineGraceMinutes = 10;     ///< an offline assignee's unopened tickets move after this
    int idleAwayMinutes = 10;         ///< an Online agent idle this long becomes Away (see idleStatus())
    bool keyAccountsFirst = true;     ///< key-account tickets before all others, whatever their deadline
    QString shiftCalendar;            ///< the team's shift calendar; empty = always on shift
    friend bool operator==(const TeamRouting &, const TeamRouting &) = default;
};

/**
 * @brief The routing policy: a default team row, team overrides, agent skills and named shift calendars.
 *
 * JSON (docs/routing.md): {"version": 3, "default": {...}, "teams": [{"team_id", ...}],
 * "agents": [{"user_id", "categories", ...}], "calendars": [BusinessCalendar JSON]}. A team row's missing
 * fields come from the default row; an agent not listed has AgentSkills{} (any skill, the team's shift).
 */
class RoutingPolicy final
{
    Q_DECLARE_TR_FUNCTIONS(pd::routing::RoutingPolicy)
public:
    RoutingPolicy() = default;

    /// @brief Earliest deadline first, 8 open per agent, 5 min acceptance, 10 min grace, no shifts.
    [[nodiscard]] static RoutingPolicy defaults();

    /// @brief Reads and validates a policy. On failure returns nullopt and appends one translated
    /// "field: message" line per problem to @p errors (field paths like "teams[1].max_open").
    [[nodiscard]] static std::optional<RoutingPolicy> fromJson(const QJsonObject &o,
                                                               QStringList *errors = nullptr);
    [[nodiscard]] QJsonObject toJson() const;

    [[nodiscard]] int version() const { return m_version; }
    void setVersion(int version) { m_version = version; }

    [[nodiscard]] const TeamRouting &defaultTeam() const { return m_default; }
    /// @brief Sets the default row; its teamId is cleared.
    void setDefaultTeam(const TeamRouting &team);
    /// @brief Adds or replaces the row of team.teamId (which must not be empty).
    void setTeam(const TeamRouting &team);
    [[nodiscard]] const QMap<QString, TeamRouting> &teams() const { return m_teams; }
    /// @brief The team's row, or the default row for a team without one.
    [[nodiscard]] const TeamRouting &forTeam(const QString &teamId) const;

    void setAgentSkills(const QString &userId, const AgentSkills &skills);
    [[nodiscard]] const QMap<QString, AgentSkills> &agents() const { return m_agents; }
    /// @brief The agent's skills, or AgentSkills{} (any) for an agent the policy does not list.
    [[nodiscard]] AgentSkills skillsOf(const QString &userId) const;

    /// @brief Adds or replaces a shift calendar under its name().
    void setCalendar(const BusinessCalendar &calendar);
    /// @brief The calendar of that name, or null.
    [[nodiscard]] std::shared_ptr<const BusinessCalendar> calendar(const QString &name) const;
    [[nodiscard]] QStringList calendarNames() const { return m_calendars.keys(); }

    friend bool operator==(const RoutingPolicy &a, const RoutingPolicy &b);

private:
    int m_version = 1;
    TeamRouting m_default;
    QMap<QString, TeamRouting> m_teams;
    QMap<QString, AgentSkills> m_agents;
    QMap<QString, std::shared_ptr<const BusinessCalendar>> m_calendars;
};

} // namespace pd::routing

namespace pd {

// In pd rather than pd::routing: argument-dependent lookup would otherwise find them from QTest's own
// toString() and QCOMPARE on these enums would not compile. Call them as pd::toString() or unqualified.

/// @brief "online", "busy", "break", "away", "offline".
[[nodiscard]] QString toString(routing::AgentStatus status);
/// @brief "earliest_deadline", "round_robin", "pull_only".
[[nodiscard]] QString toString(routing::Strategy strategy);

} // namespace pd
