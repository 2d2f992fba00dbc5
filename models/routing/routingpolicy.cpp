#include "routingpolicy.h"

#include "models/domain/policychecker.h"

#include <QJsonArray>
#include <QSet>

#include <cmath>

using namespace Qt::StringLiterals;

namespace pd::routing {

namespace {

constexpr int kMaxMinutes = 24 * 60;
constexpr int kMaxOpenLimit = 500;

const char *const kStatusCodes[] = {"online", "busy", "break", "away", "offline"};
const char *const kStatusLabels[] = {
    QT_TRANSLATE_NOOP("pd::routing::Routing", "Online"), QT_TRANSLATE_NOOP("pd::routing::Routing", "Busy"),
    QT_TRANSLATE_NOOP("pd::routing::Routing", "Break"), QT_TRANSLATE_NOOP("pd::routing::Routing", "Away"),
    QT_TRANSLATE_NOOP("pd::routing::Routing", "Offline")};
const char *const kStrategyCodes[] = {"earliest_deadline", "round_robin", "pull_only"};
const char *const kStrategyLabels[] = {QT_TRANSLATE_NOOP("pd::routing::Routing", "Earliest deadline first"),
                                       QT_TRANSLATE_NOOP("pd::routing::Routing", "Round robin"),
                                       QT_TRANSLATE_NOOP("pd::routing::Routing", "Pull only")};

template<typename E, std::size_t N>
std::optional<E> fromTable(const char *const (&codes)[N], QStringView code)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (code == QLatin1StringView(codes[i]))
            return static_cast<E>(i);
    }
    return std::nullopt;
}

template<std::size_t N>
QStringList codesOf(const char *const (&codes)[N])
{
    QStringList out;
    for (const char *c : codes)
        out.append(QString::fromLatin1(c));
    return out;
}

const QStringList kTeamKeys{u"team_id"_s,
                            u"strategy"_s,
                            u"max_open"_s,
                            u"max_open_by_priority"_s,
                            u"acceptance_timeout_minutes"_s,
                            u"offline_grace_minutes"_s,
                            u"idle_away_minutes"_s,
                            u"key_accounts_first"_s,
                            u"shift_calendar"_s};
const QStringList kAgentKeys{u"user_id"_s,  u"categories"_s,   u"channels"_s,      u"languages"_s,
                             u"stations"_s, u"key_accounts"_s, u"shift_calendar"_s};
const QStringList kPolicyKeys{u"version"_s, u"default"_s, u"teams"_s, u"agents"_s, u"calendars"_s};

/// The policy's own checks on top of PolicyChecker (every problem as a "field: message" line).
class Checker : public PolicyChecker
{
    Q_DECLARE_TR_FUNCTIONS(pd::routing::RoutingPolicy)
public:
    void unknownKeys(const QJsonObject &o, const QStringList &known, const QString &where)
    {
        PolicyChecker::unknownKeys(o, known, where, tr("is not a field of the routing policy"));
    }

    void calendarName(const QJsonObject &o, const QString &where, const QStringList &calendars, QString *out)
    {
        const QJsonValue v = o.value(u"shift_calendar"_s);
        if (v.isUndefined())
            return;
        if (!v.isString() || (!v.toString().isEmpty() && !calendars.contains(v.toString()))) {
            fail(where + u"shift_calendar"_s, tr("names no calendar of this policy"));
            return;
        }
        *out = v.toString();
    }

    void team(const QJsonObject &o, const QString &where, const QStringList &calendars, TeamRouting *t);
    void agent(const QJsonObject &o, const QString &where, const QStringList &calendars, AgentSkills *s);
};

void Checker::team(const QJsonObject &o, const QString &where, const QStringList &calendars, TeamRouting *t)
{
    unknownKeys(o, kTeamKeys, where);
    const QJsonValue strategy = o.value(u"strategy"_s);
    if (!strategy.isUndefined()) {
        if (auto s = strategyFromString(strategy.toString()))
            t->strategy = *s;
        else
            fail(where + u"strategy"_s, tr("must be one of: %1").arg(allStrategyCodes().join(u", ")));
    }
    integer(o, u"max_open"_s, where, 1, kMaxOpenLimit, &t->maxOpen);
    const QJsonValue caps = o.value(u"max_open_by_priority"_s);
    if (!caps.isUndefined()) {
        const QString capsWhere = where + u"max_open_by_priority."_s;
        if (!caps.isObject())
            fail(where + u"max_open_by_priority"_s, tr("must be an object of priority codes"));
        const QJsonObject co = caps.toObject();
        unknownKeys(co, allCodes<Priority>(), capsWhere);
        t->maxOpenByPriority.fill(kNoCap);
        for (Priority p : {Priority::P1, Priority::P2, Priority::P3, Priority::P4})
            integer(co, toCode(p), capsWhere, 0, kMaxOpenLimit, &t->maxOpenByPriority[priorityIndex(p)]);
    }
    integer(o, u"acceptance_timeout_minutes"_s, where, 1, kMaxMinutes, &t->acceptanceTimeoutMinutes);
    integer(o, u"offline_grace_minutes"_s, where, 0, kMaxMinutes, &t->offlineGraceMinutes);
    integer(o, u"idle_away_minutes"_s, where, 1, kMaxMinutes, &t->idleAwayMinutes);
    boolean(o, u"key_accounts_first"_s, where, &t->keyAccountsFirst);
    calendarName(o, where, calendars, &t->shiftCalendar);
}

void Checker::agent(const QJsonObject &o, const QString &where, const QStringList &calendars, AgentSkills *s)
{
    unknownKeys(o, kAgentKeys, where);
    codes(o, u"categories"_s, where, allCodes<Category>(), &s->categories);
    codes(o, u"channels"_s, where, allCodes<Channel>(), &s->channels);
    codes(o, u"languages"_s, where, {}, &s->languages);
    codes(o, u"stations"_s, where, {}, &s->stations);
    boolean(o, u"key_accounts"_s, where, &s->keyAccounts);
    calendarName(o, where, calendars, &s->shiftCalendar);
}

QJsonObject teamToJson(const TeamRouting &t)
{
    QJsonObject caps;
    for (Priority p : {Priority::P1, Priority::P2, Priority::P3, Priority::P4}) {
        if (t.maxOpenByPriority[priorityIndex(p)] != kNoCap)
            caps.insert(toCode(p), t.maxOpenByPriority[priorityIndex(p)]);
    }
    QJsonObject o{{u"strategy"_s, toString(t.strategy)},
                  {u"max_open"_s, t.maxOpen},
                  {u"max_open_by_priority"_s, caps},
                  {u"acceptance_timeout_minutes"_s, t.acceptanceTimeoutMinutes},
                  {u"offline_grace_minutes"_s, t.offlineGraceMinutes},
                  {u"idle_away_minutes"_s, t.idleAwayMinutes},
                  {u"key_accounts_first"_s, t.keyAccountsFirst},
                  {u"shift_calendar"_s, t.shiftCalendar}};
    if (!t.teamId.isEmpty())
        o.insert(u"team_id"_s, t.teamId);
    return o;
}

QJsonObject agentToJson(const QString &userId, const AgentSkills &s)
{
    QJsonObject o{{u"user_id"_s, userId}};
    for (auto [key, list] :
         {std::pair{u"categories"_s, &s.categories}, std::pair{u"channels"_s, &s.channels},
          std::pair{u"languages"_s, &s.languages}, std::pair{u"stations"_s, &s.stations}}) {
        if (!list->isEmpty())
            o.insert(key, QJsonArray::fromStringList(*list));
    }
    if (!s.keyAccounts)
        o.insert(u"key_accounts"_s, false);
    if (!s.shiftCalendar.isEmpty())
        o.insert(u"shift_calendar"_s, s.shiftCalendar);
    return o;
}

/// Reads "teams" or "agents": objects with a unique, non-empty id under @p idKey.
template<typename F>
void forEachRow(Checker &c, const QJsonObject &o, const QString &listKey, const QString &idKey, F &&read)
{
    const QJsonValue v = o.value(listKey);
    if (v.isUndefined())
        return;
    if (!v.isArray()) {
        c.fail(listKey, RoutingPolicy::tr("must be a list"));
        return;
    }
    QSet<QString> seen;
    const QJsonArray rows = v.toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString where = listKey + u'[' + QString::number(i) + u"]."_s;
        const QJsonObject row = rows.at(i).toObject();
        const QString id = row.value(idKey).toString();
        if (id.isEmpty() || seen.contains(id)) {
            c.fail(where + idKey, RoutingPolicy::tr("must be a unique, non-empty id"));
            continue;
        }
        seen.insert(id);
        read(row, where, id);
    }
}

} // namespace

std::optional<AgentStatus> agentStatusFromString(QStringView code)
{
    return fromTable<AgentStatus>(kStatusCodes, code);
}

std::optional<Strategy> strategyFromString(QStringView code)
{
    return fromTable<Strategy>(kStrategyCodes, code);
}

QStringList allAgentStatusCodes()
{
    return codesOf(kStatusCodes);
}

QStringList allStrategyCodes()
{
    return codesOf(kStrategyCodes);
}

QString displayName(AgentStatus status)
{
    return QCoreApplication::translate("pd::routing::Routing", kStatusLabels[int(status)]);
}

QString displayName(Strategy strategy)
{
    return QCoreApplication::translate("pd::routing::Routing", kStrategyLabels[int(strategy)]);
}

RoutingPolicy RoutingPolicy::defaults()
{
    RoutingPolicy p;
    p.m_version = 1;
    p.m_default = TeamRouting{};
    p.m_default.strategy = Strategy::EarliestDeadline;
    return p;
}

void RoutingPolicy::setDefaultTeam(const TeamRouting &team)
{
    m_default = team;
    m_default.teamId.clear();
}

void RoutingPolicy::setTeam(const TeamRouting &team)
{
    if (!team.teamId.isEmpty())
        m_teams.insert(team.teamId, team);
}

const TeamRouting &RoutingPolicy::forTeam(const QString &teamId) const
{
    const auto it = m_teams.constFind(teamId);
    return it == m_teams.cend() ? m_default : *it;
}

void RoutingPolicy::setAgentSkills(const QString &userId, const AgentSkills &skills)
{
    m_agents.insert(userId, skills);
}

AgentSkills RoutingPolicy::skillsOf(const QString &userId) const
{
    return m_agents.value(userId);
}

void RoutingPolicy::setCalendar(const BusinessCalendar &calendar)
{
    m_calendars.insert(calendar.name(), std::make_shared<const BusinessCalendar>(calendar));
}

std::shared_ptr<const BusinessCalendar> RoutingPolicy::calendar(const QString &name) const
{
    return m_calendars.value(name);
}

QJsonObject RoutingPolicy::toJson() const
{
    QJsonArray teams;
    for (const auto &t : m_teams)
        teams.append(teamToJson(t));
    QJsonArray agents;
    for (auto it = m_agents.cbegin(); it != m_agents.cend(); ++it)
        agents.append(agentToJson(it.key(), it.value()));
    QJsonArray calendars;
    for (const auto &c : m_calendars)
        calendars.append(c->toJson());
    return {{u"version"_s, m_version},
            {u"default"_s, teamToJson(m_default)},
            {u"teams"_s, teams},
            {u"agents"_s, agents},
            {u"calendars"_s, calendars}};
}

std::optional<RoutingPolicy> RoutingPolicy::fromJson(const QJsonObject &o, QStringList *errors)
{
    RoutingPolicy p;
    Checker c;
    c.unknownKeys(o, kPolicyKeys, {});
    if (!o.contains(u"version"_s))
        c.fail(u"version"_s, tr("is required"));
    c.integer(o, u"version"_s, {}, 1, std::numeric_limits<int>::max(), &p.m_version);

    const QJsonArray calendars = o.value(u"calendars"_s).toArray();
    for (qsizetype i = 0; i < calendars.size(); ++i) {
        const QString where = u"calendars[%1]"_s.arg(i);
        JsonError err;
        auto cal = BusinessCalendar::fromJson(calendars.at(i).toObject(), &err);
        if (!cal)
            c.fail(where + u'.' + err.field, err.message);
        else if (cal->name().isEmpty() || p.m_calendars.contains(cal->name()))
            c.fail(where + u".name"_s, tr("must be a unique, non-empty name"));
        else
            p.setCalendar(*cal);
    }
    const QStringList names = p.calendarNames();

    if (o.contains(u"default"_s) && !o.value(u"default"_s).isObject())
        c.fail(u"default"_s, tr("must be an object"));
    c.team(o.value(u"default"_s).toObject(), u"default."_s, names, &p.m_default);
    p.m_default.teamId.clear();
    forEachRow(c, o, u"teams"_s, u"team_id"_s,
               [&](const QJsonObject &row, const QString &where, const QString &id) {
                   TeamRouting t = p.m_default;
                   t.teamId = id;
                   c.team(row, where, names, &t);
                   p.m_teams.insert(id, t);
               });
    forEachRow(c, o, u"agents"_s, u"user_id"_s,
               [&](const QJsonObject &row, const QString &where, const QString &id) {
                   AgentSkills s;
                   c.agent(row, where, names, &s);
                   p.m_agents.insert(id, s);
               });

    if (!c.errors.isEmpty()) {
        if (errors)
            errors->append(c.errors);
        return std::nullopt;
    }
    return p;
}

bool operator==(const RoutingPolicy &a, const RoutingPolicy &b)
{
    if (a.m_version != b.m_version || a.m_default != b.m_default || a.m_teams != b.m_teams ||
        a.m_agents != b.m_agents || a.m_calendars.keys() != b.m_calendars.keys())
        return false;
    for (auto it = a.m_calendars.cbegin(); it != a.m_calendars.cend(); ++it) {
        if (!(*it.value() == *b.m_calendars.value(it.key())))
            return false;
    }
    return true;
}

} // namespace pd::routing

namespace pd {

QString toString(routing::AgentStatus status)
{
    return QString::fromLatin1(routing::kStatusCodes[int(status)]);
}

QString toString(routing::Strategy strategy)
{
    return QString::fromLatin1(routing::kStrategyCodes[int(strategy)]);
}

} // namespace pd
