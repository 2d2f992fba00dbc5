#include "routingengine.h"

#include "unassignedqueue.h"

#include <QDateTime>

#include <algorithm>
#include <limits>
#include <tuple>

using namespace Qt::StringLiterals;

namespace pd::routing {

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;

template<typename E>
quint32 maskOf(const QStringList &codes)
{
    if (codes.isEmpty())
        return ~0u;
    quint32 mask = 0;
    for (const QString &c : codes) {
        if (auto e = fromCode<E>(c))
            mask |= 1u << unsigned(*e);
    }
    return mask;
}

bool allows(const QStringList &list, const QString &value)
{
    return list.isEmpty() || value.isEmpty() || list.contains(value);
}

Instant effectiveDeadline(const RoutableTicket &t)
{
    return t.deadline > 0 ? t.deadline : std::numeric_limits<Instant>::max();
}

} // namespace

RoutingEngine::RoutingEngine(RoutingPolicy policy, QTimeZone zone)
    : m_policy(std::move(policy))
    , m_zone(zone.isValid() ? std::move(zone) : QTimeZone(QByteArrayLiteral("Asia/Shanghai")))
{
    const auto &agents = m_policy.agents();
    for (auto it = agents.cbegin(); it != agents.cend(); ++it) {
        const AgentSkills &s = it.value();
        Compiled c;
        c.categories = maskOf<Category>(s.categories);
        c.channels = maskOf<Channel>(s.channels);
        c.languages = s.languages;
        c.stations = s.stations;
        c.keyAccounts = s.keyAccounts;
        c.shift = s.shiftCalendar.isEmpty() ? nullptr : m_policy.calendar(s.shiftCalendar);
        m_compiled.insert(it.key(), c);
    }
}

const RoutingEngine::Compiled &RoutingEngine::compiledFor(const QString &userId) const
{
    const auto it = m_compiled.constFind(userId);
    return it == m_compiled.cend() ? m_anyone : *it;
}

std::optional<Refusal> RoutingEngine::skillRefusal(const Compiled &skills, const RoutableTicket &ticket) const
{
    if (!(skills.categories & (1u << unsigned(ticket.category))))
        return Refusal::Category;
    if (!(skills.channels & (1u << unsigned(ticket.channel))))
        return Refusal::Channel;
    if (!allows(skills.languages, ticket.language))
        return Refusal::Language;
    if (!allows(skills.stations, ticket.stationId))
        return Refusal::Station;
    if (ticket.keyAccount && !skills.keyAccounts)
        return Refusal::KeyAccount;
    return std::nullopt;
}

std::optional<Refusal> RoutingEngine::capacityRefusal(const AgentState &agent, const RoutableTicket &ticket,
                                                      const TeamRouting &team) const
{
    if (agent.open >= team.maxOpen)
        return Refusal::Capacity;
    const std::size_t p = priorityIndex(ticket.priority);
    if (team.maxOpenByPriority[p] != kNoCap && agent.openByPriority[p] >= team.maxOpenByPriority[p])
        return Refusal::PriorityCapacity;
    return std::nullopt;
}

bool RoutingEngine::onShift(const AgentState &agent, Instant now) const
{
    std::shared_ptr<const BusinessCalendar> calendar = compiledFor(agent.userId).shift;
    if (!calendar) {
        const QString &name = m_policy.forTeam(agent.teamId).shiftCalendar;
        if (name.isEmpty())
            return true;
        calendar = m_policy.calendar(name);
    }
    return !calendar || calendar->isBusinessTime(now);
}

std::optional<Refusal> RoutingEngine::whyNot(const AgentState &agent, const RoutableTicket &ticket,
                                             Instant now, DecisionKind kind) const
{
    if (kind == DecisionKind::Push
            ? agent.status != AgentStatus::Online
            : (agent.status == AgentStatus::Break || agent.status == AgentStatus::Offline))
        return Refusal::Status;
    if (!ticket.teamId.isEmpty() && ticket.teamId != agent.teamId)
        return Refusal::Team;
    if (auto r = skillRefusal(compiledFor(agent.userId), ticket))
        return r;
    if (auto r = capacityRefusal(agent, ticket, m_policy.forTeam(agent.teamId)))
        return r;
    if (kind == DecisionKind::Push && !onShift(agent, now))
        return Refusal::Shift;
    return std::nullopt;
}

bool RoutingEngine::qualifies(const AgentState &agent, const RoutableTicket &ticket, Instant now) const
{
    return !whyNot(agent, ticket, now, DecisionKind::Push);
}

bool RoutingEngine::mayReceivePush(const AgentState &agent) const
{
    return agent.status == AgentStatus::Online && agent.open < m_policy.forTeam(agent.teamId).maxOpen;
}

bool RoutingEngine::moreUrgent(const RoutableTicket &a, const RoutableTicket &b, bool keyAccountsFirst)
{
    if (keyAccountsFirst && a.keyAccount != b.keyAccount)
        return a.keyAccount;
    const Instant da = effectiveDeadline(a);
    const Instant db = effectiveDeadline(b);
    if (da != db)
        return da < db;
    if (a.createdAt != b.createdAt)
        return a.createdAt < b.createdAt;
    return a.id < b.id;
}

bool RoutingEngine::lessLoaded(const AgentState &a, const AgentState &b)
{
    if (a.open != b.open)
        return a.open < b.open;
    if (a.lastAssignedAt != b.lastAssignedAt)
        return a.lastAssignedAt < b.lastAssignedAt;
    return a.userId < b.userId;
}

Decision RoutingEngine::decide(const RoutableTicket &ticket, const AgentState &agent, DecisionKind kind,
                               Strategy strategy, int qualified, Instant now) const
{
    Decision d;
    d.ticketId = ticket.id;
    d.agentId = agent.userId;
    d.previousAgentId = ticket.assigneeId;
    d.kind = kind;
    d.strategy = strategy;
    d.qualified = qualified;
    d.agentLoad = agent.open;
    d.keyAccount = ticket.keyAccount;
    d.deadline = ticket.deadline;
    d.decidedAt = now;
    d.zone = m_zone;
    return d;
}

std::optional<Decision> RoutingEngine::assign(const RoutableTicket &ticket, const QList<AgentState> &agents,
                                              Instant now, RoundRobinCursor &cursor) const
{
    const TeamRouting &team = m_policy.forTeam(ticket.teamId);
    if (team.strategy == Strategy::PullOnly)
        return std::nullopt;
    const QString last = cursor.lastByTeam.value(ticket.teamId);
    const AgentState *best = nullptr;      // EDF: least loaded; round-robin: first id after the cursor
    const AgentState *firstById = nullptr; // round-robin wraps to the smallest id
    int qualified = 0;
    for (const AgentState &a : agents) {
        if (a.userId == ticket.assigneeId || !qualifies(a, ticket, now))
            continue;
        ++qualified;
        if (team.strategy == Strategy::EarliestDeadline) {
            if (!best || lessLoaded(a, *best))
                best = &a;
            continue;
        }
        if (!firstById || a.userId < firstById->userId)
            firstById = &a;
        if (a.userId > last && (!best || a.userId < best->userId))
            best = &a;
    }
    if (!best)
        best = firstById;
    if (!best)
        return std::nullopt;
    if (team.strategy == Strategy::RoundRobin)
        cursor.lastByTeam.insert(ticket.teamId, best->userId);
    return decide(ticket, *best, DecisionKind::Push, team.strategy, qualified, now);
}

QList<Decision> RoutingEngine::assignAll(QList<RoutableTicket> unassigned, QList<AgentState> agents,
                                         Instant now, RoundRobinCursor &cursor) const
{
    // One key per ticket keeps the order strict even when teams differ in keyAccountsFirst.
    auto keyOf = [this](const RoutableTicket &t) {
        const bool first = t.keyAccount && m_policy.forTeam(t.teamId).keyAccountsFirst;
        return std::tuple(first ? 0 : 1, effectiveDeadline(t), t.createdAt);
    };
    std::stable_sort(unassigned.begin(), unassigned.end(),
                     [&](const RoutableTicket &a, const RoutableTicket &b) {
                         const auto ka = keyOf(a);
                         const auto kb = keyOf(b);
                         return ka != kb ? ka < kb : a.id < b.id;
                     });
    QHash<QString, qsizetype> indexOf;
    for (qsizetype i = 0; i < agents.size(); ++i)
        indexOf.insert(agents.at(i).userId, i);
    QList<Decision> out;
    for (const RoutableTicket &t : std::as_const(unassigned)) {
        auto d = assign(t, agents, now, cursor);
        if (!d)
            continue;
        AgentState &a = agents[indexOf.value(d->agentId)];
        ++a.open;
        ++a.openByPriority[priorityIndex(t.priority)];
        a.lastAssignedAt = now;
        out.append(*d);
    }
    return out;
}

const TeamRouting *RoutingEngine::teamToPull(const AgentState &agent) const
{
    if (agent.status == AgentStatus::Break || agent.status == AgentStatus::Offline)
        return nullptr;
    const TeamRouting &team = m_policy.forTeam(agent.teamId);
    return agent.open < team.maxOpen ? &team : nullptr;
}

std::optional<Decision> RoutingEngine::next(const AgentState &agent, const QList<RoutableTicket> &unassigned,
                                            Instant now) const
{
    const TeamRouting *pullTeam = teamToPull(agent);
    if (!pullTeam)
        return std::nullopt;
    const TeamRouting &team = *pullTeam;
    const Compiled &skills = compiledFor(agent.userId);
    // A min-scan: the cheap urgency comparison rejects most tickets before the skill checks run.
    const RoutableTicket *best = nullptr;
    for (const RoutableTicket &t : unassigned) {
        if (best && !moreUrgent(t, *best, team.keyAccountsFirst))
            continue;
        if (!t.assigneeId.isEmpty() || (!t.teamId.isEmpty() && t.teamId != agent.teamId))
            continue;
        if (skillRefusal(skills, t) || capacityRefusal(agent, t, team))
            continue;
        best = &t;
    }
    if (!best)
        return std::nullopt;
    return decide(*best, agent, DecisionKind::Pull, team.strategy, 1, now);
}

std::optional<Decision> RoutingEngine::next(const AgentState &agent, const UnassignedQueue &unassigned,
                                            Instant now) const
{
    const TeamRouting *pullTeam = teamToPull(agent);
    if (!pullTeam)
        return std::nullopt;
    const TeamRouting &team = *pullTeam;
    const Compiled &skills = compiledFor(agent.userId);
    auto accept = [&](const RoutableTicket &t) {
        return t.assigneeId.isEmpty() && !skillRefusal(skills, t) && !capacityRefusal(agent, t, team);
    };
    // Whole buckets the agent may not take (a category, key accounts) are never read.
    auto bucketAllowed = [&skills](Category c, bool keyAccount) {
        return (skills.categories & (1u << unsigned(c))) && (!keyAccount || skills.keyAccounts);
    };
    const RoutableTicket *best = unassigned.firstOf(agent.teamId, bucketAllowed, accept);
    if (!agent.teamId.isEmpty()) {
        const RoutableTicket *teamless = unassigned.firstOf(QString(), bucketAllowed, accept);
        if (teamless && (!best || moreUrgent(*teamless, *best, team.keyAccountsFirst)))
            best = teamless;
    }
    if (!best)
        return std::nullopt;
    return decide(*best, agent, DecisionKind::Pull, team.strategy, 1, now);
}

QList<Reroute> RoutingEngine::reroutes(const QList<RoutableTicket> &assigned, const QList<AgentState> &agents,
                                       Instant now) const
{
    QHash<QString, const AgentState *> byId;
    for (const AgentState &a : agents)
        byId.insert(a.userId, &a);
    QList<Reroute> out;
    for (const RoutableTicket &t : assigned) {
        if (t.assigneeId.isEmpty() || t.opened)
            continue;
        const TeamRouting &team = m_policy.forTeam(t.teamId);
        if (t.pushed && now - t.assignedAt >= team.acceptanceTimeoutMinutes * kMinuteMs) {
            out.append({t.id, t.assigneeId, RerouteCause::AcceptanceTimeout});
            continue;
        }
        // An agent unknown to the caller is left alone: nothing says since when they are away.
        const AgentState *a = byId.value(t.assigneeId);
        if (!a || a->status != AgentStatus::Offline)
            continue;
        // A ticket given to someone already offline waits the grace period from its assignment.
        const Instant since = std::max(a->statusSince, t.assignedAt);
        if (now - since >= team.offlineGraceMinutes * kMinuteMs)
            out.append({t.id, t.assigneeId, RerouteCause::AssigneeOffline});
    }
    return out;
}

QList<QString> RoutingEngine::toReroute(const QList<RoutableTicket> &assigned,
                                        const QList<AgentState> &agents, Instant now) const
{
    QList<QString> ids;
    for (const Reroute &r : reroutes(assigned, agents, now))
        ids.append(r.ticketId);
    return ids;
}

AgentStatus RoutingEngine::idleStatus(const AgentState &agent, Instant lastActivity, Instant now) const
{
    const TeamRouting &team = m_policy.forTeam(agent.teamId);
    if (agent.status == AgentStatus::Online && now - lastActivity >= team.idleAwayMinutes * kMinuteMs)
        return AgentStatus::Away;
    return agent.status;
}

QString Decision::reason() const
{
    QStringList parts;
    if (keyAccount)
        parts.append(tr("key account"));
    if (kind == DecisionKind::Pull)
        parts.append(tr("taken with Next ticket"));
    else if (qualified == 1)
        parts.append(tr("the only qualified agent"));
    else if (strategy == Strategy::RoundRobin)
        parts.append(tr("next in turn of %1 qualified agents").arg(qualified));
    else
        parts.append(tr("least loaded of %1 qualified agents").arg(qualified));
    if (deadline <= 0) {
        parts.append(tr("no deadline"));
    } else {
        const QDateTime due = QDateTime::fromMSecsSinceEpoch(deadline, zone);
        const bool sameDay = due.date() == QDateTime::fromMSecsSinceEpoch(decidedAt, zone).date();
        const QString when = due.toString(sameDay ? u"HH:mm"_s : u"MM-dd HH:mm"_s);
        parts.append(tr("deadline %1").arg(when));
    }
    if (!previousAgentId.isEmpty() && !rerouteCause)
        parts.append(tr("taken from %1").arg(previousAgentId));
    else if (rerouteCause == RerouteCause::AcceptanceTimeout)
        parts.append(tr("taken from %1, not opened in time").arg(previousAgentId));
    else if (rerouteCause == RerouteCause::AssigneeOffline)
        parts.append(tr("taken from %1, who is offline").arg(previousAgentId));
    //: Joins the parts of a routing reason: "least loaded of 4 qualified agents; deadline 10:42"
    return parts.join(tr("; "));
}

QJsonObject Decision::toJson() const
{
    QJsonObject o{{u"ticket_id"_s, ticketId},
                  {u"agent_id"_s, agentId},
                  {u"kind"_s, kind == DecisionKind::Push ? u"push"_s : u"pull"_s},
                  {u"strategy"_s, toString(strategy)},
                  {u"qualified"_s, qualified},
                  {u"agent_load"_s, agentLoad},
                  {u"key_account"_s, keyAccount},
                  {u"decided_at"_s, instantToIso(decidedAt)},
                  {u"reason"_s, reason()}};
    if (!previousAgentId.isEmpty())
        o.insert(u"previous_agent_id"_s, previousAgentId);
    if (rerouteCause)
        o.insert(u"reroute_cause"_s, *rerouteCause == RerouteCause::AcceptanceTimeout
                                         ? u"acceptance_timeout"_s
                                         : u"assignee_offline"_s);
    if (deadline > 0)
        o.insert(u"deadline"_s, instantToIso(deadline));
    return o;
}

} // namespace pd::routing
