#include "routingsim.h"

#include <QFile>
#include <QHash>
#include <QTextStream>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace pd::bench::routing {

using namespace pd::routing;

namespace {

constexpr qint64 kMinMs = 60 * 1000;
constexpr int kShiftMinutes = 8 * 60;
constexpr int kBreakMinutes = 30;
constexpr int kMeasureMarginMinutes = 120;
const QStringList kShiftNames{u"early"_s, u"day"_s, u"late"_s};

/// Deterministic draws on every platform (the standard distributions are not specified bit for bit).
class Draw
{
public:
    explicit Draw(quint64 seed)
        : m_rng(seed)
    {}
    double uniform() { return double(m_rng() >> 11) * 0x1.0p-53; }
    double uniform(double a, double b) { return a + (b - a) * uniform(); }
    bool chance(double p) { return uniform() < p; }
    double normal()
    {
        const double u1 = std::max(uniform(), 1e-300);
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * uniform());
    }
    double lognormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

private:
    std::mt19937_64 m_rng;
};

// Handle time by category, as a factor of the median: a lost or damaged parcel takes a claim, a service
// complaint mostly an apology. Over the demo's mix the factors average 0.969.
constexpr std::array<double, 6> kHandleFactor{0.8, 1.3, 1.5, 1.0, 0.7, 0.8}; // Category order
constexpr std::array<double, 6> kDemoMix{0.45, 0.18, 0.12, 0.05, 0.15, 0.05};

double handleMinutes(Draw &draw, const SimConfig &c, Category category)
{
    return draw.lognormal(c.handleMedianMinutes * kHandleFactor[std::size_t(category)], c.handleSigma);
}

Category demoCategory(double r)
{
    return r < 0.45   ? Category::Delay
           : r < 0.63 ? Category::Damage
           : r < 0.75 ? Category::Loss
           : r < 0.90 ? Category::Service
           : r < 0.95 ? Category::WrongItem
                      : Category::Other;
}

Instant simEnd(const SimConfig &c)
{
    return simStart() + qint64(c.days) * 24 * 60 * kMinMs;
}

// Agent i: shift i % 3; then by k = i / 3, the place within the shift: team-a for 3 of 5, every third speaks
// English, every eighth is a trainee without key accounts, every sixth a claims specialist (damage and loss
// only); breaks staggered by 15 minutes. From 15 agents on, every shift has both teams in the stream's
// proportion and every skill combination the stream asks for.
struct AgentPlan
{
    QString id;
    QString team;
    int shift = 0;
    int breakStart = 0; // minute of the day
    AgentSkills skills;
};

AgentPlan agentPlan(int i)
{
    AgentPlan p;
    p.id = u"a%1"_s.arg(i, 3, 10, QLatin1Char('0'));
    p.shift = i % 3;
    const int k = i / 3;
    p.team = (k % 5) < 3 ? u"team-a"_s : u"team-b"_s;
    p.breakStart = p.shift * kShiftMinutes + 4 * 60 + (k % 4) * 15;
    p.skills.languages = (k % 3 == 0) ? QStringList{u"zh"_s, u"en"_s} : QStringList{u"zh"_s};
    p.skills.keyAccounts = k % 8 != 7;
    if (k % 6 == 2)
        p.skills.categories = QStringList{u"damage"_s, u"loss"_s};
    p.skills.shiftCalendar = kShiftNames.at(p.shift);
    return p;
}

} // namespace

QString simStrategyName(SimStrategy s)
{
    switch (s) {
    case SimStrategy::EarliestDeadline:
        return u"earliest_deadline"_s;
    case SimStrategy::RoundRobin:
        return u"round_robin"_s;
    case SimStrategy::NextTicket:
        return u"next_ticket"_s;
    case SimStrategy::OldestFirst:
        return u"oldest_first"_s;
    }
    return {};
}

Instant simStart()
{
    return *instantFromIso(u"2026-12-06T16:00:00Z"_s); // Monday 2026-12-07 00:00 in Asia/Shanghai
}

double capacityPerHour(const SimConfig &c)
{
    double mixFactor = 0;
    for (std::size_t i = 0; i < kDemoMix.size(); ++i)
        mixFactor += kDemoMix[i] * kHandleFactor[i];
    const double mean = c.handleMedianMinutes * mixFactor * std::exp(c.handleSigma * c.handleSigma / 2.0);
    const double onShift = double(c.agents) / 3.0;
    return onShift * double(kShiftMinutes - kBreakMinutes) / double(kShiftMinutes) * 60.0 / mean;
}

QList<Arrival> demoArrivals(const SimConfig &c, double perHour)
{
    Draw draw(c.seed);
    QList<Arrival> out;
    const double gapMs = 3600.0 * 1000.0 / perHour;
    double at = double(simStart()) + gapMs * draw.uniform(0.0, 1.0);
    while (Instant(at) < simEnd(c)) {
        Arrival a;
        a.at = Instant(at);
        a.category = demoCategory(draw.uniform());
        a.channel = draw.chance(0.6) ? Channel::Phone : Channel::App;
        a.teamId = draw.chance(0.6) ? u"team-a"_s : u"team-b"_s;
        a.language = draw.chance(0.08) ? u"en"_s : u"zh"_s;
        a.keyAccount = draw.chance(0.10);
        a.handleMinutes = handleMinutes(draw, c, a.category);
        out.append(a);
        at += gapMs * draw.uniform(0.5, 1.5);
    }
    return out;
}

QList<Arrival> readArrivalsCsv(const QString &path, const SimConfig &c, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = u"cannot open %1"_s.arg(path);
        return {};
    }
    Draw draw(c.seed);
    QList<Arrival> out;
    QTextStream in(&f);
    int line = 0;
    while (!in.atEnd()) {
        const QStringList cells = in.readLine().split(u',');
        if (++line == 1 && cells.value(0) == u"created_at")
            continue;
        const auto at = instantFromIso(cells.value(0).trimmed());
        const auto category = fromCode<Category>(cells.value(1).trimmed());
        const auto channel = fromCode<Channel>(cells.value(2).trimmed());
        if (!at || !category || !channel || cells.value(3).trimmed().isEmpty()) {
            *error =
                u"%1:%2: expected created_at,category,channel,team_id[,language,key_account]"_s.arg(path).arg(
                    line);
            return {};
        }
        Arrival a{*at,
                  *category,
                  *channel,
                  cells.value(3).trimmed(),
                  cells.value(4).trimmed(),
                  cells.value(5).trimmed() == u"true" || cells.value(5).trimmed() == u"1",
                  0};
        a.handleMinutes = handleMinutes(draw, c, a.category);
        out.append(a);
    }
    std::stable_sort(out.begin(), out.end(), [](const Arrival &a, const Arrival &b) { return a.at < b.at; });
    return out;
}

QList<Arrival> rescaled(QList<Arrival> arrivals, const SimConfig &c, double perHour)
{
    if (arrivals.size() < 2)
        return arrivals;
    const Instant first = arrivals.first().at;
    const double spanHours = double(arrivals.last().at - first) / 3600000.0;
    const double natural = spanHours > 0 ? double(arrivals.size() - 1) / spanHours : perHour;
    const double factor = natural / perHour;
    QList<Arrival> out;
    for (Arrival a : std::as_const(arrivals)) {
        a.at = simStart() + Instant(double(a.at - first) * factor);
        if (a.at >= simEnd(c))
            break;
        out.append(a);
    }
    return out;
}

RoutingPolicy simPolicy(const SimConfig &c, Strategy strategy)
{
    RoutingPolicy p = RoutingPolicy::defaults();
    TeamRouting team = p.defaultTeam();
    team.strategy = strategy;
    team.maxOpen = c.maxOpen;
    p.setDefaultTeam(team);
    for (int s = 0; s < 3; ++s) {
        BusinessCalendar cal(QByteArrayLiteral("Asia/Shanghai"));
        cal.setName(kShiftNames.at(s));
        for (int d = 1; d <= 7; ++d)
            cal.setWeekdayHours(d, {{s * kShiftMinutes, (s + 1) * kShiftMinutes}});
        p.setCalendar(cal);
    }
    for (int i = 0; i < c.agents; ++i) {
        const AgentPlan plan = agentPlan(i);
        p.setAgentSkills(plan.id, plan.skills);
    }
    return p;
}

namespace {

/// One run: the state of every ticket and agent, advanced a minute at a time.
class Run
{
public:
    Run(const SimConfig &c, SimStrategy strategy, const QList<Arrival> &arrivals);
    SimResult run();

private:
    struct Ticket
    {
        RoutableTicket r;
        double handleMinutes = 0;
        Instant firstResponse = -1;
        QString previous; // the agent it was taken from, excluded from the next push
    };
    struct Agent
    {
        AgentPlan plan;
        AgentState s;
        int current = -1;
        Instant busyUntil = 0;
        QList<int> queue; // pushed, not started
    };

    [[nodiscard]] bool push() const
    {
        return m_strategy == SimStrategy::EarliestDeadline || m_strategy == SimStrategy::RoundRobin;
    }
    void arrive(Instant t);
    void updateAgents(Instant t);
    void reroute(Instant t);
    void assign(Instant t);
    void startWork(Instant t);
    void start(Agent &a, int ticket, Instant t);
    [[nodiscard]] int pick(const Agent &a, QList<RoutableTicket> &pool, Instant t) const;
    void measure();
    [[nodiscard]] SimResult result() const;
    [[nodiscard]] QList<AgentState> states() const;

    SimConfig m_config;
    SimStrategy m_strategy;
    const QList<Arrival> &m_arrivals;
    RoutingEngine m_engine;
    RoundRobinCursor m_cursor;
    std::vector<Ticket> m_tickets;
    std::vector<Agent> m_agents;
    QList<int> m_unassigned;
    qsizetype m_nextArrival = 0;
    qint64 m_available = 0;
    qint64 m_busy = 0;
    qint64 m_spreadSum = 0;
    qint64 m_minutes = 0;
    int m_maxSpread = 0;
    int m_reroutes = 0;
};

Run::Run(const SimConfig &c, SimStrategy strategy, const QList<Arrival> &arrivals)
    : m_config(c)
    , m_strategy(strategy)
    , m_arrivals(arrivals)
    , m_engine(simPolicy(c, strategy == SimStrategy::RoundRobin         ? Strategy::RoundRobin
                            : strategy == SimStrategy::EarliestDeadline ? Strategy::EarliestDeadline
                                                                        : Strategy::PullOnly))
{
    for (int i = 0; i < c.agents; ++i) {
        Agent a;
        a.plan = agentPlan(i);
        a.s.userId = a.plan.id;
        a.s.teamId = a.plan.team;
        a.s.status = AgentStatus::Offline;
        a.s.statusSince = simStart() - 60 * kMinMs;
        m_agents.push_back(a);
    }
}

void Run::arrive(Instant t)
{
    for (; m_nextArrival < m_arrivals.size() && m_arrivals.at(m_nextArrival).at <= t; ++m_nextArrival) {
        const Arrival &a = m_arrivals.at(m_nextArrival);
        Ticket tk;
        tk.r.id = QString::number(m_tickets.size());
        tk.r.teamId = a.teamId;
        tk.r.category = a.category;
        tk.r.channel = a.channel;
        tk.r.language = a.language;
        tk.r.keyAccount = a.keyAccount;
        tk.r.priority = a.keyAccount ? Priority::P2 : Priority::P3;
        tk.r.createdAt = a.at;
        tk.r.deadline = a.at + m_config.firstResponseMinutes * kMinMs;
        tk.handleMinutes = a.handleMinutes;
        m_unassigned.append(int(m_tickets.size()));
        m_tickets.push_back(tk);
    }
}

// Status from shift and break; finished work frees the agent; open counts from the queue and the current one.
void Run::updateAgents(Instant t)
{
    const int minute = int(((t - simStart()) / kMinMs) % (24 * 60));
    for (Agent &a : m_agents) {
        const bool onShift =
            minute >= a.plan.shift * kShiftMinutes && minute < (a.plan.shift + 1) * kShiftMinutes;
        const bool onBreak = minute >= a.plan.breakStart && minute < a.plan.breakStart + kBreakMinutes;
        const AgentStatus status = !onShift  ? AgentStatus::Offline
                                   : onBreak ? AgentStatus::Break
                                             : AgentStatus::Online;
        if (status != a.s.status) {
            a.s.status = status;
            a.s.statusSince = t;
        }
        if (a.current >= 0 && a.busyUntil <= t)
            a.current = -1;
        a.s.open = int(a.queue.size()) + (a.current >= 0 ? 1 : 0);
        a.s.openByPriority = {0, 0, 0, 0};
        for (int k : std::as_const(a.queue))
            ++a.s.openByPriority[priorityIndex(m_tickets[k].r.priority)];
        if (a.current >= 0)
            ++a.s.openByPriority[priorityIndex(m_tickets[a.current].r.priority)];
    }
}

QList<AgentState> Run::states() const
{
    QList<AgentState> out;
    out.reserve(qsizetype(m_agents.size()));
    for (const Agent &a : m_agents)
        out.append(a.s);
    return out;
}

void Run::reroute(Instant t)
{
    QList<RoutableTicket> queued;
    for (const Agent &a : m_agents) {
        for (int k : a.queue)
            queued.append(m_tickets[k].r);
    }
    const QList<Reroute> moves = m_engine.reroutes(queued, states(), t);
    for (const Reroute &m : moves) {
        const int k = m.ticketId.toInt();
        for (Agent &a : m_agents) {
            if (a.s.userId == m.fromAgentId) {
                a.queue.removeOne(k);
                --a.s.open;
                --a.s.openByPriority[priorityIndex(m_tickets[k].r.priority)];
            }
        }
        m_tickets[k].previous = m.fromAgentId;
        m_tickets[k].r.assigneeId.clear();
        m_unassigned.append(k);
        ++m_reroutes;
    }
}

void Run::assign(Instant t)
{
    QList<RoutableTicket> pool;
    for (int k : std::as_const(m_unassigned)) {
        RoutableTicket r = m_tickets[k].r;
        r.assigneeId = m_tickets[k].previous; // never straight back to the agent it timed out with
        pool.append(r);
    }
    const QList<Decision> ds = m_engine.assignAll(pool, states(), t, m_cursor);
    QHash<QString, Agent *> byId;
    for (Agent &a : m_agents)
        byId.insert(a.s.userId, &a);
    for (const Decision &d : ds) {
        const int k = d.ticketId.toInt();
        Ticket &tk = m_tickets[k];
        tk.r.assigneeId = d.agentId;
        tk.r.assignedAt = t;
        tk.r.opened = false;
        tk.r.pushed = true;
        tk.previous.clear();
        Agent *a = byId.value(d.agentId);
        a->queue.append(k);
        ++a->s.open;
        ++a->s.openByPriority[priorityIndex(tk.r.priority)];
        m_unassigned.removeOne(k);
    }
}

void Run::start(Agent &a, int ticket, Instant t)
{
    Ticket &tk = m_tickets[ticket];
    tk.r.assigneeId = a.s.userId;
    tk.r.opened = true;
    if (tk.firstResponse < 0)
        tk.firstResponse = t;
    a.current = ticket;
    a.busyUntil = t + qint64(std::ceil(tk.handleMinutes)) * kMinMs;
}

// The ticket an idle agent takes from the unassigned pool (-1 = none); marks it taken in the pool.
int Run::pick(const Agent &a, QList<RoutableTicket> &pool, Instant t) const
{
    qsizetype best = -1;
    if (m_strategy == SimStrategy::NextTicket) {
        const auto d = m_engine.next(a.s, pool, t);
        if (!d)
            return -1;
        for (qsizetype i = 0; i < pool.size() && best < 0; ++i)
            best = pool.at(i).id == d->ticketId ? i : -1;
    } else {
        for (qsizetype i = 0; i < pool.size(); ++i) {
            const RoutableTicket &r = pool.at(i);
            if (!r.assigneeId.isEmpty() || (best >= 0 && pool.at(best).createdAt <= r.createdAt))
                continue;
            if (!m_engine.whyNot(a.s, r, t, DecisionKind::Pull))
                best = i;
        }
    }
    if (best < 0)
        return -1;
    pool[best].assigneeId = a.s.userId;
    return pool.at(best).id.toInt();
}

void Run::startWork(Instant t)
{
    QList<RoutableTicket> pool;
    if (!push()) {
        for (int k : std::as_const(m_unassigned))
            pool.append(m_tickets[k].r);
    }
    for (Agent &a : m_agents) {
        if (a.current >= 0 || a.s.status != AgentStatus::Online)
            continue;
        if (push()) {
            if (a.queue.isEmpty())
                continue;
            auto it = std::min_element(a.queue.cbegin(), a.queue.cend(), [this](int x, int y) {
                return RoutingEngine::moreUrgent(m_tickets[x].r, m_tickets[y].r, true);
            });
            const int k = *it;
            a.queue.removeOne(k);
            start(a, k, t);
            continue;
        }
        const int k = pick(a, pool, t);
        if (k < 0)
            continue;
        m_unassigned.removeOne(k);
        start(a, k, t);
    }
}

void Run::measure()
{
    int lo = std::numeric_limits<int>::max();
    int hi = -1;
    for (const Agent &a : m_agents) {
        if (a.s.status != AgentStatus::Online)
            continue;
        ++m_available;
        m_busy += a.current >= 0 ? 1 : 0;
        const int open = int(a.queue.size()) + (a.current >= 0 ? 1 : 0);
        lo = std::min(lo, open);
        hi = std::max(hi, open);
    }
    if (hi < 0)
        return;
    ++m_minutes;
    m_spreadSum += hi - lo;
    m_maxSpread = std::max(m_maxSpread, hi - lo);
}

SimResult Run::result() const
{
    const Instant end = simEnd(m_config);
    const Instant from = simStart() + kMeasureMarginMinutes * kMinMs;
    const Instant to = end - kMeasureMarginMinutes * kMinMs;
    std::vector<double> waits;
    int met = 0;
    int keyTickets = 0;
    int keyMet = 0;
    for (const Ticket &tk : m_tickets) {
        if (tk.r.createdAt < from || tk.r.createdAt >= to)
            continue;
        const double wait =
            double((tk.firstResponse >= 0 ? tk.firstResponse : end) - tk.r.createdAt) / kMinMs;
        waits.push_back(wait);
        const int inTime = (tk.firstResponse >= 0 && wait <= m_config.firstResponseMinutes) ? 1 : 0;
        met += inTime;
        keyTickets += tk.r.keyAccount ? 1 : 0;
        keyMet += tk.r.keyAccount ? inTime : 0;
    }
    SimResult r;
    r.tickets = int(waits.size());
    r.compliance = waits.empty() ? 0.0 : double(met) / double(waits.size());
    r.keyCompliance = keyTickets ? double(keyMet) / double(keyTickets) : 0.0;
    std::sort(waits.begin(), waits.end());
    r.p90FirstResponse = waits.empty() ? 0.0 : waits[std::size_t(0.9 * double(waits.size() - 1) + 0.5)];
    r.occupancy = m_available ? double(m_busy) / double(m_available) : 0.0;
    r.meanSpread = m_minutes ? double(m_spreadSum) / double(m_minutes) : 0.0;
    r.maxSpread = m_maxSpread;
    r.reroutes = m_reroutes;
    return r;
}

SimResult Run::run()
{
    for (Instant t = simStart(); t < simEnd(m_config); t += kMinMs) {
        arrive(t);
        updateAgents(t);
        if (push()) {
            reroute(t);
            assign(t);
        }
        startWork(t);
        measure();
    }
    return result();
}

} // namespace

SimResult simulate(const SimConfig &config, SimStrategy strategy, const QList<Arrival> &arrivals)
{
    return Run(config, strategy, arrivals).run();
}

} // namespace pd::bench::routing
