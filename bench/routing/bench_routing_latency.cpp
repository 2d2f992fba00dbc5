// Routing decision latency (docs/routing.md, "Latency"): 1,000 agents and 50,000 open tickets; p50/p90/p99 of
// assign() (one ticket, all agents) and next() (one agent, all unassigned tickets) over 2,000 decisions per
// run, median of 5 runs. Target: p99 < 2 ms. Run: `build/bench/routing/bench_routing_latency`.

#include "bench/common/stats.h"
#include "models/routing/routingengine.h"
#include "models/routing/unassignedqueue.h"

#include <QCoreApplication>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <vector>

using namespace Qt::StringLiterals;
using namespace pd;
using namespace pd::routing;

namespace {

constexpr int kAgents = 1000;
constexpr int kTickets = 50'000;
constexpr int kDecisions = 2000;
constexpr int kRuns = 5;
constexpr qint64 kMin = 60 * 1000;

struct World
{
    RoutingPolicy policy;
    QList<AgentState> agents;
    QList<RoutableTicket> tickets;
};

// Agents in `teams` teams with mixed skills and loads; unassigned tickets over the same teams, deadlines in
// the next two hours in random order.
World makeWorld(int teams, Instant now, quint64 seed)
{
    std::mt19937_64 rng(seed);
    World w;
    w.policy = RoutingPolicy::defaults();
    w.policy.setAgentSkills(u"nobody"_s, AgentSkills{{}, {}, {u"fr"_s}, {}, true, {}});
    for (int i = 0; i < kAgents; ++i) {
        AgentState a;
        a.userId = u"u%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        a.teamId = u"team-%1"_s.arg(i % teams);
        a.status = (i % 10 == 9) ? AgentStatus::Break : AgentStatus::Online;
        a.open = int(rng() % 8);
        a.openByPriority[2] = a.open;
        a.lastAssignedAt = now - qint64(rng() % 120) * kMin;
        w.agents.append(a);
        AgentSkills s;
        if (i % 4 == 0)
            s.categories = {u"delay"_s, u"service"_s};
        if (i % 3 == 0)
            s.languages = {u"zh"_s, u"en"_s};
        else
            s.languages = {u"zh"_s};
        s.keyAccounts = i % 2 == 0;
        w.policy.setAgentSkills(a.userId, s);
    }
    for (int i = 0; i < kTickets; ++i) {
        RoutableTicket t;
        t.id = u"T%1"_s.arg(i, 6, 10, QLatin1Char('0'));
        t.teamId = u"team-%1"_s.arg(int(rng() % unsigned(teams)));
        t.category = static_cast<Category>(rng() % 6);
        t.channel = static_cast<Channel>(rng() % 6);
        t.language = rng() % 12 == 0 ? u"en"_s : u"zh"_s;
        t.keyAccount = rng() % 10 == 0;
        t.priority = static_cast<Priority>(rng() % 4);
        t.createdAt = now - qint64(rng() % 240) * kMin;
        t.deadline = now + qint64(rng() % 7200) * 1000;
        w.tickets.append(t);
    }
    return w;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// Wall time and this thread's CPU time of each call: on a shared machine the wall time's tail is mostly the
// thread being preempted, which the CPU time leaves out.
struct Samples
{
    std::vector<double> wall;
    std::vector<double> cpu;
};

template<typename F>
Samples timeEach(int n, F &&f)
{
    Samples s;
    s.wall.reserve(std::size_t(n));
    s.cpu.reserve(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        const double c0 = threadCpuMs();
        const auto t0 = std::chrono::steady_clock::now();
        f(i);
        s.wall.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        s.cpu.push_back(threadCpuMs() - c0);
    }
    return s;
}

struct Figures
{
    std::vector<double> p50, p90, p99, cpu99;
    void add(const Samples &s)
    {
        p50.push_back(bench::percentile(s.wall, 0.50));
        p90.push_back(bench::percentile(s.wall, 0.90));
        p99.push_back(bench::percentile(s.wall, 0.99));
        cpu99.push_back(bench::percentile(s.cpu, 0.99));
    }
    void print(const char *what) const
    {
        std::printf("%-46s p50 %7.3f  p90 %7.3f  p99 %7.3f ms   (CPU p99 %7.3f ms)\n", what,
                    bench::percentile(p50, 0.5), bench::percentile(p90, 0.5), bench::percentile(p99, 0.5),
                    bench::percentile(cpu99, 0.5));
    }
};

void measure(int teams, const char *label)
{
    const Instant now = *instantFromIso(u"2026-12-07T02:00:00Z"_s);
    Figures assignF, nextF, worstF, queueF, queueNoneF;
    volatile int sink = 0;
    for (int run = 0; run < kRuns; ++run) {
        const World w = makeWorld(teams, now, 1000 + quint64(run));
        const RoutingEngine engine(w.policy);
        RoundRobinCursor cursor;
        assignF.add(timeEach(kDecisions, [&](int i) {
            sink = sink + (engine.assign(w.tickets.at(i * 7 % kTickets), w.agents, now, cursor) ? 1 : 0);
        }));
        nextF.add(timeEach(kDecisions, [&](int i) {
            sink = sink + (engine.next(w.agents.at(i % kAgents), w.tickets, now) ? 1 : 0);
        }));
        // The scan's worst order: each ticket more urgent than the one before, so every one is checked.
        QList<RoutableTicket> worst = w.tickets;
        std::sort(worst.begin(), worst.end(), [](const RoutableTicket &a, const RoutableTicket &b) {
            return RoutingEngine::moreUrgent(b, a, true);
        });
        worstF.add(timeEach(kDecisions / 4, [&](int i) {
            sink = sink + (engine.next(w.agents.at(i % kAgents), worst, now) ? 1 : 0);
        }));
        UnassignedQueue queue(w.policy);
        for (const RoutableTicket &t : w.tickets)
            queue.insert(t);
        queueF.add(timeEach(kDecisions, [&](int i) {
            sink = sink + (engine.next(w.agents.at(i % kAgents), queue, now) ? 1 : 0);
        }));
        // An agent who qualifies for none of the queue reads their team's queue to the end.
        AgentState none = w.agents.first();
        none.userId = u"nobody"_s;
        queueNoneF.add(
            timeEach(kDecisions / 4, [&](int) { sink = sink + (engine.next(none, queue, now) ? 1 : 0); }));
    }
    std::printf("%s\n", label);
    assignF.print("  assign(): one ticket over 1,000 agents");
    nextF.print("  next(): one agent over 50,000 tickets");
    worstF.print("  next(), tickets in least-urgent-first order");
    queueF.print("  next() from UnassignedQueue");
    queueNoneF.print("  next() from UnassignedQueue, nothing fits");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("Routing decisions, %d agents, %d open unassigned tickets, %d decisions x %d runs (median)\n",
                kAgents, kTickets, kDecisions, kRuns);
    measure(10, "10 teams of 100 agents:");
    measure(1, "1 team of 1,000 agents:");
    return 0;
}
